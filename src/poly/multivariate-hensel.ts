/**
 * Multivariate Hensel lifting over the rationals, in all the non-main variables t at once, one
 * total degree in t at a time (linear lifting).
 *
 * Contract: for F in Q[x, t] of degree n >= 1 in the main variable x, with L = lc_x(F) not
 * vanishing at t = 0, and monic ū_1..ū_r in Q[x], pairwise coprime, with
 * F(x, 0) = L(0)·ū_1···ū_r, `liftFactors(F, x, ū, D)` returns u_1..u_r, monic in x of the
 * degrees of the ū_i, with u_i(x, 0) = ū_i and F ≡ L·u_1···u_r modulo the terms of t-degree
 * above D. Such u_i are unique (they are the truncations of the monic factorisation of F/L over
 * the power series Q[[t]][x], Hensel's lemma).
 *
 * Step k: with E the t-degree k part of F - L·∏u_i (the parts below k vanish), corrections δ_i
 * of t-degree k and x-degree below deg ū_i with L(0)·Σ δ_i·∏_(j≠i) ū_j = E make the t-degree k
 * part vanish too: δ_i = (E·σ_i / L(0)) rem ū_i, coefficient by coefficient in t, where
 * Σ σ_i·∏_(j≠i) ū_j = 1 (σ_i the inverse of ∏_(j≠i) ū_j modulo ū_i).
 */
import { Rational } from "../core/rational.js";
import { invModRat, mulRat, remRat, scaleRat, type RatPoly } from "./dense-rat.js";
import { coefficientsIn, degreeIn, monoKey, polyAdd, polyFromTerms, type Poly, type Term } from "./poly.js";
import { homogeneousPart, mulTruncated } from "./series.js";

function fromRat(a: RatPoly, main: number, t: readonly number[]): Term[] {
  const out: Term[] = [];
  a.forEach((coef, j) => {
    if (coef.isZero()) return;
    const mono = t.slice();
    while (mono.length <= main) mono.push(0);
    mono[main] = j;
    out.push({ mono, coef });
  });
  return out;
}

/** The Bezout multipliers σ_i (see the header), each divided by c. */
function bezoutMultipliers(images: readonly RatPoly[], c: Rational): RatPoly[] {
  return images.map((u, i) => {
    let others: RatPoly = [Rational.ONE];
    images.forEach((w, j) => {
      if (j !== i) others = remRat(mulRat(others, w), u);
    });
    return scaleRat(invModRat(others, u), c.inv());
  });
}

/** E (terms of one t-degree, x-degree below n) grouped by t-monomial: x-coefficients by t. */
function byMonomialInT(terms: readonly Term[], main: number): Map<string, { t: number[]; c: RatPoly }> {
  const out = new Map<string, { t: number[]; c: RatPoly }>();
  for (const term of terms) {
    const t = term.mono.slice();
    const j = t[main] ?? 0;
    if (main < t.length) t[main] = 0;
    while (t.length > 0 && t[t.length - 1] === 0) t.length--;
    const key = monoKey(t);
    let entry = out.get(key);
    if (entry === undefined) out.set(key, (entry = { t, c: [] }));
    while (entry.c.length <= j) entry.c.push(Rational.ZERO);
    entry.c[j] = term.coef;
  }
  return out;
}

/**
 * The t-degree k parts of the partial products L·u_1···u_j (j = 1..r), given those products'
 * parts below k (`below[j]`): part_j = the t-degree k part of (L·u_1···u_(j-1))·u_j, each from
 * the one before, so no product is recomputed in full.
 */
function partsOfDegree(L: Poly, below: readonly Poly[], lifted: readonly Poly[], main: number, k: number): Poly[] {
  const parts: Poly[] = [];
  let previous = L;
  lifted.forEach((u, j) => {
    const part = mulTruncated(previous, u, main, k, true);
    parts.push(part);
    previous = new Map([...below[j]!, ...part]);
  });
  return parts;
}

export function liftFactors(F: Poly, main: number, images: readonly RatPoly[], degree: number): Poly[] {
  const n = degreeIn(F, main);
  const L = coefficientsIn(F, main).get(n)!;
  const L0 = L.get("")?.coef;
  if (L0 === undefined) throw new RangeError("liftFactors: the leading coefficient vanishes at the origin");
  const sigma = bezoutMultipliers(images, L0);
  const lifted: Poly[] = images.map((u) => polyFromTerms(fromRat(u, main, [])));
  // Invariant: partial[j] is the part of t-degree below k of L·u_1···u_j.
  let partial: Poly[] = partsOfDegree(
    L,
    images.map(() => new Map()),
    lifted,
    main,
    0,
  );
  for (let k = 1; k <= degree; k++) {
    let parts = partsOfDegree(L, partial, lifted, main, k);
    const product = parts[parts.length - 1]!;
    const error = polyFromTerms([...homogeneousPart(F, main, k), ...[...product.values()].map((t) => ({ mono: t.mono, coef: t.coef.neg() }))]);
    if (error.size > 0) {
      const corrections: Term[][] = images.map(() => []);
      for (const { t, c } of byMonomialInT([...error.values()], main).values()) {
        images.forEach((u, i) => corrections[i]!.push(...fromRat(remRat(mulRat(c, sigma[i]!), u), main, t)));
      }
      const deltas = corrections.map((c) => polyFromTerms(c));
      lifted.forEach((u, i) => (lifted[i] = polyAdd(u, deltas[i]!)));
      // The parts change by Δ_j = Δ_(j-1)·ū_j + (L·ū_1···ū_(j-1))(0)·δ_j (products with t-degree 0 parts).
      let change: Poly = new Map();
      parts = parts.map((part, j) => {
        change = polyAdd(mulTruncated(change, lifted[j]!, main, k, true), mulTruncated(deltas[j]!, j === 0 ? L : partial[j - 1]!, main, k, true));
        return polyAdd(part, change);
      });
    }
    partial = partial.map((p, j) => new Map([...p, ...parts[j]!]));
  }
  return lifted;
}
