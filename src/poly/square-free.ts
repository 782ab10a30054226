/**
 * Square-free decomposition over the rationals: numeric content, monomial content, then Yun's
 * algorithm in the first variable, recursively on the content in that variable.
 *
 * Contract: `squareFreeFactors(p)` returns `{ coefficient, factors }` with
 * p = coefficient * prod(f^k), each f with integer coefficients, gcd 1, positive leading
 * coefficient and non-constant, square-free, and the f pairwise coprime within one multiplicity.
 */
import { Rational } from "../core/rational.js";
import { contentOf } from "./content.js";
import { polyGcd } from "./gcd.js";
import {
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
function polyDerivative(p: Poly, i: number): Poly {
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

/** p as its coefficient times square-free parts (not split further): see the contract above. */
export function squareFreeFactors(p: Poly): Factored {
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
  return { coefficient, factors };
}

function squareFree(p: Poly, out: [Poly, number][], depth: number): void {
  const vars = [...variablesOf(p)].sort((a, b) => a - b);
  if (vars.length === 0 || depth > 64) return;
  const v = vars[0]!;
  const cont = contentOf(p, v);
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
