/**
 * The light factoring that simplify's collection step uses: the square-free decomposition with
 * univariate parts split by their rational roots (p/q with p | a0, q | an, searched while both
 * are at most 10^6); other parts stay as they are. A correct factorisation, not necessarily into
 * irreducibles (`factor.ts` does that, at a higher cost in code and work).
 */
import { exactRoot, Rational } from "../core/rational.js";
import { squareFreeFactors, type Factored } from "./square-free.js";
import {
  coefficientsIn,
  constantValue,
  degreeIn,
  numericContent,
  polyDivExact,
  polyFromTerms,
  polySub,
  polyVar,
  primitiveNumeric,
  variablesOf,
  type Poly,
} from "./poly.js";

export function factorByRationalRoots(p: Poly): Factored {
  const small = factorUpToQuadratic(p);
  if (small !== null) return small;
  const { coefficient, factors } = squareFreeFactors(p);
  const split: [Poly, number][] = [];
  for (const [f, k] of factors) for (const g of linearFactors(f)) split.push([g, k]);
  return { coefficient, factors: split };
}

const MAX_ROOT_SEARCH = 1_000_000n;

/**
 * `factorByRationalRoots` of a univariate polynomial of degree at most 2, read off its
 * coefficients instead of found by gcds and a divisor search; null for any other polynomial. The
 * same factors: the numeric content (leading coefficient made positive), the variable to its
 * lowest exponent, then the rest a*x^2 + b*x + c (integers, gcd 1, a > 0, c != 0): itself when
 * linear; (d*x - n)^2 for the double root n/d when b^2 - 4ac = 0; when b^2 - 4ac is a non-zero
 * square and the root search would run (|a|, |c| at most MAX_ROOT_SEARCH), the two linear factors
 * d*x - n of its rational roots n/d (each primitive with d > 0, as the search builds them, and
 * their product is the rest by Gauss's lemma); else the rest unsplit.
 */
function factorUpToQuadratic(p: Poly): Factored | null {
  const vars = variablesOf(p);
  if (vars.size !== 1) return null;
  const v = vars.values().next().value!;
  const degree = degreeIn(p, v);
  if (degree > 2) return null;
  const coefficient = numericContent(p);
  const c = [0n, 0n, 0n];
  for (const t of p.values()) c[t.mono[v] ?? 0] = t.coef.div(coefficient).num;
  let low = 0;
  while (c[low] === 0n) low++;
  const factors: [Poly, number][] = low > 0 ? [[polyVar(v), low]] : [];
  const [c0, c1, c2] = [c[low]!, c[low + 1] ?? 0n, c[low + 2] ?? 0n];
  const rest = () => polyFromTerms([c0, c1, c2].map((k, i) => ({ mono: monomial(v, i), coef: Rational.of(k) })));
  if (degree - low === 1) factors.push([rest(), 1]);
  else if (degree - low === 2) {
    const discriminant = c1 * c1 - 4n * c2 * c0;
    const root = exactRoot(discriminant, 2);
    if (root === 0n) factors.push([linearWithRoot(v, -c1, 2n * c2), 2]);
    else if (root !== null && abs(c0) <= MAX_ROOT_SEARCH && c2 <= MAX_ROOT_SEARCH) {
      factors.push([linearWithRoot(v, -c1 + root, 2n * c2), 1], [linearWithRoot(v, -c1 - root, 2n * c2), 1]);
    } else factors.push([rest(), 1]);
  }
  return { coefficient, factors };
}

function abs(n: bigint): bigint {
  return n < 0n ? -n : n;
}

/** The exponent vector of v^k. */
function monomial(v: number, k: number): number[] {
  const mono = new Array<number>(v + 1).fill(0);
  mono[v] = k;
  return mono;
}

/** d*x - n for the root n/d in lowest terms with d > 0 (the primitive linear factor of the root). */
function linearWithRoot(v: number, n: bigint, d: bigint): Poly {
  const r = Rational.of(n, d);
  return polyFromTerms([
    { mono: monomial(v, 1), coef: Rational.of(r.den) },
    { mono: [], coef: Rational.of(-r.num) },
  ]);
}

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
