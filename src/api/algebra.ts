/** The public algebra functions over a formula string or a node. */
import type { Expr } from "../core/node.js";
import * as expanding from "../rewrite/expand.js";
import * as factoring from "../rewrite/factor.js";
import * as rational from "../rewrite/rational.js";
import * as simplifying from "../rewrite/simplify.js";
import { toExpr, type ExprInput } from "./input.js";
import { checkAssumptions } from "../parse/text-input.js";

export type { SimplifyOptions, SimplifyReport } from "../rewrite/simplify.js";

/** The cheapest equivalent form found, never changing a value where the input is defined. */
export function simplify(input: ExprInput, options?: simplifying.SimplifyOptions): Expr {
  checkAssumptions(options?.assume);
  return simplifying.simplify(toExpr(input), options);
}

/** `simplify` with the budget that stopped it and the rewrites applied. */
export function simplifyWithReport(input: ExprInput, options?: simplifying.SimplifyOptions): simplifying.SimplifyReport {
  checkAssumptions(options?.assume);
  return simplifying.simplifyWithReport(toExpr(input), options);
}

/** Products and integer powers of sums multiplied out. */
export function expand(input: ExprInput): Expr {
  return expanding.expand(toExpr(input));
}

/** Sums factored over the rationals (content, square-free parts, rational roots). */
export function factor(input: ExprInput): Expr {
  return factoring.factor(toExpr(input));
}

/** A quotient of polynomials with their greatest common divisor cancelled. */
export function cancel(input: ExprInput): Expr {
  return rational.cancel(toExpr(input));
}

/** Sums of fractions over a common denominator. */
export function together(input: ExprInput): Expr {
  return rational.together(toExpr(input));
}
