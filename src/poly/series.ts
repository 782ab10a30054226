/**
 * Polynomials in a main variable x whose coefficients are power series in the other variables t,
 * truncated at a total degree in t: the ring Q[t]/(t)^(k+1) [x] of multivariate Hensel lifting.
 * A `Poly` represents such an element with every term of t-degree <= k (the t-degree of a term
 * is the sum of its exponents other than x's).
 *
 * Work is charged to the polynomial budget in force, one unit per pair of terms multiplied,
 * weighted by the size of the coefficients as in `polyMul`.
 */
import { bitLength } from "../core/rational.js";
import { monoKey, spendWork, type Monomial, type Poly, type Term } from "./poly.js";

/** The total degree of a monomial in every variable but `main`. */
export function seriesDegree(mono: Monomial, main: number): number {
  let d = 0;
  for (let i = 0; i < mono.length; i++) if (i !== main) d += mono[i]!;
  return d;
}

/** The largest t-degree of a term of p (0 for a constant, -Infinity for zero). */
export function seriesOrder(p: Poly, main: number): number {
  let d = -Infinity;
  for (const t of p.values()) d = Math.max(d, seriesDegree(t.mono, main));
  return d;
}

/** The terms of p of t-degree <= k. */
export function truncate(p: Poly, main: number, k: number): Poly {
  spendWork(p.size);
  const out = new Map<string, Term>();
  for (const [key, t] of p) if (seriesDegree(t.mono, main) <= k) out.set(key, t);
  return out;
}

/** The terms of p of t-degree exactly k. */
export function homogeneousPart(p: Poly, main: number, k: number): Term[] {
  spendWork(p.size);
  return [...p.values()].filter((t) => seriesDegree(t.mono, main) === k);
}

/** 64-bit words in the largest numerator or denominator of p (at least 1). */
function coefficientWords(p: Poly): number {
  let bits = 64;
  for (const t of p.values()) bits = Math.max(bits, bitLength(t.coef.num < 0n ? -t.coef.num : t.coef.num), bitLength(t.coef.den));
  return Math.ceil(bits / 64);
}

/** The terms of p by t-degree: entry d holds those of t-degree d (up to k). */
function byDegree(p: Poly, main: number, k: number): Term[][] {
  const out: Term[][] = Array.from({ length: k + 1 }, () => []);
  for (const t of p.values()) {
    const d = seriesDegree(t.mono, main);
    if (d <= k) out[d]!.push(t);
  }
  return out;
}

/**
 * a·b truncated at t-degree k; only pairs of terms whose t-degrees sum to at most k are formed
 * (`exact`: only those summing to k, the t-degree k part of the product).
 */
export function mulTruncated(a: Poly, b: Poly, main: number, k: number, exact = false): Poly {
  const out = new Map<string, Term>();
  if (a.size === 0 || b.size === 0) return out;
  const bs = byDegree(b, main, k);
  const weight = (coefficientWords(a) + coefficientWords(b)) / 2;
  spendWork(a.size + b.size);
  for (const s of a.values()) {
    const ds = seriesDegree(s.mono, main);
    let pairs = 0;
    for (let d = exact ? k - ds : 0; d <= k - ds; d++) {
      for (const t of bs[d] ?? []) {
        pairs++;
        const n = Math.max(s.mono.length, t.mono.length);
        const mono = new Array<number>(n);
        for (let i = 0; i < n; i++) mono[i] = (s.mono[i] ?? 0) + (t.mono[i] ?? 0);
        const key = monoKey(mono);
        const c = s.coef.mul(t.coef);
        const prev = out.get(key);
        if (prev === undefined) out.set(key, { mono, coef: c });
        else {
          const sum = prev.coef.add(c);
          if (sum.isZero()) out.delete(key);
          else out.set(key, { mono, coef: sum });
        }
      }
    }
    spendWork(pairs * weight, 0);
  }
  return out;
}
