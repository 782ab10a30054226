/**
 * Factoring homogeneous polynomials by dehomogenising.
 *
 * For f homogeneous of degree n in its variables, with w the last of them and w not dividing f,
 * the map h -> w^(deg h)·h(x/w) (homogenisation) is a bijection between the factors of
 * g = f(x, w = 1) and the factors of f that keeps irreducibility, and takes g to f. So f's
 * irreducible factors are the homogenised irreducible factors of g, which has one variable fewer.
 *
 * Contract: for f primitive, square-free, homogeneous, without monomial content and in at least
 * two variables, `factorHomogeneous(f, factorFewer)` returns f's irreducible factors over Q, each
 * primitive with a positive leading coefficient (so their product is f), given `factorFewer`
 * that does the same for g.
 */
import { polyFromTerms, primitiveNumeric, spendWork, variablesOf, type Poly, type Term } from "./poly.js";

function totalDegree(mono: readonly number[]): number {
  let d = 0;
  for (const k of mono) d += k;
  return d;
}

/** True when every term of f has the same total degree (and f has two variables or more). */
export function isHomogeneous(f: Poly): boolean {
  if (variablesOf(f).size < 2) return false;
  let degree = -1;
  for (const t of f.values()) {
    const d = totalDegree(t.mono);
    if (degree === -1) degree = d;
    else if (d !== degree) return false;
  }
  return true;
}

export function factorHomogeneous(f: Poly, factorFewer: (g: Poly) => Poly[]): Poly[] {
  const w = Math.max(...variablesOf(f));
  spendWork(f.size);
  const g = polyFromTerms(
    [...f.values()].map((t): Term => {
      const mono = t.mono.slice();
      if (w < mono.length) mono[w] = 0;
      return { mono, coef: t.coef };
    }),
  );
  return factorFewer(g).map((h) => primitiveNumeric(homogenise(h, w)));
}

/** w^(deg h)·h(x/w): each term times the power of w that brings it to h's total degree. */
function homogenise(h: Poly, w: number): Poly {
  let degree = 0;
  for (const t of h.values()) degree = Math.max(degree, totalDegree(t.mono));
  spendWork(h.size);
  return polyFromTerms(
    [...h.values()].map((t): Term => {
      const mono = t.mono.slice();
      while (mono.length <= w) mono.push(0);
      mono[w] = degree - totalDegree(t.mono);
      return { mono, coef: t.coef };
    }),
  );
}
