/**
 * Factoring over the rationals: numeric content, monomial content, square-free decomposition
 * (Yun's algorithm, recursively on the content in the first variable), then each square-free
 * factor split into irreducibles: univariate ones by the Zassenhaus method (`zassenhaus.ts`),
 * multivariate ones by Kronecker's substitution (`kronecker.ts`).
 *
 * Contract: `factorPoly(p)` returns `{ coefficient, factors }` with
 * p = coefficient * prod(f^k), each f with integer coefficients, gcd 1, positive leading
 * coefficient and non-constant; the f are pairwise coprime within one multiplicity. Every
 * univariate f is irreducible over Q (past `maxPolyWork` a LimitError is thrown instead); a
 * multivariate f is irreducible unless its Kronecker image has degree above
 * `MAX_KRONECKER_DEGREE` or the search ran out of its share of the work, when it is the
 * square-free factor as found (still a correct factorisation).
 */
import { Rational } from "../core/rational.js";
import type { IntPoly } from "./dense-int.js";
import { contentIn, polyGcd } from "./gcd.js";
import { factorHomogeneous, isHomogeneous } from "./homogeneous.js";
import { factorByKronecker } from "./kronecker.js";
import { factorSquareFreeInt } from "./zassenhaus.js";
import {
  degreeIn,
  isZeroPoly,
  minMonomial,
  numericContent,
  polyDivExact,
  polyFromTerms,
  polyScale,
  polySub,
  polyVar,
  primitiveNumeric,
  shiftMono,
  variablesOf,
  type Poly,
  type Term,
} from "./poly.js";

export interface Factored {
  coefficient: Rational;
  factors: [Poly, number][];
}

/** d p / d v_i. */
export function polyDerivative(p: Poly, i: number): Poly {
  const terms: Term[] = [];
  for (const t of p.values()) {
    const k = t.mono[i] ?? 0;
    if (k === 0) continue;
    const m = t.mono.slice();
    m[i] = k - 1;
    terms.push({ mono: m, coef: t.coef.mul(Rational.of(k)) });
  }
  return polyFromTerms(terms);
}

export function factorPoly(p: Poly): Factored {
  if (isZeroPoly(p)) return { coefficient: Rational.ZERO, factors: [] };
  const coefficient = numericContent(p);
  let q = polyScale(p, coefficient.inv());
  const factors: [Poly, number][] = [];
  const mono = minMonomial(q);
  mono.forEach((k, i) => {
    if (k > 0) factors.push([polyVar(i), k]);
  });
  q = shiftMono(
    q,
    mono.map((k) => -k),
  );
  squareFree(q, factors, 0);
  const split: [Poly, number][] = [];
  for (const [f, k] of factors) for (const g of irreducibleFactors(f)) split.push([g, k]);
  return { coefficient, factors: split };
}

function squareFree(p: Poly, out: [Poly, number][], depth: number): void {
  const vars = [...variablesOf(p)].sort((a, b) => a - b);
  if (vars.length === 0 || depth > 64) return;
  const v = vars[0]!;
  const cont = contentIn(p, v);
  const f = primitiveNumeric(polyDivExact(p, cont)!);
  yun(f, v, out);
  if (variablesOf(cont).size > 0) squareFree(cont, out, depth + 1);
}

/** Yun's algorithm for f primitive in v. */
function yun(f: Poly, v: number, out: [Poly, number][]): void {
  const df = polyDerivative(f, v);
  const a0 = polyGcd(f, df);
  let b = polyDivExact(f, a0)!;
  let c = polyDivExact(df, a0)!;
  let d = polySub(c, polyDerivative(b, v));
  for (let i = 1; variablesOf(b).size > 0 && i < 10_000; i++) {
    const a = polyGcd(b, d);
    if (variablesOf(a).size > 0) out.push([primitiveNumeric(a), i]);
    b = polyDivExact(b, a)!;
    c = polyDivExact(d, a)!;
    d = polySub(c, polyDerivative(b, v));
  }
}

/** The irreducible factors of a square-free factor f (primitive, positive leading coefficient). */
function irreducibleFactors(f: Poly): Poly[] {
  const vars = [...variablesOf(f)];
  if (vars.length === 1) {
    const v = vars[0]!;
    return factorSquareFreeInt(toIntPoly(f, v)).map((g) => fromIntPoly(g, v));
  }
  if (isHomogeneous(f)) return factorHomogeneous(f, factorSquareFree);
  return factorByKronecker(f, factorUnivariateInt) ?? [f];
}

/** The irreducible factors of a square-free g (each once; the square-free parts of `factorPoly`). */
function factorSquareFree(g: Poly): Poly[] {
  return factorPoly(g).factors.map(([h]) => h);
}

/** The irreducible factors over Z of a primitive univariate F (degree >= 1), repeated by multiplicity. */
function factorUnivariateInt(F: IntPoly): IntPoly[] {
  const out: IntPoly[] = [];
  for (const [g, k] of factorPoly(fromIntPoly(F, 0)).factors) {
    const dense = toIntPoly(g, 0);
    for (let i = 0; i < k; i++) out.push(dense);
  }
  return out;
}

/** The coefficients of f (integer, in the single variable v) lowest degree first. */
function toIntPoly(f: Poly, v: number): IntPoly {
  const out = new Array<bigint>(degreeIn(f, v) + 1).fill(0n);
  for (const t of f.values()) out[t.mono[v] ?? 0] = t.coef.num;
  return out;
}

function fromIntPoly(a: IntPoly, v: number): Poly {
  const terms: Term[] = [];
  a.forEach((c, k) => {
    if (c === 0n) return;
    const mono = new Array<number>(v + 1).fill(0);
    mono[v] = k;
    terms.push({ mono, coef: Rational.int(c) });
  });
  return polyFromTerms(terms);
}
