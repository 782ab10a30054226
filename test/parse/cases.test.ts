/** Checks every line of grammar/cases.txt (its header documents the line format). */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { DomainError, LimitError, ParseError } from "../../src/core/errors.js";
import type { Expr } from "../../src/core/node.js";
import { parse } from "../../src/parse/parser.js";

interface Case {
  line: number;
  source: string;
  input: string;
  outcome: string;
}

/** Decodes the escapes \s \t \n \r \\ and \u{HEX}. */
function unescape(text: string, line: number): string {
  return text.replace(/\\(u\{([0-9A-Fa-f]+)\}|.)/gu, (_, esc: string, hex: string | undefined) => {
    if (hex !== undefined) return String.fromCodePoint(parseInt(hex, 16));
    const simple: Record<string, string> = { s: " ", t: "\t", n: "\n", r: "\r", "\\": "\\" };
    const out = simple[esc];
    if (out === undefined) throw new Error(`cases.txt line ${line}: unknown escape \\${esc}`);
    return out;
  });
}

function readCases(): Case[] {
  const text = readFileSync(new URL("../../grammar/cases.txt", import.meta.url), "utf8");
  const cases: Case[] = [];
  text.split("\n").forEach((raw, i) => {
    const source = raw.trim();
    if (source === "" || source.startsWith("#")) return;
    const at = source.lastIndexOf(" => ");
    if (at < 0) throw new Error(`cases.txt line ${i + 1}: no " => " in ${source}`);
    cases.push({ line: i + 1, source, input: unescape(source.slice(0, at).trim(), i + 1), outcome: source.slice(at + 4).trim() });
  });
  return cases;
}

function thrown(input: string): unknown {
  try {
    parse(input);
  } catch (err) {
    return err;
  }
  return undefined;
}

const cases = readCases();

describe("grammar/cases.txt", () => {
  it("has at least 120 cases", () => {
    expect(cases.length).toBeGreaterThanOrEqual(120);
  });

  it.each(cases.map((c) => [`${c.line}: ${c.source}`, c] as const))("%s", (_, c) => {
    const { input, outcome } = c;
    if (outcome === "ok") {
      expect(parse(input)).toBeTypeOf("object");
      return;
    }
    if (outcome.startsWith("= ")) {
      const other: Expr = parse(unescape(outcome.slice(2), c.line));
      expect(parse(input)).toBe(other);
      return;
    }
    const err = thrown(input);
    const error = /^error at column (\d+)(?:: (.*))?$/.exec(outcome);
    if (error !== null) {
      expect(err).toBeInstanceOf(ParseError);
      const e = err as ParseError;
      expect(e.column).toBe(Number(error[1]));
      if (error[2] !== undefined) expect(e.reason).toBe(unescape(error[2], c.line));
      expect(e.message).toBe(`${e.reason} at column ${e.column}`);
      expect(e.source).toBe(input);
      expect(0 <= e.start && e.start <= e.end && e.end <= Array.from(input).length).toBe(true);
      return;
    }
    const limit = /^limit (\w+)$/.exec(outcome);
    if (limit !== null) {
      expect(err).toBeInstanceOf(LimitError);
      expect((err as LimitError).limit).toBe(limit[1]);
      return;
    }
    if (outcome === "domain error") {
      expect(err).toBeInstanceOf(DomainError);
      return;
    }
    throw new Error(`cases.txt line ${c.line}: unknown outcome ${outcome}`);
  });
});
