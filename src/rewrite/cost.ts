/**
 * The cost of an expression: the corpus size measure (tokens other than parentheses and commas)
 * of its plain-text print, computed structurally and memoised per node, without printing.
 *
 * Its layout decisions are the printer's, read from the same functions of `print/layout.ts`: a
 * product with negative powers (`isNegativeExponent`) prints as a fraction (`2*x/y^2`), `u^(1/2)`
 * as `sqrt(u)` unless u is a negative number (`isNegativeNumber`), a negative term of a sum
 * (`isNegativeTerm`) replaces its `+` by `-`, nested `min`/`max` print as one flat call, and a
 * sum whose first displayed term is negative (`startsWithMinus`) starts with a unary minus. The property test
 * `cost(e) === size(print(e))` (test/rewrite/cost.test.ts) holds them together.
 */
import type { Expr } from "../core/node.js";
import { Rational } from "../core/rational.js";
import { isNegativeExponent, isNegativeNumber, isNegativeTerm, startsWithMinus } from "../print/layout.js";
import { registerCache } from "../core/memo.js";
import { fillSlots, RECURSIVE_DEPTH } from "../core/traverse.js";

/** The epoch of the cost slots on nodes (`Expr.costValue`): a slot of another epoch is stale. */
let costEpoch = 0;
registerCache(() => {
  costEpoch++;
});

function rationalCost(r: Rational): number {
  const sign = r.sign() < 0 ? 1 : 0;
  return sign + (r.isInteger() ? 1 : 3);
}

const costIsCurrent = (node: Expr): boolean => node.costEpoch === costEpoch;
const fillCost = (node: Expr): void => {
  node.costValue = computeCost(node);
  node.costEpoch = costEpoch;
};

export function cost(e: Expr): number {
  if (e.costEpoch !== costEpoch) {
    // Every node's arguments, and their arguments, are costed before the node: by recursion for
    // nodes at most RECURSIVE_DEPTH deep, by `fillSlots` beyond (no deep recursion).
    if (e.depth <= RECURSIVE_DEPTH) fillCost(e);
    else fillSlots(e, costIsCurrent, fillCost);
  }
  return e.costValue;
}

function computeCost(e: Expr): number {
  switch (e.kind) {
    case "num":
      return rationalCost(e.value);
    case "sym":
    case "const":
      return 1;
    case "call":
      // max(a, max(b, c)) prints flat, max(a, b, c) (`flatArguments`): one name for the chain.
      if ((e.fn === "min" || e.fn === "max") && e.args[1]!.kind === "call" && e.args[1]!.fn === e.fn) return cost(e.args[0]!) + cost(e.args[1]!);
      return e.args.reduce((s, a) => s + cost(a), 1);
    case "apply":
      return e.args.reduce((s, a) => s + cost(a), 1);
    case "pow":
      return powCost(e.base, e.exp);
    case "add": {
      let total = e.args.length - 1;
      for (const t of e.args) {
        if (!isNegativeTerm(t)) total += cost(t);
        else total += t.kind === "num" ? rationalCost(t.value.abs()) : cost(t) - 1;
      }
      // The term printed first shows its sign as a unary minus.
      return startsWithMinus(e.args) ? total + 1 : total;
    }
    case "mul":
      return mulCost(e.args);
    case "deriv":
      return e.args.reduce((s, a) => s + cost(a), 1);
  }
}

function powCost(base: Expr, exp: Expr): number {
  if (exp.kind === "num") {
    const r = exp.value;
    if (r.sign() < 0) return 2 + positivePowCost(base, r.neg());
    return positivePowCost(base, r);
  }
  if (isNegativeExponent(exp)) {
    // b^(-u) prints as 1/b^u.
    return 2 + cost(base) + 1 + cost(exp) - 1;
  }
  return cost(base) + 1 + cost(exp);
}

function positivePowCost(base: Expr, r: Rational): number {
  if (r.isOne()) return cost(base);
  if (r.equals(Rational.HALF) && !isNegativeNumber(base)) return 1 + cost(base);
  return cost(base) + 1 + rationalCost(r);
}

function mulCost(args: readonly Expr[]): number {
  let coefficient = Rational.ONE;
  let numCount = 0;
  let numCost = 0;
  let denCount = 0;
  let denCost = 0;
  for (const f of args) {
    if (f.kind === "num") {
      coefficient = f.value;
      continue;
    }
    if (f.kind === "pow" && f.exp.kind === "num" && f.exp.value.sign() < 0) {
      denCount++;
      denCost += positivePowCost(f.base, f.exp.value.neg());
    } else if (f.kind === "pow" && isNegativeExponent(f.exp)) {
      denCount++;
      denCost += cost(f.base) + 1 + cost(f.exp) - 1;
    } else {
      numCount++;
      numCost += cost(f);
    }
  }
  return (coefficient.sign() < 0 ? 1 : 0) + fractionCost(coefficient, numCount, numCost, denCount, denCost);
}

/**
 * Printed size of `p*n1*...*nk / (q*d1*...*dm)` for the coefficient p/q (its sign not counted),
 * given the numerator factors' count and total size and the denominator's: each factor, the
 * operators between them, the `/`, and an implicit `1` for an empty numerator.
 */
export function fractionCost(coefficient: Rational, numCount: number, numCost: number, denCount: number, denCost: number): number {
  const a = coefficient.abs();
  if (a.num !== 1n) {
    numCount++;
    numCost += 1;
  }
  if (a.den !== 1n) {
    denCount++;
    denCost += 1;
  }
  if (numCount === 0) {
    numCount = 1;
    numCost = 1;
  }
  return numCost + (numCount - 1) + (denCount > 0 ? 1 + denCost + (denCount - 1) : 0);
}
