import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { add, call, mul, num, pow, sqrt, sub, sym } from "../../src/core/build.js";
import { LimitError } from "../../src/core/errors.js";
import { limits, setLimits, resetLimits } from "../../src/core/limits.js";
import type { Expr } from "../../src/core/node.js";
import { Rational } from "../../src/core/rational.js";
import { AtomTable, fromPoly, toPoly } from "../../src/poly/convert.js";
import { provablyCoprime } from "../../src/poly/coprime.js";
import { polyGcd, polyGcdByPrs } from "../../src/poly/gcd.js";
import {
  constantValue,
  isZeroPoly,
  polyAdd,
  polyDivExact,
  polyEquals,
  polyFromTerms,
  polyMul,
  polyPow,
  polySub,
  polyWorkLeft,
  spendWork,
  withPolyBudget,
  type Poly,
} from "../../src/poly/poly.js";

const x = sym("x");
const y = sym("y");
const z = sym("z");

/** Random polynomial in up to three variables with small integer coefficients. */
const polyArb: fc.Arbitrary<Poly> = fc
  .array(
    fc.record({
      mono: fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 3, maxLength: 3 }),
      coef: fc.integer({ min: -5, max: 5 }),
    }),
    { minLength: 1, maxLength: 4 },
  )
  .map((ts) => polyFromTerms(ts.map((t) => ({ mono: t.mono, coef: Rational.of(t.coef) }))));

const nonZero = polyArb.filter((p) => !isZeroPoly(p));

describe("polynomial arithmetic", () => {
  it("ring laws hold", () => {
    fc.assert(
      fc.property(polyArb, polyArb, polyArb, (a, b, c) => {
        expect(polyEquals(polyMul(a, polyAdd(b, c)), polyAdd(polyMul(a, b), polyMul(a, c)))).toBe(true);
        expect(polyEquals(polyMul(a, b), polyMul(b, a))).toBe(true);
        expect(isZeroPoly(polySub(a, a))).toBe(true);
      }),
      { seed: 11, numRuns: 100 },
    );
  });

  it("exact division recovers the factor and rejects non-multiples", () => {
    fc.assert(
      fc.property(polyArb, nonZero, (a, b) => {
        const q = polyDivExact(polyMul(a, b), b);
        expect(q).not.toBeNull();
        expect(polyEquals(q!, a)).toBe(true);
      }),
      { seed: 12, numRuns: 100 },
    );
    const t = new AtomTable([x]);
    expect(polyDivExact(toPoly(add(x, num(1)), t), toPoly(add(x, num(2)), t))).toBeNull();
  });

  it("power is repeated product", () => {
    fc.assert(
      fc.property(polyArb, fc.integer({ min: 0, max: 3 }), (a, k) => {
        let p = polyFromTerms([{ mono: [], coef: Rational.ONE }]);
        for (let i = 0; i < k; i++) p = polyMul(p, a);
        expect(polyEquals(polyPow(a, k), p)).toBe(true);
      }),
      { seed: 13, numRuns: 60 },
    );
  });
});

describe("polynomial gcd", () => {
  it("a common factor divides the gcd, and the gcd divides both", () => {
    fc.assert(
      fc.property(nonZero, nonZero, nonZero, (a, b, c) => {
        const ac = polyMul(a, c);
        const bc = polyMul(b, c);
        const g = polyGcd(ac, bc);
        expect(polyDivExact(ac, g)).not.toBeNull();
        expect(polyDivExact(bc, g)).not.toBeNull();
        expect(polyDivExact(g, c)).not.toBeNull();
      }),
      { seed: 14, numRuns: 150 },
    );
  });

  it("is normalised and symmetric", () => {
    fc.assert(
      fc.property(nonZero, nonZero, (a, b) => {
        expect(polyEquals(polyGcd(a, b), polyGcd(b, a))).toBe(true);
        expect(polyEquals(polyGcd(a, b), polyGcd(polyMul(a, polyFromTerms([{ mono: [], coef: Rational.of(-3, 2) }])), b))).toBe(true);
      }),
      { seed: 15, numRuns: 100 },
    );
  });

  it.each<[string, Expr, Expr, Expr]>([
    ["x^2-1, x-1", sub(pow(x, num(2)), num(1)), sub(x, num(1)), sub(x, num(1))],
    ["coprime", add(x, num(1)), add(x, num(2)), num(1)],
    ["multivariate", mul(add(x, y), add(x, z)), mul(add(x, y), sub(x, z)), add(x, y)],
    ["monomial content", mul(pow(x, num(2)), y), mul(x, pow(y, num(3))), mul(x, y)],
    ["rational coefficients", mul(num(Rational.of(1, 2)), add(x, num(1))), add(mul(num(3), x), num(3)), add(x, num(1))],
  ])("gcd %s", (_, a, b, g) => {
    const t = new AtomTable([x, y, z]);
    expect(fromPoly(polyGcd(toPoly(a, t), toPoly(b, t)), t)).toBe(g);
  });
});

describe("modular coprimality test", () => {
  const nonConstant = nonZero.filter((p) => constantValue(p) === null);

  it("never calls polynomials with a common non-constant factor coprime", () => {
    fc.assert(
      fc.property(nonZero, nonZero, nonConstant, (a, b, c) => {
        expect(provablyCoprime(polyMul(a, c), polyMul(b, c))).toBe(false);
      }),
      { seed: 16, numRuns: 300 },
    );
  });

  it("agrees with the gcd: coprime means a constant gcd", () => {
    fc.assert(
      fc.property(nonZero, nonZero, (a, b) => {
        if (provablyCoprime(a, b)) expect(constantValue(polyGcdByPrs(a, b))).not.toBeNull();
      }),
      { seed: 17, numRuns: 300 },
    );
  });

  it.each<[string, Expr, Expr, boolean]>([
    ["x^2 + 1, 2*x", add(pow(x, num(2)), num(1)), mul(num(2), x), true],
    ["x^3 + 2*x + 5, x^4 - 1", add(pow(x, num(3)), mul(num(2), x), num(5)), sub(pow(x, num(4)), num(1)), true],
    ["x^2 - 1, x - 1", sub(pow(x, num(2)), num(1)), sub(x, num(1)), false],
    ["no shared variable", add(x, num(1)), add(y, num(1)), true],
    ["multivariate coprime", add(mul(x, y), num(1)), add(x, y), true],
    ["multivariate common factor", mul(add(x, y), add(x, num(3))), mul(add(x, y), sub(y, num(2))), false],
    ["rational coefficients", add(mul(num(Rational.of(1, 3)), x), num(Rational.of(2, 7))), sub(x, num(5)), true],
  ])("%s", (_, a, b, coprime) => {
    const t = new AtomTable([x, y, z]);
    expect(provablyCoprime(toPoly(a, t), toPoly(b, t))).toBe(coprime);
  });
});

describe("conversion", () => {
  it.each<[string, Expr, Expr]>([
    ["expands products", mul(add(x, num(1)), sub(x, num(1))), sub(pow(x, num(2)), num(1))],
    ["expands powers", pow(add(x, y), num(2)), add(pow(x, num(2)), mul(num(2), x, y), pow(y, num(2)))],
    ["atoms", mul(add(call("sin", [x]), num(1)), call("sin", [x])), add(pow(call("sin", [x]), num(2)), call("sin", [x]))],
    ["sqrt atoms fold", mul(add(sqrt(x), num(1)), sqrt(x)), add(x, sqrt(x))],
  ])("%s", (_, e, expected) => {
    const t = new AtomTable();
    expect(fromPoly(toPoly(e, t), t)).toBe(expected);
  });

  it("a negative power of a sum is an atom unless allowed as Laurent", () => {
    const t = new AtomTable();
    const e = mul(x, pow(add(x, num(1)), num(-1)));
    expect(fromPoly(toPoly(e, t), t)).toBe(e);
    expect(constantValue(toPoly(mul(x, pow(x, num(-1))), t))).toEqual(Rational.ONE);
  });

  it("stops with LimitError past maxExpandTerms", () => {
    setLimits({ maxExpandTerms: 50 });
    try {
      const t = new AtomTable();
      expect(() => toPoly(pow(add(x, y, z, num(1)), num(8)), t)).toThrow(LimitError);
      expect(() => toPoly(pow(add(x, y, z, num(1)), num(8)), t)).toThrow(/maxExpandTerms/);
    } finally {
      resetLimits();
    }
  });
});

/** Univariate Laurent expressions in x: sums, products and integer powers (negative ones of x). */
const univariateArb: fc.Arbitrary<Expr> = fc
  .letrec<{ e: Expr }>((tie) => ({
    e: fc.oneof(
      { depthSize: "small", withCrossShrink: true },
      fc.constantFrom<Expr>(x, pow(x, num(-1)), num(1), num(2), num(Rational.of(-3, 2))),
      fc.tuple(tie("e"), tie("e")).map(([a, b]) => add(a, b)),
      fc.tuple(tie("e"), tie("e")).map(([a, b]) => sub(a, b)),
      fc.tuple(tie("e"), tie("e")).map(([a, b]) => mul(a, b)),
      fc.tuple(tie("e"), fc.integer({ min: 2, max: 4 })).map(([a, k]) => pow(a, num(k))),
    ),
  }))
  .e.filter((e) => e.depth <= 7);

describe("dense univariate arithmetic", () => {
  it("gives the same polynomial as the sparse arithmetic", () => {
    fc.assert(
      fc.property(univariateArb, (e) => {
        const options = { allowNegative: true };
        const dense = toPoly(e, new AtomTable([x]), options);
        // A second (unused) atom sends toPoly down the sparse path.
        const sparse = toPoly(e, new AtomTable([x, y]), options);
        expect(polyEquals(dense, sparse)).toBe(true);
      }),
      { seed: 16, numRuns: 200 },
    );
  });
});

describe("polynomial work budget", () => {
  const tenTerms = toPoly(pow(add(x, y, num(1)), num(3)), new AtomTable([x, y]));

  it("stops with LimitError(maxPolyWork) past its work", () => {
    const err = (() => {
      try {
        withPolyBudget({ maxTerms: 1000, maxWork: 50 }, () => polyMul(tenTerms, tenTerms));
      } catch (e) {
        return e;
      }
      return null;
    })();
    expect(err).toBeInstanceOf(LimitError);
    expect((err as LimitError).limit).toBe("maxPolyWork");
    expect(() => withPolyBudget({ maxTerms: 1000, maxWork: 100_000 }, () => polyMul(tenTerms, tenTerms))).not.toThrow();
  });

  it("charges an inner budget's work to the outer one", () => {
    withPolyBudget({ maxTerms: 1000, maxWork: 1000 }, () => {
      withPolyBudget({ maxTerms: 1000, maxWork: 1000 }, () => spendWork(600, 0));
      expect(polyWorkLeft()).toBe(400);
      expect(() => spendWork(600, 0)).toThrow(LimitError);
    });
    expect(polyWorkLeft()).toBe(Infinity);
  });

  it("caps terms within its scope without changing limits.maxExpandTerms", () => {
    const before = limits.maxExpandTerms;
    const e = pow(add(x, y, num(1)), num(3));
    expect(() => withPolyBudget({ maxTerms: 5, maxWork: Infinity }, () => toPoly(e, new AtomTable([x, y])))).toThrow(/maxExpandTerms/);
    expect(limits.maxExpandTerms).toBe(before);
    expect(toPoly(e, new AtomTable([x, y])).size).toBe(10);
  });
});

describe("univariate gcd", () => {
  const uniArb: fc.Arbitrary<Poly> = fc
    .array(fc.record({ k: fc.integer({ min: 0, max: 5 }), coef: fc.integer({ min: -6, max: 6 }) }), { minLength: 1, maxLength: 4 })
    .map((ts) => polyFromTerms(ts.map((t) => ({ mono: t.k === 0 ? [] : [t.k], coef: Rational.of(t.coef, 2) }))))
    .filter((p) => !isZeroPoly(p));

  it("a common factor divides the gcd, the gcd divides both, and it is normalised", () => {
    fc.assert(
      fc.property(uniArb, uniArb, uniArb, (a, b, c) => {
        const ac = polyMul(a, c);
        const bc = polyMul(b, c);
        const g = polyGcd(ac, bc);
        expect(polyDivExact(ac, g)).not.toBeNull();
        expect(polyDivExact(bc, g)).not.toBeNull();
        expect(polyDivExact(g, c)).not.toBeNull();
        expect(polyEquals(g, polyGcd(bc, ac))).toBe(true);
      }),
      { seed: 17, numRuns: 200 },
    );
  });
});
