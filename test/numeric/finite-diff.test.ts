// Finite differences: accuracy of each method against an exact derivative (with scaled steps),
// and gradcheck against the symbolic gradient.
import { describe, expect, it } from "vitest";
import { DomainError } from "../../src/core/errors.js";
import { compile } from "../../src/numeric/compile.js";
import { gradcheck, numericGradient } from "../../src/numeric/finite-diff.js";
import { parse } from "../../src/parse/parser.js";

// f(x, y) = exp(x) * sin(y), gradient (exp(x) sin(y), exp(x) cos(y)).
const f = (x: Float64Array) => Math.exp(x[0]!) * Math.sin(x[1]!);
const exact = (p: readonly number[]) => [Math.exp(p[0]!) * Math.sin(p[1]!), Math.exp(p[0]!) * Math.cos(p[1]!)];

describe("numericGradient", () => {
  // [method, largest relative error expected]: truncation and round-off balanced per method.
  it.each([
    ["forward", 1e-7],
    ["central", 1e-9],
    ["richardson", 1e-12],
  ] as const)("%s reaches relative error %d", (method, tol) => {
    for (const p of [
      [0.3, 1.1],
      [2, -0.7],
    ]) {
      const g = numericGradient(f, p, { method });
      exact(p).forEach((d, i) => expect(Math.abs(g[i]! - d) / Math.abs(d)).toBeLessThan(tol));
    }
  });

  it("ranks the methods: Richardson beats central beats forward", () => {
    const p = [0.4, 0.9];
    const err = (m: "forward" | "central" | "richardson") => Math.abs(numericGradient(f, p, { method: m })[0]! - exact(p)[0]!);
    expect(err("richardson")).toBeLessThan(err("central"));
    expect(err("central")).toBeLessThan(err("forward"));
  });

  it("scales the step with the coordinate", () => {
    // d/dx x^3 at 1e6 is 3e12: an unscaled step of 6e-6 would lose most digits to round-off.
    const g = numericGradient((x) => x[0]! ** 3, [1e6], { method: "central" });
    expect(Math.abs(g[0]! - 3e12) / 3e12).toBeLessThan(1e-9);
  });

  it("shows the trade-off: a tiny step is worse than the default", () => {
    const p = [0.4, 0.9];
    const tiny = Math.abs(numericGradient(f, p, { method: "central", step: 1e-13 })[0]! - exact(p)[0]!);
    const dflt = Math.abs(numericGradient(f, p, { method: "central" })[0]! - exact(p)[0]!);
    expect(dflt).toBeLessThan(tiny);
  });

  it("defaults to central differences and leaves the point unchanged", () => {
    const p = new Float64Array([0.4, 0.9]);
    expect([...numericGradient(f, p)]).toEqual([...numericGradient(f, p, { method: "central" })]);
    expect([...p]).toEqual([0.4, 0.9]);
  });

  it("rejects bad options", () => {
    expect(() => numericGradient(f, [1, 1], { step: 0 })).toThrow(RangeError);
    expect(() => numericGradient(f, [1, 1], { method: "backward" as never })).toThrow("unknown difference method 'backward'");
  });
});

describe("gradcheck", () => {
  it.each([
    ["x^2*y + sin(x*y)", { x: 0.7, y: -1.2 }],
    ["erf(x) + log(1 + y^2)*tanh(x)", { x: 0.3, y: 2 }],
    ["atan2(y, x) + cbrt(x)", { x: 1.5, y: 0.5 }],
    ["acot(x) + asec(y)", { x: -0.8, y: 3 }],
  ])("%s: symbolic and numeric gradients agree", (text, point) => {
    const r = gradcheck(parse(text), point);
    expect(r.vars).toEqual(Object.keys(point));
    expect(r.maxRelativeError).toBeLessThan(1e-9);
    const numeric = numericGradient(compile(parse(text), r.vars), Object.values(point), { method: "richardson" });
    expect([...r.numeric]).toEqual([...numeric]);
  });

  it("reports a large error at a kink, where the derivative does not exist", () => {
    const r = gradcheck(parse("abs(x)"), { x: 0 });
    expect(r.symbolic[0]).toBe(0);
    expect(r.numeric[0]).toBe(0);
    const s = gradcheck(parse("abs(x - 1e-6)"), { x: 0 });
    expect(s.maxRelativeError).toBeGreaterThan(0.1);
  });

  it("needs every free symbol in the point", () => {
    expect(() => gradcheck(parse("x*y"), { x: 1 })).toThrow(new DomainError("unbound variable 'y'"));
  });
});
