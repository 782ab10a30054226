/** The public algebra functions over a formula string or a node. */
import type { Expr } from "../core/node.js";
import * as expanding from "../rewrite/expand.js";
import * as factoring from "../rewrite/factor.js";
import * as rational from "../rewrite/rational.js";
import * as simplifying from "../rewrite/simplify.js";
import { toExpr, type ExprInput } from "./input.js";
import { checkAssumptions } from "../parse/text-input.js";

export type { SimplifyOptions, SimplifyReport } from "../rewrite/simplify.js";

/**
 * The cheapest equivalent form found (by printed size), never changing a value where the input is
 * defined. Rewrites that need a sign or a range happen only under `options.assume`. Bounded by work
 * budgets (and a time safety net), so it always ends; a budget only limits how far it gets.
 *
 * @example
 * simplify("sin(x)^2 + cos(x)^2");                          // => 1
 * simplify("(x^2-1)/(x-1)");                                // => x + 1
 * simplify("sqrt(x^2)");                                    // => abs(x)
 * simplify("sqrt(x^2)", { assume: { x: "nonnegative" } });  // => x
 */
export function simplify(input: ExprInput, options?: simplifying.SimplifyOptions): Expr {
  checkAssumptions(options?.assume);
  return simplifying.simplify(toExpr(input), options);
}

/**
 * `simplify`, with the budget that stopped it (`"fixpoint"` when none did), the names of the
 * rewrites applied and the polynomial work spent.
 *
 * @example
 * simplifyWithReport("sin(x)^2 + cos(x)^2").result;  // => 1
 */
export function simplifyWithReport(input: ExprInput, options?: simplifying.SimplifyOptions): simplifying.SimplifyReport {
  checkAssumptions(options?.assume);
  return simplifying.simplifyWithReport(toExpr(input), options);
}

/**
 * Products and non-negative integer powers of sums multiplied out, exactly.
 *
 * @throws LimitError beyond `limits.maxExpandTerms` terms or `limits.maxPolyWork`.
 * @example
 * expand("(x+1)^3");         // => x^3 + 3*x^2 + 3*x + 1
 * expand("(a+b)*(a-b)");     // => a^2 - b^2
 */
export function expand(input: ExprInput): Expr {
  return expanding.expand(toExpr(input));
}

/**
 * Polynomials factored into irreducibles over the rationals: the numeric and monomial content,
 * then each square-free part split into irreducible factors (univariate by the Zassenhaus
 * method, multivariate by dehomogenising or Kronecker's substitution). The product of the
 * factors is the input. A multivariate factor whose Kronecker image has degree above 120, or
 * whose search passes a quarter of the work left, stays as the square-free part found (correct,
 * possibly reducible).
 *
 * @throws LimitError beyond `limits.maxPolyWork` (univariate factoring never returns a reducible
 * factor instead).
 * @example
 * factor("x^2 - 1");         // => (x - 1)*(x + 1)
 * factor("2*x^2 + 4*x + 2"); // => 2*(x + 1)^2
 * factor("x^4 + 4");         // => (x^2 - 2*x + 2)*(x^2 + 2*x + 2)
 * factor("x^3 - y^3");       // => (x - y)*(x^2 + y^2 + x*y)
 */
export function factor(input: ExprInput): Expr {
  return factoring.factor(toExpr(input));
}

/**
 * A quotient of polynomials with their greatest common divisor cancelled. Equal to the input
 * wherever the input is defined (cancelling may remove a point where it was undefined).
 *
 * @example
 * cancel("(x^2-1)/(x-1)");   // => x + 1
 */
export function cancel(input: ExprInput): Expr {
  return rational.cancel(toExpr(input));
}

/**
 * Sums of fractions over a common denominator.
 *
 * @example
 * together("1/x + 1/y");     // => (x + y)/(x*y)
 */
export function together(input: ExprInput): Expr {
  return rational.together(toExpr(input));
}
