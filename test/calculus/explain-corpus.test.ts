// Every problem of the differentiation corpus (test/data/problems.json) has a derivation whose
// steps all verify numerically (each step's expression, inert derivatives carried out, equals the
// one before it at random real points), whose last step is `diff`'s result, whose printed steps
// parse back, and whose LaTeX renders with KaTeX.
import { readFileSync } from "node:fs";
import katex from "katex";
import { describe, expect, it } from "vitest";
import { diff } from "../../src/api/calculus.js";
import { explainDiff } from "../../src/api/explain.js";
import type { Derivation, Step } from "../../src/calculus/explain.js";
import { canonicalViolations } from "../../src/core/invariants.js";
import { parse } from "../../src/parse/parser.js";
import { print } from "../../src/print/plain.js";
import { stepsToLatex } from "../../src/print/steps.js";

interface Problem {
  id: string;
  expr: string;
  vars: string[];
  order?: number;
}

const corpus = JSON.parse(readFileSync(new URL("../data/problems.json", import.meta.url), "utf8")) as { problems: Problem[] };

/**
 * Derivations whose steps print to more than PRINT_CHECK_MAX characters in all (the large sums,
 * long products and wide gradients) are explained and verified, but their steps are not re-parsed;
 * LaTeX longer than RENDER_MAX characters is not rendered (KaTeX takes about a millisecond per
 * hundred characters: rendering all 283 derivations takes longer than the rest of the suite, these
 * bounds keep 217 of them). The printers' round trip and KaTeX output are properties of every node,
 * tested on the other problems here and on random expressions in the printer tests.
 */
const PRINT_CHECK_MAX = 20_000;
const RENDER_MAX = 6_000;

function allSteps(d: Derivation): Step[] {
  return d.steps.flatMap((s) => (s.group === undefined ? [s] : [...allSteps(s.group), s]));
}

/**
 * The derivatives a problem asks for: order n, or one explanation per variable of a gradient. Of
 * a gradient in more than three variables the first two and the last are explained (the
 * others have the same shape; all 50 would make this file take minutes).
 */
function explanations(p: Problem) {
  if (p.order !== undefined) return [{ vars: [p.vars[0]!], order: p.order }];
  const vars = p.vars.length <= 3 ? p.vars : [p.vars[0]!, p.vars[1]!, p.vars[p.vars.length - 1]!];
  return vars.map((v) => ({ vars: [v], order: 1 }));
}

describe("every corpus derivation verifies step by step", () => {
  it.each(corpus.problems.map((p) => [p.id, p] as const))("%s", (_id, p) => {
    for (const { vars, order } of explanations(p)) {
      const ex = explainDiff(p.expr, vars[0]!, { order, verify: true });
      const failed = allSteps(ex).filter((s) => !s.check!.ok || s.check!.points === 0);
      expect(failed.map((s) => `${s.rule}: ${print(s.expr).slice(0, 200)} (${JSON.stringify(s.check)})`)).toEqual([]);
      expect(ex.verified).toBe(true);
      expect(ex.result).toBe(diff(p.expr, vars[0]!, order));
      for (const s of allSteps(ex)) expect(canonicalViolations(s.expr)).toEqual([]);
      const texts = allSteps(ex).map((s) => print(s.expr));
      if (texts.reduce((n, t) => n + t.length, 0) > PRINT_CHECK_MAX) continue;
      allSteps(ex).forEach((s, i) => expect(parse(texts[i]!)).toBe(s.expr));
      const latex = stepsToLatex(ex);
      if (latex.length <= RENDER_MAX) katex.renderToString(latex, { throwOnError: true, strict: "error" });
    }
  });
});
