/**
 * Packed arithmetic: the fast paths of `polyMul` and `polyPow` (same results as the plain loops).
 *
 * Packing. For one operation every monomial is one integer-valued double: the exponent of variable
 * i, minus the lowest exponent variable i can have in the result, is digit i of a mixed-radix
 * number whose radix is the number of exponents variable i can take in the result. Packing is used
 * only when the product of the radices is at most 2^53, so every key is a safe integer, and the key
 * of a product of monomials is the sum of their keys (each radix covers the whole result range, so
 * no digit carries). Otherwise these functions return null and the caller uses the plain loops.
 *
 * Coefficients. Each operand is scaled to integers by the lcm of its denominators (the result is
 * divided back once per term). Products of integers run on doubles when every product is below
 * 2^52, with each accumulator flushed to a bigint before its magnitude can reach 2^53 (so every
 * double operation is exact), and on bigints otherwise.
 *
 * Powers. When the monomials of the base are affinely independent (the map from exponent
 * compositions to monomials is injective), `b^k` has exactly C(k+t-1, t-1) terms for t terms of b,
 * one per composition, with the multinomial coefficient: they are enumerated directly, without
 * building any intermediate power.
 */
import { bitLength, gcd as intGcd, Rational } from "../core/rational.js";
import { maxTerms, monoKey, spendWork, termLimitError, type Monomial, type Poly, type Term } from "./poly.js";

const SAFE = 2 ** 53;
const HALF_SAFE = 2 ** 52;
const BIG_HALF_SAFE = 1n << 52n;
/** A result layout of at most this many keys is accumulated in a dense array. */
const DENSE_MAX = 1 << 22;

/** The mixed-radix layout of one result: `lo[i]` is the lowest exponent, `radix[i]` the count. */
interface Layout {
  readonly lo: readonly number[];
  readonly radix: readonly number[];
  readonly weight: readonly number[];
  /** The product of the radices: every key is below it. */
  readonly size: number;
}

function monoLength(p: Poly): number {
  let n = 0;
  for (const t of p.values()) n = Math.max(n, t.mono.length);
  return n;
}

/** The lowest and highest exponent of each of the first n variables over the terms of p. */
function exponentRanges(p: Poly, n: number): { lo: number[]; hi: number[] } {
  const lo = new Array<number>(n).fill(Infinity);
  const hi = new Array<number>(n).fill(-Infinity);
  for (const t of p.values()) {
    for (let i = 0; i < n; i++) {
      const e = t.mono[i] ?? 0;
      if (e < lo[i]!) lo[i] = e;
      if (e > hi[i]!) hi[i] = e;
    }
  }
  return { lo, hi };
}

/** The layout of exponents from lo to hi, or null when its keys do not fit a safe integer. */
function makeLayout(lo: number[], hi: number[]): Layout | null {
  const radix = lo.map((l, i) => hi[i]! - l + 1);
  const weight: number[] = [];
  let size = 1;
  for (let i = radix.length - 1; i >= 0; i--) {
    weight[i] = size;
    size *= radix[i]!;
    if (size > SAFE) return null;
  }
  return { lo, radix, weight, size };
}

/** The integer coefficients of p over their lcm denominator, and the keys of its monomials. */
interface IntegerTerms {
  readonly keys: number[];
  readonly nums: bigint[];
  readonly den: bigint;
  readonly maxAbs: bigint;
}

/** Keys relative to `shift` (the lowest exponents of p), with the weights of `layout`. */
function integerTerms(p: Poly, shift: readonly number[], layout: Layout): IntegerTerms {
  let den = 1n;
  for (const t of p.values()) if (t.coef.den !== 1n) den = (den / intGcd(den, t.coef.den)) * t.coef.den;
  const keys: number[] = [];
  const nums: bigint[] = [];
  let maxAbs = 0n;
  for (const t of p.values()) {
    let key = 0;
    for (let i = 0; i < shift.length; i++) key += ((t.mono[i] ?? 0) - shift[i]!) * layout.weight[i]!;
    keys.push(key);
    const c = den === 1n ? t.coef.num : t.coef.num * (den / t.coef.den);
    nums.push(c);
    const a = c < 0n ? -c : c;
    if (a > maxAbs) maxAbs = a;
  }
  return { keys, nums, den, maxAbs };
}

/** The monomial of a key (trimmed). */
function decode(key: number, layout: Layout): number[] {
  const n = layout.radix.length;
  const mono = new Array<number>(n);
  let rest = key;
  for (let i = 0; i < n; i++) {
    const w = layout.weight[i]!;
    let d = Math.floor(rest / w);
    // Float division may round across an integer; the remainder puts the digit right.
    let r = rest - d * w;
    while (r < 0) {
      d--;
      r += w;
    }
    while (r >= w) {
      d++;
      r -= w;
    }
    rest = r;
    mono[i] = d + layout.lo[i]!;
  }
  let len = n;
  while (len > 0 && mono[len - 1] === 0) len--;
  mono.length = len;
  return mono;
}

/** Adds the term `num/den * key` to `out` (num non-zero, every key added once). */
function emit(out: Map<string, Term>, key: number, num: bigint, den: bigint, layout: Layout): void {
  const mono = decode(key, layout);
  out.set(monoKey(mono), { mono, coef: den === 1n ? Rational.int(num) : Rational.of(num, den) });
}

function checkSize(out: Map<string, Term>, what: string): Poly {
  if (out.size > maxTerms()) throw termLimitError(what);
  return out;
}

/**
 * Collects products into slots by key: a dense array for small layouts, else a key -> slot map.
 * Number slots hold exact doubles of magnitude at most 2^52; `big` holds what was flushed.
 */
class Accumulator {
  readonly dense: boolean;
  readonly numbers: Float64Array | number[];
  readonly bigs: bigint[] = [];
  readonly big = new Map<number, bigint>();
  readonly slotOf = new Map<number, number>();
  readonly slotKeys: number[] = [];
  constructor(
    readonly layout: Layout,
    pairs: number,
    readonly useNumbers: boolean,
  ) {
    this.dense = layout.size <= DENSE_MAX && layout.size <= 8 * pairs + 1024;
    this.numbers = this.dense && useNumbers ? new Float64Array(layout.size) : [];
    if (this.dense && !useNumbers) this.bigs = new Array<bigint>(layout.size).fill(0n);
  }
  slot(key: number): number {
    if (this.dense) return key;
    let s = this.slotOf.get(key);
    if (s === undefined) {
      s = this.slotKeys.length;
      this.slotKeys.push(key);
      this.slotOf.set(key, s);
      if (this.useNumbers) (this.numbers as number[]).push(0);
      else this.bigs.push(0n);
    }
    return s;
  }
  addNumber(key: number, p: number): void {
    const s = this.slot(key);
    const v = this.numbers[s]! + p;
    if (v > HALF_SAFE || v < -HALF_SAFE) {
      this.big.set(s, (this.big.get(s) ?? 0n) + BigInt(v));
      this.numbers[s] = 0;
    } else this.numbers[s] = v;
  }
  addBig(key: number, p: bigint): void {
    const s = this.slot(key);
    this.bigs[s]! += p;
  }
  /** The accumulated polynomial, every coefficient divided by `den`. */
  toPoly(den: bigint): Poly {
    const out = new Map<string, Term>();
    const slots = this.dense ? this.layout.size : this.slotKeys.length;
    for (let s = 0; s < slots; s++) {
      let c: bigint;
      if (this.useNumbers) {
        const v = this.numbers[s]!;
        const b = this.big.get(s);
        if (b === undefined) {
          if (v === 0) continue;
          c = BigInt(v);
        } else c = b + BigInt(v);
      } else c = this.bigs[s]!;
      if (c === 0n) continue;
      emit(out, this.dense ? s : this.slotKeys[s]!, c, den, this.layout);
    }
    return checkSize(out, "a product");
  }
}

/** a * b by packed keys, or null when the result's keys do not fit (see the file comment). */
export function packedMul(a: Poly, b: Poly): Poly | null {
  const n = Math.max(monoLength(a), monoLength(b));
  const ra = exponentRanges(a, n);
  const rb = exponentRanges(b, n);
  const layout = makeLayout(
    ra.lo.map((l, i) => l + rb.lo[i]!),
    ra.hi.map((h, i) => h + rb.hi[i]!),
  );
  if (layout === null) return null;
  const A = integerTerms(a, ra.lo, layout);
  const B = integerTerms(b, rb.lo, layout);
  const useNumbers = A.maxAbs * B.maxAbs < BIG_HALF_SAFE;
  const acc = new Accumulator(layout, a.size * b.size, useNumbers);
  const kb = B.keys;
  if (useNumbers) {
    const cb = B.nums.map(Number);
    for (let i = 0; i < A.keys.length; i++) {
      const ka = A.keys[i]!;
      const ca = Number(A.nums[i]!);
      for (let j = 0; j < kb.length; j++) acc.addNumber(ka + kb[j]!, ca * cb[j]!);
    }
  } else {
    for (let i = 0; i < A.keys.length; i++) {
      const ka = A.keys[i]!;
      const ca = A.nums[i]!;
      for (let j = 0; j < kb.length; j++) acc.addBig(ka + kb[j]!, ca * B.nums[j]!);
    }
  }
  return acc.toPoly(A.den * B.den);
}

/** Most base terms for which affine independence is decided by elimination. */
const MAX_ELIMINATION_TERMS = 256;
/** A prime below 2^20: products of two residues are exact doubles. */
const PRIME = 1_000_003;

/**
 * True when distinct exponent compositions of the monomials give distinct monomials: the vectors
 * (m_j, 1) are linearly independent. Decided by a private variable per term (all but one term
 * having a variable no other term has), else by their rank modulo a prime (full rank mod p implies
 * full rank over the rationals; a false answer is only a missed fast path).
 */
export function independentMonomials(monos: readonly Monomial[], n: number): boolean {
  const users = new Array<number>(n).fill(0);
  for (const m of monos) for (let i = 0; i < m.length; i++) if (m[i] !== 0) users[i]!++;
  let withoutPrivate = 0;
  for (const m of monos) {
    let own = false;
    for (let i = 0; i < m.length && !own; i++) own = m[i] !== 0 && users[i] === 1;
    if (!own) withoutPrivate++;
  }
  if (withoutPrivate <= 1) return true;
  const t = monos.length;
  if (t > n + 1 || t > MAX_ELIMINATION_TERMS) return false;
  const rows = monos.map((m) => {
    const r = new Array<number>(n + 1);
    for (let i = 0; i < n; i++) r[i] = (((m[i] ?? 0) % PRIME) + PRIME) % PRIME;
    r[n] = 1;
    return r;
  });
  let rank = 0;
  for (let c = 0; c <= n && rank < t; c++) {
    let p = rank;
    while (p < t && rows[p]![c] === 0) p++;
    if (p === t) continue;
    [rows[p], rows[rank]] = [rows[rank]!, rows[p]!];
    const pivot = rows[rank]!;
    const inv = modInverse(pivot[c]!);
    for (let r = rank + 1; r < t; r++) {
      const row = rows[r]!;
      const f = (row[c]! * inv) % PRIME;
      if (f === 0) continue;
      for (let k = c; k <= n; k++) row[k] = (((row[k]! - f * pivot[k]!) % PRIME) + PRIME) % PRIME;
    }
    rank++;
  }
  return rank === t;
}

function modInverse(a: number): number {
  let [r0, r1, s0, s1] = [PRIME, a, 0, 1];
  while (r1 !== 0) {
    const q = Math.floor(r0 / r1);
    [r0, r1, s0, s1] = [r1, r0 - q * r1, s1, s0 - q * s1];
  }
  return ((s0 % PRIME) + PRIME) % PRIME;
}

/** log2(n) for n >= 1: exact for safe integers, else within 1 above (the bit length). */
function log2(n: bigint): number {
  return n <= BigInt(Number.MAX_SAFE_INTEGER) ? Math.log2(Number(n)) : bitLength(n);
}

/** C(k + t - 1, t - 1) as a double, capped just above `cap`. */
function compositions(k: number, t: number, cap: number): number {
  let c = 1;
  for (let i = 1; i < t && c <= cap; i++) c = (c * (k + i)) / i;
  return Math.round(c);
}

/**
 * a^k for k >= 2 by the multinomial expansion, or null when the monomials of `a` are not affinely
 * independent or the keys do not fit. Throws LimitError, before computing anything, when the
 * result has more terms than the cap, and charges its work (one unit per term per 64 bits of the
 * largest possible coefficient) to the budget in force up front.
 */
export function multinomialPow(a: Poly, k: number): Poly | null {
  const t = a.size;
  if (t < 2 || k < 2) return null;
  const n = monoLength(a);
  const terms = [...a.values()];
  if (
    !independentMonomials(
      terms.map((x) => x.mono),
      n,
    )
  )
    return null;
  const r = exponentRanges(a, n);
  const layout = makeLayout(
    r.lo.map((l) => l * k),
    r.hi.map((h) => h * k),
  );
  if (layout === null) return null;
  const count = compositions(k, t, maxTerms());
  if (count > maxTerms()) throw termLimitError(`a power of ${t} terms to the ${k}, with ${count} terms,`);
  const A = integerTerms(a, r.lo, layout);
  // |coefficient| <= t^k * max|c|^k: its bits, k * log2(t * max|c|), bound the cost of each term.
  const bits = k * (Math.log2(t) + log2(A.maxAbs));
  spendWork(count * Math.max(1, bits / 64));
  const out = new Map<string, Term>();
  const den = A.den ** BigInt(k);
  const last = t - 1;
  const lastNum = A.nums[last]!;
  const lastPow = (m: number): bigint => (lastNum === 1n ? 1n : lastNum === -1n ? (m % 2 === 0 ? 1n : -1n) : lastNum ** BigInt(m));
  const small = Array.from({ length: k + 2 }, (_, i) => BigInt(i));
  // Depth-first over compositions q_0 + ... + q_last = k, `coef` being the product so far of
  // C(m_j, q_j) * c_j^q_j. Along one level, C(m, q+1) * c^(q+1) = C(m, q) * c^q * (m-q) / (q+1) * c:
  // a multiplication and an exact division by small integers per step, no product of two large ones.
  const go = (j: number, m: number, key: number, coef: bigint): void => {
    if (j === last) {
      emit(out, key + m * A.keys[j]!, lastNum === 1n ? coef : coef * lastPow(m), den, layout);
      return;
    }
    const kj = A.keys[j]!;
    const cj = A.nums[j]!;
    let c = coef;
    for (let q = 0; ; q++) {
      go(j + 1, m - q, key + q * kj, c);
      if (q === m) break;
      c = (c * small[m - q]!) / small[q + 1]!;
      if (cj !== 1n) c *= cj;
    }
  };
  go(0, k, 0, 1n);
  return checkSize(out, "a power");
}
