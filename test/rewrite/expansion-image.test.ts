// The cost floor read from an expansion's image modulo a prime (`expansion-image.ts`) against the
// expansion itself: never above `costLowerBound`, Infinity only where `toPoly` refuses, and exact
// on most expansions (so that the expand strategy refuses candidates without building them).
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { add, call, mul, num, pow, sym } from "../../src/core/build.js";
import { LimitError } from "../../src/core/errors.js";
import type { Expr } from "../../src/core/node.js";
import { Rational } from "../../src/core/rational.js";
import { parse } from "../../src/parse/parser.js";
import { sortedAtomTable, toPoly } from "../../src/poly/convert.js";
import { withPolyBudget, type Poly } from "../../src/poly/poly.js";
import { print } from "../../src/print/plain.js";
import { costLowerBound } from "../../src/rewrite/expand.js";
import { expansionAtomTable, expansionCostFloor } from "../../src/rewrite/expansion-image.js";
import { exprArb } from "./eval-support.js";

const x = sym("x");
const y = sym("y");
const options = { allowNegative: true };
/** The candidate budget of simplify (`budget.ts`): a cap of 400 terms. */
const budget = { maxTerms: 400, maxWork: 20_000 };

/**
 * Nested sums and products of a few atoms (symbols, calls, negative and fractional powers, powers
 * of sums) with rational coefficients of both signs: derivative-shaped expressions whose
 * expansions cancel, merge like terms, or do neither.
 */
const atom = fc.constantFrom<Expr>(
  x,
  y,
  call("sin", [x]),
  call("exp", [y]),
  pow(x, num(-1)),
  pow(x, num(Rational.HALF)),
  pow(add(x, num(1)), num(-1)),
  pow(add(x, y), num(Rational.of(-1n, 2n))),
);
const coefficient = fc.constantFrom(1, -1, 2, -3, 1 / 2, -2 / 3).map((c) => num(c));
const nestedArb: fc.Arbitrary<Expr> = fc
  .letrec<{ e: Expr }>((tie) => ({
    e: fc.oneof(
      { depthSize: "small", withCrossShrink: true },
      atom,
      fc.tuple(coefficient, atom, fc.integer({ min: -2, max: 3 })).map(([c, a, k]) => mul(c, pow(a, num(k)))),
      fc.array(tie("e"), { minLength: 2, maxLength: 4 }).map((ts) => add(...ts)),
      fc.array(tie("e"), { minLength: 2, maxLength: 3 }).map((fs) => mul(...fs)),
      fc.tuple(tie("e"), fc.integer({ min: 2, max: 3 })).map(([a, k]) => pow(a, num(k))),
    ),
  }))
  .e.filter((e) => e.depth <= 7);

/** toPoly under simplify's candidate budget, or null when it refuses (LimitError). */
function expansion(e: Expr): Poly | null {
  try {
    return withPolyBudget(budget, () => toPoly(e, sortedAtomTable([e], options), options));
  } catch (err) {
    if (err instanceof LimitError) return null;
    throw err;
  }
}

describe("the cost floor of an expansion's image modulo a prime", () => {
  it("reads the atoms toPoly uses, in sortedAtomTable's order", () => {
    fc.assert(
      fc.property(fc.oneof(exprArb, nestedArb), (e) => {
        expect(expansionAtomTable(e).atoms, print(e)).toEqual(sortedAtomTable([e], options).atoms);
      }),
      { seed: 11, numRuns: 300 },
    );
  });

  it("never exceeds the expansion's lower bound, is Infinity only where toPoly refuses, and is mostly exact", () => {
    const seen = { exact: 0, built: 0 };
    const check = (e: Expr): void => {
      const table = expansionAtomTable(e);
      const floor = withPolyBudget(budget, () => expansionCostFloor(e, table));
      const p = expansion(e);
      if (floor === Infinity) expect(p, print(e)).toBeNull();
      if (p === null) return;
      seen.built++;
      const bound = costLowerBound(p, table);
      expect(floor, print(e)).toBeLessThanOrEqual(bound);
      if (floor === bound) seen.exact++;
    };
    fc.assert(fc.property(nestedArb, check), { seed: 12, numRuns: 400 });
    fc.assert(fc.property(exprArb, check), { seed: 13, numRuns: 300 });
    expect(seen.built).toBeGreaterThan(600);
    expect(seen.exact).toBeGreaterThan(0.7 * seen.built);
  });

  it.each([
    // Cancellation to zero and to fewer terms than any factor has.
    ["(x + 1)^2 - x^2 - 2*x - 1", 0],
    ["(x + 1)*(x^2 - x + 1)", 5],
    ["(x + 1)*(x - 1)", 5],
    ["x^-3*(x^3 + 1) - x^-3", 1],
    // A coefficient of 67108860 = 1 (mod the prime) is read as 1: the floor is below the bound.
    ["67108860*x + y", 3],
    // A coefficient divisible by the prime vanishes from the image.
    ["67108859*x*y + (x + y)^2", 13],
  ])("%s: floor %d", (text, floor) => {
    const e = parse(text);
    const table = expansionAtomTable(e);
    expect(expansionCostFloor(e, table)).toBe(floor);
    expect(floor).toBeLessThanOrEqual(costLowerBound(toPoly(e, table, options), table));
  });

  it("gives up (0) on a denominator divisible by the prime and on exponents too large to pack", () => {
    const tooLarge = [
      "(x^1000000000 + y^1000000000 + sin(x)^1000000000 + 1)^2*exp(x)^1000000000",
      // Radices that fit, but not the packed lowest exponent of the last atom (8192*(2^20 + 1)^2).
      "(x^1048576 + 1)*(y^1048576 + 1)*z^8192*(z + 1)",
    ];
    for (const text of ["x/67108859 + (x + 1)^2", ...tooLarge]) {
      const e = parse(text);
      expect(expansionCostFloor(e, expansionAtomTable(e)), text).toBe(0);
    }
  });

  it("is Infinity past the terms cap in force, where toPoly refuses", () => {
    const e = mul(...[1, 2, 3, 4, 5, 6, 7, 8, 9].map((k) => add(pow(x, num(k)), pow(y, num(k)), num(1))));
    expect(withPolyBudget(budget, () => expansionCostFloor(e, expansionAtomTable(e)))).toBe(Infinity);
    expect(expansion(e)).toBeNull();
  });
});
