/**
 * Square-free factorisation over the rationals, plus linear factors from rational roots of
 * univariate factors.
 *
 * Contract: `factorPoly(p)` returns `{ coefficient, factors }` with
 * p = coefficient * prod(f^k), each f with integer coefficients, gcd 1, positive leading
 * coefficient and non-constant; the f are pairwise coprime within one multiplicity.
 */
import { Rational } from "../core/rational.js";
import { contentIn, polyGcd } from "./gcd.js";
import {
  coefficientsIn,
  constantValue,
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
  for (const [f, k] of factors) for (const g of linearFactors(f)) split.push([g, k]);
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

const MAX_ROOT_SEARCH = 1_000_000n;

function divisors(n: bigint): bigint[] {
  if (n < 0n) n = -n;
  if (n === 0n || n > MAX_ROOT_SEARCH) return [];
  const out: bigint[] = [];
  for (let d = 1n; d * d <= n; d++) {
    if (n % d === 0n) {
      out.push(d);
      if (d * d !== n) out.push(n / d);
    }
  }
  return out;
}

/** Splits a univariate factor by its rational roots (p/q with p | a0, q | an); others unchanged. */
function linearFactors(f: Poly): Poly[] {
  const vars = [...variablesOf(f)];
  if (vars.length !== 1) return [f];
  const v = vars[0]!;
  const out: Poly[] = [];
  let rest = f;
  for (;;) {
    const deg = degreeIn(rest, v);
    if (deg <= 1) break;
    const coeffs = coefficientsIn(rest, v);
    const a0 = constantValue(coeffs.get(0) ?? polyFromTerms([]))!;
    const an = constantValue(coeffs.get(deg)!)!;
    if (a0.isZero()) break;
    let found: Poly | null = null;
    search: for (const p of divisors(a0.num)) {
      for (const q of divisors(an.num)) {
        for (const s of [p, -p]) {
          const candidate = primitiveNumeric(polySub(polyVar(v, 1, Rational.of(q)), polyFromTerms([{ mono: [], coef: Rational.of(s) }])));
          const quotient = polyDivExact(rest, candidate);
          if (quotient !== null) {
            found = candidate;
            rest = primitiveNumeric(quotient);
            break search;
          }
        }
      }
    }
    if (found === null) break;
    out.push(found);
  }
  out.push(rest);
  return out;
}
