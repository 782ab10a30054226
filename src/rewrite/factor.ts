/**
 * `factor(e)`: every sum that is a polynomial over atoms written as a product of its numeric
 * content, monomial content and irreducible factors over the rationals (`src/poly/factor.ts`),
 * applied bottom-up after `together`, so a rational function becomes a product of factored
 * numerator and denominator. Exact: the product expands back to the input.
 */
import { mulAll, pow } from "../core/build.js";
import type { Expr } from "../core/node.js";
import { factorPoly } from "../poly/factor.js";
import { withPolyBudget } from "../poly/poly.js";
import { factorSumWith } from "./collect.js";
import { limits } from "../core/limits.js";
import { mapBottomUp } from "../core/traverse.js";
import { togetherTop } from "./rational.js";

/** The factored form of one sum (its terms already factored), into irreducibles. */
function factorSum(e: Expr): Expr {
  return factorSumWith(e, factorPoly);
}

export function factor(e: Expr): Expr {
  return withPolyBudget({ maxTerms: limits.maxExpandTerms, maxWork: limits.maxPolyWork }, () => factorUnbudgeted(e));
}

function factorUnbudgeted(e: Expr): Expr {
  return mapBottomUp(e, (node) => {
    const t = togetherTop(node);
    if (t.kind === "add") return factorSum(t);
    if (t.kind !== "mul") return t;
    return mulAll(t.args.map((f) => (f.kind === "add" ? factorSum(f) : f.kind === "pow" && f.base.kind === "add" ? pow(factorSum(f.base), f.exp) : f)));
  });
}
