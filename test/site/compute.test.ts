import { describe, expect, it } from "vitest";
import { compute, sample, variablesOf, type Request } from "../../site/src/compute.js";
import { runsOfNaN, ticks, yRange } from "../../site/src/plot-scale.js";
import { parse, toLatex } from "../../src/index.js";

const request = (expr: string, vars = "", xmin = -1, xmax = 1): Request => ({ id: 7, expr, vars, xmin, xmax, samples: 5 });

describe("playground compute", () => {
  it.each([
    ["x^2+3*x+2", "", "derivative", "2*x + 3"],
    ["x^2*y + y^3", "", "gradient", "gradient: [2*x*y, x^2 + 3*y^2]\nhessian: [[2*y, 2*x], [2*x, 6*y]]"],
    ["x^2*y + y^3", "y", "derivative", "x^2 + 3*y^2"],
    ["x^2*y", "y, x", "gradient", "gradient: [x^2, 2*x*y]\nhessian: [[0, 2*x], [2*x, 2*y]]"],
    ["pi + 2", "", "constant", "0"],
    ["sin(x", "", "error", "expected an operator, ',' or ')' but found end of input at column 6"],
    ["x", "x, x", "error", "a variable is listed twice"],
    ["x", "x,", "error", "empty name in the variables list"],
    ["x", "pi", "error", "'pi' is not a variable name"],
    ["x", "2*y", "error", "'2*y' is not a variable name"],
    // LaTeX input: a formula that starts with a backslash.
    ["\\frac{1}{x}", "", "derivative", "-1/x^2"],
    ["  \\sin^2 x", "", "derivative", "sin(2*x)"],
    ["\\frac{d}{dx}\\left(x^3\\right)", "", "derivative", "6*x"],
    ["\\foo x", "", "error", "unknown command '\\foo' (did you mean '\\cos'?) at column 1"],
  ])("%j with variables %j is a %s: %j", (expr, vars, kind, plain) => {
    const r = compute(request(expr, vars));
    expect(r).toMatchObject({ id: 7, kind, plain });
  });

  it("gives the caret form of a parse error", () => {
    expect(compute(request("sinn(x)"))).toEqual({
      id: 7,
      kind: "error",
      plain: "unknown function 'sinn' (did you mean 'sin'?) at column 1",
      caret: "unknown function 'sinn' (did you mean 'sin'?) at column 1\n  sinn(x)\n  ^^^^",
    });
  });

  it("samples f and f' for one variable, NaN where undefined", () => {
    const r = compute(request("log(x)", "", -1, 1));
    if (r.kind !== "derivative") throw new Error(r.kind);
    expect(r.latex).toBe(`\\frac{d}{dx}\\left(${toLatex(parse("log(x)"))}\\right) = ${toLatex(parse("1/x"))}`);
    expect(r.plot!.xs).toEqual([-1, -0.5, 0, 0.5, 1]);
    expect(r.plot!.f.map((y) => (Number.isNaN(y) ? "NaN" : y.toFixed(4)))).toEqual(["NaN", "NaN", "NaN", "-0.6931", "0.0000"]);
    expect(r.plot!.df.map((y) => (Number.isNaN(y) ? "NaN" : y))).toEqual([-1, -2, "NaN", 2, 1]);
  });

  it("has no plot when f has other free symbols or the range is empty", () => {
    expect(compute(request("x*y", "x"))).toMatchObject({ kind: "derivative", plain: "y", plot: null });
    expect(compute(request("x^2", "", 1, 1))).toMatchObject({ kind: "derivative", plot: null });
    expect(compute(request("x^2", "", Number.NaN, 1))).toMatchObject({ kind: "derivative", plot: null });
  });

  it("reads blank variables as the sorted free symbols", () => {
    expect(variablesOf("  ", parse("z*a + m"))).toEqual(["a", "m", "z"]);
    expect(variablesOf("b , a", parse("a*b"))).toEqual(["b", "a"]);
  });

  it("samples evenly and maps non-finite values to NaN", () => {
    expect(sample((x) => 1 / x, -1, 1, 3)).toEqual({ xs: [-1, 0, 1], ys: [-1, NaN, 1] });
  });
});

describe("plot helpers", () => {
  it("finds runs of undefined samples", () => {
    expect(runsOfNaN([NaN, NaN, 1, 2, NaN, 3, NaN])).toEqual([
      [0, 1],
      [4, 4],
      [6, 6],
    ]);
    expect(runsOfNaN([1, 2])).toEqual([]);
  });

  it("chooses a y range from the bulk of the values, ignoring a pole", () => {
    const ys = Array.from({ length: 100 }, (_, i) => (i === 50 ? 1e12 : Math.sin(i)));
    const [lo, hi] = yRange(ys);
    expect(lo).toBeLessThan(-0.9);
    expect(hi).toBeGreaterThan(0.9);
    expect(hi).toBeLessThan(2);
    expect(yRange([NaN, NaN])).toEqual([-1, 1]);
    expect(yRange([3, 3, 3])).toEqual([2 - 0.16, 4 + 0.16]);
    // f' with a pole much taller than f: the range follows f.
    const f = Array.from({ length: 100 }, (_, i) => Math.tan(-1.5 + (3 * i) / 99));
    const df = f.map((y) => y * y + 1);
    const [flo, fhi] = yRange(f, df);
    expect(fhi - flo).toBeLessThan(3 * (Math.tan(1.5 * 0.9) * 2));
    expect(yRange([0, 1], [0, 2])).toEqual([-0.16, 2.16]);
  });

  it("puts ticks on round numbers", () => {
    expect(ticks(-6, 6)).toEqual([-6, -4, -2, 0, 2, 4, 6]);
    expect(ticks(0, 1, 5)).toEqual([0, 0.2, 0.4, 0.6, 0.8, 1]);
  });
});
