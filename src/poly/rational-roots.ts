/**
 * The light factoring that simplify's collection step uses: the square-free decomposition with
 * univariate parts split by their rational roots (p/q with p | a0, q | an, searched while both
 * are at most 10^6); other parts stay as they are. A correct factorisation, not necessarily into
 * irreducibles (`factor.ts` does that, at a higher cost in code and work).
 */
import { Rational } from "../core/rational.js";
import { squareFreeFactors, type Factored } from "./square-free.js";
import { coefficientsIn, constantValue, degreeIn, polyDivExact, polyFromTerms, polySub, polyVar, primitiveNumeric, variablesOf, type Poly } from "./poly.js";

export function factorByRationalRoots(p: Poly): Factored {
  const { coefficient, factors } = squareFreeFactors(p);
  const split: [Poly, number][] = [];
  for (const [f, k] of factors) for (const g of linearFactors(f)) split.push([g, k]);
  return { coefficient, factors: split };
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
