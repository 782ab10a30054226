/** Checks every line of grammar/latex-cases.txt (its header documents the line format). */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { DomainError, LimitError, ParseError } from "../../src/core/errors.js";
import { canonicalViolations } from "../../src/core/invariants.js";
import { parseLatex } from "../../src/parse/latex-parser.js";
import { parse } from "../../src/parse/parser.js";

interface Case {
  line: number;
  source: string;
  input: string;
  outcome: string;
}

function readCases(): Case[] {
  const text = readFileSync(new URL("../../grammar/latex-cases.txt", import.meta.url), "utf8");
  const cases: Case[] = [];
  text.split("\n").forEach((raw, i) => {
    const source = raw.trim();
    if (source === "" || source.startsWith("#")) return;
    const at = source.lastIndexOf(" => ");
    if (at < 0) throw new Error(`latex-cases.txt line ${i + 1}: no " => " in ${source}`);
    cases.push({ line: i + 1, source, input: source.slice(0, at).trim(), outcome: source.slice(at + 4).trim() });
  });
  return cases;
}

function thrown(input: string): unknown {
  try {
    parseLatex(input);
  } catch (err) {
    return err;
  }
  return undefined;
}

const cases = readCases();

describe("grammar/latex-cases.txt", () => {
  it("has at least 150 accepted inputs and 50 rejected ones", () => {
    expect(cases.filter((c) => c.outcome.startsWith("= ")).length).toBeGreaterThanOrEqual(150);
    expect(cases.filter((c) => c.outcome.startsWith("error")).length).toBeGreaterThanOrEqual(50);
  });

  it.each(cases.map((c) => [`${c.line}: ${c.source}`, c] as const))("%s", (_, c) => {
    const { input, outcome } = c;
    if (outcome.startsWith("= ")) {
      const e = parseLatex(input);
      expect(canonicalViolations(e)).toEqual([]);
      expect(String(e)).toBe(String(parse(outcome.slice(2))));
      expect(e).toBe(parse(outcome.slice(2)));
      return;
    }
    const err = thrown(input);
    const error = /^error at column (\d+): (.*)$/.exec(outcome);
    if (error !== null) {
      expect(err).toBeInstanceOf(ParseError);
      const e = err as ParseError;
      expect(e.reason).toBe(error[2]);
      expect(e.column).toBe(Number(error[1]));
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
    throw new Error(`latex-cases.txt line ${c.line}: unknown outcome ${outcome}`);
  });
});
