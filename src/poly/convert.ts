/**
 * Conversion between expressions and generalised polynomials.
 *
 * Any subexpression that is not a sum, a product, a number or an integer power is an atom (a
 * "variable" of the polynomial): `sin(x)`, `exp(x)`, `x^y`. A power with a non-integer rational
 * exponent `b^(p/q)` is the atom `b^(1/q)` to the power p, so `sqrt(x)^2` folds back to `x`.
 * Atoms are numbered by an `AtomTable` shared by all polynomials of one computation; the numbering
 * follows first appearance, so callers wanting a deterministic variable order create the table
 * with the atoms sorted (see `sortedAtomTable`).
 */
import { addAll, mulAll, num, pow } from "../core/build.js";
import { compareExpr } from "../core/compare.js";
import { LimitError } from "../core/errors.js";
import type { Expr } from "../core/node.js";
import { bitLength, gcd as intGcd, Rational } from "../core/rational.js";
import { maxTerms, polyAdd, polyConst, polyFromTerms, polyMul, polyPow, polyVar, polyWorkLeft, sortedTerms, spendWork, type Poly, type Term } from "./poly.js";

export class AtomTable {
  readonly atoms: Expr[] = [];
  private readonly index = new Map<Expr, number>();
  constructor(initial: readonly Expr[] = []) {
    for (const a of initial) this.indexOf(a);
  }
  indexOf(atom: Expr): number {
    let i = this.index.get(atom);
    if (i === undefined) {
      i = this.atoms.length;
      this.atoms.push(atom);
      this.index.set(atom, i);
    }
    return i;
  }
}

/** Splits a factor into an atom and an integer exponent: x^3 -> [x, 3], x^(3/2) -> [x^(1/2), 3]. */
export function atomPower(f: Expr): [Expr, number] | null {
  // A power of a number (2^(1/2), or a huge 10^10000000000) is an atom as a whole.
  if (f.kind !== "pow" || f.exp.kind !== "num" || f.base.kind === "num") return null;
  const r = f.exp.value;
  if (r.isInteger()) {
    if (r.num > BigInt(Number.MAX_SAFE_INTEGER) || r.num < -BigInt(Number.MAX_SAFE_INTEGER)) return null;
    return [f.base, Number(r.num)];
  }
  if (r.den > 1_000_000n || r.num > 1_000_000n || r.num < -1_000_000n) return null;
  return [pow(f.base, num(Rational.of(1n, r.den))), Number(r.num)];
}

export interface ToPolyOptions {
  /** Accept negative integer powers of atoms as negative exponents (Laurent polynomials). */
  allowNegative?: boolean;
}

/**
 * How `toPoly` reads a factor: a sum or product power to multiply out (`expand`, the base and a
 * non-negative exponent), or an atom (by expression) to an integer exponent.
 */
export type Leaf = { expand: Expr; k: number } | { atom: Expr; k: number };

export function leafOf(x: Expr, options: ToPolyOptions): Leaf {
  const ap = x.kind === "pow" ? atomPower(x) : null;
  if (ap === null) return { atom: x, k: 1 };
  const [base, k] = ap;
  if (k >= 0) return base.kind === "add" || base.kind === "mul" ? { expand: base, k } : { atom: base, k };
  if (options.allowNegative && base.kind !== "add") return { atom: base, k };
  if (options.allowNegative) return { atom: pow(base, num(-1)), k: -k };
  return { atom: x, k: 1 };
}

/**
 * True for a factor that `toPoly` reads as one atom of its own, never the same atom as another
 * such factor with a different base: a symbol, constant or call, a power with a symbolic
 * exponent, or an integer power of a base that is neither a sum nor a product.
 */
export function isSimpleAtomFactor(f: Expr): boolean {
  if (f.kind === "sym" || f.kind === "const" || f.kind === "call") return true;
  if (f.kind !== "pow") return false;
  if (f.exp.kind !== "num") return true;
  return f.exp.value.isInteger() && f.base.kind !== "add" && f.base.kind !== "mul";
}

/**
 * True for a sum of terms `c * f1 * ... * fk` of simple atom factors: its polynomial has exactly
 * one non-zero term per term of the sum (distinct non-numeric parts are distinct monomials), so
 * at least two; its atoms are the factors' bases (`out` collects them).
 */
export function isPlainSum(s: Expr, out?: Set<Expr>): boolean {
  if (s.kind !== "add") return false;
  for (const t of s.args) {
    for (const f of t.kind === "mul" ? t.args : [t]) {
      if (f.kind === "num") continue;
      if (!isSimpleAtomFactor(f)) return false;
      out?.add(f.kind === "pow" && f.exp.kind === "num" ? f.base : f);
    }
  }
  return true;
}

/**
 * The polynomial of `e` over the atoms of `table`, expanding products and non-negative integer
 * powers of sums. A negative power of a sum is an atom (or, with `allowNegative`, so is its base
 * with a negative exponent). Throws LimitError past the terms cap in force (`maxTerms()`), and
 * charges its work to the polynomial budget (`withPolyBudget`).
 *
 * When the table holds a single atom and `e` has no other, the arithmetic runs on dense
 * coefficient arrays (the result is the same polynomial).
 */
export function toPoly(e: Expr, table: AtomTable, options: ToPolyOptions = {}): Poly {
  if (table.atoms.length === 1) {
    const d = toDense(e, table.atoms[0]!, options);
    if (d !== null) return denseToPoly(d);
  }
  const bound = termBound(e, options, 4 * maxTerms());
  if (bound > 4 * maxTerms()) {
    throw new LimitError("maxExpandTerms", maxTerms(), `an expansion of up to ${bound} terms (more than ${maxTerms()})`);
  }
  const memo = new Map<Expr, Poly>();
  const go = (x: Expr): Poly => {
    const hit = memo.get(x);
    if (hit !== undefined) return hit;
    let out: Poly;
    switch (x.kind) {
      case "num":
        out = polyConst(x.value);
        break;
      case "add":
        out = x.args.reduce<Poly>((acc, t) => polyAdd(acc, go(t)), polyConst(Rational.ZERO));
        break;
      case "mul":
        out = x.args.reduce<Poly>((acc, f) => polyMul(acc, go(f)), polyConst(Rational.ONE));
        break;
      default: {
        const leaf = leafOf(x, options);
        out = "expand" in leaf ? polyPow(go(leaf.expand), leaf.k) : polyVar(table.indexOf(leaf.atom), leaf.k);
      }
    }
    if (out.size > maxTerms()) {
      throw new LimitError("maxExpandTerms", maxTerms(), `an expansion of more than ${maxTerms()} terms`);
    }
    memo.set(x, out);
    return out;
  };
  return go(e);
}

/**
 * An upper bound on the number of terms `toPoly` creates for `e` before like terms combine
 * (a sum adds its terms' bounds, a product multiplies them, `u^k` with n terms is C(n+k-1, k));
 * any bound above `cap` is reported as `cap + 1`.
 */
export function termBound(e: Expr, options: ToPolyOptions, cap: number): number {
  const memo = new Map<Expr, number>();
  const go = (x: Expr): number => {
    const hit = memo.get(x);
    if (hit !== undefined) return hit;
    let out: number;
    if (x.kind === "add") {
      out = 0;
      for (const t of x.args) out += go(t);
    } else if (x.kind === "mul") {
      out = 1;
      for (const f of x.args) out = Math.min(cap + 1, out * go(f));
    } else if (x.kind === "num") out = 1;
    else {
      const leaf = leafOf(x, options);
      if ("expand" in leaf) {
        const n = go(leaf.expand);
        out = 1;
        for (let i = 1; i <= leaf.k && out <= cap; i++) out = (out * (n + i - 1)) / i;
      } else out = 1;
    }
    out = Math.min(cap + 1, Math.round(out));
    memo.set(x, out);
    return out;
  };
  return go(e);
}

/** A univariate Laurent polynomial: `c[i]` is the coefficient of atom^(lo + i). */
interface Dense {
  readonly lo: number;
  readonly c: readonly Rational[];
}

/** A dense coefficient operation costs this many times less work than a sparse term operation. */
const DENSE_COST_RATIO = 8;

const DENSE_ZERO: Dense = { lo: 0, c: [] };

function denseTrim(lo: number, c: Rational[]): Dense {
  let a = 0;
  let b = c.length;
  while (a < b && c[a]!.isZero()) a++;
  while (b > a && c[b - 1]!.isZero()) b--;
  if (a === b) return DENSE_ZERO;
  return { lo: lo + a, c: a === 0 && b === c.length ? c : c.slice(a, b) };
}

function denseCheck(span: number): void {
  if (span > maxTerms()) throw new LimitError("maxExpandTerms", maxTerms(), `an expansion of more than ${maxTerms()} terms`);
}

function denseAdd(a: Dense, b: Dense): Dense {
  if (a.c.length === 0) return b;
  if (b.c.length === 0) return a;
  const lo = Math.min(a.lo, b.lo);
  const hi = Math.max(a.lo + a.c.length, b.lo + b.c.length);
  denseCheck(hi - lo);
  spendWork(b.c.length / DENSE_COST_RATIO, 1);
  const c = new Array<Rational>(hi - lo).fill(Rational.ZERO);
  for (let i = 0; i < a.c.length; i++) c[a.lo - lo + i] = a.c[i]!;
  for (let i = 0; i < b.c.length; i++) c[b.lo - lo + i] = c[b.lo - lo + i]!.add(b.c[i]!);
  return denseTrim(lo, c);
}

/** Numerators and denominators below this have at most 128 bits each. */
const BITS_128 = 1n << 128n;

/** True when the middle coefficient has at most 256 bits (`middleBits` <= 256), without counting. */
function smallMiddle(d: Dense): boolean {
  const r = d.c[d.c.length >> 1]!;
  return r.num < BITS_128 && r.num > -BITS_128 && r.den < BITS_128;
}

/** Bits of the middle coefficient (the largest of a binomial-like expansion). */
function middleBits(d: Dense): number {
  const r = d.c[d.c.length >> 1]!;
  return bitLength(r.num < 0n ? -r.num : r.num) + bitLength(r.den);
}

/**
 * Extra work per coefficient operation for huge coefficients: products of numbers of thousands of
 * bits cost in proportion to their size (one unit per 64 bits), so (x+1)^100000 is refused before
 * it runs for seconds. Coefficients of at most 256 bits count as one unit.
 */
function coefficientWeight(a: Dense, b: Dense): number {
  if (smallMiddle(a) && smallMiddle(b)) return 1;
  const bits = Math.max(middleBits(a), middleBits(b));
  return bits > 256 ? bits / 64 : 1;
}

function denseMul(a: Dense, b: Dense): Dense {
  if (a.c.length === 0 || b.c.length === 0) return DENSE_ZERO;
  denseCheck(a.c.length + b.c.length - 1);
  spendWork((a.c.length * b.c.length * coefficientWeight(a, b)) / DENSE_COST_RATIO, 1);
  // Integer coefficients over one denominator per operand: bigint products, no rational per step.
  const [na, da] = integerCoefficients(a.c);
  const [nb, db] = integerCoefficients(b.c);
  const acc = new Array<bigint>(a.c.length + b.c.length - 1).fill(0n);
  for (let i = 0; i < na.length; i++) {
    const ai = na[i]!;
    if (ai === 0n) continue;
    for (let j = 0; j < nb.length; j++) acc[i + j]! += ai * nb[j]!;
  }
  const den = da * db;
  return denseTrim(
    a.lo + b.lo,
    acc.map((n) => (den === 1n ? Rational.int(n) : Rational.of(n, den))),
  );
}

/** Integers n[i] and one denominator d with c[i] = n[i] / d (d the lcm of the denominators). */
function integerCoefficients(c: readonly Rational[]): [bigint[], bigint] {
  let d = 1n;
  for (const r of c) if (r.den !== 1n) d = (d / intGcd(d, r.den)) * r.den;
  return [c.map((r) => (d === 1n ? r.num : r.num * (d / r.den))), d];
}

function densePow(a: Dense, k: number): Dense {
  refuseUnaffordablePower(a.c.length, k);
  let result: Dense = { lo: 0, c: [Rational.ONE] };
  let base = a;
  let e = k;
  while (e > 0) {
    if (e & 1) result = denseMul(result, base);
    e >>= 1;
    if (e > 0) base = denseMul(base, base);
  }
  return result;
}

/**
 * Throws, before any arithmetic, the LimitError (maxPolyWork) `densePow` would reach for a base of
 * `length` coefficients to the k-th power, when the least work its products can be charged (their
 * exact lengths at weight 1) exceeds the budget left before a product is too long for the terms
 * cap: each product is charged at least that, so the run would end in that error, only later.
 */
function refuseUnaffordablePower(length: number, k: number): void {
  const left = polyWorkLeft();
  let total = 0;
  let result = 1;
  let base = length;
  for (let e = k; e > 0 && total <= left; e >>= 1) {
    if (e & 1) {
      if (result + base - 1 > maxTerms()) return;
      total += (result * base) / DENSE_COST_RATIO + 1;
      result += base - 1;
    }
    if (e > 1 && total <= left) {
      if (2 * base - 1 > maxTerms()) return;
      total += (base * base) / DENSE_COST_RATIO + 1;
      base += base - 1;
    }
  }
  if (total > left) spendWork(total, 0);
}

/** `e` as a dense polynomial in `atom`, or null when `e` has another atom. */
function toDense(e: Expr, atom: Expr, options: ToPolyOptions): Dense | null {
  const memo = new Map<Expr, Dense>();
  const go = (x: Expr): Dense | null => {
    const hit = memo.get(x);
    if (hit !== undefined) return hit;
    let out: Dense | null;
    switch (x.kind) {
      case "num":
        out = x.value.isZero() ? DENSE_ZERO : { lo: 0, c: [x.value] };
        break;
      case "add": {
        out = DENSE_ZERO;
        for (const t of x.args) {
          const d = go(t);
          if (d === null) return null;
          out = denseAdd(out, d);
        }
        break;
      }
      case "mul": {
        out = { lo: 0, c: [Rational.ONE] };
        for (const f of x.args) {
          const d = go(f);
          if (d === null) return null;
          out = denseMul(out, d);
        }
        break;
      }
      default: {
        const leaf = leafOf(x, options);
        if ("expand" in leaf) {
          const b = go(leaf.expand);
          if (b === null) return null;
          out = densePow(b, leaf.k);
        } else if (leaf.atom !== atom) return null;
        else out = { lo: leaf.k, c: [Rational.ONE] };
      }
    }
    memo.set(x, out);
    return out;
  };
  return go(e);
}

function denseToPoly(d: Dense): Poly {
  const terms: Term[] = [];
  for (let i = 0; i < d.c.length; i++) {
    const k = d.lo + i;
    if (!d.c[i]!.isZero()) terms.push({ mono: k === 0 ? [] : [k], coef: d.c[i]! });
  }
  return polyFromTerms(terms);
}

/** The canonical expression of `p` over the atoms of `table` (a sum of monomials). */
export function fromPoly(p: Poly, table: AtomTable): Expr {
  const terms: Expr[] = [];
  // Each atom power is built once: large expansions repeat the same few powers in many terms.
  const powers: Map<number, Expr>[] = table.atoms.map(() => new Map<number, Expr>());
  for (const t of sortedTerms(p)) {
    const factors: Expr[] = [num(t.coef)];
    for (let i = 0; i < t.mono.length; i++) {
      const k = t.mono[i]!;
      if (k === 0) continue;
      const memo = powers[i]!;
      let f = memo.get(k);
      if (f === undefined) memo.set(k, (f = pow(table.atoms[i]!, num(k))));
      factors.push(f);
    }
    terms.push(mulAll(factors));
  }
  return terms.length === 0 ? num(0) : addAll(terms);
}

/** The atoms toPoly would use for `e`, sorted structurally (a deterministic variable order). */
export function sortedAtomTable(exprs: readonly Expr[], options: ToPolyOptions = {}): AtomTable {
  const scratch = new AtomTable();
  for (const e of exprs) toPolyAtomsOnly(e, scratch, options);
  return new AtomTable([...scratch.atoms].sort(compareExpr));
}

function toPolyAtomsOnly(e: Expr, table: AtomTable, options: ToPolyOptions): void {
  const seen = new Set<Expr>();
  const stack = [e];
  while (stack.length > 0) {
    const x = stack.pop()!;
    if (seen.has(x)) continue;
    seen.add(x);
    if (x.kind === "num") continue;
    if (x.kind === "add" || x.kind === "mul") {
      stack.push(...x.args);
      continue;
    }
    const leaf = leafOf(x, options);
    if ("expand" in leaf) stack.push(leaf.expand);
    else table.indexOf(leaf.atom);
  }
}
