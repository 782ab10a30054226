/** Checks every line of grammar/latex-cases.txt (its header documents the line format). */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { canonicalViolations } from "../../src/core/invariants.js";
import { parseLatex } from "../../src/parse/latex-parser.js";
import { parse } from "../../src/parse/parser.js";
import { expectErrorOutcome, splitCase, thrownBy } from "../support/case-file.js";

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
    cases.push({ line: i + 1, source, ...splitCase(source, "latex-cases.txt", i + 1), undefinedFunctions });
  });
  return cases;
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
    const err = thrownBy(() => parseLatex(input, { undefinedFunctions }));
    if (expectErrorOutcome(err, outcome, input, { reasonRequired: true })) return;
    throw new Error(`latex-cases.txt line ${c.line}: unknown outcome ${outcome}`);
  });
});
