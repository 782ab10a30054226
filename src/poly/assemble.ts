/**
 * The expression of a polynomial built directly in canonical form, for the common case where the
 * builder would only sort: the node `fromPoly` gets from `addAll` of `mulAll`s, without the
 * canonicalising passes (and without the intermediate "rest" products `addAll` makes to sort).
 *
 * It applies when the atom powers are independent factors: every power `atom_i^k` the polynomial
 * uses is built (`pow`) to a factor that is not a number, a product or a sum, and powers of
 * different atoms have different bases. Then, for a term `c * prod_i atom_i^k_i`, `mulAll` would
 * merge nothing (no two factors share a base), fold nothing into the coefficient and distribute
 * nothing, so its result is `c` (when not 1) followed by the factors sorted by `compareFactors`.
 * The non-numeric parts ("rests") of distinct monomials are distinct (the factor of atom i to the
 * power k determines i, by its base, and k), so `addAll` would combine no terms, and its result
 * is the constant term (when non-zero) followed by the other terms sorted by their rests.
 * Otherwise (or when an atom's exponents span much more than the number of terms, or a limit
 * could be reached, see `withinLimits`) `assembleSum` returns null and `fromPoly` takes the
 * general path.
 */
import { compareFactors, internAdd, internMul, num, pow } from "../core/build.js";
import { compareExpr } from "../core/compare.js";
import type { Expr, Num } from "../core/node.js";
import { limits } from "../core/limits.js";
import { bitLength, type Rational } from "../core/rational.js";
import type { Poly } from "./poly.js";

/** The factor node of an atom power, with its places in the two orders of factors. */
interface Factor {
  readonly node: Expr;
  /** Place among the factors in use by `compareExpr` (the order of rests of one factor). */
  rank: number;
  /** Place among the factors in use by `compareFactors` (the order of factors in a product). */
  place: number;
}

/** The factors a polynomial's terms use: `of[i][k - lo[i]]` is atom i to the power k. */
interface FactorTable {
  readonly lo: readonly number[];
  readonly of: readonly (readonly (Factor | undefined)[])[];
  /** The factor nodes in `compareExpr` order (a factor's `rank` is its index here). */
  readonly byRank: readonly Expr[];
}

/**
 * Every factor the terms of `p` use, built once per (atom, exponent) and ranked in both orders;
 * null when they are not independent factors (see the file comment) or an atom's exponents span
 * much more than the number of terms (x^(10^15) + 1 takes the general path, not a huge array).
 */
function factorTable(p: Poly, atoms: readonly Expr[]): FactorTable | null {
  if (!withinLimits(p, atoms)) return null;
  const width = atoms.length;
  const lo = new Array<number>(width).fill(0);
  const hi = new Array<number>(width).fill(0);
  for (const t of p.values()) {
    for (let i = 0; i < t.mono.length; i++) {
      const k = t.mono[i]!;
      if (k < lo[i]!) lo[i] = k;
      else if (k > hi[i]!) hi[i] = k;
    }
  }
  for (let i = 0; i < width; i++) if (hi[i]! - lo[i]! > 4 * p.size + 64) return null;
  const of: (Factor | undefined)[][] = lo.map((l, i) => new Array<Factor | undefined>(hi[i]! - l + 1).fill(undefined));
  const atomOfBase = new Map<Expr, number>();
  const all: Factor[] = [];
  for (const t of p.values()) {
    for (let i = 0; i < t.mono.length; i++) {
      const k = t.mono[i]!;
      if (k === 0 || of[i]![k - lo[i]!] !== undefined) continue;
      const node = pow(atoms[i]!, num(k));
      if (node.kind === "num" || node.kind === "mul" || node.kind === "add") return null;
      const base = node.kind === "pow" ? node.base : node;
      const owner = atomOfBase.get(base);
      if (owner !== undefined && owner !== i) return null; // a base shared by two atoms
      atomOfBase.set(base, i);
      const f: Factor = { node, rank: 0, place: 0 };
      of[i]![k - lo[i]!] = f;
      all.push(f);
    }
  }
  all.sort((a, b) => compareExpr(a.node, b.node));
  const byRank = all.map((f) => f.node);
  for (let r = 0; r < all.length; r++) {
    if (r > 0 && byRank[r - 1] === byRank[r]) return null; // two powers built to one node
    all[r]!.rank = r;
  }
  all.sort((a, b) => compareFactors(a.node, b.node));
  for (let r = 0; r < all.length; r++) all[r]!.place = r;
  return { lo, of, byRank };
}

/**
 * True when building the expression of `p` can break no limit but `maxNodes` (whose error does
 * not depend on which node is the one too many), so it fails or not as the builder's path does,
 * with the same error: no coefficient over `maxIntegerBits`, no atom that is a power of a number
 * (its powers fold to numbers that may be over it), and atoms shallow enough that no factor
 * (at most 2 deeper than its atom), term or the sum is over `maxDepth`. Otherwise the builder's
 * path runs, and reports the first such error in its own order.
 */
function withinLimits(p: Poly, atoms: readonly Expr[]): boolean {
  let depth = 0;
  for (const a of atoms) {
    if (a.kind === "pow" && a.base.kind === "num") return false;
    depth = Math.max(depth, a.depth);
  }
  if (depth + 4 > limits.maxDepth) return false;
  let top = 0n;
  let bottom = 0n;
  let den = 1n;
  for (const t of p.values()) {
    const c = t.coef;
    if (c.num > top) top = c.num;
    else if (c.num < bottom) bottom = c.num;
    if (c.den > den) den = c.den;
  }
  return Math.max(bitLength(top), bitLength(-bottom), bitLength(den)) <= limits.maxIntegerBits;
}

/**
 * `fromPoly(p, atoms)` built directly (see the file comment), or null when the powers of the atoms
 * in use are not independent factors.
 */
export function assembleSum(p: Poly, atoms: readonly Expr[]): Expr | null {
  const table = factorTable(p, atoms);
  if (table === null) return null;
  const { lo, of: factorOf, byRank } = table;
  const width = atoms.length;

  // Per non-constant term: its node, the ranks of its factors in product order (`width` slots
  // from `index * width`), their count and the depth of its rest.
  const n = p.size;
  const terms: Expr[] = [];
  const ranks = new Int32Array(n * width);
  const counts = new Int32Array(n);
  const depths = new Int32Array(n);
  let constant: Expr | null = null;
  const coefficients = new CoefficientNodes();
  const factors: Factor[] = [];
  for (const t of p.values()) {
    factors.length = 0;
    for (let i = 0; i < t.mono.length; i++) {
      const k = t.mono[i]!;
      if (k === 0) continue;
      // Insertion into product order (a term has at most `width` factors).
      const f = factorOf[i]![k - lo[i]!]!;
      let j = factors.length;
      factors.push(f);
      while (j > 0 && factors[j - 1]!.place > f.place) {
        factors[j] = factors[j - 1]!;
        j--;
      }
      factors[j] = f;
    }
    const m = factors.length;
    if (m === 0) {
      constant = num(t.coef);
      continue;
    }
    const one = t.coef.isOne();
    const args = new Array<Expr>(one ? m : m + 1);
    if (!one) args[0] = coefficients.of(t.coef);
    const index = terms.length;
    let depth = 0;
    for (let j = 0; j < m; j++) {
      const f = factors[j]!;
      args[one ? j : j + 1] = f.node;
      ranks[index * width + j] = f.rank;
      if (f.node.depth > depth) depth = f.node.depth;
    }
    counts[index] = m;
    depths[index] = m === 1 ? depth : depth + 1;
    terms.push(one && m === 1 ? factors[0]!.node : internMul(args));
  }
  const order = restOrder({ terms, ranks, counts, depths, width, byRank });
  const args: Expr[] = constant === null ? [] : [constant];
  for (const i of order) args.push(terms[i]!);
  if (args.length === 0) return num(0);
  return args.length === 1 ? args[0]! : internAdd(args);
}

/**
 * The number nodes of one assembly's coefficients, each integer looked up in the intern table
 * once: expansions repeat coefficients (a power of a sum of k atoms has each multinomial
 * coefficient up to k! times).
 */
class CoefficientNodes {
  private readonly integers = new Map<bigint, Num>();
  of(c: Rational): Num {
    if (c.den !== 1n) return num(c);
    let node = this.integers.get(c.num);
    if (node === undefined) this.integers.set(c.num, (node = num(c)));
    return node;
  }
}

/** The non-constant terms of one assembly, as `assembleSum` lays them out. */
interface Pieces {
  readonly terms: readonly Expr[];
  /** The ranks of term i's factors, in product order, at `i * width` onwards. */
  readonly ranks: Int32Array;
  /** The number of factors of each term. */
  readonly counts: Int32Array;
  /** The depth of each term's rest (the lone factor, or the product of the factors). */
  readonly depths: Int32Array;
  readonly width: number;
  /** The factors in use, by rank (the order of `compareExpr`). */
  readonly byRank: readonly Expr[];
}

const SAFE = 2 ** 53;

/**
 * The indices of the terms sorted by `compareExpr` of their rests, without building the products.
 * A lone factor is never a product, so against any product it compares by kind, the same way
 * against every product (in particular against any term with two or more factors, which is a
 * product); two lone factors compare by rank; two products compare as `compareExpr` compares
 * lists: depths, then factors (by rank), then lengths.
 *
 * When they fit a double, that order is a numeric key per term: lone factors below products by
 * rank, then products by depth and then by the digits rank + 1 in base (factors + 1) with 0 past
 * the last factor (a shorter list first on a common prefix), then lone factors above products.
 * Keys are distinct (rests are), and `key * n + index` is sorted as numbers; otherwise the terms
 * are sorted with the comparison itself.
 */
function restOrder(pieces: Pieces): number[] {
  const { terms, ranks, counts, depths, width, byRank } = pieces;
  const n = terms.length;
  let probe: Expr | null = null;
  let dmin = Infinity;
  let dmax = -Infinity;
  for (let i = 0; i < n; i++) {
    if (counts[i] === 1) continue;
    probe ??= terms[i]!;
    dmin = Math.min(dmin, depths[i]!);
    dmax = Math.max(dmax, depths[i]!);
  }
  const above = byRank.map((f) => probe !== null && compareExpr(f, probe) > 0);
  const radix = byRank.length + 1;
  const perDepth = radix ** width;
  const products = probe === null ? 0 : (dmax - dmin + 1) * perDepth;
  const order = new Array<number>(n);
  if ((2 * radix + products) * n <= SAFE) {
    const keys = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      let key: number;
      if (counts[i] === 1) {
        const r = ranks[i * width]!;
        key = above[r] ? radix + products + r : r;
      } else {
        let digits = 0;
        for (let j = 0; j < width; j++) digits = digits * radix + (j < counts[i]! ? ranks[i * width + j]! + 1 : 0);
        key = radix + (depths[i]! - dmin) * perDepth + digits;
      }
      keys[i] = key * n + i;
    }
    keys.sort();
    for (let i = 0; i < n; i++) order[i] = keys[i]! % n;
    return order;
  }
  const compare = (a: number, b: number): number => {
    const ma = counts[a]!;
    const mb = counts[b]!;
    const ra = a * width;
    const rb = b * width;
    if (ma === 1 && mb === 1) return ranks[ra]! - ranks[rb]!;
    if (ma === 1) return above[ranks[ra]!] ? 1 : -1;
    if (mb === 1) return above[ranks[rb]!] ? -1 : 1;
    if (depths[a] !== depths[b]) return depths[a]! - depths[b]!;
    const m = Math.min(ma, mb);
    for (let j = 0; j < m; j++) {
      const d = ranks[ra + j]! - ranks[rb + j]!;
      if (d !== 0) return d;
    }
    return ma - mb;
  };
  for (let i = 0; i < n; i++) order[i] = i;
  return order.sort(compare);
}
