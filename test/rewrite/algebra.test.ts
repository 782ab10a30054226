import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { canonicalViolations } from "../../src/core/invariants.js";
import type { Expr } from "../../src/core/node.js";
import { parse } from "../../src/parse/parser.js";
import { expand } from "../../src/rewrite/expand.js";
import { factor } from "../../src/rewrite/factor.js";
import { cancel, cancelTop, isNumberOverFlatSums, together } from "../../src/rewrite/rational.js";
import { LimitError } from "../../src/core/errors.js";
import { clearCaches } from "../../src/core/memo.js";
import { polyWorkLeft, withPolyBudget } from "../../src/poly/poly.js";
import { exprArb, numericallyEqual } from "./eval-support.js";

function canonical(e: Expr): Expr {
  expect(canonicalViolations(e)).toEqual([]);
  return e;
}

describe("expand", () => {
  it.each([
    ["(x+1)*(x-1)", "x^2 - 1"],
    ["(x+y)^3", "x^3 + 3*x^2*y + 3*x*y^2 + y^3"],
    ["(x+1)/x", "1 + 1/x"],
    ["sin((x+1)^2)", "sin(x^2 + 2*x + 1)"],
    ["(sqrt(x)+1)*(sqrt(x)-1)", "x - 1"],
    ["x*(1/x + 1)", "1 + x"],
  ])("%s = %s", (input, expected) => {
    expect(canonical(expand(parse(input)))).toBe(parse(expected));
  });
});

describe("together and cancel", () => {
  it.each([
    ["1/x + 1/y", "(x + y)/(x*y)"],
    ["1/x + 1/x^2", "(x + 1)/x^2"],
    ["a/(x+1) + b/(x+1)^2", "(a*(x+1) + b)/(x+1)^2"],
  ])("together %s = %s", (input, expected) => {
    expect(canonical(together(parse(input)))).toBe(parse(expected));
  });

  it.each([
    ["(x^2-1)/(x-1)", "x + 1"],
    ["2*x/(x-1) - (x^2-1)/(x-1)^2", "1"],
    ["(x^2 - y^2)/(x + y)", "x - y"],
    ["(x^2 + 2*x*y + y^2)/(x + y)^3", "1/(x + y)"],
    ["(x^3 - 1)/(x^2 - 1)", "(x^2 + x + 1)/(x + 1)"],
    ["sin(x)/(sin(x)^2 + sin(x))", "1/(sin(x) + 1)"],
    ["(x - 1)/(x + 1)", "(x - 1)/(x + 1)"],
  ])("cancel %s = %s", (input, expected) => {
    expect(canonical(cancel(parse(input)))).toBe(parse(expected));
  });

  it.each([
    ["3/(x^2 + 1)^2", true],
    ["2^x/(x + 1)", true],
    ["1/((x + 1)*(y - 2))", true],
    ["3/((x + 1)^2 + 1)", false], // cancelTop multiplies the denominator out
    ["x/(x + 1)", false],
    ["sqrt(2)/(x + 1)", false],
  ])("isNumberOverFlatSums %s: %s, and cancelTop leaves such a node alone", (input, expected) => {
    const e = parse(input);
    expect(isNumberOverFlatSums(e)).toBe(expected);
    if (expected) expect(cancelTop(e)).toBe(e);
  });

  it("a remembered cancellation charges the work it cost, and runs out where the computation would", () => {
    const e = parse("(x^6 - 1)*(x^4 + 3*x + 2)/((x^3 - 1)*(x^2 + 1)^2)");
    /** The result and the work spent by cancelTop(e) under a budget of `maxWork`, or "limit". */
    const attempt = (maxWork: number): [Expr, number] | "limit" => {
      try {
        return withPolyBudget({ maxTerms: 400, maxWork }, () => {
          const r = cancelTop(e);
          return [r, maxWork - polyWorkLeft()];
        });
      } catch (err) {
        if (err instanceof LimitError) return "limit";
        throw err;
      }
    };
    clearCaches();
    const first = attempt(1e6);
    expect(first).not.toBe("limit");
    const [result, work] = first as [Expr, number];
    expect(result).toBe(parse("(x^7 + 4*x^4 + 2*x^3 + 3*x + 2)/(x^2 + 1)^2"));
    expect(attempt(1e6)).toEqual([result, work]);
    expect(attempt(work)).toEqual([result, work]);
    expect(attempt(work - 1)).toBe("limit");
    clearCaches();
    expect(attempt(work - 1)).toBe("limit");
  });
});

describe("factor", () => {
  it.each([
    ["x^2 - 1", "(x - 1)*(x + 1)"],
    ["2*x^2 + 4*x + 2", "2*(x + 1)^2"],
    ["x^3*y + x^2*y^2", "x^2*y*(x + y)"],
    ["x^2 + 2*x*y + y^2", "(x + y)^2"],
    ["(x^2 - 1)/(x^2 + 2*x + 1)", "(x - 1)*(x + 1)^(-1)"],
    ["x^2 + 1", "x^2 + 1"],
    ["6*x^2 + 5*x + 1", "(2*x + 1)*(3*x + 1)"],
  ])("factor %s = %s", (input, expected) => {
    expect(canonical(factor(parse(input)))).toBe(parse(expected));
  });
});

describe("value preservation", () => {
  it.each<[string, (e: Expr) => Expr]>([
    ["expand", expand],
    ["together", together],
    ["cancel", cancel],
    ["factor", factor],
  ])("%s keeps values at random points", (_, f) => {
    fc.assert(
      fc.property(exprArb, (e) => {
        const out = f(e);
        expect(numericallyEqual(e, out)).toBe(true);
      }),
      { seed: 21, numRuns: 150 },
    );
  });
});
