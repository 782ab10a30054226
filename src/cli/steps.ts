/**
 * Step-by-step derivatives in the front ends: `symgrad diff EXPR VAR --steps` and the REPL's
 * `steps(e, x)`, `steps(e, x, n)`, `steps(e, x, y)`. The derivation comes from `explainDiff`,
 * formatted by `print/steps.ts`: plain text, one KaTeX `aligned` environment with `--latex`, and
 * with `--json` the structure (`stepsToJSON`) plus that LaTeX.
 */
import { explainDiff, type Explanation } from "../api/explain.js";
import type { Expr } from "../core/node.js";
import { formatSteps, stepsToJSON, stepsToLatex } from "../print/steps.js";

/** The derivation of d^n e / d v^n (one variable) or of the mixed partial by `vars` in order. */
export function explainFor(e: Expr, vars: readonly string[], order?: number): Explanation {
  return vars.length === 1 ? explainDiff(e, vars[0]!, { order: order ?? 1 }) : explainDiff(e, vars);
}

/** The CLI output of one derivation of the input text `input`. */
export function formatExplanation(input: string, ex: Explanation, output: { json: boolean; latex: boolean }): string {
  if (output.json) return JSON.stringify({ ...stepsToJSON(ex), input, latex: stepsToLatex(ex) });
  return output.latex ? stepsToLatex(ex) : formatSteps(ex);
}
