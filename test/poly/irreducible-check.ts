/**
 * An irreducibility check independent of `src/poly/zassenhaus.ts` and `kronecker.ts`, for tests:
 * Kronecker's interpolation method (1882). A factor g of f of degree <= d takes at d + 1 integer
 * points a_i values g(a_i) that divide f(a_i); so every such g is the interpolant of one choice of
 * divisors, and trying them all decides whether f has a factor of degree 1..d.
 *
 * `isIrreducibleByInterpolation(f)` answers true or false for a primitive univariate integer
 * polynomial of degree <= 5 (a factor of degree <= 2 is all there is to look for), and null when
 * the degree is higher or the divisor choices are too many to try.
 */
import { Rational } from "../../src/core/rational.js";
import { degreeIn, polyDivExact, polyFromTerms, variablesOf, type Poly } from "../../src/poly/poly.js";

const MAX_CHOICES = 200_000;

function divisors(n: bigint): bigint[] {
  const m = n < 0n ? -n : n;
  const out: bigint[] = [];
  for (let d = 1n; d * d <= m; d++) {
    if (m % d !== 0n) continue;
    out.push(d, -d);
    if (d * d !== m) out.push(m / d, -(m / d));
  }
  return out;
}

function valueAt(f: Poly, v: number, a: bigint): bigint {
  let s = 0n;
  for (const t of f.values()) s += t.coef.num * a ** BigInt(t.mono[v] ?? 0);
  return s;
}

/** The polynomial of degree < points.length through (a_i, b_i), by Lagrange's formula. */
function interpolate(points: readonly bigint[], values: readonly bigint[], v: number): Poly {
  // Coefficients lowest degree first, as rationals.
  const coefs = new Array<Rational>(points.length).fill(Rational.ZERO);
  points.forEach((ai, i) => {
    let basis: Rational[] = [Rational.ONE];
    let denom = Rational.ONE;
    points.forEach((aj, j) => {
      if (j === i) return;
      const next = new Array<Rational>(basis.length + 1).fill(Rational.ZERO);
      basis.forEach((c, k) => {
        next[k + 1] = next[k + 1]!.add(c);
        next[k] = next[k]!.sub(c.mul(Rational.of(aj)));
      });
      basis = next;
      denom = denom.mul(Rational.of(ai - aj));
    });
    const scale = Rational.of(values[i]!).div(denom);
    basis.forEach((c, k) => (coefs[k] = coefs[k]!.add(c.mul(scale))));
  });
  return polyFromTerms(
    coefs.map((coef, k) => {
      const mono = new Array<number>(v + 1).fill(0);
      mono[v] = k;
      return { mono, coef };
    }),
  );
}

export function isIrreducibleByInterpolation(f: Poly): boolean | null {
  const vars = [...variablesOf(f)];
  if (vars.length !== 1) return null;
  const v = vars[0]!;
  const n = degreeIn(f, v);
  if (n <= 1) return true;
  if (n > 5) return null;
  const d = Math.floor(n / 2);
  // d + 1 integer points where f does not vanish.
  const points: bigint[] = [];
  for (let k = 0n; points.length < d + 1; k = k <= 0n ? 1n - k : -k) if (valueAt(f, v, k) !== 0n) points.push(k);
  const choices = points.map((a) => divisors(valueAt(f, v, a)));
  if (choices.reduce((acc, c) => acc * c.length, 1) > MAX_CHOICES) return null;
  const pick = new Array<bigint>(points.length);
  const search = (i: number): boolean => {
    if (i === points.length) {
      const g = interpolate(points, pick, v);
      const dg = variablesOf(g).size === 0 ? 0 : degreeIn(g, v);
      if (dg < 1) return false;
      if ([...g.values()].some((t) => !t.coef.isInteger())) return false;
      return polyDivExact(f, g) !== null;
    }
    for (const c of choices[i]!) {
      pick[i] = c;
      if (search(i + 1)) return true;
    }
    return false;
  };
  return !search(0);
}

/** Small integers the other variables are set to when specialising a multivariate polynomial. */
const SPECIAL_VALUES = [2n, 3n, 5n, 7n, 11n, -2n, -3n, 13n];

/**
 * True when f (primitive, in one to three variables) is shown irreducible: univariate by
 * interpolation; multivariate when, for a main variable u in which f is primitive, f has degree
 * 1 in u, or setting the other variables to small integers keeps the degree in u and leaves a
 * polynomial that is irreducible by interpolation (a factorisation of f would survive it). False
 * when f has a non-trivial content in one of its variables; null when neither shows anything.
 */
export function isIrreducibleBySpecialisation(f: Poly, contentIn: (p: Poly, v: number) => Poly): boolean | null {
  const vars = [...variablesOf(f)];
  if (vars.length === 1) return isIrreducibleByInterpolation(f);
  if (vars.length < 2 || vars.length > 3) return null;
  for (const u of vars) {
    if (variablesOf(contentIn(f, u)).size > 0) return false;
    const n = degreeIn(f, u);
    if (n === 1) return true;
    const others = vars.filter((v) => v !== u);
    for (let i = 0; i < SPECIAL_VALUES.length; i++) {
      const values = others.map((_, j) => SPECIAL_VALUES[(i + 3 * j) % SPECIAL_VALUES.length]!);
      const g = polyFromTerms(
        [...f.values()].map((t) => {
          const mono = t.mono.slice();
          let coef = t.coef;
          others.forEach((w, j) => {
            coef = coef.mul(Rational.of(values[j]! ** BigInt(mono[w] ?? 0)));
            if (w < mono.length) mono[w] = 0;
          });
          return { mono, coef };
        }),
      );
      if (variablesOf(g).size !== 1 || degreeIn(g, u) !== n) continue;
      const content = [...g.values()].reduce((acc, t) => gcdBig(acc, t.coef.num), 0n);
      const primitive = polyFromTerms([...g.values()].map((t) => ({ mono: t.mono, coef: Rational.of(t.coef.num / content) })));
      if (isIrreducibleByInterpolation(primitive) === true) return true;
    }
  }
  return null;
}

function gcdBig(a: bigint, b: bigint): bigint {
  a = a < 0n ? -a : a;
  b = b < 0n ? -b : b;
  while (b !== 0n) [a, b] = [b, a % b];
  return a;
}
