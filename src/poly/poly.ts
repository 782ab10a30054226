/**
 * Sparse multivariate (Laurent) polynomials over exact rationals.
 *
 * A polynomial is a map from monomial keys to terms. A monomial is a vector of integer exponents
 * indexed by the position of a variable in an external variable list (see `convert.ts`); missing
 * trailing entries are 0, and a stored vector never ends in 0, so the key `mono.join(",")` is
 * unique per monomial. No stored coefficient is zero. Exponents may be negative only where a
 * function says so (expansion); division and GCD require non-negative exponents.
 *
 * Monomials are ordered lexicographically with variable 0 most significant; `leadingTerm` is the
 * largest term in that order.
 */
import { LimitError } from "../core/errors.js";
import { limits } from "../core/limits.js";
import { bitLength, gcd as intGcd, Rational } from "../core/rational.js";
import { multinomialPow, packedMul } from "./packed.js";

export type Monomial = readonly number[];
export interface Term {
  readonly mono: Monomial;
  readonly coef: Rational;
}
export type Poly = ReadonlyMap<string, Term>;

export const POLY_ZERO: Poly = new Map();

/**
 * A deterministic work budget for polynomial arithmetic: `maxTerms` bounds the terms of any
 * polynomial built, `maxWork` the total number of coefficient operations (one per pair of terms
 * multiplied, one per term of a division or remainder step). Past either, the arithmetic throws
 * a LimitError ("maxExpandTerms" or "maxPolyWork"). Without a budget, `limits.maxExpandTerms` caps
 * the terms and the work is unbounded.
 */
export interface PolyBudget {
  readonly maxTerms: number;
  readonly maxWork: number;
}

let termCap = -1;
let workLeft = Infinity;
let workCap = Infinity;

function currentTermCap(): number {
  return termCap >= 0 ? termCap : limits.maxExpandTerms;
}

/**
 * Runs `work` within `budget` (nested budgets keep the tighter caps; the work an inner budget
 * spends is charged to the outer one too). Returns the result and the work spent.
 */
export function withPolyBudget<T>(budget: PolyBudget, work: () => T): T {
  const savedCap = termCap;
  const savedLeft = workLeft;
  const savedWorkCap = workCap;
  termCap = savedCap >= 0 ? Math.min(savedCap, budget.maxTerms) : budget.maxTerms;
  workLeft = Math.min(savedLeft, budget.maxWork);
  workCap = budget.maxWork;
  try {
    return work();
  } finally {
    const spent = Math.min(savedLeft, budget.maxWork) - workLeft;
    termCap = savedCap;
    workLeft = savedLeft - spent;
    workCap = savedWorkCap;
  }
}

/** Work charged per arithmetic call on top of its coefficient operations (its fixed overhead). */
const CALL_WORK = 8;

/** Charges `n` coefficient operations plus one call's `overhead` to the budget in force. */
export function spendWork(n: number, overhead = CALL_WORK): void {
  if (workLeft === Infinity) return;
  workLeft -= n + overhead;
  if (workLeft < 0) throw new LimitError("maxPolyWork", workCap, "polynomial arithmetic exceeded its work budget");
}

/** The work left in the budget in force (Infinity without one). */
export function polyWorkLeft(): number {
  return workLeft;
}

/** The terms cap in force (the budget's, else `limits.maxExpandTerms`). */
export function maxTerms(): number {
  return currentTermCap();
}

/** The LimitError for a polynomial of more terms than the cap in force (`what` names it). */
export function termLimitError(what: string): LimitError {
  return tooManyTerms(what);
}

function tooManyTerms(what: string): LimitError {
  const cap = currentTermCap();
  return new LimitError("maxExpandTerms", cap, `${what} of more than ${cap} terms`);
}

function trim(mono: number[]): number[] {
  let n = mono.length;
  while (n > 0 && mono[n - 1] === 0) n--;
  mono.length = n;
  return mono;
}

/**
 * The key of a (trimmed) monomial: one UTF-16 unit per exponent when all are small (never an
 * ASCII character), else the decimal exponents joined by commas (only ASCII), so keys of distinct
 * monomials differ.
 */
export function monoKey(mono: Monomial): string {
  let small = true;
  for (let i = 0; i < mono.length; i++) {
    const k = mono[i]!;
    if (k < -0x3000 || k > 0x3000) {
      small = false;
      break;
    }
  }
  if (!small) return mono.join(",");
  let s = "";
  for (let i = 0; i < mono.length; i++) s += String.fromCharCode(0x8000 + mono[i]!);
  return s;
}

/** A polynomial from terms (like monomials summed, zeros dropped). */
export function polyFromTerms(terms: Iterable<Term>): Poly {
  const out = new Map<string, Term>();
  for (const t of terms) addTermInto(out, t.mono, t.coef);
  return out;
}

function addTermInto(out: Map<string, Term>, mono: Monomial, coef: Rational): void {
  if (coef.isZero()) return;
  const m = trim(mono.slice());
  const key = monoKey(m);
  const prev = out.get(key);
  if (prev === undefined) out.set(key, { mono: m, coef });
  else {
    const c = prev.coef.add(coef);
    if (c.isZero()) out.delete(key);
    else out.set(key, { mono: m, coef: c });
  }
  if (out.size > currentTermCap()) throw tooManyTerms("a polynomial");
}

export function polyConst(c: Rational): Poly {
  return c.isZero() ? POLY_ZERO : new Map([["", { mono: [], coef: c }]]);
}

/** The monomial `c * v_i^k`. */
export function polyVar(i: number, k = 1, c: Rational = Rational.ONE): Poly {
  const mono = new Array<number>(i + 1).fill(0);
  mono[i] = k;
  return polyFromTerms([{ mono, coef: c }]);
}

export function isZeroPoly(p: Poly): boolean {
  return p.size === 0;
}

/** The constant value of `p`, or null when it has a non-constant term. */
export function constantValue(p: Poly): Rational | null {
  if (p.size === 0) return Rational.ZERO;
  if (p.size > 1) return null;
  const t = p.get("");
  return t === undefined ? null : t.coef;
}

export function polyAdd(a: Poly, b: Poly): Poly {
  if (a.size === 0) return b;
  if (b.size === 0) return a;
  spendWork(b.size);
  const out = new Map(a);
  for (const t of b.values()) addTermInto(out, t.mono, t.coef);
  return out;
}

export function polyScale(a: Poly, c: Rational): Poly {
  if (c.isZero()) return POLY_ZERO;
  if (c.isOne()) return a;
  spendWork(a.size);
  const out = new Map<string, Term>();
  for (const [k, t] of a) out.set(k, { mono: t.mono, coef: t.coef.mul(c) });
  return out;
}

export function polyNeg(a: Poly): Poly {
  return polyScale(a, Rational.MINUS_ONE);
}

export function polySub(a: Poly, b: Poly): Poly {
  return polyAdd(a, polyNeg(b));
}

const WORD = 1n << 64n;

/**
 * The largest coefficient of `p` in 64-bit words (at least 1): products of large coefficients
 * cost proportionally more work.
 */
function coefficientWeight(p: Poly): number {
  let w = 1;
  for (const t of p.values()) {
    const n = t.coef.num < 0n ? -t.coef.num : t.coef.num;
    if (n < WORD && t.coef.den < WORD) continue;
    w = Math.max(w, Math.ceil(Math.max(bitLength(n), bitLength(t.coef.den)) / 64));
  }
  return w;
}

function monoMul(a: Monomial, b: Monomial): number[] {
  const n = Math.max(a.length, b.length);
  const out = new Array<number>(n);
  for (let i = 0; i < n; i++) out[i] = (a[i] ?? 0) + (b[i] ?? 0);
  return out;
}

/** Products of fewer term pairs run the plain loop (packing costs a pass over both operands). */
const PACKED_MIN_PAIRS = 32;

/**
 * a * b. Without a work budget in force, a product of more than 4 times the terms cap in term
 * pairs is refused up front (maxExpandTerms); with one, the pairs are charged as work.
 */
export function polyMul(a: Poly, b: Poly): Poly {
  if (a.size === 0 || b.size === 0) return POLY_ZERO;
  if (workLeft === Infinity && a.size * b.size > currentTermCap() * 4) throw tooManyTerms(`a product of ${a.size} by ${b.size} terms:`);
  spendWork((a.size * b.size * (coefficientWeight(a) + coefficientWeight(b))) / 2);
  if (a.size * b.size >= PACKED_MIN_PAIRS) {
    const packed = packedMul(a, b);
    if (packed !== null) return packed;
  }
  const out = new Map<string, Term>();
  for (const s of a.values()) for (const t of b.values()) addTermInto(out, monoMul(s.mono, t.mono), s.coef.mul(t.coef));
  return out;
}

/**
 * `a^k` for an integer k >= 0: by the multinomial expansion when the monomials of `a` are
 * independent (`packed.ts`), else by repeated squaring.
 */
export function polyPow(a: Poly, k: number): Poly {
  if (!Number.isInteger(k) || k < 0) throw new RangeError(`polynomial power needs an integer >= 0, got ${k}`);
  if (k >= 2 && a.size >= 2) {
    const direct = multinomialPow(a, k);
    if (direct !== null) return direct;
  }
  let result: Poly = polyConst(Rational.ONE);
  let base = a;
  let e = k;
  while (e > 0) {
    if (e & 1) result = polyMul(result, base);
    e >>= 1;
    if (e > 0) base = polyMul(base, base);
  }
  return result;
}

/** Lexicographic comparison of monomials, variable 0 most significant. */
export function compareMono(a: Monomial, b: Monomial): number {
  const n = Math.max(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const d = (a[i] ?? 0) - (b[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

/** The lexicographically largest term; undefined for the zero polynomial. */
export function leadingTerm(p: Poly): Term | undefined {
  let best: Term | undefined;
  for (const t of p.values()) if (best === undefined || compareMono(t.mono, best.mono) > 0) best = t;
  return best;
}

/** Terms sorted by decreasing monomial. */
export function sortedTerms(p: Poly): Term[] {
  return [...p.values()].sort((s, t) => compareMono(t.mono, s.mono));
}

/** Highest exponent of variable i in p (-Infinity for zero). */
export function degreeIn(p: Poly, i: number): number {
  let d = -Infinity;
  for (const t of p.values()) d = Math.max(d, t.mono[i] ?? 0);
  return d;
}

/** Lowest exponent of every variable over the terms of p (its monomial content). */
export function minMonomial(p: Poly): number[] {
  let out: number[] | null = null;
  for (const t of p.values()) {
    if (out === null) out = t.mono.slice();
    else {
      const n = Math.max(out.length, t.mono.length);
      for (let i = 0; i < n; i++) out[i] = Math.min(out[i] ?? 0, t.mono[i] ?? 0);
    }
  }
  return trim(out ?? []);
}

/** p with every monomial multiplied by x^shift (shift may be negative). */
export function shiftMono(p: Poly, shift: Monomial): Poly {
  spendWork(p.size);
  const out = new Map<string, Term>();
  for (const t of p.values()) addTermInto(out, monoMul(t.mono, shift), t.coef);
  return out;
}

/** p as a polynomial in variable i: exponent -> coefficient (free of variable i). */
export function coefficientsIn(p: Poly, i: number): Map<number, Poly> {
  spendWork(p.size);
  const parts = new Map<number, Map<string, Term>>();
  for (const t of p.values()) {
    const k = t.mono[i] ?? 0;
    let part = parts.get(k);
    if (part === undefined) parts.set(k, (part = new Map<string, Term>()));
    const m = t.mono.slice();
    if (i < m.length) m[i] = 0;
    addTermInto(part, m, t.coef);
  }
  return parts;
}

/** Indices of the variables occurring in p. */
export function variablesOf(p: Poly): Set<number> {
  const s = new Set<number>();
  for (const t of p.values()) t.mono.forEach((k, i) => k !== 0 && s.add(i));
  return s;
}

export function polyEquals(a: Poly, b: Poly): boolean {
  if (a.size !== b.size) return false;
  for (const [k, t] of a) {
    const u = b.get(k);
    if (u === undefined || !u.coef.equals(t.coef)) return false;
  }
  return true;
}

/**
 * The exact quotient a / b when b divides a (both with non-negative exponents), else null.
 * Lexicographic division: a multiple of b always has a leading term divisible by lt(b).
 */
export function polyDivExact(a: Poly, b: Poly): Poly | null {
  if (b.size === 0) throw new RangeError("polynomial division by zero");
  if (a.size === 0) return POLY_ZERO;
  const lb = leadingTerm(b)!;
  if (b.size === 1) {
    const out = new Map<string, Term>();
    for (const t of a.values()) {
      const m = t.mono.map((k, i) => k - (lb.mono[i] ?? 0));
      for (let i = t.mono.length; i < lb.mono.length; i++) m.push(-lb.mono[i]!);
      if (m.some((k) => k < 0)) return null;
      addTermInto(out, m, t.coef.div(lb.coef));
    }
    return out;
  }
  let r: Poly = a;
  const q = new Map<string, Term>();
  let steps = 0;
  while (r.size > 0) {
    if (++steps > currentTermCap()) throw tooManyTerms("a polynomial division with a quotient");
    spendWork(r.size);
    const lr = leadingTerm(r)!;
    const n = Math.max(lr.mono.length, lb.mono.length);
    const m = new Array<number>(n);
    for (let i = 0; i < n; i++) {
      m[i] = (lr.mono[i] ?? 0) - (lb.mono[i] ?? 0);
      if (m[i]! < 0) return null;
    }
    const c = lr.coef.div(lb.coef);
    addTermInto(q, m, c);
    r = polySub(r, polyMul(polyFromTerms([{ mono: m, coef: c }]), b));
  }
  return q;
}

/**
 * Scales p to integer coefficients with gcd 1 and a positive leading coefficient; returns the
 * factor `c` with p = c * result.
 */
export function numericContent(p: Poly): Rational {
  if (p.size === 0) return Rational.ONE;
  spendWork(p.size);
  let g = 0n;
  let l = 1n;
  for (const t of p.values()) {
    g = intGcd(g, t.coef.num);
    l = (l / intGcd(l, t.coef.den)) * t.coef.den;
  }
  const c = Rational.of(g, l);
  return leadingTerm(p)!.coef.sign() < 0 ? c.neg() : c;
}

export function primitiveNumeric(p: Poly): Poly {
  return polyScale(p, numericContent(p).inv());
}
