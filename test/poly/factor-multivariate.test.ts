import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { LimitError } from "../../src/core/errors.js";
import { resetLimits, setLimits } from "../../src/core/limits.js";
import { canonicalViolations } from "../../src/core/invariants.js";
import { Rational } from "../../src/core/rational.js";
import { parse } from "../../src/parse/parser.js";
import { contentOf } from "../../src/poly/content.js";
import { AtomTable, toPoly } from "../../src/poly/convert.js";
import { mulInt, primitiveInt, type IntPoly } from "../../src/poly/dense-int.js";
import { invModRat, mulRat, remRat, type RatPoly } from "../../src/poly/dense-rat.js";
import { chooseImage, imageAt } from "../../src/poly/evaluation-point.js";
import { factorPoly } from "../../src/poly/factor.js";
import { contentIn } from "../../src/poly/gcd.js";
import { liftFactors } from "../../src/poly/multivariate-hensel.js";
import {
  coefficientsIn,
  degreeIn,
  polyConst,
  polyEquals,
  polyFromTerms,
  polyMul,
  polyPow,
  polySub,
  primitiveNumeric,
  sortedTerms,
  variablesOf,
  type Poly,
} from "../../src/poly/poly.js";
import { seriesDegree } from "../../src/poly/series.js";
import { translate } from "../../src/poly/translate.js";
import { expand } from "../../src/rewrite/expand.js";
import { factor } from "../../src/rewrite/factor.js";
import { isIrreducibleBySpecialisation } from "./irreducible-check.js";

/** [input (expanded before factoring), factored form]. */
const CASES: [string, string][] = [
  ["x^2 - y^2", "(x - y)*(x + y)"],
  ["x^4 - y^4", "(x - y)*(x + y)*(x^2 + y^2)"],
  // The Kronecker image has degree 168; the image at y = 0 splits into three factors.
  ["(x^6 + y^6 + 1)*(x^6 - y^6 + 2)", "(x^6 + y^6 + 1)*(x^6 - y^6 + 2)"],
  ["x^3*y + x*y^3", "x*y*(x^2 + y^2)"],
  ["(x + y + z)^3", "(x + y + z)^3"],
  ["(x^2 + y^3 + 1)^2*(x - y)", "(x^2 + y^3 + 1)^2*(x - y)"],
  ["x^2*y^2/4 - 1", "(x*y - 2)*(x*y + 2)/4"],
  ["(x^2*y/2 + z/3 + 1)*(x*z^2 - y + 3)", "(3*x^2*y + 2*z + 6)*(x*z^2 - y + 3)/6"],
  ["(x^2*y + z + 1)*(x*z^2 - y + 3)", "(x^2*y + z + 1)*(x*z^2 - y + 3)"],
  ["(x^3 + y*z + 2)*(x*y - z^2 + 1)*(x + y + z + 1)", "(x^3 + y*z + 2)*(x*y - z^2 + 1)*(x + y + z + 1)"],
  // leading coefficients in x that are not constant
  ["(x^2*y + x + y^2)*(x*y^2 + y + 1)", "(x^2*y + x + y^2)*(x*y^2 + y + 1)"],
  ["(x^2*(y + z) + x + 1)*(x^2*(y - z) + z)", "(x^2*y + x^2*z + x + 1)*(x^2*y - x^2*z + z)"],
  ["x^8*y^8 - 1", "(x*y - 1)*(x*y + 1)*(x^2*y^2 + 1)*(x^4*y^4 + 1)"],
  ["(y^2 + 1)*(x^3 + y)", "(y^2 + 1)*(x^3 + y)"],
  ["(x*y + 1)^2*(x^2 + y^2 + z)", "(x*y + 1)^2*(x^2 + y^2 + z)"],
  ["(w*x + y*z + 1)*(w^2 - x*y*z + 2)", "(w*x + y*z + 1)*(w^2 - x*y*z + 2)"],
  // irreducible, though the image at y = 0 (x^2 - 1) splits
  ["x^2 - y^3 - 1", "x^2 - y^3 - 1"],
  ["x^4 + y^4 + z^4 + 1", "x^4 + y^4 + z^4 + 1"],
];

describe("factor: multivariate polynomials by evaluation and lifting", () => {
  it.each(CASES)("factor(expand(%s)) = %s", (input, expected) => {
    const out = factor(expand(parse(input)));
    expect(canonicalViolations(out)).toEqual([]);
    expect(out).toBe(parse(expected));
  });

  it("keeps a multivariate part unsplit, and correct, when lifting passes its share of maxPolyWork", () => {
    const input = expand(parse("(x^6 + y^6 + 1)*(x^6 - y^6 + 2)"));
    setLimits({ maxPolyWork: 10_000 });
    try {
      expect(factor(input)).toBe(input);
    } finally {
      resetLimits();
    }
  });

  it("throws maxPolyWork when even the square-free decomposition passes the limit", () => {
    const input = expand(parse("(x^6 + y^6 + 1)*(x^6 - y^6 + 2)"));
    setLimits({ maxPolyWork: 100 });
    try {
      expect(() => factor(input)).toThrow(LimitError);
      expect(() => factor(input)).toThrow(/maxPolyWork = 100/);
    } finally {
      resetLimits();
    }
  });
});

const table = new AtomTable([parse("x"), parse("y"), parse("z")]);
const polyOf = (s: string): Poly => toPoly(parse(s), table);

/** A key that identifies a polynomial (its terms in order). */
function keyOf(p: Poly): string {
  return sortedTerms(p)
    .map((t) => `${t.mono.join(",")}:${t.coef.toString()}`)
    .join(" ");
}

/** A random polynomial in `vars` variables (degree <= 2 in each), shown irreducible by the second method. */
function irreducibleArb(vars: 2 | 3): fc.Arbitrary<Poly> {
  return fc
    .array(
      fc.record({
        mono: fc.array(fc.integer({ min: 0, max: 2 }), { minLength: vars, maxLength: vars }),
        coef: fc.integer({ min: -3, max: 3 }),
      }),
      { minLength: 2, maxLength: 4 },
    )
    .map((ts) => primitiveNumeric(polyFromTerms(ts.map((t) => ({ mono: t.mono, coef: Rational.of(t.coef) })))))
    .filter((p) => variablesOf(p).size >= 1 && isIrreducibleBySpecialisation(p, contentIn) === true);
}

describe("factorPoly on products of random irreducible multivariate polynomials", () => {
  for (const vars of [2, 3] as const) {
    it(`${vars} variables: the product of the factors is the input, and the factors are the parts (irreducible by specialisation)`, () => {
      fc.assert(
        fc.property(fc.array(irreducibleArb(vars), { minLength: 1, maxLength: 3 }), fc.integer({ min: 1, max: 5 }), (parts, den) => {
          const input = parts.reduce((acc, f) => polyMul(acc, f), polyConst(Rational.of(1, den)));
          const { coefficient, factors } = factorPoly(input);
          const product = factors.reduce((acc, [f, k]) => polyMul(acc, polyPow(f, k)), polyConst(coefficient));
          expect(polyEquals(product, input)).toBe(true);
          for (const [f] of factors) expect(isIrreducibleBySpecialisation(f, contentIn)).toBe(true);
          // Factorisation is unique: the factors with their multiplicities are the parts.
          const found = factors.flatMap(([f, k]) => Array.from({ length: k }, () => keyOf(f))).sort();
          expect(found).toEqual(parts.map(keyOf).sort());
        }),
        { seed: 18, numRuns: vars === 2 ? 60 : 40 },
      );
    });
  }
});

describe("liftFactors", () => {
  const x = 0;
  /** The t-degree <= D part of p. */
  const below = (p: Poly, D: number): Poly => polyFromTerms([...p.values()].filter((t) => seriesDegree(t.mono, x) <= D));
  const rat = (cs: number[]): RatPoly => cs.map((c) => Rational.of(c));

  it.each([
    // F, the monic factors of F(x, 0)/lc, the degree lifted to
    ["(x^6 + y^6 + 1)*(x^6 - y^6 + 2)", [rat([1, 0, 1]), rat([1, 0, -1, 0, 1]), rat([2, 0, 0, 0, 0, 0, 1])], 12],
    [
      "(2*x^2 + x*y + z + 1)*(3*x - y*z + 2)",
      [
        [Rational.of(1, 2), Rational.ZERO, Rational.ONE],
        [Rational.of(2, 3), Rational.ONE],
      ],
      3,
    ],
  ] as [string, RatPoly[], number][])("lifts the factors of %s: monic, the given images at t = 0, F ≡ lc·∏u below t-degree D + 1", (input, images, D) => {
    const F = polyOf(input);
    const lifted = liftFactors(F, x, images, D);
    const n = degreeIn(F, x);
    const lc = coefficientsIn(F, x).get(n)!;
    lifted.forEach((u, i) => {
      const top = coefficientsIn(u, x).get(images[i]!.length - 1)!;
      expect(polyEquals(top, polyConst(Rational.ONE))).toBe(true);
      expect(degreeIn(u, x)).toBe(images[i]!.length - 1);
      const atZero = polyFromTerms([...u.values()].filter((t) => seriesDegree(t.mono, x) === 0));
      expect(polyEquals(atZero, polyFromTerms(images[i]!.map((coef, k) => ({ mono: [k], coef }))))).toBe(true);
    });
    const product = lifted.reduce((acc, u) => polyMul(acc, u), lc);
    expect(below(polySub(F, product), D).size).toBe(0);
  });
});

describe("translate", () => {
  it("moves a point to the origin: x^2*y at x -> x + 1, y -> y - 2", () => {
    const moved = translate(
      polyOf("x^2*y"),
      new Map([
        [0, 1n],
        [1, -2n],
      ]),
    );
    expect(polyEquals(moved, polyOf("(x + 1)^2*(y - 2)"))).toBe(true);
  });

  it("is undone by the opposite shift", () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ mono: fc.array(fc.integer({ min: 0, max: 4 }), { maxLength: 3 }), coef: fc.integer({ min: -9, max: 9 }) }), { maxLength: 6 }),
        fc.array(fc.integer({ min: -3, max: 3 }), { minLength: 3, maxLength: 3 }),
        (terms, point) => {
          const p = polyFromTerms(terms.map((t) => ({ mono: t.mono, coef: Rational.of(t.coef) })));
          const there = new Map(point.map((a, v) => [v, BigInt(a)]));
          const back = new Map(point.map((a, v) => [v, BigInt(-a)]));
          expect(polyEquals(translate(translate(p, there), back), p)).toBe(true);
        },
      ),
      { seed: 18, numRuns: 100 },
    );
  });
});

describe("invModRat", () => {
  it("returns s with s·a ≡ 1 modulo m, of degree below m's, for a coprime to m = x^3 - 2 (irreducible)", () => {
    const m = [Rational.of(-2), Rational.ZERO, Rational.ZERO, Rational.ONE];
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -5, max: 5 }), { minLength: 1, maxLength: 6 }), fc.integer({ min: 1, max: 4 }), (cs, den) => {
        const a = cs.map((c) => Rational.of(c, den));
        fc.pre(remRat(a, m).length > 0);
        const s = invModRat(a, m);
        expect(s.length).toBeLessThan(m.length);
        expect(remRat(mulRat(s, a), m)).toEqual([Rational.ONE]);
      }),
      { seed: 18, numRuns: 100 },
    );
  });

  it("refuses a that shares a factor with m", () => {
    const m = [Rational.of(-1), Rational.ZERO, Rational.ONE];
    expect(() => invModRat([Rational.of(1), Rational.ONE], m)).toThrow(/share a factor/);
  });
});

describe("contentOf", () => {
  it("equals contentIn, with and without a common factor", () => {
    const term = fc.record({ mono: fc.array(fc.integer({ min: 0, max: 2 }), { minLength: 3, maxLength: 3 }), coef: fc.integer({ min: -3, max: 3 }) });
    const polyArb = fc.array(term, { minLength: 1, maxLength: 4 }).map((ts) => polyFromTerms(ts.map((t) => ({ mono: t.mono, coef: Rational.of(t.coef) }))));
    fc.assert(
      fc.property(polyArb, polyArb, fc.integer({ min: 0, max: 2 }), (p, q, v) => {
        fc.pre(p.size > 0 && q.size > 0);
        // q's terms free of v make a content candidate.
        const common = polyFromTerms([...q.values()].map((t) => ({ mono: t.mono.map((k, i) => (i === v ? 0 : k)), coef: t.coef })));
        fc.pre(common.size > 0);
        const withCommon = polyMul(p, common);
        for (const r of [p, withCommon]) expect(polyEquals(contentOf(r, v), contentIn(r, v))).toBe(true);
      }),
      { seed: 18, numRuns: 100 },
    );
  });
});

describe("chooseImage", () => {
  /** Irreducible factors over Z of a primitive F, by factorPoly (the callback factor.ts passes). */
  const factorUnivariate = (F: IntPoly): IntPoly[] =>
    factorPoly(polyFromTerms(F.map((c, k) => ({ mono: [k], coef: Rational.int(c) })))).factors.flatMap(([g, k]) => {
      const dense = new Array<bigint>(degreeIn(g, 0) + 1).fill(0n);
      for (const t of g.values()) dense[t.mono[0] ?? 0] = t.coef.num;
      return Array.from({ length: k }, () => dense);
    });

  it.each([
    ["(x^6 + y^6 + 1)*(x^6 - y^6 + 2)", 3],
    ["x^2 - y^3 - 1", 1],
    ["(x^2*y + z + 1)*(x*z^2 - y + 3)", 2],
    ["x^2*y^2 - x^2 - y^2 + 1", 2],
  ] as [string, number][])("%s: an image of the same degree in x, square-free, the product of %i distinct factors", (input, count) => {
    const f = polyOf(input);
    const others = [...variablesOf(f)].filter((v) => v !== 0);
    const image = chooseImage(f, 0, others, factorUnivariate)!;
    const values = others.map((v) => image.point.get(v)!);
    const at = imageAt(f, 0, others, values);
    expect(at.length - 1).toBe(degreeIn(f, 0));
    expect(image.factors).toHaveLength(count);
    expect(image.factors.reduce((acc, g) => mulInt(acc, g), [1n])).toEqual(primitiveInt(at));
    expect(new Set(image.factors.map((g) => g.join(","))).size).toBe(count);
  });
});
