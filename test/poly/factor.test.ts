import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { LimitError } from "../../src/core/errors.js";
import { resetLimits, setLimits } from "../../src/core/limits.js";
import { canonicalViolations } from "../../src/core/invariants.js";
import { Rational } from "../../src/core/rational.js";
import { parse } from "../../src/parse/parser.js";
import { print } from "../../src/print/plain.js";
import { factorPoly } from "../../src/poly/factor.js";
import { contentIn } from "../../src/poly/gcd.js";
import { polyEquals, polyFromTerms, polyMul, polyPow, polyConst, type Poly } from "../../src/poly/poly.js";
import { factor } from "../../src/rewrite/factor.js";
import { isIrreducibleBySpecialisation, isIrreducibleByInterpolation } from "./irreducible-check.js";

/** Swinnerton-Dyer polynomials: irreducible over Q, split into factors of degree <= 2 modulo every prime. */
const SD_2_3 = "x^4 - 10*x^2 + 1";
const SD_2_3_5 = "x^8 - 40*x^6 + 352*x^4 - 960*x^2 + 576";
const SD_2_3_5_7 = "x^16 - 136*x^14 + 6476*x^12 - 141912*x^10 + 1513334*x^8 - 7453176*x^6 + 13950764*x^4 - 5596840*x^2 + 46225";

/** [input, factored form]; an input that is irreducible over Q is its own factored form. */
const CASES: [string, string][] = [
  // univariate
  ["x^4 + 4", "(x^2 - 2*x + 2)*(x^2 + 2*x + 2)"],
  ["x^5 + x + 1", "(x^2 + x + 1)*(x^3 - x^2 + 1)"],
  ["x^4 + x^2 + 1", "(x^2 + x + 1)*(x^2 - x + 1)"],
  ["x^6 - 1", "(x - 1)*(x + 1)*(x^2 + x + 1)*(x^2 - x + 1)"],
  ["x^8 - 1", "(x - 1)*(x + 1)*(x^2 + 1)*(x^4 + 1)"],
  ["x^12 - 1", "(x - 1)*(x + 1)*(x^2 + 1)*(x^2 + x + 1)*(x^2 - x + 1)*(x^4 - x^2 + 1)"],
  ["x^15 - 1", "(x - 1)*(x^2 + x + 1)*(x^4 + x^3 + x^2 + x + 1)*(x^8 - x^7 + x^5 - x^4 + x^3 - x + 1)"],
  ["x^4 + 1", "x^4 + 1"],
  ["x^2 + 1", "x^2 + 1"],
  ["x^2 - 2", "x^2 - 2"],
  [SD_2_3, SD_2_3],
  [SD_2_3_5, SD_2_3_5],
  [SD_2_3_5_7, SD_2_3_5_7],
  ["x^4 - x^3 - 3*x^2 + 5*x - 2", "(x - 1)^3*(x + 2)"],
  ["x^6 + 2*x^5 + x^4 - 2*x^3 - 2*x^2 + 1", "(x^3 + x^2 - 1)^2"],
  ["x^2/4 - 1/9", "(3*x - 2)*(3*x + 2)/36"],
  ["x^3/2 - x/8", "x*(2*x - 1)*(2*x + 1)/8"],
  ["6*x^4 - 5*x^2 + 1", "(2*x^2 - 1)*(3*x^2 - 1)"],
  ["(x + 1)^5 - 1", "x*(x^4 + 5*x^3 + 10*x^2 + 10*x + 5)"],
  // multivariate, homogeneous
  ["x^2 - y^2", "(x - y)*(x + y)"],
  ["x^3 - y^3", "(x - y)*(x^2 + x*y + y^2)"],
  ["x^4 - y^4", "(x - y)*(x + y)*(x^2 + y^2)"],
  ["x^4 + 4*y^4", "(x^2 - 2*x*y + 2*y^2)*(x^2 + 2*x*y + 2*y^2)"],
  ["x^3 + y^3 + z^3 - 3*x*y*z", "(x + y + z)*(x^2 + y^2 + z^2 - x*y - x*z - y*z)"],
  ["x^2 + y^2", "x^2 + y^2"],
  // multivariate, not homogeneous
  ["x^2*y^2 - 1", "(x*y - 1)*(x*y + 1)"],
  ["x^2*y + x*y^2 + x + y", "(x + y)*(x*y + 1)"],
  ["x^2 - y^4", "(x - y^2)*(x + y^2)"],
  ["x^2*y^2 - x^2 - y^2 + 1", "(x - 1)*(x + 1)*(y - 1)*(y + 1)"],
  ["x^2 + y^2 + 1", "x^2 + y^2 + 1"],
  ["x*y + x + y + 1", "(x + 1)*(y + 1)"],
  // rational functions: numerator and denominator
  ["(x^4 + 4)/(x^2 - y^2)", "(x^2 - 2*x + 2)*(x^2 + 2*x + 2)/((x - y)*(x + y))"],
];

describe("factor over the rationals", () => {
  it.each(CASES)("factor %s = %s", (input, expected) => {
    const out = factor(parse(input));
    expect(canonicalViolations(out)).toEqual([]);
    expect(out).toBe(parse(expected));
  });

  it("prints the factored forms that were already irreducible as before", () => {
    expect(print(factor(parse("x^2 - 1")))).toBe("(x - 1)*(x + 1)");
    expect(print(factor(parse("2*x^2 + 4*x + 2")))).toBe("2*(x + 1)^2");
  });

  it("throws maxPolyWork when factoring passes the work limit (about 20,000 for this input)", () => {
    setLimits({ maxPolyWork: 5_000 });
    try {
      expect(() => factor(parse(SD_2_3_5_7))).toThrow(LimitError);
      expect(() => factor(parse(SD_2_3_5_7))).toThrow(/maxPolyWork/);
    } finally {
      resetLimits();
    }
    expect(factor(parse(SD_2_3_5_7))).toBe(parse(SD_2_3_5_7));
  });
});

/** A random univariate integer polynomial of degree 1..4 in variable 0. */
const univariateArb: fc.Arbitrary<Poly> = fc
  .tuple(fc.array(fc.integer({ min: -4, max: 4 }), { minLength: 1, maxLength: 4 }), fc.integer({ min: 1, max: 3 }))
  .map(([lower, lead]) => polyFromTerms([...lower, lead].map((c, k) => ({ mono: [k], coef: Rational.of(c) }))));

/** A random polynomial in variables 0 and 1 of degree <= 2 in each, not constant. */
const bivariateArb: fc.Arbitrary<Poly> = fc
  .array(
    fc.record({
      mono: fc.tuple(fc.integer({ min: 0, max: 2 }), fc.integer({ min: 0, max: 2 })),
      coef: fc.integer({ min: -3, max: 3 }),
    }),
    { minLength: 2, maxLength: 4 },
  )
  .map((ts) => polyFromTerms(ts.map((t) => ({ mono: [...t.mono], coef: Rational.of(t.coef) }))))
  .filter((p) => [...p.values()].some((t) => t.mono.length > 0));

/** coefficient · ∏ f^k. */
function expandFactored({ coefficient, factors }: ReturnType<typeof factorPoly>): Poly {
  return factors.reduce((acc, [f, k]) => polyMul(acc, polyPow(f, k)), polyConst(coefficient));
}

describe("factorPoly properties", () => {
  it("univariate: the factors multiply back to the input and each is irreducible (by interpolation)", () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(univariateArb, fc.integer({ min: 1, max: 2 })), { minLength: 1, maxLength: 4 }),
        fc.integer({ min: 1, max: 6 }),
        (parts, den) => {
          const input = parts.reduce((acc, [f, k]) => polyMul(acc, polyPow(f, k)), polyConst(Rational.of(1, den)));
          const result = factorPoly(input);
          expect(polyEquals(expandFactored(result), input)).toBe(true);
          for (const [f] of result.factors) expect(isIrreducibleByInterpolation(f)).toBe(true);
        },
      ),
      { seed: 18, numRuns: 60 },
    );
  });

  it("bivariate: the factors multiply back to the input and each is irreducible (by specialisation)", () => {
    fc.assert(
      fc.property(fc.array(bivariateArb, { minLength: 1, maxLength: 3 }), (parts) => {
        const input = parts.reduce((acc, f) => polyMul(acc, f), polyConst(Rational.ONE));
        const result = factorPoly(input);
        expect(polyEquals(expandFactored(result), input)).toBe(true);
        for (const [f] of result.factors) expect(isIrreducibleBySpecialisation(f, contentIn)).toBe(true);
      }),
      { seed: 18, numRuns: 80 },
    );
  });
});
