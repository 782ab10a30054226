/**
 * Factoring over the rationals: the square-free decomposition (`square-free.ts`), then each
 * square-free factor split into irreducibles: univariate ones by the Zassenhaus method (`zassenhaus.ts`),
 * homogeneous multivariate ones by dehomogenising (`homogeneous.ts`), other multivariate ones
 * by evaluation and lifting (`factor-by-lifting.ts`), else by Kronecker's substitution
 * (`kronecker.ts`).
 *
 * Contract: `factorPoly(p)` returns `{ coefficient, factors }` with
 * p = coefficient * prod(f^k), each f with integer coefficients, gcd 1, positive leading
 * coefficient and non-constant; the f are pairwise coprime within one multiplicity. Every
 * univariate f is irreducible over Q (past `maxPolyWork` a LimitError is thrown instead); a
 * multivariate f is irreducible unless both lifting (past its share of the work) and Kronecker's
 * substitution (past `MAX_KRONECKER_DEGREE` or its share of the work) gave up, when it is the
 * square-free factor as found (still a correct factorisation).
 */
import { Rational } from "../core/rational.js";
import type { IntPoly } from "./dense-int.js";
import { factorByLifting } from "./factor-by-lifting.js";
import { factorHomogeneous, isHomogeneous } from "./homogeneous.js";
import { factorByKronecker } from "./kronecker.js";
import { squareFreeFactors, type Factored } from "./square-free.js";
import { factorSquareFreeInt } from "./zassenhaus.js";
import { degreeIn, polyFromTerms, variablesOf, type Poly, type Term } from "./poly.js";

export function factorPoly(p: Poly): Factored {
  const { coefficient, factors } = squareFreeFactors(p);
  const split: [Poly, number][] = [];
  for (const [f, k] of factors) for (const g of irreducibleFactors(f)) split.push([g, k]);
  return { coefficient, factors: split };
}

/** The irreducible factors of a square-free factor f (primitive, positive leading coefficient). */
function irreducibleFactors(f: Poly): Poly[] {
  const vars = [...variablesOf(f)];
  if (vars.length === 1) {
    const v = vars[0]!;
    return factorSquareFreeInt(toIntPoly(f, v)).map((g) => fromIntPoly(g, v));
  }
  if (isHomogeneous(f)) return factorHomogeneous(f, factorSquareFree);
  return factorByLifting(f, factorUnivariateInt) ?? factorByKronecker(f, factorUnivariateInt) ?? [f];
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
