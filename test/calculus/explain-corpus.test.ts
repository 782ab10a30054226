// Every problem of the differentiation corpus (test/data/problems.json) has a derivation whose
// steps all verify numerically (each step's expression, inert derivatives carried out, equals the
// one before it at random real points), whose last step is `diff`'s result and whose steps,
// printed as text and as LaTeX (inert derivatives included), parse back. That the LaTeX renders
// is explain-corpus-katex.test.ts.
import { describe, expect, it } from "vitest";
import { diff } from "../../src/api/calculus.js";
import { explainDiff } from "../../src/api/explain.js";
import { canonicalViolations } from "../../src/core/invariants.js";
import { parseLatex } from "../../src/parse/latex-parser.js";
import { parse } from "../../src/parse/parser.js";
import { toLatex } from "../../src/print/latex.js";
import { print } from "../../src/print/plain.js";
import { allSteps, corpusProblems, explanations } from "../support/corpus-derivations.js";

/**
 * Derivations whose steps print to more than PRINT_CHECK_MAX characters in all (the large sums,
 * long products and wide gradients) are explained and verified, but their steps are not re-parsed;
 * the printers' round trip is a property of every node, tested on the other problems here and on
 * random expressions in the printer tests.
 */
const PRINT_CHECK_MAX = 20_000;

describe("every corpus derivation verifies step by step", () => {
  it.each(corpusProblems.map((p) => [p.id, p] as const))("%s", (_id, p) => {
    for (const { vars, order } of explanations(p)) {
      const ex = explainDiff(p.expr, vars[0], { order, verify: true });
      const failed = allSteps(ex).filter((s) => !s.check!.ok || s.check!.points === 0);
      expect(failed.map((s) => `${s.rule}: ${print(s.expr).slice(0, 200)} (${JSON.stringify(s.check)})`)).toEqual([]);
      expect(ex.verified).toBe(true);
      expect(ex.result).toBe(diff(p.expr, vars[0], order));
      for (const s of allSteps(ex)) expect(canonicalViolations(s.expr)).toEqual([]);
      const texts = allSteps(ex).map((s) => print(s.expr));
      if (texts.reduce((n, t) => n + t.length, 0) > PRINT_CHECK_MAX) continue;
      allSteps(ex).forEach((s, i) => {
        expect(parse(texts[i]!)).toBe(s.expr);
        expect(parseLatex(toLatex(s.expr))).toBe(s.expr);
      });
    }
  });
});
