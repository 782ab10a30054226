import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { LimitError } from "../../src/core/errors.js";
import { Rational } from "../../src/core/rational.js";
import { independentMonomials, multinomialPow, packedMul } from "../../src/poly/packed.js";
import { polyEquals, polyFromTerms, polyWorkLeft, withPolyBudget, type Poly, type Term } from "../../src/poly/poly.js";
import { expand } from "../../src/api/algebra.js";
import { parse } from "../../src/parse/parser.js";
import { DEFAULT_LIMITS } from "../../src/core/limits.js";

/** The schoolbook product, term pair by term pair (the reference). */
function naiveMul(a: Poly, b: Poly): Poly {
  const terms: Term[] = [];
  for (const s of a.values()) {
    for (const t of b.values()) {
      const n = Math.max(s.mono.length, t.mono.length);
      const mono = Array.from({ length: n }, (_, i) => (s.mono[i] ?? 0) + (t.mono[i] ?? 0));
      terms.push({ mono, coef: s.coef.mul(t.coef) });
    }
  }
  return polyFromTerms(terms);
}

function naivePow(a: Poly, k: number): Poly {
  let out = polyFromTerms([{ mono: [], coef: Rational.ONE }]);
  for (let i = 0; i < k; i++) out = naiveMul(out, a);
  return out;
}

const coefArb = fc.oneof(
  fc.integer({ min: -5, max: 5 }).map((n) => Rational.of(n)),
  fc.tuple(fc.integer({ min: -9, max: 9 }), fc.integer({ min: 1, max: 12 })).map(([n, d]) => Rational.of(n, d)),
  // Past 2^52: the bigint path and the flush of double accumulators.
  fc.bigInt({ min: -(1n << 80n), max: 1n << 80n }).map((n) => Rational.of(n)),
  fc.integer({ min: 1, max: 3 }).map((k) => Rational.of(k * 2 ** 26 + 1)),
);

const polyArb = (vars: number, lo: number, hi: number, maxTerms: number): fc.Arbitrary<Poly> =>
  fc
    .array(fc.record({ mono: fc.array(fc.integer({ min: lo, max: hi }), { minLength: vars, maxLength: vars }), coef: coefArb }), {
      minLength: 1,
      maxLength: maxTerms,
    })
    .map((ts) => polyFromTerms(ts));

describe("packedMul", () => {
  it("equals the schoolbook product (Laurent exponents, rational and huge coefficients)", () => {
    fc.assert(
      fc.property(polyArb(3, -3, 4, 12), polyArb(3, -2, 5, 12), (a, b) => {
        if (a.size === 0 || b.size === 0) return;
        const p = packedMul(a, b);
        expect(p).not.toBeNull();
        expect(polyEquals(p!, naiveMul(a, b))).toBe(true);
      }),
      { numRuns: 200 },
    );
  });

  it("finds cancellation and accumulates many large products exactly", () => {
    // (x - y) * (x + y) = x^2 - y^2, with 2^51 coefficients summed many times in one slot.
    const c = Rational.of(2n ** 51n - 1n);
    const a = polyFromTerms([
      { mono: [1], coef: Rational.ONE },
      { mono: [0, 1], coef: Rational.MINUS_ONE },
    ]);
    const b = polyFromTerms([
      { mono: [1], coef: Rational.ONE },
      { mono: [0, 1], coef: Rational.ONE },
    ]);
    expect(polyEquals(packedMul(a, b)!, naiveMul(a, b))).toBe(true);
    const many = polyFromTerms(Array.from({ length: 40 }, (_, i) => ({ mono: [i, 39 - i], coef: c })));
    const ones = polyFromTerms(Array.from({ length: 40 }, (_, i) => ({ mono: [39 - i, i], coef: Rational.ONE })));
    expect(polyEquals(packedMul(many, ones)!, naiveMul(many, ones))).toBe(true);
  });

  it("returns null when the exponent layout does not fit a safe integer", () => {
    const wide = polyFromTerms([
      { mono: Array.from({ length: 8 }, () => 200), coef: Rational.ONE },
      { mono: [], coef: Rational.ONE },
    ]);
    expect(packedMul(wide, wide)).toBeNull();
  });
});

describe("multinomialPow", () => {
  it("equals repeated multiplication for independent monomials", () => {
    const base = fc
      .tuple(fc.array(coefArb, { minLength: 2, maxLength: 4 }), fc.boolean())
      .map(([cs, withConstant]) =>
        polyFromTerms(
          cs.map((coef, i) => ({ mono: i === 0 && withConstant ? [] : Array.from({ length: i + 1 }, (_, j) => (j === i ? 1 + (i % 2) : 0)), coef })),
        ),
      );
    fc.assert(
      fc.property(base, fc.integer({ min: 2, max: 7 }), (a, k) => {
        if (a.size < 2) return;
        const p = multinomialPow(a, k);
        expect(p).not.toBeNull();
        expect(polyEquals(p!, naivePow(a, k))).toBe(true);
      }),
      { numRuns: 100 },
    );
  });

  it("declines bases whose compositions collide", () => {
    // 1 + x + y + x*y: 1 * x*y and x * y have the same monomial.
    const a = polyFromTerms([
      { mono: [], coef: Rational.ONE },
      { mono: [1], coef: Rational.ONE },
      { mono: [1, 1], coef: Rational.ONE },
      { mono: [0, 1], coef: Rational.ONE },
    ]);
    expect(multinomialPow(a, 3)).toBeNull();
  });

  it.each<[string, number[][], number, boolean]>([
    ["private variables", [[1], [0, 1], [0, 0, 1]], 3, true],
    ["a constant and private variables", [[], [2], [0, 3]], 2, true],
    ["x, x*y, y (independent: the total degree k pins the middle exponent)", [[1], [1, 1], [0, 1]], 2, true],
    ["1, x, y, x*y (collide)", [[], [1], [0, 1], [1, 1]], 2, false],
    ["1, x, x^2 (collide)", [[], [1], [2]], 1, false],
    [
      "x*y, x*z, y*z (independent, no private variable)",
      [
        [1, 1],
        [1, 0, 1],
        [0, 1, 1],
      ],
      3,
      true,
    ],
    [
      "x*y, x*z, y*z, x*y*z^2 (rank 4)",
      [
        [1, 1],
        [1, 0, 1],
        [0, 1, 1],
        [1, 1, 2],
      ],
      3,
      true,
    ],
    [
      "x*y, z*w, x*z, y*w (x*y*z*w twice)",
      [
        [1, 1],
        [0, 0, 1, 1],
        [1, 0, 1],
        [0, 1, 0, 1],
      ],
      4,
      false,
    ],
  ])("independentMonomials: %s", (_, monos, n, want) => {
    expect(independentMonomials(monos, n)).toBe(want);
  });
});

describe("expansion limits", () => {
  it("expands S3 at the 200th power within the default limits", () => {
    const e = expand(parse("(x^y + y^z + z^x)^200"));
    expect(e.kind === "add" && e.args.length).toBe(20301);
  });

  it.each(["(x+y)^100000", "(x+y+z)^100000", "(x^y+y^z+z^x)^5000"])("refuses %s quickly", (text) => {
    const t = performance.now();
    expect(() => expand(parse(text))).toThrow(LimitError);
    expect(performance.now() - t).toBeLessThan(2000);
  });

  it("charges a power one unit per term per 64 bits of a bound on its largest coefficient, not more", () => {
    // (x + y + z)^200: the largest coefficient 200!/(67!^2 66!) has 310 bits, the bound 200*log2(3) = 317.
    const a = polyFromTerms([
      { mono: [1], coef: Rational.ONE },
      { mono: [0, 1], coef: Rational.ONE },
      { mono: [0, 0, 1], coef: Rational.ONE },
    ]);
    let largest = 0;
    const spent = withPolyBudget({ maxTerms: DEFAULT_LIMITS.maxExpandTerms, maxWork: 1e9 }, () => {
      const p = multinomialPow(a, 200)!;
      for (const t of p.values()) largest = Math.max(largest, t.coef.num.toString(2).length);
      return 1e9 - polyWorkLeft();
    });
    const terms = 20301;
    expect(largest).toBe(310);
    expect(spent).toBeGreaterThanOrEqual((terms * largest) / 64);
    expect(spent).toBeLessThanOrEqual((terms * (largest + 16)) / 64);
  });

  it("charges a power's work up front, before computing it", () => {
    const a = polyFromTerms([
      { mono: [1], coef: Rational.ONE },
      { mono: [0, 1], coef: Rational.of(3) },
    ]);
    let err: unknown;
    try {
      withPolyBudget({ maxTerms: DEFAULT_LIMITS.maxExpandTerms, maxWork: 1000 }, () => multinomialPow(a, 5000));
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(LimitError);
    expect((err as LimitError).limit).toBe("maxPolyWork");
  });
});
