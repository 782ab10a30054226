// implicitDiff, taylor, laplacian, divergence, curl, directionalDerivative: cases compared as
// nodes, numeric properties (Taylor remainder, implicit derivative on a known curve), typed errors.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { curl, directionalDerivative, divergence, implicitDiff, laplacian, taylor } from "../../src/api/operations.js";
import { diff } from "../../src/api/calculus.js";
import { DomainError, LimitError } from "../../src/core/errors.js";
import { resetLimits, setLimits } from "../../src/core/limits.js";
import { canonicalViolations } from "../../src/core/invariants.js";
import { evaluate } from "../../src/numeric/evaluate.js";
import { parse } from "../../src/parse/parser.js";
import { print } from "../../src/print/plain.js";

const P = (s: string) => parse(s);

describe("implicitDiff", () => {
  // [F, y, x, order, expected]
  it.each([
    ["x^2 + y^2 - 1", "y", "x", 1, "-x/y"],
    ["x^2 + y^2 - 1", "y", "x", 2, "-1/y - x^2/y^3"],
    ["x*y - 1", "y", "x", 1, "-y/x"],
    ["y - x^3", "y", "x", 1, "3*x^2"],
    ["y - x^3", "y", "x", 3, "6"],
    ["exp(y) - x", "y", "x", 1, "exp(-y)"],
    ["y^2 - 4", "y", "x", 1, "0"],
    ["x^2 + y^2 - 1", "y", "x", 0, "y"],
  ] as const)("implicitDiff(%s, %s, %s, %d) is %s", (F, y, x, order, expected) => {
    const d = implicitDiff(F, y, x, order);
    expect(canonicalViolations(d)).toEqual([]);
    expect(d).toBe(P(expected));
  });

  it("matches the derivatives of the explicit branch y = sqrt(1 - x^2) (property)", () => {
    const explicit = P("sqrt(1 - x^2)");
    fc.assert(
      fc.property(fc.integer({ min: -900, max: 900 }), fc.integer({ min: 1, max: 3 }), (k, order) => {
        const x = k / 1000;
        const y = Math.sqrt(1 - x * x);
        const want = evaluate(diff(explicit, "x", order), { x });
        const got = evaluate(implicitDiff("x^2 + y^2 - 1", "y", "x", order), { x, y });
        expect(Math.abs(got - want)).toBeLessThanOrEqual(1e-9 * (1 + Math.abs(want)));
      }),
      { seed: 41, numRuns: 100 },
    );
  });

  it("refuses F without y, and bad orders", () => {
    expect(() => implicitDiff("x^2 + 1", "y", "x")).toThrow(new DomainError("implicitDiff: the expression does not contain 'y'"));
    expect(() => implicitDiff("x + y - y", "y", "x")).toThrow(DomainError);
    expect(() => implicitDiff("x*y", "x", "x")).toThrow(DomainError);
    expect(() => implicitDiff("x*y", "y", "x", 1.5)).toThrow(RangeError);
  });
});

describe("taylor", () => {
  // [f, x, a, n, printed]
  it.each([
    ["exp(x)", "x", 0, 3, "x^3/6 + x^2/2 + x + 1"],
    ["sin(x)", "x", 0, 7, "x - x^3/6 + x^5/120 - x^7/5040"],
    ["cos(x)", "x", "pi", 4, "(x - pi)^2/2 - (x - pi)^4/24 - 1"],
    ["tan(x)", "x", 0, 7, "17*x^7/315 + 2*x^5/15 + x^3/3 + x"],
    ["sqrt(1 + x)", "x", 0, 3, "x^3/16 - x^2/8 + x/2 + 1"],
    ["1/(1 - x)", "x", 0, 4, "x^4 + x^3 + x^2 + x + 1"],
    ["x^x", "x", 1, 3, "(x - 1)^3/2 + (x - 1)^2 + x"],
    ["atan2(x, 1)", "x", 0, 5, "x^5/5 - x^3/3 + x"],
    ["sin(x)*exp(y*x)", "x", 0, 3, "x^3*(y^2/2 - 1/6) + x^2*y + x"],
    ["x^3 + 2*x", "x", 0, 10, "x^3 + 2*x"],
    ["y^2", "x", 0, 3, "y^2"],
    ["exp(x)", "x", 0, 0, "1"],
    ["erf(x)", "x", 0, 3, "2*x/sqrt(pi) - 2*x^3/(3*sqrt(pi))"],
  ] as const)("taylor(%s, %s, %s, %d) is %s", (f, x, a, n, printed) => {
    const t = taylor(f, x, a, n);
    expect(canonicalViolations(t)).toEqual([]);
    expect(print(t)).toBe(printed);
  });

  it("agrees with the remainder bound at random points (property)", () => {
    const fs = ["exp(sin(x))", "log(1 + x^2) + cos(2*x)", "1/(2 + x) + atan(x)", "sqrt(4 + x)*sinh(x)", "gamma(2 + x)"];
    fc.assert(
      fc.property(fc.constantFrom(...fs), fc.integer({ min: -100, max: 100 }), (f, k) => {
        const x = k / 1000; // |x| <= 0.1: the order-8 remainder is below 1e-8
        const t = taylor(f, "x", 0, 8);
        expect(Math.abs(evaluate(t, { x }) - evaluate(P(f), { x }))).toBeLessThanOrEqual(1e-8);
      }),
      { seed: 42, numRuns: 100 },
    );
  });

  it("takes order 20 of a growing expression quickly, without n derivatives of it", () => {
    const t0 = performance.now();
    const t = taylor("exp(sin(x))/(1 + x^2)", "x", 0, 20);
    expect(performance.now() - t0).toBeLessThan(3000);
    expect(Math.abs(evaluate(t, { x: 0.05 }) - Math.exp(Math.sin(0.05)) / (1 + 0.0025))).toBeLessThan(1e-15);
  });

  it("refuses bad orders and points with typed errors", () => {
    expect(() => taylor("exp(x)", "x", 0, 2.5)).toThrow(RangeError);
    expect(() => taylor("exp(x)", "x", 0, -1)).toThrow(RangeError);
    expect(() => taylor("exp(x)", "x", 0, 1e9)).toThrow(LimitError);
    expect(() => taylor("exp(x)", "x", "x + 1", 2)).toThrow(new DomainError("the expansion point must not contain 'x'"));
    expect(() => taylor("1/x", "x", 0, 2)).toThrow(DomainError);
  });

  it("stops a huge expansion at diffTimeMs", () => {
    setLimits({ diffTimeMs: 200 });
    try {
      const t0 = performance.now();
      expect(() => taylor("sin(exp(x)*cos(x))", "x", 0, 1000)).toThrow(LimitError);
      expect(performance.now() - t0).toBeLessThan(5000);
    } finally {
      resetLimits();
    }
  });
});

describe("vector calculus", () => {
  it("computes Laplacians, divergences and curls", () => {
    expect(laplacian("x^2*y + y^3")).toBe(P("8*y"));
    expect(laplacian("x^2 + y^2 + z^2", ["x", "y"])).toBe(P("4"));
    expect(laplacian("log(x^2 + y^2)", ["x", "y"])).toBe(P("0"));
    expect(divergence(["x*y", "y*z", "z*x"], ["x", "y", "z"])).toBe(P("x + y + z"));
    expect(curl(["y", "-x", "0"], ["x", "y", "z"])).toEqual([P("0"), P("0"), P("-2")]);
    expect(curl(["x*y*z", "x^2", "y*z"], ["x", "y", "z"])).toEqual([P("z"), P("x*y"), P("x*(2 - z)")]);
    // The curl of a gradient is zero.
    const g = ["x", "y", "z"].map((v) => diff("x^2*sin(y)*exp(z)", v));
    expect(curl(g, ["x", "y", "z"])).toEqual([P("0"), P("0"), P("0")]);
  });

  it("normalises the direction of a directional derivative", () => {
    expect(directionalDerivative("x^2 + y^2", [1, 1], ["x", "y"])).toBe(P("sqrt(2)*(x + y)"));
    expect(directionalDerivative("x*y", [3, 4], ["x", "y"])).toBe(P("3*y/5 + 4*x/5"));
    expect(directionalDerivative("x*y*z", ["1", 0, 0], ["x", "y", "z"])).toBe(P("y*z"));
  });

  it("refuses fields and directions of the wrong shape", () => {
    expect(() => curl(["y", "x"], ["x", "y"])).toThrow(new DomainError("curl needs a field of 3 components, got 2"));
    expect(() => curl(["y", "x", "z"], ["x", "y"])).toThrow(new DomainError("curl needs 3 variables, got 2"));
    expect(() => divergence(["x", "y"], ["x", "y", "z"])).toThrow(DomainError);
    expect(() => directionalDerivative("x*y", [1, 2, 3], ["x", "y"])).toThrow(new DomainError("the direction has 3 components but there are 2 variables"));
    expect(() => directionalDerivative("x*y", [0, 0], ["x", "y"])).toThrow(new DomainError("the direction is the zero vector"));
  });
});
