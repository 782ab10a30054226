/**
 * The content of a polynomial in one variable (the gcd of its coefficients in that variable),
 * with the common case of content 1 settled without a gcd.
 *
 * Contract: `contentOf(p, v)` equals `contentIn(p, v)` (`gcd.ts`): normalised, 1 when a
 * coefficient is a non-zero constant or two coefficients are provably coprime
 * (`coprime.ts`, modular images), else the gcd of all coefficients.
 */
import { Rational } from "../core/rational.js";
import { provablyCoprime } from "./coprime.js";
import { contentIn } from "./gcd.js";
import { coefficientsIn, polyConst, variablesOf, type Poly } from "./poly.js";

const ONE_POLY = polyConst(Rational.ONE);

export function contentOf(p: Poly, v: number): Poly {
  const coefficients = [...coefficientsIn(p, v).values()].sort((a, b) => a.size - b.size);
  if (coefficients.length === 0) return ONE_POLY;
  const smallest = coefficients[0]!;
  if (variablesOf(smallest).size === 0) return ONE_POLY;
  for (let i = 1; i < coefficients.length; i++) if (provablyCoprime(smallest, coefficients[i]!)) return ONE_POLY;
  return contentIn(p, v);
}
