import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { modNonNegative, mulInt, type IntPoly } from "../../src/poly/dense-int.js";
import { degMod, derivativeMod, divRemMod, gcdMod, modImage, monicMod, trimMod, type ModPoly } from "../../src/poly/dense-mod.js";
import { factorModP, productMod } from "../../src/poly/factor-mod-p.js";
import { henselLift } from "../../src/poly/hensel.js";

/** Every monic polynomial of degree d modulo p. */
function* monicOfDegree(d: number, p: number): Generator<ModPoly> {
  const total = p ** d;
  for (let n = 0; n < total; n++) {
    const out: number[] = [];
    let r = n;
    for (let i = 0; i < d; i++) {
      out.push(r % p);
      r = Math.floor(r / p);
    }
    out.push(1);
    yield out;
  }
}

/** Irreducible modulo p by brute force: no monic divisor of degree 1..deg/2. */
function irreducibleByTrialDivision(f: ModPoly, p: number): boolean {
  for (let d = 1; 2 * d <= degMod(f); d++) for (const g of monicOfDegree(d, p)) if (divRemMod(f, g, p).r.length === 0) return false;
  return true;
}

const primeArb = fc.constantFrom(3, 5, 7);

/** A monic polynomial of degree 1..6 modulo p. */
function monicArb(p: number): fc.Arbitrary<ModPoly> {
  return fc.array(fc.integer({ min: 0, max: p - 1 }), { minLength: 1, maxLength: 6 }).map((lower) => [...lower, 1]);
}

describe("factorModP", () => {
  it("returns monic irreducible factors (checked by trial division) whose product is f", () => {
    fc.assert(
      fc.property(
        primeArb.chain((p) => fc.tuple(fc.constant(p), monicArb(p))),
        ([p, f]) => {
          fc.pre(degMod(gcdMod(f, derivativeMod(f, p), p)) === 0);
          const factors = factorModP(f, p);
          expect(productMod(factors, p)).toEqual(f);
          for (const g of factors) {
            expect(g[g.length - 1]).toBe(1);
            expect(irreducibleByTrialDivision(g, p)).toBe(true);
          }
        },
      ),
      { seed: 18, numRuns: 200 },
    );
  });

  it.each<[string, ModPoly, number, number]>([
    ["x^4 + 1 mod 3 splits into two quadratics", [1, 0, 0, 0, 1], 3, 2],
    ["x^2 + 1 mod 5 splits into two linear factors", [1, 0, 1], 5, 2],
    ["x^2 + 1 mod 7 is irreducible", [1, 0, 1], 7, 1],
    ["x^5 - x mod 5 is the product of its five linear factors", [0, 4, 0, 0, 0, 1], 5, 5],
  ])("%s", (_, f, p, count) => {
    expect(factorModP(f, p)).toHaveLength(count);
  });
});

/** A random integer polynomial of degree 1..3 with leading coefficient 1..4. */
const intPolyArb: fc.Arbitrary<IntPoly> = fc
  .tuple(fc.array(fc.integer({ min: -9, max: 9 }), { minLength: 1, maxLength: 3 }), fc.integer({ min: 1, max: 4 }))
  .map(([lower, lead]) => [...lower, lead].map((c) => BigInt(c)));

describe("henselLift", () => {
  it("lifts f ≡ lc·∏ g (mod p) to a factorisation modulo p^k that reduces to the g", () => {
    fc.assert(
      fc.property(fc.array(intPolyArb, { minLength: 2, maxLength: 4 }), fc.integer({ min: 2, max: 8 }), (parts, k) => {
        const f = parts.reduce((acc, g) => mulInt(acc, g), [1n]);
        const p = 5;
        const lc = f[f.length - 1]!;
        fc.pre(lc % 5n !== 0n);
        const image = modImage(f, p);
        fc.pre(degMod(gcdMod(image, derivativeMod(image, p), p)) === 0);
        const factors = factorModP(monicMod(image, p), p);
        const lifted = henselLift(f, factors, p, k);
        const M = 5n ** BigInt(k);
        const product = lifted.reduce((acc, g) => mulInt(acc, g), [lc]);
        expect(product.map((c) => modNonNegative(c, M))).toEqual(f.map((c) => modNonNegative(c, M)));
        lifted.forEach((g, i) => {
          expect(g[g.length - 1]).toBe(1n);
          expect(trimMod(g.map((c) => Number(modNonNegative(c, 5n))))).toEqual(factors[i]);
        });
      }),
      { seed: 18, numRuns: 100 },
    );
  });
});
