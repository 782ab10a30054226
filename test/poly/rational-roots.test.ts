import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { Rational } from "../../src/core/rational.js";
import { parse } from "../../src/parse/parser.js";
import { print } from "../../src/print/plain.js";
import { polyEquals, polyFromTerms, polyMul, polyPow, polyConst, variablesOf, type Poly } from "../../src/poly/poly.js";
import { factorByRationalRoots } from "../../src/poly/rational-roots.js";
import { factorSumWith } from "../../src/rewrite/collect.js";

/** [sum, its light factoring]: quadratics and below take the discriminant path, higher degrees the root search. */
const CASES: [string, string][] = [
  ["2*x + 4", "2*x + 4"],
  ["3*x^2 + 6*x", "3*x*(x + 2)"],
  ["x^2 - 1", "(x - 1)*(x + 1)"],
  ["6*x^2 - x - 2", "(3*x - 2)*(2*x + 1)"],
  ["x^2/4 - 1/9", "(3*x - 2)*(3*x + 2)/36"],
  ["4*x^2 + 12*x + 9", "(2*x + 3)^2"],
  ["-x^2 + 2*x - 1", "-(x - 1)^2"],
  ["x^2 + 1", "x^2 + 1"],
  ["x^2 - 2", "x^2 - 2"],
  // the root search stops past 10^6 in the constant or leading coefficient: no split
  ["x^2 - 4000000", "x^2 - 4000000"],
  ["x^2 - 1000000", "(x - 1000)*(x + 1000)"],
  ["x^3 - x", "x*(x - 1)*(x + 1)"],
  ["x^4 - x^3 - 3*x^2 + 5*x - 2", "(x - 1)^3*(x + 2)"],
];

describe("factorByRationalRoots", () => {
  it.each(CASES)("%s", (input, expected) => {
    expect(print(factorSumWith(parse(input), factorByRationalRoots))).toBe(expected);
  });

  const x = (k: number): Poly => polyFromTerms([{ mono: [0, k], coef: Rational.ONE }]);
  const linear = (a: number, b: number): Poly =>
    polyFromTerms([
      { mono: [0, 1], coef: Rational.of(a) },
      { mono: [], coef: Rational.of(b) },
    ]);
  const product = (f: ReturnType<typeof factorByRationalRoots>): Poly =>
    f.factors.reduce((acc, [g, k]) => polyMul(acc, polyPow(g, k)), polyConst(f.coefficient));

  it("splits a product of two rational linear factors into factors whose product is the input", () => {
    const nonZero = fc.integer({ min: -30, max: 30 }).filter((n) => n !== 0);
    fc.assert(
      fc.property(nonZero, fc.integer({ min: -30, max: 30 }), nonZero, fc.integer({ min: -30, max: 30 }), fc.integer({ min: 0, max: 2 }), (a, b, c, d, k) => {
        const p = polyMul(polyMul(linear(a, b), linear(c, d)), x(k));
        const f = factorByRationalRoots(p);
        expect(polyEquals(product(f), p)).toBe(true);
        for (const [g] of f.factors) expect(variablesOf(g).size).toBe(1);
        // every factor is linear: the degrees add up to the input's with no factor of degree 2
        expect(f.factors.every(([g]) => [...g.values()].every((t) => (t.mono[1] ?? 0) <= 1))).toBe(true);
      }),
    );
  });
});
