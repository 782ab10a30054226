/**
 * `expand(e)`: products and non-negative integer powers of sums multiplied out, everywhere in the
 * expression (inside function arguments too). Negative powers of symbols and functions are
 * distributed as Laurent monomials (`(x + 1)/x` is `1 + 1/x`); a negative power of a sum is kept
 * as a factor of each term. Throws LimitError past `limits.maxExpandTerms` terms.
 */
import type { Expr } from "../core/node.js";
import { foldGraph, withMappedArgs } from "../core/traverse.js";
import { AtomTable, fromPoly, sortedAtomTable, toPoly } from "../poly/convert.js";
import { withPolyBudget, type Poly } from "../poly/poly.js";
import { limits } from "../core/limits.js";
import { cost, fractionCost } from "./cost.js";

export function expand(e: Expr): Expr {
  return withPolyBudget({ maxTerms: limits.maxExpandTerms, maxWork: limits.maxPolyWork }, () => expandUnbudgeted(e));
}

function expandUnbudgeted(e: Expr): Expr {
  return foldGraph<Expr>(e, (node, done) => {
    if (node.args.length === 0) return node;
    const mapped = withMappedArgs(node, done);
    const n = mapped;
    return expandTop(n);
  });
}

/** Multiplies out the top level of `e` (its arguments are already expanded). */
export function expandTop(e: Expr): Expr {
  if (e.kind !== "mul" && e.kind !== "pow") return e;
  if (e.kind === "pow" && e.base.kind !== "add") return e;
  if (e.kind === "mul" && !e.args.some((f) => f.kind === "add" || (f.kind === "pow" && f.base.kind === "add"))) return e;
  const options = { allowNegative: true };
  const table: AtomTable = sortedAtomTable([e], options);
  return fromPoly(toPoly(e, table, options), table);
}

/**
 * The sum `e` multiplied out as a polynomial over its atoms, without looking inside the atoms
 * (function arguments and non-integer power bases stay as they are).
 */
export function expandShallow(e: Expr): Expr;
/**
 * As above, or null when the expansion cannot cost less than `below` (it is then not built); with
 * two or more exp atoms, less than `below + slack` (the rules may merge their products).
 */
export function expandShallow(e: Expr, below: number, slack?: number): Expr | null;
export function expandShallow(e: Expr, below = Infinity, slack = 0): Expr | null {
  const options = { allowNegative: true };
  const table: AtomTable = sortedAtomTable([e], options);
  const p = toPoly(e, table, options);
  // Rules may merge exp(a)*exp(b) after expansion: with two exps the bound gets `slack` more.
  const exps = table.atoms.filter((a) => a.kind === "call" && a.fn === "exp").length;
  if (below !== Infinity && costLowerBound(p, table) >= below + (exps >= 2 ? slack : 0)) return null;
  return fromPoly(p, table);
}

/**
 * A lower bound on the cost of `fromPoly(p, table)` (`cost.ts`), computed from the terms without
 * building them: each term is costed as the printer lays out a product (numerator, `/`,
 * denominator; an integer power `a^k` with |k| > 1 costs 2 more than `a`), terms are joined by
 * n - 1 operators, and a leading sign is not counted.
 */
function costLowerBound(p: Poly, table: AtomTable): number {
  const atomCost = table.atoms.map(cost);
  let total = Math.max(0, p.size - 1);
  for (const t of p.values()) {
    let numCount = 0;
    let numCost = 0;
    let denCount = 0;
    let denCost = 0;
    for (let i = 0; i < t.mono.length; i++) {
      const k = t.mono[i]!;
      if (k === 0) continue;
      const c = atomCost[i]! + (k > 1 || k < -1 ? 2 : 0);
      if (k > 0) {
        numCount++;
        numCost += c;
      } else {
        denCount++;
        denCost += c;
      }
    }
    total += fractionCost(t.coef, numCount, numCost, denCount, denCost);
  }
  return total;
}
