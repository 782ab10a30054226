import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { bitLength, exactRoot, gcd, Rational } from "../../src/core/rational.js";

const small = fc.bigInt({ min: -(10n ** 30n), max: 10n ** 30n });
const nonzero = small.filter((n) => n !== 0n);
const rational = fc.tuple(small, nonzero).map(([n, d]) => Rational.of(n, d));

describe("Rational", () => {
  it.each([
    ["0.1", 1n, 10n],
    ["1e-5", 1n, 100000n],
    ["2.5E+3", 2500n, 1n],
    [".5", 1n, 2n],
    ["12345678901234567890", 12345678901234567890n, 1n],
    ["0.000", 0n, 1n],
  ])("parses the decimal %s exactly", (text, num, den) => {
    const r = Rational.parseDecimal(text);
    expect([r.num, r.den]).toEqual([num, den]);
  });

  it("refuses a decimal exponent beyond the bound instead of allocating", () => {
    expect(() => Rational.parseDecimal("1e999999999")).toThrow(/exponent/);
  });

  it("keeps the invariants: den > 0 and gcd 1", () => {
    fc.assert(
      fc.property(rational, rational, (a, b) => {
        for (const r of [a.add(b), a.sub(b), a.mul(b), b.isZero() ? a : a.div(b), a.neg()]) {
          expect(r.den > 0n).toBe(true);
          expect(gcd(r.num, r.den)).toBe(1n);
        }
      }),
      { seed: 42, numRuns: 300 },
    );
  });

  it("obeys field laws", () => {
    fc.assert(
      fc.property(rational, rational, rational, (a, b, c) => {
        expect(a.add(b).equals(b.add(a))).toBe(true);
        expect(a.mul(b.add(c)).equals(a.mul(b).add(a.mul(c)))).toBe(true);
        expect(a.sub(a).isZero()).toBe(true);
        if (!a.isZero()) expect(a.div(a).isOne()).toBe(true);
      }),
      { seed: 7, numRuns: 300 },
    );
  });

  it.each([
    [Rational.of(1, 3), 1 / 3],
    [Rational.of(-7, 2), -3.5],
    [Rational.of(10n ** 400n, 3n * 10n ** 399n), 10 / 3],
    [Rational.of(1n, 10n ** 400n), 0],
  ])("converts %s to the nearest double", (r, x) => {
    expect(r.toNumber()).toBeCloseTo(x, 14);
  });

  it("floors towards minus infinity", () => {
    expect(Rational.of(-7, 2).floor()).toBe(-4n);
    expect(Rational.of(7, 2).floor()).toBe(3n);
    expect(Rational.of(-4, 1).floor()).toBe(-4n);
  });

  it("computes bit lengths and exact roots", () => {
    expect([0n, 1n, 2n, 255n, 256n].map(bitLength)).toEqual([0, 1, 2, 8, 9]);
    expect(exactRoot(1000000n, 3)).toBe(100n);
    expect(exactRoot(10n ** 60n, 2)).toBe(10n ** 30n);
    expect(exactRoot(2n, 2)).toBe(null);
    expect(exactRoot(26n, 3)).toBe(null);
  });
});
