/**
 * Cheap structural tests on a node that decide which simplification strategies can apply
 * (`strategies.ts`): each looks at the node's arguments only, never builds a node.
 */
import { termsOf } from "../core/build.js";
import type { Expr } from "../core/node.js";
import { factorMap } from "./rational.js";

/** Number of distinct bases with a negative numeric exponent over the terms of `e`. */
export function denominatorCount(e: Expr): number {
  const bases = new Set<Expr>();
  for (const t of termsOf(e)) {
    for (const [b, k] of factorMap(t)[1]) if (k.sign() < 0) bases.add(b);
  }
  return bases.size;
}

/**
 * True for `c*x^i*y^j...` with symbols and integer exponents (or one such power): no candidate is
 * cheaper, so simplify keeps it without trying any.
 */
export function isPlainMonomial(e: Expr): boolean {
  if (e.kind === "pow") return e.base.kind === "sym" && e.exp.kind === "num" && e.exp.value.isInteger();
  if (e.kind !== "mul") return false;
  for (const f of e.args) {
    if (f.kind === "num" || f.kind === "sym") continue;
    if (f.kind === "pow" && f.base.kind === "sym" && f.exp.kind === "num" && f.exp.value.isInteger()) continue;
    return false;
  }
  return true;
}

/** True for a sum of more than `terms` plain monomials (a polynomial in symbols, multiplied out). */
export function isLongPolynomial(e: Expr, terms: number): boolean {
  if (e.kind !== "add" || e.args.length <= terms) return false;
  for (const t of e.args) if (t.kind !== "num" && t.kind !== "sym" && !isPlainMonomial(t)) return false;
  return true;
}

/**
 * True for a sum of monomials: no term has a sum factor, a power of a sum or a negative or
 * fractional numeric power. Expansion, common denominators and cancellation leave it unchanged.
 */
export function isMonomialSum(e: Expr): boolean {
  if (e.kind !== "add") return false;
  for (const t of e.args) {
    for (const f of t.kind === "mul" ? t.args : [t]) {
      if (f.kind === "add") return false;
      if (f.kind === "pow" && (f.base.kind === "add" || (f.exp.kind === "num" && !(f.exp.value.isInteger() && f.exp.value.sign() > 0)))) return false;
    }
  }
  return true;
}

/** True for a term with a sum factor or a positive integer power of a sum. */
export function multipliesOut(t: Expr): boolean {
  if (t.kind === "pow") return t.base.kind === "add" && t.exp.kind === "num" && t.exp.value.isInteger() && t.exp.value.sign() > 0;
  return t.kind === "mul" && t.args.some((f) => f.kind === "add" || multipliesOut(f));
}

/** True when the product or power `e` has a sum factor or a power of a sum. */
export function hasSumFactor(e: Expr): boolean {
  if (e.kind === "pow") return e.base.kind === "add";
  return e.args.some((a) => a.kind === "add" || (a.kind === "pow" && a.base.kind === "add"));
}

/** True when the product or power `e` has a factor with a negative numeric exponent. */
export function hasDenominator(e: Expr): boolean {
  const negative = (f: Expr): boolean => f.kind === "pow" && f.exp.kind === "num" && f.exp.value.sign() < 0;
  return e.kind === "pow" ? negative(e) : e.args.some(negative);
}

/**
 * True when the product `e` has a sum factor and exp factors that `distributeExp` can merge: two
 * or more, or one and an exp factor in a term of a sum factor. With a single exp and none in the
 * terms, distributing merges nothing: its candidates are the product multiplied out over that sum,
 * or the sum's common part pulled out beside the other factors, forms that the expand, sum-content
 * and cancel strategies build (on the corpus and the tune set it never kept one).
 */
export function hasMergeableExps(e: Expr): boolean {
  if (e.kind !== "mul") return false;
  let exps = 0;
  let sum = false;
  let expInTerm = false;
  const isExp = (f: Expr): boolean => f.kind === "call" && f.fn === "exp";
  for (const f of e.args) {
    if (isExp(f)) exps++;
    else if (f.kind === "add") {
      sum = true;
      if (f.args.some((t) => (t.kind === "mul" ? t.args.some(isExp) : isExp(t)))) expInTerm = true;
    }
  }
  return sum && (exps >= 2 || (exps === 1 && expInTerm));
}

/** True when a term has a factor with a negative numeric exponent (a denominator). */
function hasNegativePower(t: Expr): boolean {
  if (t.kind === "pow") return t.exp.kind === "num" && t.exp.value.sign() < 0;
  return t.kind === "mul" && t.args.some((f) => f.kind === "pow" && f.exp.kind === "num" && f.exp.value.sign() < 0);
}

/**
 * True when the rational layer of `e` (sums, products and powers; not function arguments) has a
 * sum with a term that has a denominator: otherwise `togetherRational(e)` is `e`.
 */
export function hasFractionInSum(e: Expr): boolean {
  if (e.kind === "add" && e.args.some(hasNegativePower)) return true;
  if (e.kind !== "add" && e.kind !== "mul" && e.kind !== "pow") return false;
  return e.args.some(hasFractionInSum);
}
