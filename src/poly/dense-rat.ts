/**
 * Dense univariate polynomials with rational coefficients, lowest degree first, no trailing zero
 * (the zero polynomial is `[]`): the Bezout coefficients and remainders of multivariate Hensel
 * lifting (`multivariate-hensel.ts`).
 *
 * Work is charged to the polynomial budget in force, one unit per coefficient operation.
 */
import { Rational } from "../core/rational.js";
import { spendWork } from "./poly.js";

export type RatPoly = Rational[];

export function trimRat(a: Rational[]): RatPoly {
  while (a.length > 0 && a[a.length - 1]!.isZero()) a.length--;
  return a;
}

export function mulRat(a: RatPoly, b: RatPoly): RatPoly {
  if (a.length === 0 || b.length === 0) return [];
  spendWork(a.length * b.length);
  const out = new Array<Rational>(a.length + b.length - 1).fill(Rational.ZERO);
  for (let i = 0; i < a.length; i++) {
    const ai = a[i]!;
    if (ai.isZero()) continue;
    for (let j = 0; j < b.length; j++) out[i + j] = out[i + j]!.add(ai.mul(b[j]!));
  }
  return trimRat(out);
}

export function scaleRat(a: RatPoly, c: Rational): RatPoly {
  spendWork(a.length);
  return c.isZero() ? [] : a.map((x) => x.mul(c));
}

/** a = q·b + r with deg r < deg b (b not zero). */
export function divRemRat(a: RatPoly, b: RatPoly): { q: RatPoly; r: RatPoly } {
  if (b.length === 0) throw new RangeError("polynomial division by zero");
  const db = b.length - 1;
  const inv = b[db]!.inv();
  const r = a.slice();
  const q = new Array<Rational>(Math.max(a.length - db, 0)).fill(Rational.ZERO);
  for (let i = a.length - 1; i >= db; i--) {
    const top = r[i]!;
    if (top.isZero()) continue;
    const c = top.mul(inv);
    q[i - db] = c;
    spendWork(db + 1);
    for (let j = 0; j <= db; j++) r[i - db + j] = r[i - db + j]!.sub(c.mul(b[j]!));
  }
  r.length = Math.min(r.length, db);
  return { q: trimRat(q), r: trimRat(r) };
}

export function remRat(a: RatPoly, b: RatPoly): RatPoly {
  return divRemRat(a, b).r;
}

function subRat(a: RatPoly, b: RatPoly): RatPoly {
  const n = Math.max(a.length, b.length);
  spendWork(n);
  const out = new Array<Rational>(n);
  for (let i = 0; i < n; i++) out[i] = (a[i] ?? Rational.ZERO).sub(b[i] ?? Rational.ZERO);
  return trimRat(out);
}

/**
 * The s with s·a ≡ 1 (mod m) and deg s < deg m, for m of degree >= 1 and a coprime to m
 * (extended Euclid; a RangeError when they share a factor).
 */
export function invModRat(a: RatPoly, m: RatPoly): RatPoly {
  // Invariant: r_i ≡ s_i·a (mod m).
  let [r0, r1] = [m, remRat(a, m)];
  let [s0, s1]: [RatPoly, RatPoly] = [[], [Rational.ONE]];
  while (r1.length > 0) {
    const { q, r } = divRemRat(r0, r1);
    [r0, r1] = [r1, r];
    [s0, s1] = [s1, subRat(s0, mulRat(q, s1))];
  }
  if (r0.length !== 1) throw new RangeError("no inverse: the polynomials share a factor");
  return remRat(scaleRat(s0, r0[0]!.inv()), m);
}
