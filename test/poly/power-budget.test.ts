import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { add, mul, num, pow, sym } from "../../src/core/build.js";
import { LimitError } from "../../src/core/errors.js";
import type { Expr } from "../../src/core/node.js";
import { AtomTable, toPoly } from "../../src/poly/convert.js";
import { polyWorkLeft, withPolyBudget } from "../../src/poly/poly.js";

const x = sym("x");
const table = new AtomTable([x]);

/** The work `toPoly(e)` is charged when nothing stops it. */
function workOf(e: Expr): number {
  const cap = 1e15;
  return withPolyBudget({ maxTerms: 1e6, maxWork: cap }, () => {
    toPoly(e, table);
    return cap - polyWorkLeft();
  });
}

/** What `toPoly(e)` does within `maxWork`: "ok", or the limit it stops at. */
function outcome(e: Expr, maxWork: number): string {
  try {
    withPolyBudget({ maxTerms: 1e6, maxWork }, () => toPoly(e, table));
    return "ok";
  } catch (err) {
    if (err instanceof LimitError) return err.limit;
    throw err;
  }
}

describe("the work budget of univariate powers", () => {
  it("refuses exactly the powers whose work exceeds it (refusing up front changes no outcome)", () => {
    const base = fc.constantFrom<Expr>(add(x, num(1)), add(mul(num(3), pow(x, num(2))), num(-7)), add(pow(x, num(3)), x, num(2)));
    fc.assert(
      fc.property(base, fc.integer({ min: 2, max: 300 }), fc.double({ min: 0.05, max: 2, noNaN: true }), (b, k, scale) => {
        const e = pow(b, num(k));
        const work = workOf(e);
        const budget = Math.floor(work * scale);
        expect(outcome(e, budget)).toBe(budget >= work ? "ok" : "maxPolyWork");
      }),
      { seed: 18, numRuns: 120 },
    );
  });
});
