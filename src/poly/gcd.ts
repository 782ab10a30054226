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
import { provablyCoprime } from "./coprime.js";
import {
  coefficientsIn,
  degreeIn,
  isZeroPoly,
  minMonomial,
  polyConst,
  polyDivExact,
  polyFromTerms,
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
  // The modular test settles the common coprime case without rational arithmetic.
  if (provablyCoprime(a, b)) return ONE_POLY;
  return polyGcdByPrs(a, b);
}

/** `polyGcd` computed by the pseudo-remainder sequences alone (same contract). */
export function polyGcdByPrs(a: Poly, b: Poly): Poly {
  if (isZeroPoly(a)) return primitiveNumeric(b);
  if (isZeroPoly(b)) return primitiveNumeric(a);
  const va = variablesOf(a);
  const vb = variablesOf(b);
  if (va.size === 0 || vb.size === 0) return ONE_POLY;
  if (va.size === 1 && vb.size === 1) {
    const [v] = va;
    if (vb.has(v!)) return univariateGcd(a, b, v!);
    return ONE_POLY;
  }
  // Monomial content first: gcd(x^2*y, x*y^3) has x*y, and pulling it keeps the PRS small.
  const ma = minMonomial(a);
  const mb = minMonomial(b);
  const common = ma.map((k, i) => Math.min(k, mb[i] ?? 0));
  const ra = shiftMono(
    a,
    ma.map((k) => -k),
  );
  const rb = shiftMono(
    b,
    mb.map((k) => -k),
  );
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

/** Coefficients of a univariate polynomial in variable v, lowest degree first (exponents >= 0). */
function toDenseIn(p: Poly, v: number): Rational[] {
  const out: Rational[] = new Array<Rational>(degreeIn(p, v) + 1).fill(Rational.ZERO);
  for (const t of p.values()) out[t.mono[v] ?? 0] = t.coef;
  return out;
}

/** Dense remainder of a by b (b's leading coefficient non-zero), trimmed. */
function denseRemainder(a: Rational[], b: readonly Rational[]): Rational[] {
  const r = a.slice();
  const db = b.length - 1;
  const lb = b[db]!;
  for (let i = r.length - 1; i >= db; i--) {
    const q = r[i]!.div(lb);
    if (q.isZero()) continue;
    for (let j = 0; j <= db; j++) r[i - db + j] = r[i - db + j]!.sub(q.mul(b[j]!));
  }
  r.length = Math.min(r.length, db);
  while (r.length > 0 && r[r.length - 1]!.isZero()) r.length--;
  spendWork(a.length * b.length);
  return r;
}

/** gcd of two polynomials in the single variable v (Euclid over the rationals), normalised. */
function univariateGcd(a: Poly, b: Poly, v: number): Poly {
  let p = toDenseIn(a, v);
  let q = toDenseIn(b, v);
  if (p.length < q.length) [p, q] = [q, p];
  while (q.length > 0) {
    const r = denseRemainder(p, q);
    p = q;
    q = r;
  }
  const terms = p.map((c, k) => ({
    mono:
      k === 0
        ? []
        : (() => {
            const m = new Array<number>(v + 1).fill(0);
            m[v] = k;
            return m;
          })(),
    coef: c,
  }));
  return primitiveNumeric(polyFromTerms(terms));
}
