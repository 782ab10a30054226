/**
 * Exact rational numbers over bigint: the coefficients and exponents of expressions.
 *
 * Invariants (every instance): `den > 0n`, `gcd(|num|, den) === 1n`, and zero is `0/1`.
 * Instances are immutable; arithmetic returns new instances. No floating point is used
 * anywhere except `toNumber`, which is for evaluation only.
 *
 * @example
 * Rational.of(6, -4);                           // => -3/2
 * Rational.of(1, 3).add(Rational.of(1, 6));     // => 1/2
 * Rational.parseDecimal("0.1").toString();      // => "1/10"
 */
export class Rational {
  readonly num: bigint;
  readonly den: bigint;

  /** Trusted constructor: the caller guarantees the invariants. Use `Rational.of` otherwise. */
  private constructor(num: bigint, den: bigint) {
    this.num = num;
    this.den = den;
  }

  static readonly ZERO = new Rational(0n, 1n);
  static readonly ONE = new Rational(1n, 1n);
  static readonly MINUS_ONE = new Rational(-1n, 1n);
  static readonly HALF = new Rational(1n, 2n);
  static readonly TWO = new Rational(2n, 1n);

  static of(num: bigint | number, den: bigint | number = 1n): Rational {
    let n = typeof num === "bigint" ? num : BigInt(num);
    let d = typeof den === "bigint" ? den : BigInt(den);
    if (d === 0n) throw new RangeError("Rational with zero denominator");
    if (d < 0n) {
      n = -n;
      d = -d;
    }
    if (d === 1n) return Rational.int(n);
    const g = gcd(n < 0n ? -n : n, d);
    return g === 1n ? new Rational(n, d) : Rational.of2(n / g, d / g);
  }

  private static of2(n: bigint, d: bigint): Rational {
    return d === 1n ? Rational.int(n) : new Rational(n, d);
  }

  static int(n: bigint): Rational {
    if (n === 0n) return Rational.ZERO;
    if (n === 1n) return Rational.ONE;
    if (n === -1n) return Rational.MINUS_ONE;
    return new Rational(n, 1n);
  }

  /**
   * Parses an exact decimal such as "12", "0.1", "1e-5", "2.5E+3" into a rational
   * (so "0.1" is exactly 1/10). `maxExponent` bounds the decimal exponent so that
   * "1e999999999" cannot allocate a huge integer.
   */
  static parseDecimal(text: string, maxExponent = 100_000): Rational {
    const m = /^([0-9]*)(?:\.([0-9]*))?(?:[eE]([+-]?[0-9]+))?$/.exec(text);
    if (!m) throw new SyntaxError(`not a decimal number: ${text}`);
    const intPart = m[1] ?? "";
    const frac = m[2] ?? "";
    const exp = m[3] === undefined ? 0 : Number(m[3]);
    const digits = BigInt(intPart + frac || "0");
    const scale = exp - frac.length;
    if (Math.abs(scale) > maxExponent) throw new RangeError(`decimal exponent ${scale} out of range`);
    return scale >= 0 ? Rational.of(digits * 10n ** BigInt(scale)) : Rational.of(digits, 10n ** BigInt(-scale));
  }

  isZero(): boolean {
    return this.num === 0n;
  }
  isOne(): boolean {
    return this.num === 1n && this.den === 1n;
  }
  isMinusOne(): boolean {
    return this.num === -1n && this.den === 1n;
  }
  isInteger(): boolean {
    return this.den === 1n;
  }
  sign(): -1 | 0 | 1 {
    return this.num < 0n ? -1 : this.num > 0n ? 1 : 0;
  }
  isNegative(): boolean {
    return this.num < 0n;
  }

  add(o: Rational): Rational {
    if (o.num === 0n) return this;
    if (this.num === 0n) return o;
    if (this.den === 1n && o.den === 1n) return Rational.int(this.num + o.num);
    return Rational.of(this.num * o.den + o.num * this.den, this.den * o.den);
  }
  sub(o: Rational): Rational {
    return this.add(o.neg());
  }
  mul(o: Rational): Rational {
    if (o === Rational.ONE) return this;
    if (this === Rational.ONE) return o;
    if (this.den === 1n && o.den === 1n) return Rational.int(this.num * o.num);
    return Rational.of(this.num * o.num, this.den * o.den);
  }
  div(o: Rational): Rational {
    if (o.num === 0n) throw new RangeError("Rational division by zero");
    return Rational.of(this.num * o.den, this.den * o.num);
  }
  neg(): Rational {
    return this.num === 0n ? this : Rational.of2(-this.num, this.den);
  }
  inv(): Rational {
    return Rational.of(this.den, this.num);
  }
  abs(): Rational {
    return this.num < 0n ? this.neg() : this;
  }
  /** Integer power; the exponent is a JS safe integer (the caller bounds its size). */
  powInt(k: number): Rational {
    if (k === 0) return Rational.ONE;
    if (k < 0) return this.inv().powInt(-k);
    const e = BigInt(k);
    return Rational.of2(this.num ** e, this.den ** e);
  }
  cmp(o: Rational): number {
    if (this.den === o.den) return this.num < o.num ? -1 : this.num > o.num ? 1 : 0; // integers, mostly
    const l = this.num * o.den;
    const r = o.num * this.den;
    return l < r ? -1 : l > r ? 1 : 0;
  }
  equals(o: Rational): boolean {
    return this.num === o.num && this.den === o.den;
  }
  /** floor(this) as bigint. */
  floor(): bigint {
    const q = this.num / this.den;
    return this.num < 0n && q * this.den !== this.num ? q - 1n : q;
  }

  /** Nearest double (correct for magnitudes beyond 2^1024 in numerator or denominator too). */
  toNumber(): number {
    const n = this.num;
    const d = this.den;
    const nb = bitLength(n < 0n ? -n : n);
    const db = bitLength(d);
    if (nb <= 1000 && db <= 1000) return Number(n) / Number(d);
    const ns = Math.max(0, nb - 64);
    const ds = Math.max(0, db - 64);
    const ratio = Number(n >> BigInt(ns)) / Number(d >> BigInt(ds));
    return ratio * Math.pow(2, ns - ds);
  }

  toString(): string {
    return this.den === 1n ? this.num.toString() : `${this.num}/${this.den}`;
  }
}

export function gcd(a: bigint, b: bigint): bigint {
  if (a < 0n) a = -a;
  if (b < 0n) b = -b;
  while (b !== 0n) {
    const t = a % b;
    a = b;
    b = t;
  }
  return a;
}

/** Number of bits of a non-negative bigint (0 for 0). */
export function bitLength(n: bigint): number {
  if (n === 0n) return 0;
  // toString(16) is linear in the size and much faster than shifting bit by bit.
  const hex = n.toString(16);
  return (hex.length - 1) * 4 + (32 - Math.clz32(parseInt(hex[0]!, 16)));
}

/**
 * Exact integer k-th root of a non-negative bigint, or null when `n` is not a perfect k-th power.
 */
export function exactRoot(n: bigint, k: number): bigint | null {
  if (n < 0n) return null;
  if (n < 2n || k === 1) return n;
  const K = BigInt(k);
  // Newton iteration from an upper bound 2^ceil(bits/k).
  let x = 1n << BigInt(Math.ceil(bitLength(n) / k));
  for (;;) {
    const y = ((K - 1n) * x + n / x ** (K - 1n)) / K;
    if (y >= x) break;
    x = y;
  }
  return x ** K === n ? x : null;
}
