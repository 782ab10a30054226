// Every problem of the differentiation corpus (test/data/problems.json, a copy of the project's
// shared corpus): the derivative symgrad prints must match the 50-digit reference values at every
// check point, to a relative error of 1e-9 (plus 1e-12 absolute for values that are exactly 0).
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { diff, gradient } from "../../src/api/calculus.js";
import { canonicalViolations } from "../../src/core/invariants.js";
import type { Expr } from "../../src/core/node.js";
import { evaluate } from "../../src/numeric/evaluate.js";
import { parseLatex } from "../../src/parse/latex-parser.js";
import { parse } from "../../src/parse/parser.js";
import { toLatex } from "../../src/print/latex.js";

interface Problem {
  id: string;
  category: string;
  expr: string;
  vars: string[];
  order?: number;
  checks: { at: Record<string, number>; values: number[] }[];
}

const corpus = JSON.parse(readFileSync(new URL("../data/problems.json", import.meta.url), "utf8")) as { problems: Problem[] };

function derivatives(p: Problem): Expr[] {
  if (p.order !== undefined) return [diff(p.expr, p.vars[0]!, p.order)];
  if (p.vars.length === 1) return [diff(p.expr, p.vars[0]!)];
  const g = gradient(p.expr, p.vars);
  return p.vars.map((v) => g[v]!);
}

function close(actual: number, expected: number): boolean {
  return Math.abs(actual - expected) <= 1e-9 * Math.abs(expected) + 1e-12;
}

describe("differentiation corpus", () => {
  it("has every problem", () => {
    expect(corpus.problems.length).toBe(262);
  });

  it.each(corpus.problems.map((p) => [p.id, p] as const))("%s", (_id, p) => {
    const results = derivatives(p);
    for (const r of results) {
      expect(canonicalViolations(r)).toEqual([]);
      // What a user sees must itself be a correct formula: check the printed forms, reparsed.
      expect(parse(String(r))).toBe(r);
      expect(parseLatex(toLatex(r))).toBe(r);
    }
    for (const check of p.checks) {
      results.forEach((r, i) => {
        const expected = check.values[i]!;
        let actual = evaluate(r, check.at);
        if (!close(actual, expected)) {
          // A correct but badly conditioned form can lose digits in double precision.
          actual = evaluate(r, check.at, { precision: 40 });
        }
        expect(close(actual, expected), `${p.id} d/d${p.vars[i]} at ${JSON.stringify(check.at)}: ${actual} vs ${expected}`).toBe(true);
      });
    }
  });
});
