/**
 * Perfect powers inside integer radicals, in plain bigint arithmetic (no nodes): the builder uses
 * these to write `sqrt(8)` as `2*sqrt(2)`, `12^(1/2)` as `2*3^(1/2)` and `4^(1/6)` as `2^(1/3)`.
 *
 * Contract: `splitPerfectPower(n, q)` returns `[a, m]` with `n = a^q * m` and `m` free of q-th
 * powers of the primes below 1000; when the part of `m` without such primes is itself a perfect
 * q-th power it is moved into `a` too. Larger repeated prime factors (`(1009^2 * 1013)^(1/2)`)
 * are not searched for: factoring is not attempted, so the cost is at most 168 trial divisions.
 */
import { bitLength, exactRoot } from "./rational.js";

const PRIMES_BELOW_1000: readonly bigint[] = (() => {
  const out: bigint[] = [];
  for (let p = 2; p < 1000; p++) {
    let prime = true;
    for (let d = 2; d * d <= p; d++) {
      if (p % d === 0) {
        prime = false;
        break;
      }
    }
    if (prime) out.push(BigInt(p));
  }
  return out;
})();

/** `[a, m]` with `n = a^q * m` for an integer `n >= 1` and `q >= 2` (see the contract above). */
export function splitPerfectPower(n: bigint, q: bigint): [bigint, bigint] {
  if (q > BigInt(bitLength(n))) return [1n, n]; // 2^q > n: no q-th power above 1 divides n
  let outside = 1n;
  let inside = 1n;
  let rest = n;
  for (const p of PRIMES_BELOW_1000) {
    const pq = p ** q;
    if (pq > rest) break;
    let e = 0n;
    while (rest % p === 0n) {
      rest /= p;
      e++;
    }
    if (e === 0n) continue;
    outside *= p ** (e / q);
    inside *= p ** (e % q);
  }
  if (rest > 1n) {
    const root = q <= BigInt(bitLength(rest)) ? exactRoot(rest, Number(q)) : null;
    if (root !== null) outside *= root;
    else inside *= rest;
  }
  return [outside, inside];
}

/**
 * `[s, r]` with `m = s^r` for the smallest prime `r` dividing `q` for which `m` is a perfect
 * r-th power, or `null` when there is none. Only primes `r <= bitLength(m)` can qualify.
 */
export function perfectPowerSharing(m: bigint, q: bigint): [bigint, bigint] | null {
  const bits = BigInt(bitLength(m));
  let rest = q;
  for (let r = 2n; r <= bits && r <= rest; r++) {
    if (rest % r !== 0n) continue;
    while (rest % r === 0n) rest /= r;
    const s = exactRoot(m, Number(r));
    if (s !== null) return [s, r];
  }
  return null;
}

/** log2 of a positive bigint, as a double (exact enough to guess a small rational ratio). */
function log2Of(n: bigint): number {
  const bits = bitLength(n);
  if (bits <= 1000) return Math.log2(Number(n));
  const shift = bits - 64;
  return Math.log2(Number(n >> BigInt(shift))) + shift;
}

/** Exponents p/q this small in q are tried by `exactLogarithm`. */
const MAX_LOG_DENOMINATOR = 64;
/** `exactLogarithm` confirms a guess only while both powers stay below this many bits. */
const MAX_LOG_CHECK_BITS = 1 << 14;

/**
 * The rational k with `base^k = value` for positive rationals `value` and `base` (base not 1),
 * or null when there is none with a denominator up to 64 (`log(8, 2)` is 3, `log(1/9, 27)` is
 * -2/3). The candidate comes from a float ratio; it is returned only after the exact check
 * `base^p = value^q`, so a wrong guess can only miss, never give a wrong answer.
 */
export function exactLogarithm(value: { num: bigint; den: bigint }, base: { num: bigint; den: bigint }): { p: bigint; q: bigint } | null {
  if (value.num <= 0n || base.num <= 0n || base.num === base.den) return null;
  const ratio = (log2Of(value.num) - log2Of(value.den)) / (log2Of(base.num) - log2Of(base.den));
  if (!Number.isFinite(ratio)) return null;
  for (let q = 1; q <= MAX_LOG_DENOMINATOR; q++) {
    const p = Math.round(ratio * q);
    if (Math.abs(p - ratio * q) > 1e-6 * q) continue;
    const P = BigInt(Math.abs(p));
    const Q = BigInt(q);
    const baseBits = Math.max(bitLength(base.num), bitLength(base.den)) * Math.abs(p);
    const valueBits = Math.max(bitLength(value.num), bitLength(value.den)) * q;
    if (baseBits > MAX_LOG_CHECK_BITS || valueBits > MAX_LOG_CHECK_BITS) return null;
    // base^p = value^q, with p < 0 flipping the base.
    const [bn, bd] = p >= 0 ? [base.num, base.den] : [base.den, base.num];
    if (bn ** P === value.num ** Q && bd ** P === value.den ** Q) return { p: BigInt(p), q: Q };
    return null; // the nearest candidate with the smallest denominator failed: no exact logarithm
  }
  return null;
}
