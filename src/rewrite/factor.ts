/**
 * `factor(e)`: every sum that is a polynomial over atoms written as a product of its numeric
 * content, monomial content and square-free factors (split further by rational roots when
 * univariate), applied bottom-up after `together`, so a rational function becomes a product of
 * factored numerator and denominator. Exact: the product expands back to the input.
 */
import { mulAll, num, pow } from "../core/build.js";
import type { Expr } from "../core/node.js";
import { fromPoly, sortedAtomTable, toPoly } from "../poly/convert.js";
import { factorPoly } from "../poly/factor.js";
import { bottomUp, togetherTop } from "./rational.js";

/** The factored form of one sum (its terms already factored). */
export function factorSum(e: Expr): Expr {
  if (e.kind !== "add") return e;
  const table = sortedAtomTable([e]);
  const p = toPoly(e, table);
  const { coefficient, factors } = factorPoly(p);
  if (factors.length === 0) return e;
  return mulAll([num(coefficient), ...factors.map(([f, k]) => pow(fromPoly(f, table), num(k)))]);
}

export function factor(e: Expr): Expr {
  return bottomUp(e, (node) => {
    const t = togetherTop(node);
    if (t.kind === "add") return factorSum(t);
    if (t.kind !== "mul") return t;
    return mulAll(t.args.map((f) => (f.kind === "add" ? factorSum(f) : f.kind === "pow" && f.base.kind === "add" ? pow(factorSum(f.base), f.exp) : f)));
  });
}
