/**
 * Multivariate polynomial GCD over the rationals, by recursion on the main variable with
 * primitive pseudo-remainder sequences.
 *
 * Contract: for polynomials with non-negative exponents, `polyGcd(a, b)` divides both exactly and
 * every common divisor divides it. The result is normalised (integer coefficients with gcd 1,
 * positive leading coefficient), so it is unique; `polyGcd(0, 0)` is 0. Termination: each
 * recursive call has strictly fewer variables, and each PRS step lowers the degree in the main
 * variable.
 */
import { LimitError } from "../core/errors.js";
import { limits } from "../core/limits.js";
import { Rational } from "../core/rational.js";
import {
  coefficientsIn,
  degreeIn,
  isZeroPoly,
  minMonomial,
  polyConst,
  polyDivExact,
  polyMul,
  polySub,
  polyVar,
  primitiveNumeric,
  shiftMono,
  spendWork,
  variablesOf,
  type Poly,
} from "./poly.js";

const ONE_POLY = polyConst(Rational.ONE);

export function polyGcd(a: Poly, b: Poly): Poly {
  if (isZeroPoly(a)) return primitiveNumeric(b);
  if (isZeroPoly(b)) return primitiveNumeric(a);
  // Monomial content first: gcd(x^2*y, x*y^3) has x*y, and pulling it keeps the PRS small.
  const ma = minMonomial(a);
  const mb = minMonomial(b);
  const common = ma.map((k, i) => Math.min(k, mb[i] ?? 0));
  const ra = shiftMono(a, ma.map((k) => -k));
  const rb = shiftMono(b, mb.map((k) => -k));
  const g = gcdNoMonomial(ra, rb, 0);
  return common.some((k) => k > 0) ? shiftMono(g, common) : g;
}

function gcdNoMonomial(a: Poly, b: Poly, depth: number): Poly {
  if (depth > 64) throw new LimitError("maxDepth", 64, "polynomial GCD recursion too deep");
  spendWork(a.size + b.size);
  if (isZeroPoly(a)) return primitiveNumeric(b);
  if (isZeroPoly(b)) return primitiveNumeric(a);
  const va = variablesOf(a);
  const vb = variablesOf(b);
  if (va.size === 0 || vb.size === 0) return ONE_POLY;
  const all = [...new Set([...va, ...vb])].sort((x, y) => x - y);
  const v = all[0]!;
  if (!va.has(v)) return gcdNoMonomial(a, contentIn(b, v, depth), depth + 1);
  if (!vb.has(v)) return gcdNoMonomial(contentIn(a, v, depth), b, depth + 1);
  const ca = contentIn(a, v, depth);
  const cb = contentIn(b, v, depth);
  let p = primitiveNumeric(polyDivExact(a, ca)!);
  let q = primitiveNumeric(polyDivExact(b, cb)!);
  if (degreeIn(p, v) < degreeIn(q, v)) [p, q] = [q, p];
  let steps = 0;
  while (!isZeroPoly(q)) {
    if (++steps > 10_000) throw new LimitError("maxExpandTerms", limits.maxExpandTerms, "polynomial GCD too long");
    const r = pseudoRemainder(p, q, v);
    p = q;
    q = isZeroPoly(r) ? r : primitivePart(r, v, depth);
  }
  const c = gcdNoMonomial(ca, cb, depth + 1);
  return primitiveNumeric(polyMul(c, primitivePart(p, v, depth)));
}

/** The gcd of the coefficients of p seen as a polynomial in variable v. */
export function contentIn(p: Poly, v: number, depth = 0): Poly {
  let g: Poly | null = null;
  for (const c of coefficientsIn(p, v).values()) {
    g = g === null ? primitiveNumeric(c) : gcdNoMonomial(g, c, depth + 1);
    if (variablesOf(g).size === 0) return ONE_POLY;
  }
  return g ?? ONE_POLY;
}

/** p divided by its content in v, normalised. */
export function primitivePart(p: Poly, v: number, depth = 0): Poly {
  return primitiveNumeric(polyDivExact(p, contentIn(p, v, depth))!);
}

/** prem(a, b) in variable v: lc(b)^k * a reduced by b until its degree in v is below deg b. */
export function pseudoRemainder(a: Poly, b: Poly, v: number): Poly {
  const db = degreeIn(b, v);
  const lcb = coefficientsIn(b, v).get(db)!;
  let r = a;
  for (;;) {
    if (isZeroPoly(r)) return r;
    const dr = degreeIn(r, v);
    if (dr < db) return r;
    const lcr = coefficientsIn(r, v).get(dr)!;
    r = polySub(polyMul(lcb, r), polyMul(polyMul(lcr, polyVar(v, dr - db)), b));
  }
}
