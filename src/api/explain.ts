/** The public step-by-step derivative: `explainDiff`. */
import { checkOrder } from "../calculus/diff.js";
import { checkDerivation } from "../calculus/explain-check.js";
import { explain, type Explanation } from "../calculus/explain.js";
import { withNodeBudget } from "../core/build.js";
import type { SimplifyOptions } from "../rewrite/simplify.js";
import type { Variable } from "./calculus.js";
import { toExpr, toVariableName, type ExprInput } from "./input.js";

export type { Derivation, Explanation, Rule, Step } from "../calculus/explain.js";
export type { StepCheck } from "../calculus/explain-check.js";

/** Options of `explainDiff`. */
export interface ExplainOptions {
  /** The derivative's order for a single variable (default 1). */
  order?: number;
  /** Check every step numerically at random points and report it (`step.check`, `verified`). */
  verify?: boolean;
  /** Options of the final simplification (as for `diff`). */
  simplify?: SimplifyOptions;
}

/**
 * The derivative of `input` by `vars` (one variable, or a list taken in order: a mixed partial)
 * as a derivation of steps, each applying one rule; the `result` is `diff(input, vars, order)`.
 * See the README section "Step by step" for the steps, the rules and the groups.
 *
 * @throws ParseError for a bad formula; TypeError when a variable is not a symbol name.
 * @throws RangeError for a bad order; LimitError past `limits.diffTimeMs` or `limits.maxNodes`.
 * @example
 * explainDiff("x^2*sin(x)", "x").steps.map((s) => s.rule);   // => ["product", "power", "trig", "simplify"]
 * explainDiff("sin(x^2)", "x").steps[0].expr;                // => cos(x^2)*d/dx(x^2)
 * explainDiff("sin(x^2)", "x").result;                       // => 2*x*cos(x^2)
 * explainDiff("x^x", "x", { verify: true }).verified;        // => true
 */
export function explainDiff(input: ExprInput, vars: Variable | readonly Variable[], options: ExplainOptions = {}): Explanation {
  const e = toExpr(input);
  let names: string[];
  if (Array.isArray(vars)) {
    if (options.order !== undefined && options.order !== 1)
      throw new RangeError("an order applies to a single variable; repeat the variable in the list instead");
    names = (vars as readonly Variable[]).map(toVariableName);
  } else {
    const order = options.order ?? 1;
    checkOrder(order);
    names = new Array<string>(order).fill(toVariableName(vars as Variable));
  }
  const explanation = withNodeBudget(() => explain(e, names, options.simplify));
  return options.verify === true ? checkDerivation(explanation) : explanation;
}
