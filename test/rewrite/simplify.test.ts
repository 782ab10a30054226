import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { diffExpr } from "../../src/calculus/diff.js";
import { canonicalViolations } from "../../src/core/invariants.js";
import { parse } from "../../src/parse/parser.js";
import { print } from "../../src/print/plain.js";
import { cost } from "../../src/rewrite/cost.js";
import { simplify, simplifyWithReport } from "../../src/rewrite/simplify.js";
import { exprArb, numericallyEqual } from "./eval-support.js";

describe("simplify", () => {
  it.each([
    ["sin(x)^2 + cos(x)^2", "1"],
    ["sin(x)^2 + cos(x)^2 - 1", "0"],
    ["2*sin(x)^2 + 2*cos(x)^2 + y", "y + 2"],
    ["cosh(x)^2 - sinh(x)^2", "1"],
    ["exp(x)*exp(y)", "exp(x + y)"],
    ["sqrt(x^2)", "abs(x)"],
    ["(x^2 - 1)/(x - 1)", "x + 1"],
    ["1/x + 1/x^2", "(x + 1)/x^2"],
    ["2*sin(x)*cos(x)", "sin(2*x)"],
    ["x/x", "1"],
  ])("%s -> %s", (input, expected) => {
    const out = simplify(parse(input));
    expect(canonicalViolations(out)).toEqual([]);
    expect(out).toBe(parse(expected));
  });

  it("uses assumptions for conditional rules", () => {
    expect(simplify(parse("sqrt(x^2)"), { assume: { x: "nonnegative" } })).toBe(parse("x"));
    expect(simplify(parse("sqrt(x^2)"), { assume: { x: "positive" } })).toBe(parse("x"));
    expect(simplify(parse("sqrt(x^2)"))).toBe(parse("abs(x)"));
  });

  it.each([
    ["(x^2-1)/(x-1)", "x", "1"],
    ["atan(y/x)", "x", "-y/(x^2 + y^2)"],
    ["x^2-4*x^-2", "x", "2*x + 8/x^3"],
  ])("d/d%2$s %1$s prints as %3$s", (input, v, expected) => {
    expect(print(simplify(diffExpr(parse(input), v)))).toBe(expected);
  });

  it("reports the fixpoint and the rules applied", () => {
    const r = simplifyWithReport(parse("3*sin(y)^2 + 3*cos(y)^2 + x"));
    expect(r.result).toBe(parse("x + 3"));
    expect(r.stoppedBy).toBe("fixpoint");
    expect(r.steps).toContain("pythagorean-sin-cos");
  });

  it("reports the size budget", () => {
    const e = parse("sin(x)^2 + cos(x)^2 + y");
    const r = simplifyWithReport(e, { maxSize: 2 });
    expect(r.stoppedBy).toBe("size");
    expect(r.result).toBe(e);
  });

  it("is value-preserving, idempotent and never costlier than its input", () => {
    fc.assert(
      fc.property(exprArb, (e) => {
        const s = simplify(e);
        expect(numericallyEqual(e, s), `${String(e)} -> ${String(s)}`).toBe(true);
        expect(simplify(s)).toBe(s);
        expect(cost(s)).toBeLessThanOrEqual(cost(e));
        expect(canonicalViolations(s)).toEqual([]);
      }),
      { seed: 41, numRuns: 200 },
    );
  });
});
