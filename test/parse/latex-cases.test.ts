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
  /** From the last `#! undefinedFunctions:` directive before the line. */
  undefinedFunctions: readonly string[];
}

function readCases(): Case[] {
  const text = readFileSync(new URL("../../grammar/latex-cases.txt", import.meta.url), "utf8");
  const cases: Case[] = [];
  let undefinedFunctions: readonly string[] = [];
  text.split("\n").forEach((raw, i) => {
    const source = raw.trim();
    const directive = /^#! undefinedFunctions:(.*)$/.exec(source);
    if (directive !== null) undefinedFunctions = directive[1]!.split(/\s+/).filter((name) => name !== "");
    if (source === "" || source.startsWith("#")) return;
    const at = source.lastIndexOf(" => ");
    if (at < 0) throw new Error(`latex-cases.txt line ${i + 1}: no " => " in ${source}`);
    cases.push({ line: i + 1, source, input: source.slice(0, at).trim(), outcome: source.slice(at + 4).trim(), undefinedFunctions });
  });
  return cases;
}

function thrown(input: string, undefinedFunctions: readonly string[]): unknown {
  try {
    parseLatex(input, { undefinedFunctions });
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
    const { input, outcome, undefinedFunctions } = c;
    if (outcome.startsWith("= ")) {
      const e = parseLatex(input, { undefinedFunctions });
      const expected = parse(outcome.slice(2), { undefinedFunctions });
      expect(canonicalViolations(e)).toEqual([]);
      expect(String(e)).toBe(String(expected));
      expect(e).toBe(expected);
      return;
    }
    const err = thrown(input, undefinedFunctions);
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
