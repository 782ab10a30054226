/** Checks every line of grammar/cases.txt (its header documents the line format). */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { expectErrorOutcome, splitCase, thrownBy } from "../support/case-file.js";
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
    const { input, outcome } = splitCase(source, "cases.txt", i + 1);
    cases.push({ line: i + 1, source, input: unescape(input, i + 1), outcome });
  });
  return cases;
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
    const err = thrownBy(() => parse(input));
    if (expectErrorOutcome(err, outcome, input, { reasonRequired: false, readReason: (t) => unescape(t, c.line) })) return;
    throw new Error(`cases.txt line ${c.line}: unknown outcome ${outcome}`);
  });
});
