/**
 * The error function in float64, as constant source text so that the same code runs inside
 * `evaluate`, inside functions built by `compile`, and inside standalone modules written by
 * `toJavaScript` (which must not import symgrad).
 *
 * Method (relative error below 1e-15 over the whole real line, checked against a 60-digit
 * reference in the tests):
 * - |x| < 2: erf(x) = 2/sqrt(pi) * exp(-x^2) * sum_n (2x^2)^n x / (1*3*...*(2n+1)). Every term is
 *   positive, so the sum has no cancellation.
 * - 2 <= |x| < 6: erf(x) = 1 - erfc(x) with the continued fraction
 *   erfc(x) = exp(-x^2)/sqrt(pi) * 1/(x + (1/2)/(x + 1/(x + (3/2)/(x + ...)))), evaluated by the
 *   modified Lentz method; erfc(x) < 4.7e-3 there, so its own error reaches erf scaled down.
 * - |x| >= 6: erf(x) = sign(x) (erfc(6) < 2.2e-17 is below half an ulp of 1).
 * The continued fraction is `erfcTail(a)` (a >= 1), which erfc (special-float.ts) uses too.
 * exp(-x^2) is computed as exp(-h*h) * exp(-(x-h)*(x+h)) with h the upper 26 bits of x (Veltkamp
 * split), so h*h is exact and the rounding of x*x does not enter the result.
 */
export const ERF_SOURCE = `function erfcTail(a) {
  const c = a * 134217729;
  const h = c - (c - a);
  const g = Math.exp(-h * h) * Math.exp(-(a - h) * (a + h));
  const tiny = 1e-300;
  let f = a;
  let C = a;
  let D = 0;
  for (let n = 1; n < 5000; n++) {
    const an = n / 2;
    D = a + an * D;
    D = D === 0 ? tiny : 1 / D;
    C = a + an / C;
    if (C === 0) C = tiny;
    const delta = C * D;
    f *= delta;
    if (Math.abs(delta - 1) < 1e-17) break;
  }
  return (0.5641895835477563 * g) / f;
}
function erf(x) {
  if (x !== x) return x;
  const s = x < 0 ? -1 : 1;
  const a = x < 0 ? -x : x;
  if (a >= 6) return s;
  if (a === 0) return x;
  if (a >= 2) return s * (1 - erfcTail(a));
  const c = a * 134217729;
  const h = c - (c - a);
  const g = Math.exp(-h * h) * Math.exp(-(a - h) * (a + h));
  const q = 2 * a * a;
  let term = a;
  let sum = a;
  for (let n = 1; n < 200; n++) {
    term *= q / (2 * n + 1);
    sum += term;
    if (term < sum * 1e-17) break;
  }
  return s * (1.1283791670955126 * g * sum);
}`;

/** erf(x) and erfcTail(a) for doubles; the functions defined by `ERF_SOURCE`. */
// eslint-disable-next-line @typescript-eslint/no-implied-eval, @typescript-eslint/no-unsafe-call -- ERF_SOURCE is a constant of this file: no caller's text reaches it.
const defined = new Function(`"use strict";\n${ERF_SOURCE}\nreturn [erf, erfcTail];`)() as [(x: number) => number, (a: number) => number];

/** erf(x) for a double x. */
export const erf = defined[0];
/** erfc(a) for a double a >= 1, by the continued fraction (no cancellation: used by erf and erfc). */
export const erfcTail = defined[1];
