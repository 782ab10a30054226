/**
 * The special functions in float64, as constant source text (like `erf.ts`), so that `evaluate`,
 * functions built by `compile` and standalone modules written by `toJavaScript` run the same code.
 * The source defines one object `sf`; it calls `erf` and `erfcTail` (from `ERF_SOURCE`) and `Math` only.
 *
 * Methods and accuracy (relative, away from zeros and poles; checked against 50-digit values in
 * the tests):
 * - gamma: Stirling's series for log gamma at z >= 10 (8 Bernoulli terms), reached by the
 *   recurrence x -> x + 1; reflection Γ(x) = π / (sin(πx) Γ(1 - x)) below 1/2, with sin(πx)
 *   reduced exactly (`sinpi`). About 1e-15 for moderate arguments, 1e-13 near the overflow at 171.
 *   At 0 it is ±Infinity, at negative integers NaN.
 * - loggamma(x) = log|Γ(x)|, the same series; its absolute error is about 1e-15 (so its relative
 *   error grows near its zeros x = 1 and x = 2). Infinity at its poles.
 * - digamma: the asymptotic series at z >= 10 after the recurrence, reflection
 *   ψ(x) = ψ(1 - x) - π cot(πx) below 0. polygamma(n, x) for an integer n >= 1: the asymptotic
 *   series at z >= n + 10 after the recurrence (any non-pole x, negative ones by more steps);
 *   NaN for a non-integer or negative order, for an order above 170 (n! overflows) and for
 *   x < n + 10 - 10^7 (the recurrence would take more than 10^7 steps).
 * - beta(a, b) = Γ(a)Γ(b)/Γ(a+b), through log gamma with signs when a gamma would overflow.
 * - erfc: 1 - erf(x) below 1 (no cancellation there), the continued fraction of erf.ts above, so
 *   the relative error stays near 1e-15 until erfc underflows (x > 27).
 * - heaviside(0) = 1/2; round is Math.round (half up); floor, ceil, min, max are Math's.
 */
import { erf, erfcTail } from "./erf.js";

export const SPECIAL_SOURCE = `const sf = (() => {
  const LOG_SQRT_2PI = 0.9189385332046728;
  function sinpi(x) {
    let r = x - 2 * Math.round(x / 2);
    const s = r < 0 ? -1 : 1;
    r = Math.abs(r);
    if (r > 0.5) r = 1 - r;
    return s * (r <= 0.25 ? Math.sin(Math.PI * r) : Math.cos(Math.PI * (0.5 - r)));
  }
  function cospi(x) {
    const r = Math.abs(x - 2 * Math.round(x / 2));
    if (r <= 0.25) return Math.cos(Math.PI * r);
    if (r <= 0.75) return Math.sin(Math.PI * (0.5 - r));
    return -Math.cos(Math.PI * (1 - r));
  }
  // log Γ(z) - ((z - 1/2) log z - z + log sqrt(2π)) for z >= 10: Stirling's series to z^-15.
  function stirlingSeries(z) {
    const w = 1 / (z * z);
    return (1 / 12 + w * (-1 / 360 + w * (1 / 1260 + w * (-1 / 1680 + w * (1 / 1188 + w * (-691 / 360360 + w * (1 / 156 + w * (-3617 / 122400)))))))) / z;
  }
  function lgammaPositive(x) {
    let z = x;
    let product = 1;
    while (z < 10) {
      product *= z;
      z += 1;
    }
    const series = stirlingSeries(z);
    return (z - 0.5) * Math.log(z) - z + LOG_SQRT_2PI + series - Math.log(product);
  }
  function gammaPositive(x) {
    if (x > 171.7) return Infinity;
    let z = x;
    let product = 1;
    while (z < 10) {
      product *= z;
      z += 1;
    }
    const series = stirlingSeries(z);
    const half = Math.pow(z, 0.5 * z - 0.25);
    return (half * (half * Math.exp(-z + series)) * 2.5066282746310002) / product;
  }
  function gamma(x) {
    if (x !== x) return x;
    if (x === 0) return 1 / x;
    if (x < 0 && Math.floor(x) === x) return NaN;
    if (x >= 0.5) return gammaPositive(x);
    return Math.PI / (sinpi(x) * gammaPositive(1 - x));
  }
  function loggamma(x) {
    if (x !== x) return x;
    if (x <= 0 && Math.floor(x) === x) return Infinity;
    if (x > 0) return lgammaPositive(x);
    return Math.log(Math.PI / Math.abs(sinpi(x))) - lgammaPositive(1 - x);
  }
  function digamma(x) {
    if (x !== x) return x;
    if (x <= 0 && Math.floor(x) === x) return NaN;
    if (x < 0) return digamma(1 - x) - (Math.PI * cospi(x)) / sinpi(x);
    let shift = 0;
    let z = x;
    while (z < 10) {
      shift -= 1 / z;
      z += 1;
    }
    const w = 1 / (z * z);
    const series = w * (1 / 12 + w * (-1 / 120 + w * (1 / 252 + w * (-1 / 240 + w * (1 / 132 + w * (-691 / 32760 + w * (1 / 12 + w * (-3617 / 8160))))))));
    return Math.log(z) - 0.5 / z - series + shift;
  }
  const BERNOULLI = [1 / 6, -1 / 30, 1 / 42, -1 / 30, 5 / 66, -691 / 2730, 7 / 6, -3617 / 510, 43867 / 798, -174611 / 330];
  function polygamma(n, x) {
    if (n !== n || x !== x) return NaN;
    if (n < 0 || Math.floor(n) !== n) return NaN;
    if (n === 0) return digamma(x);
    if (x <= 0 && Math.floor(x) === x) return NaN;
    if (n > 170 || n + 10 - x > 1e7) return NaN; // n! overflows; or too many recurrence steps

    let factorial = 1;
    for (let k = 2; k < n; k++) factorial *= k;
    const sign = n % 2 === 0 ? 1 : -1;
    let shift = 0;
    let z = x;
    while (z < n + 10) {
      shift += Math.pow(z, -n - 1);
      z += 1;
    }
    let sum = 1 + n / (2 * z);
    let c = 1;
    const w = 1 / (z * z);
    let p = 1;
    for (let k = 1; k <= BERNOULLI.length; k++) {
      c *= ((2 * k + n - 2) * (2 * k + n - 1)) / ((2 * k - 1) * (2 * k));
      p *= w;
      const term = BERNOULLI[k - 1] * c * p;
      sum += term;
      if (Math.abs(term) < 1e-17 * Math.abs(sum)) break;
    }
    return -sign * (factorial / Math.pow(z, n)) * sum - sign * factorial * n * shift;
  }
  function gammaSign(x) {
    return x > 0 || Math.floor(x) % 2 === 0 ? 1 : -1;
  }
  function beta(a, b) {
    const s = a + b;
    if (a > 0 && b > 0 && s < 171) return (gamma(a) * gamma(b)) / gamma(s);
    const ga = gamma(a), gb = gamma(b), gs = gamma(s);
    if (ga !== ga || gb !== gb || gs !== gs) return NaN;
    return gammaSign(a) * gammaSign(b) * gammaSign(s) * Math.exp(loggamma(a) + loggamma(b) - loggamma(s));
  }
  function erfc(x) {
    if (x !== x) return x;
    if (x < 1) return 1 - erf(x);
    if (x > 27) return 0;
    return erfcTail(x);
  }
  function heaviside(x) {
    return x > 0 ? 1 : x < 0 ? 0 : x === 0 ? 0.5 : x;
  }
  return { gamma, loggamma, digamma, polygamma, beta, erfc, heaviside };
})();`;

export interface SpecialFloat {
  gamma(x: number): number;
  loggamma(x: number): number;
  digamma(x: number): number;
  polygamma(n: number, x: number): number;
  beta(a: number, b: number): number;
  erfc(x: number): number;
  heaviside(x: number): number;
}

/** The object `SPECIAL_SOURCE` defines, built once from that constant source. */
// eslint-disable-next-line @typescript-eslint/no-implied-eval, @typescript-eslint/no-unsafe-call -- SPECIAL_SOURCE is a constant of this file: no caller's text reaches it.
export const sf: SpecialFloat = new Function("erf", "erfcTail", `"use strict";\n${SPECIAL_SOURCE}\nreturn sf;`)(erf, erfcTail) as SpecialFloat;
