import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { diff } from "../../src/api/calculus.js";
import { explainDiff } from "../../src/api/explain.js";
import type { Derivation, Step } from "../../src/calculus/explain.js";
import { applyRule, RULE_NAMES } from "../../src/calculus/explain-rules.js";
import { checkStep } from "../../src/calculus/explain-check.js";
import { LimitError } from "../../src/core/errors.js";
import { resetLimits, setLimits } from "../../src/core/limits.js";
import type { Expr } from "../../src/core/node.js";
import { parse } from "../../src/parse/parser.js";
import { arbExpr } from "../support/arbitrary.js";

function allSteps(d: Derivation): Step[] {
  return d.steps.flatMap((s) => (s.group === undefined ? [s] : [...allSteps(s.group), s]));
}

describe("the rules, one application each", () => {
  it.each<[string, string, string | undefined, string]>([
    ["5*y", "constant", undefined, "0"],
    ["0^(x^2)", "constant", undefined, "0"],
    ["x", "power", undefined, "1"],
    ["x^3", "power", undefined, "3*x^2"],
    ["x^2 + sin(x)", "sum", undefined, "d/dx(x^2) + d/dx(sin(x))"],
    ["3*y*x^2", "constant multiple", undefined, "3*y*d/dx(x^2)"],
    ["x*sin(x)", "product", undefined, "x*d/dx(sin(x)) + sin(x)*d/dx(x)"],
    ["sin(x)/x", "quotient", undefined, "(x*d/dx(sin(x)) - sin(x)*d/dx(x))/x^2"],
    ["sin(x^2)", "chain", "trig", "cos(x^2)*d/dx(x^2)"],
    ["(x + 1)^5", "chain", "power", "5*(x + 1)^4*d/dx(x + 1)"],
    ["2^x", "exp", undefined, "2^x*log(2)"],
    ["exp(x)", "exp", undefined, "exp(x)"],
    ["log(x)", "log", undefined, "1/x"],
    ["atan(x)", "inverse trig", undefined, "1/(x^2 + 1)"],
    ["cosh(x)", "hyperbolic", undefined, "sinh(x)"],
    ["abs(x)", "abs", undefined, "sign(x)"],
    ["erf(x)", "special", undefined, "2*exp(-x^2)/sqrt(pi)"],
    ["cbrt(x)", "power", undefined, "1/(3*cbrt(x)^2)"],
    ["x^x", "rewrite", undefined, "d/dx(exp(x*log(x)))"],
    ["atan2(y, x^2)", "chain", "inverse trig", "-y*d/dx(x^2)/(x^4 + y^2)"],
  ])("d/dx(%s): %s", (input, rule, via, result) => {
    const a = applyRule(parse(input), "x");
    expect([a.rule, a.via]).toEqual([rule, via]);
    expect(a.result).toBe(parse(result));
    expect(RULE_NAMES).toContain(a.rule);
    expect(checkStep(parse(`d/dx(${input})`), a.result).ok).toBe(true);
  });
});

describe("explainDiff", () => {
  it("ends in diff's result for orders and mixed partials, and order 0 is the simplified input", () => {
    expect(explainDiff("x^3*exp(x)", "x", { order: 3 }).result).toBe(diff("x^3*exp(x)", "x", 3));
    expect(explainDiff("x^3*y^2*sin(x*y)", ["x", "y", "x"]).result).toBe(diff("x^3*y^2*sin(x*y)", ["x", "y", "x"]));
    expect(explainDiff("(x^2 - 1)/(x - 1)", "x", { order: 0 }).result).toBe(parse("x + 1"));
    expect(() => explainDiff("x", ["x"], { order: 2 })).toThrow(RangeError);
  });

  it("derives a repeated large sub-derivative once and refers to it", () => {
    const ex = explainDiff("exp(sin(x^2 + 3*x)) + sin(x^2 + 3*x)^2", "x");
    const groups = allSteps(ex)
      .filter((s) => s.group !== undefined)
      .map((s) => String(s.parts[0]));
    expect(groups.filter((g) => g === "d/dx(sin(x^2 + 3*x))")).toHaveLength(1);
    expect(allSteps(ex).some((s) => s.reused === true && String(s.parts[0]) === "d/dx(sin(x^2 + 3*x))")).toBe(true);
  });

  it("takes few steps on a long sum: each rule once for all its terms", () => {
    const terms = Array.from({ length: 300 }, (_, k) => `${k + 2}*x^${k + 2}`).join(" + ");
    expect(explainDiff(terms, "x").steps.map((s) => s.rule)).toEqual(["sum", "constant multiple", "power"]);
  });

  it("a failing step check says so", () => {
    const check = checkStep(parse("d/dx(x^2)"), parse("3*x"));
    expect(check.ok).toBe(false);
    expect(check.points).toBeGreaterThan(0);
  });

  it("a high order is bounded by diffTimeMs", () => {
    setLimits({ diffTimeMs: 1e-6 });
    try {
      expect(() => explainDiff("x^x", "x", { order: 3 })).toThrow(LimitError);
    } finally {
      resetLimits();
    }
  });

  it("property: every step verifies and the result is diff's", () => {
    fc.assert(
      fc.property(arbExpr(3), (e: Expr) => {
        const ex = explainDiff(e, "x", { verify: true });
        expect(allSteps(ex).filter((s) => !s.check!.ok)).toEqual([]);
        expect(ex.result).toBe(diff(e, "x"));
      }),
      { numRuns: 80, seed: 1616 },
    );
  });
});
