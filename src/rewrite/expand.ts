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
import { expansionAtomTable, expansionCostFloor } from "./expansion-image.js";

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
 * As above, or null when the expansion cannot cost less than `below` (it is then not built: the
 * floors here and the expansion's image modulo a prime, `expansion-image.ts`, decide it first);
 * with two or more exp atoms, less than `below + slack` (the rules may merge their products).
 */
export function expandShallow(e: Expr, below: number, slack?: number): Expr | null;
export function expandShallow(e: Expr, below = Infinity, slack = 0): Expr | null {
  const options = { allowNegative: true };
  // The floors that need no atom table first: past `below + slack` no bound can admit the expansion.
  const floor = below === Infinity ? 0 : e.kind === "add" ? sumCostFloor(e, options) : productCostFloor(e, options);
  if (floor >= below + slack) return null;
  // Without a bound no image is read: the plain atom table, not the memoised shape with its exponent ranges.
  const table = below === Infinity ? sortedAtomTable([e], options) : expansionAtomTable(e);
  // Rules may merge exp(a)*exp(b) after expansion: with two exps the bound gets `slack` more.
  const exps = table.atoms.filter((a) => a.kind === "call" && a.fn === "exp").length;
  const bound = below + (exps >= 2 ? slack : 0);
  if (floor >= bound) return null;
  if (below !== Infinity && expansionCostFloor(e, table) >= bound) return null;
  const p = toPoly(e, table, options);
  if (below !== Infinity && costLowerBound(p, table) >= bound) return null;
  return fromPoly(p, table);
}

/**
 * A lower bound on `costLowerBound(toPoly(e), table)` for a product or power `e` whose expanding
 * factors (sums and positive integer powers of sums) are all plain sums, computed without
 * expanding; 0 when it does not apply. The expansion has at least T terms (`termsFloor`), and T
 * terms have T - 1 operators between them. Every term carries the other factors whose atoms occur
 * in no expanding factor with their exponents, so each term costs at least the fraction of those
 * factors alone (at least 1). For a lone plain sum to the first
 * power (times any monomial) the floor is exact: see `distributedCost`.
 */
export function productCostFloor(e: Expr, options: ToPolyOptions): number {
  const parts = expandingParts(e, options);
  if (parts === null || parts.sums.length === 0) return 0;
  const { sums, fixed, coefficient, atoms } = parts;
  if (sums.length === 1 && sums[0]![1] === 1) return distributedCost(coefficient, fixed, sums[0]![0], options);
  const terms = termsFloor(sums, atoms);
  const outside: FractionParts = { numCount: 0, numCost: 0, denCount: 0, denCost: 0 };
  for (const [atom, k] of fixed) if (!atoms.has(atom)) addAtomPower(outside, atom, k);
  return terms - 1 + terms * fractionCost(Rational.ONE, outside.numCount, outside.numCost, outside.denCount, outside.denCost);
}

/**
 * A lower bound on `costLowerBound(toPoly(e), table)` for a sum `e` whose terms are products as
 * `productCostFloor` reads them, computed without expanding; 0 when it does not apply. When some
 * choice of signs for the atoms gives every term of every term's expansion one and the same sign
 * (`coherentSign`), nothing cancels between the terms, so the sum has at least as many terms as
 * the largest term's expansion (`termsFloor`), each costing at least 1, with operators between.
 */
export function sumCostFloor(e: Expr, options: ToPolyOptions): number {
  if (e.kind !== "add") return 0;
  const terms: ExpandingParts[] = [];
  const atoms = new Set<Expr>();
  for (const t of e.args) {
    const parts = expandingParts(t, options);
    if (parts === null) return 0;
    terms.push(parts);
    for (const a of parts.atoms) atoms.add(a);
    for (const a of parts.fixed.keys()) atoms.add(a);
  }
  for (const signs of signChoices([...atoms])) {
    let sign = 0;
    let most = 1;
    for (const { sums, fixed, coefficient } of terms) {
      let s: number = coefficient.sign();
      for (const [atom, k] of fixed) if (k % 2 !== 0 && signs.get(atom) === -1) s = -s;
      for (const [sum, k] of sums) {
        const c = coherentSign(sum, signs);
        if (c === 0) s = 0;
        else if (c < 0 && k % 2 !== 0) s = -s;
      }
      if (s === 0 || (sign !== 0 && s !== sign)) {
        sign = 0;
        break;
      }
      sign = s;
      most = Math.max(most, sumsetFloor(sums));
    }
    if (sign !== 0) return 2 * most - 1;
  }
  return 0;
}

/** A product's factors as `toPoly` reads them: plain sums to expand (with their powers) and a monomial. */
interface ExpandingParts {
  /** Expanding factors: a plain sum and its positive integer exponent. */
  readonly sums: [Expr, number][];
  /** The other factors: atom -> integer exponent. */
  readonly fixed: Map<Expr, number>;
  readonly coefficient: Rational;
  /** The atoms of the expanding factors. */
  readonly atoms: Set<Expr>;
}

/** The parts of a term `e`, or null when an expanding factor is not a plain sum. */
function expandingParts(e: Expr, options: ToPolyOptions): ExpandingParts | null {
  const parts: ExpandingParts = { sums: [], fixed: new Map(), coefficient: Rational.ONE, atoms: new Set() };
  let coefficient = Rational.ONE;
  for (const f of e.kind === "mul" ? e.args : [e]) {
    if (f.kind === "num") {
      coefficient = f.value;
      continue;
    }
    if (f.kind === "add") {
      if (!isPlainSum(f, parts.atoms)) return null;
      parts.sums.push([f, 1]);
      continue;
    }
    const leaf = leafOf(f, options);
    if ("expand" in leaf) {
      if (leaf.k < 1 || !isPlainSum(leaf.expand, parts.atoms)) return null;
      parts.sums.push([leaf.expand, leaf.k]);
    } else parts.fixed.set(leaf.atom, (parts.fixed.get(leaf.atom) ?? 0) + leaf.k);
  }
  return { ...parts, coefficient };
}

/**
 * A lower bound on the number of terms of the product of plain sums `sums` (each to its power),
 * times any monomial: `sumsetFloor` when some choice of signs for the atoms makes every sum
 * sign-coherent (`coherentSign`), so that no two products of terms cancel; else k + 1 for a lone
 * binomial to the k-th power (binomial coefficients are non-zero and the monomials distinct), else
 * 2 (the lexicographically largest and smallest monomials of a product never cancel).
 */
function termsFloor(sums: readonly [Expr, number][], atoms: ReadonlySet<Expr>): number {
  for (const signs of signChoices([...atoms])) if (sums.every(([s]) => coherentSign(s, signs) !== 0)) return sumsetFloor(sums);
  const [s, k] = sums[0]!;
  return sums.length === 1 && s.args.length === 2 ? k + 1 : 2;
}

/**
 * 1 + the sum of k*(m - 1) over plain sums of m terms to the power k: the monomials of a product
 * of polynomials with supports A and B number at least |A| + |B| - 1 (finite subsets of Z^n, an
 * ordered group), when no coefficient cancels.
 */
function sumsetFloor(sums: readonly [Expr, number][]): number {
  let n = 1;
  for (const [s, k] of sums) n += k * (s.args.length - 1);
  return n;
}

/** Most atoms whose signs `signChoices` varies (2^4 choices); the others stay positive. */
const SIGNED_ATOMS = 4;

/** Sign choices for the atoms (-1 or 1; absent means 1): all positive first. */
function* signChoices(atoms: readonly Expr[]): Generator<ReadonlyMap<Expr, number>> {
  const varied = atoms.slice(0, SIGNED_ATOMS);
  for (let mask = 0; mask < 1 << varied.length; mask++) {
    const signs = new Map<Expr, number>();
    varied.forEach((a, i) => {
      if (mask & (1 << i)) signs.set(a, -1);
    });
    yield signs;
  }
}

/**
 * The common sign of the terms of the plain sum `s` when each atom a is replaced by signs(a)*a
 * (a term's sign is its coefficient's times signs(a)^k over its atom powers a^k), or 0 when the
 * terms differ in sign.
 */
function coherentSign(s: Expr, signs: ReadonlyMap<Expr, number>): number {
  let sign = 0;
  for (const t of s.args) {
    let ts = 1;
    for (const f of t.kind === "mul" ? t.args : [t]) {
      if (f.kind === "num") {
        ts = f.value.sign() < 0 ? -ts : ts;
        continue;
      }
      const [atom, k] = f.kind === "pow" && f.exp.kind === "num" ? [f.base, Number(f.exp.value.num)] : [f, 1];
      if (k % 2 !== 0 && signs.get(atom) === -1) ts = -ts;
    }
    if (sign !== 0 && ts !== sign) return 0;
    sign = ts;
  }
  return sign;
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
