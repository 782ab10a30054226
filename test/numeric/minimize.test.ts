// Optimisers: the textbook fixed-step run, line search and Newton defaults, momentum, clipping,
// a harder problem, hostile names and argument errors.
import { describe, expect, it } from "vitest";
import { minimize } from "../../src/numeric/minimize.js";
import { parse } from "../../src/parse/parser.js";

const quadratic = parse("x^2 + 3*x + 2");

describe("minimize", () => {
  it("reproduces fixed-step gradient descent: 100 steps at lr 0.01 from 0", () => {
    const r = minimize(quadratic, { x: 0 }, { method: "gd", lr: 0.01, steps: 100 });
    // x_{k+1} = x_k - 0.01 (2 x_k + 3) = 0.98 x_k - 0.03, so x_k = -1.5 + 1.5 * 0.98^k.
    expect(Math.abs(r.x.x! - (-1.5 + 1.5 * 0.98 ** 100))).toBeLessThan(1e-12);
    expect(r.x.x).toBeCloseTo(-1.3011, 4);
    expect(r.iterations).toBe(100);
    expect(r.converged).toBe(false);
    expect(r.value).toBeCloseTo(r.x.x! ** 2 + 3 * r.x.x! + 2, 14);
  });

  it.each([
    ["gd", {}],
    ["newton", {}],
    ["momentum", { steps: 5000 }],
  ] as const)("%s with default step rules reaches the minimum -1.5", (method, extra) => {
    const r = minimize(quadratic, { x: 0 }, { method, ...extra });
    expect(Math.abs(r.x.x! + 1.5)).toBeLessThan(1e-10);
    expect(r.value).toBeCloseTo(-0.25, 15);
    expect(r.converged).toBe(true);
  });

  it("takes one Newton step on a quadratic and one line-searched step for gd", () => {
    expect(minimize(quadratic, { x: 0 }, { method: "newton" }).iterations).toBe(1);
    expect(minimize(quadratic, { x: 0 }).iterations).toBe(1);
  });

  it("clips the gradient by norm", () => {
    // At x = 0 the gradient is 3; clipped to 0.1 the first step of lr 1 moves by exactly 0.1.
    expect(minimize(quadratic, { x: 0 }, { lr: 1, steps: 1, clipNorm: 0.1 }).x.x).toBeCloseTo(-0.1, 15);
    // In two dimensions the direction is kept: gradient (2, 4) at (1, 2) scaled to norm 1.
    const r = minimize(parse("x^2 + y^2"), { x: 1, y: 2 }, { lr: 1, steps: 1, clipNorm: 1 });
    expect(r.x.x).toBeCloseTo(1 - 2 / Math.sqrt(20), 14);
    expect(r.x.y).toBeCloseTo(2 - 4 / Math.sqrt(20), 14);
  });

  it("applies momentum as a heavy ball", () => {
    // v1 = -0.1*3 = -0.3, x1 = -0.3; g1 = 2.4, v2 = 0.5*(-0.3) - 0.1*2.4 = -0.39, x2 = -0.69.
    const r = minimize(quadratic, { x: 0 }, { method: "momentum", lr: 0.1, momentum: 0.5, steps: 2 });
    expect(r.x.x).toBeCloseTo(-0.69, 14);
  });

  it("solves Rosenbrock with Newton's method and the exact Hessian", () => {
    const r = minimize(parse("(1 - x)^2 + 100*(y - x^2)^2"), { x: -1.2, y: 1 }, { method: "newton" });
    expect(r.converged).toBe(true);
    expect(r.x.x).toBeCloseTo(1, 10);
    expect(r.x.y).toBeCloseTo(1, 10);
  });

  it("uses a damped Newton step where the Hessian is indefinite", () => {
    // At x = 0 the Hessian of x^4 - x^2 is -2; plain Newton would climb to the maximum at 0.
    const r = minimize(parse("x^4 - x^2"), { x: 0.1 }, { method: "newton" });
    expect(Math.abs(Math.abs(r.x.x!) - Math.SQRT1_2)).toBeLessThan(1e-10);
  });

  it("accepts any variable name", () => {
    const e = parse("(constructor - 1)^2 + (process + 2)^2");
    const start: Record<string, number> = { constructor: 0, process: 0 };
    const r = minimize(e, start, { method: "newton" });
    expect(Object.keys(r.x)).toEqual(["constructor", "process"]);
    expect(r.x.constructor).toBeCloseTo(1, 12);
    expect(r.x.process).toBeCloseTo(-2, 12);
  });

  it("stops when the value stops being finite", () => {
    const r = minimize(parse("-exp(x)"), { x: 0 }, { lr: 100, steps: 50 });
    expect(r.iterations).toBeLessThan(50);
    expect(r.converged).toBe(false);
  });

  it("rejects bad options", () => {
    expect(() => minimize(quadratic, { x: 0 }, { lr: -1 })).toThrow("lr must be a positive finite number, got -1");
    expect(() => minimize(quadratic, { x: 0 }, { steps: 1.5 })).toThrow(RangeError);
    expect(() => minimize(quadratic, { x: 0 }, { method: "adam" as never })).toThrow("unknown method 'adam'");
    expect(() => minimize(parse("x + y"), { x: 0 })).toThrow("unbound variable 'y'");
  });
});
