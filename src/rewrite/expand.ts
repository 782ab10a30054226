/**
 * `expand(e)`: products and non-negative integer powers of sums multiplied out, everywhere in the
 * expression (inside function arguments too). Negative powers of symbols and functions are
 * distributed as Laurent monomials (`(x + 1)/x` is `1 + 1/x`); a negative power of a sum is kept
 * as a factor of each term. Throws LimitError past `limits.maxExpandTerms` terms.
 */
import type { Expr } from "../core/node.js";
import { mapBottomUp } from "../core/traverse.js";
import { AtomTable, fromPoly, isPlainSum, leafOf, sortedAtomTable, toPoly, type ToPolyOptions } from "../poly/convert.js";
import { Rational } from "../core/rational.js";
import { withPolyBudget, type Poly } from "../poly/poly.js";
import { assembleSum } from "../poly/assemble.js";
import { limits } from "../core/limits.js";
import { cost, fractionCost } from "./cost.js";

export function expand(e: Expr): Expr {
  return withPolyBudget({ maxTerms: limits.maxExpandTerms, maxWork: limits.maxPolyWork }, () => expandUnbudgeted(e));
}

function expandUnbudgeted(e: Expr): Expr {
  return mapBottomUp(e, expandTop);
}

/** Multiplies out the top level of `e` (its arguments are already expanded). */
export function expandTop(e: Expr): Expr {
  if (e.kind !== "mul" && e.kind !== "pow") return e;
  if (e.kind === "pow" && e.base.kind !== "add") return e;
  if (e.kind === "mul" && !e.args.some((f) => f.kind === "add" || (f.kind === "pow" && f.base.kind === "add"))) return e;
  const options = { allowNegative: true };
  const table: AtomTable = sortedAtomTable([e], options);
  const p = toPoly(e, table, options);
  // The same node as fromPoly's, assembled directly when it can be (expansions of 10^5 terms);
  // the simplifier's small expansions keep fromPoly, and diff's bundle stays without assemble.ts.
  return assembleSum(p, table.atoms) ?? fromPoly(p, table);
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
  // Rules may merge exp(a)*exp(b) after expansion: with two exps the bound gets `slack` more.
  const exps = table.atoms.filter((a) => a.kind === "call" && a.fn === "exp").length;
  const bound = below + (exps >= 2 ? slack : 0);
  if (below !== Infinity && productCostFloor(e, options) >= bound) return null;
  const p = toPoly(e, table, options);
  if (below !== Infinity && costLowerBound(p, table) >= bound) return null;
  return fromPoly(p, table);
}

/**
 * A lower bound on `costLowerBound(toPoly(e), table)` for a product or power `e` whose expanding
 * factors (sums and positive integer powers of sums) are all plain sums, computed without
 * expanding; 0 when it does not apply. The expansion is then non-zero with at least T terms: the
 * number of terms m of a lone plain sum, k + 1 for the k-th power of a lone plain binomial
 * (binomial coefficients are non-zero and the monomials distinct), else 2 (the lexicographically
 * largest and smallest monomials of a product never cancel). When the atoms of the other factors
 * occur in no expanding factor, every term carries them with their exponents, so each term costs
 * at least the fraction of those factors alone, and T terms have T - 1 operators between them.
 * For a lone plain sum to the first power (times any monomial) the floor is exact: see
 * `distributedCost`.
 */
export function productCostFloor(e: Expr, options: ToPolyOptions): number {
  if (e.kind !== "mul" && e.kind !== "pow") return 0;
  const expandingAtoms = new Set<Expr>();
  const fixed = new Map<Expr, number>();
  let coefficient = Rational.ONE;
  let expanding = 0;
  let terms = 2;
  /** The expanding factor when it is a lone plain sum to the first power. */
  let loneSum: Expr | null = null;
  for (const f of e.kind === "mul" ? e.args : [e]) {
    if (f.kind === "num") {
      coefficient = f.value;
      continue;
    }
    if (f.kind === "add") {
      if (!isPlainSum(f, expandingAtoms)) return 0;
      expanding++;
      terms = f.args.length;
      loneSum = f;
      continue;
    }
    const leaf = leafOf(f, options);
    if ("expand" in leaf) {
      if (leaf.k < 1 || !isPlainSum(leaf.expand, expandingAtoms)) return 0;
      expanding++;
      const m = leaf.expand.args.length;
      terms = leaf.k === 1 ? m : m === 2 ? leaf.k + 1 : 2;
      loneSum = leaf.k === 1 ? leaf.expand : null;
    } else fixed.set(leaf.atom, (fixed.get(leaf.atom) ?? 0) + leaf.k);
  }
  if (expanding === 0) return 0;
  if (expanding === 1 && loneSum !== null) return distributedCost(coefficient, fixed, loneSum, options);
  if (expanding > 1) terms = 2;
  const outside: FractionParts = { numCount: 0, numCost: 0, denCount: 0, denCost: 0 };
  for (const [atom, k] of fixed) {
    if (expandingAtoms.has(atom)) return 0;
    addAtomPower(outside, atom, k);
  }
  return terms - 1 + terms * fractionCost(Rational.ONE, outside.numCount, outside.numCost, outside.denCount, outside.denCost);
}

/** Factor counts and costs of a numerator and a denominator, as `fractionCost` takes them. */
interface FractionParts {
  numCount: number;
  numCost: number;
  denCount: number;
  denCost: number;
}

/** Adds `atom^k` to `parts` the way `costLowerBound` weighs it. */
function addAtomPower(parts: FractionParts, atom: Expr, k: number): void {
  if (k !== 0) addPower(parts, cost(atom), k);
}

/** Adds a power `a^k` of an atom of cost `atomCost` (nothing for k = 0): |k| > 1 costs 2 more than `a`. */
function addPower(parts: FractionParts, atomCost: number, k: number): void {
  if (k === 0) return;
  const c = atomCost + (k > 1 || k < -1 ? 2 : 0);
  if (k > 0) {
    parts.numCount++;
    parts.numCost += c;
  } else {
    parts.denCount++;
    parts.denCost += c;
  }
}

/**
 * `costLowerBound` of the expansion of `coefficient * outside * sum` for a plain sum and a
 * monomial `outside` (atom -> exponent), computed without expanding. Exact: the terms of a plain
 * sum are distinct monomials, and so are their products with one monomial, so each term of the sum
 * is one term of the expansion, its exponents added to the outside ones.
 */
function distributedCost(coefficient: Rational, outside: ReadonlyMap<Expr, number>, sum: Expr, options: ToPolyOptions): number {
  let total = sum.args.length - 1;
  for (const t of sum.args) {
    const exponents = new Map(outside);
    let c = coefficient;
    for (const f of t.kind === "mul" ? t.args : [t]) {
      if (f.kind === "num") {
        c = c.mul(f.value);
        continue;
      }
      const leaf = leafOf(f, options) as { atom: Expr; k: number };
      exponents.set(leaf.atom, (exponents.get(leaf.atom) ?? 0) + leaf.k);
    }
    const parts: FractionParts = { numCount: 0, numCost: 0, denCount: 0, denCost: 0 };
    for (const [atom, k] of exponents) addAtomPower(parts, atom, k);
    total += fractionCost(c, parts.numCount, parts.numCost, parts.denCount, parts.denCost);
  }
  return total;
}

/**
 * A lower bound on the cost of `fromPoly(p, table)` (`cost.ts`), computed from the terms without
 * building them: each term is costed as the printer lays out a product (numerator, `/`,
 * denominator; an integer power `a^k` with |k| > 1 costs 2 more than `a`), terms are joined by
 * n - 1 operators, and a leading sign is not counted.
 */
export function costLowerBound(p: Poly, table: AtomTable): number {
  const atomCost = table.atoms.map(cost);
  let total = Math.max(0, p.size - 1);
  for (const t of p.values()) {
    const parts: FractionParts = { numCount: 0, numCost: 0, denCount: 0, denCost: 0 };
    for (let i = 0; i < t.mono.length; i++) addPower(parts, atomCost[i]!, t.mono[i]!);
    total += fractionCost(t.coef, parts.numCount, parts.numCost, parts.denCount, parts.denCost);
  }
  return total;
}
