/**
 * The special functions at arbitrary precision (mathjs BigNumber), for checking float results;
 * mathjs has gamma for integer BigNumbers only and no loggamma, digamma or polygamma.
 *
 * Method: Stirling's series for log gamma and the asymptotic series of digamma and polygamma at
 * z >= precision/2 + n + 10, reached by the recurrence x -> x + 1, with exact Bernoulli numbers
 * (bigint rationals, computed once); reflection below 1/2 (gamma, loggamma, digamma). The series
 * are summed until a term is below 10^-(precision + 5) of the sum. Conventions are those of
 * `special-float.ts`: NaN at poles and for a non-integer polygamma order, loggamma = log|gamma|;
 * polygamma of an order above 1000 or at x < n + 10 - 10^5 is NaN (bounded work).
 */
import type { BigNumber, MathJsInstance } from "mathjs";
import { Rational } from "../core/rational.js";

type Big = BigNumber;

const bernoulliCache: Rational[] = [];

/** B_2, B_4, ..., B_2k (Akiyama–Tanigawa, exact). */
function bernoulliEven(k: number): readonly Rational[] {
  if (bernoulliCache.length >= k) return bernoulliCache;
  const n = 2 * k;
  const a: Rational[] = [];
  const all: Rational[] = [];
  for (let m = 0; m <= n; m++) {
    a[m] = Rational.of(1, m + 1);
    for (let j = m; j >= 1; j--) a[j - 1] = Rational.of(j).mul(a[j - 1]!.sub(a[j]!));
    all[m] = a[0]!;
  }
  bernoulliCache.length = 0;
  for (let i = 1; i <= k; i++) bernoulliCache.push(all[2 * i]!);
  return bernoulliCache;
}

function precisionOf(m: MathJsInstance): number {
  return (m.config as unknown as () => { precision: number })().precision;
}

function big(m: MathJsInstance, r: Rational): Big {
  return m.bignumber(r.num.toString()).div(m.bignumber(r.den.toString()));
}

function isPole(x: Big): boolean {
  return x.isInteger() && x.lessThanOrEqualTo(0);
}

interface Shifted {
  /** x + N >= the series threshold. */
  z: Big;
  /** The N values x, x + 1, ..., x + N - 1. */
  steps: Big[];
}

function shiftUp(m: MathJsInstance, x: Big, extra: number): Shifted {
  const threshold = m.bignumber(Math.ceil(precisionOf(m) / 2) + 10 + extra);
  const steps: Big[] = [];
  let z = x;
  while (z.lessThan(threshold)) {
    steps.push(z);
    z = z.plus(1);
  }
  return { z, steps };
}

/** B_2 .. B_2k as BigNumbers of each instance, and its series tolerance (computed once per instance). */
const bigBernoulli = new WeakMap<MathJsInstance, { values: Big[]; eps: Big }>();

/** Sums `term(k)` for k = 1, 2, ... until a term is negligible (or the Bernoulli numbers run out). */
function series(m: MathJsInstance, sum: Big, term: (k: number, b: Big) => Big): Big {
  let cached = bigBernoulli.get(m);
  if (cached === undefined) {
    const p = precisionOf(m);
    cached = { values: bernoulliEven(Math.ceil(p * 0.6) + 20).map((b) => big(m, b)), eps: m.bignumber(10).pow(-(p + 5)) };
    bigBernoulli.set(m, cached);
  }
  const { values: bs, eps } = cached;
  for (let k = 1; k <= bs.length; k++) {
    const t = term(k, bs[k - 1]!);
    sum = sum.plus(t);
    if (t.abs().lessThan(sum.abs().times(eps))) break;
  }
  return sum;
}

function lnGammaPositive(m: MathJsInstance, x: Big): Big {
  const { z, steps } = shiftUp(m, x, 0);
  const pi = m.bignumber(m.pi as unknown as Big);
  let product = m.bignumber(1);
  for (const s of steps) product = product.times(s);
  const head = z.minus(0.5).times(z.ln()).minus(z).plus(pi.times(2).ln().div(2));
  const z2 = z.times(z);
  let power = z;
  const value = series(m, head, (k, b) => {
    const t = b.div(m.bignumber(2 * k * (2 * k - 1)).times(power));
    power = power.times(z2);
    return t;
  });
  return value.minus(product.ln());
}

function sinPi(m: MathJsInstance, x: Big): Big {
  const pi = m.bignumber(m.pi as unknown as Big);
  return x.mod(2).times(pi).sin();
}

export function bigGamma(m: MathJsInstance, x: Big): Big {
  if (x.isNaN() || isPole(x)) return m.bignumber(NaN);
  if (x.greaterThanOrEqualTo(0.5)) return lnGammaPositive(m, x).exp();
  const pi = m.bignumber(m.pi as unknown as Big);
  return pi.div(sinPi(m, x).times(lnGammaPositive(m, m.bignumber(1).minus(x)).exp()));
}

export function bigLoggamma(m: MathJsInstance, x: Big): Big {
  if (x.isNaN()) return x;
  if (isPole(x)) return m.bignumber(Infinity);
  if (x.greaterThan(0)) return lnGammaPositive(m, x);
  const pi = m.bignumber(m.pi as unknown as Big);
  return pi
    .div(sinPi(m, x).abs())
    .ln()
    .minus(lnGammaPositive(m, m.bignumber(1).minus(x)));
}

export function bigDigamma(m: MathJsInstance, x: Big): Big {
  if (x.isNaN() || isPole(x)) return m.bignumber(NaN);
  const one = m.bignumber(1);
  if (x.lessThan(0)) {
    const pi = m.bignumber(m.pi as unknown as Big);
    const a = x.mod(2).times(pi);
    return bigDigamma(m, one.minus(x)).minus(pi.times(a.cos()).div(a.sin()));
  }
  const { z, steps } = shiftUp(m, x, 0);
  let shift = m.bignumber(0);
  for (const s of steps) shift = shift.minus(one.div(s));
  const z2 = z.times(z);
  let power = z2;
  const value = series(m, z.ln().minus(one.div(z.times(2))), (k, b) => {
    const t = b.div(power.times(2 * k)).neg();
    power = power.times(z2);
    return t;
  });
  return value.plus(shift);
}

function factorial(m: MathJsInstance, n: number): Big {
  let f = m.bignumber(1);
  for (let k = 2; k <= n; k++) f = f.times(k);
  return f;
}

export function bigPolygamma(m: MathJsInstance, order: Big, x: Big): Big {
  if (order.isNaN() || x.isNaN() || !order.isInteger() || order.isNegative()) return m.bignumber(NaN);
  const n = order.toNumber();
  if (n === 0) return bigDigamma(m, x);
  if (isPole(x)) return m.bignumber(NaN);
  // Bounded work: orders and recurrence lengths beyond these are NaN, as in special-float.ts.
  if (n > 1000 || x.lessThan(n + 10 - 1e5)) return m.bignumber(NaN);
  const { z, steps } = shiftUp(m, x, n);
  const sign = n % 2 === 0 ? 1 : -1;
  let shift = m.bignumber(0);
  for (const s of steps) shift = shift.plus(s.pow(-n - 1));
  const w = m.bignumber(1).div(z.times(z));
  let c = m.bignumber(1);
  let p = m.bignumber(1);
  const sum = series(m, m.bignumber(1).plus(m.bignumber(n).div(z.times(2))), (k, b) => {
    c = c.times((2 * k + n - 2) * (2 * k + n - 1)).div((2 * k - 1) * (2 * k));
    p = p.times(w);
    return b.times(c).times(p);
  });
  const f = factorial(m, n - 1);
  return f.div(z.pow(n)).times(sum).times(-sign).minus(f.times(n).times(shift).times(sign));
}

export function bigBeta(m: MathJsInstance, a: Big, b: Big): Big {
  const s = a.plus(b);
  if (isPole(a) || isPole(b) || isPole(s)) return m.bignumber(NaN);
  return bigGamma(m, a).times(bigGamma(m, b)).div(bigGamma(m, s));
}

export function bigHeaviside(m: MathJsInstance, x: Big): Big {
  if (x.isNaN()) return x;
  return m.bignumber(x.isZero() ? 0.5 : x.isPositive() ? 1 : 0);
}
