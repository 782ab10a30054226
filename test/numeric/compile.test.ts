// Compiled value and value-and-gradient: agreement with evaluate (bit for bit) and with the
// symbolic gradient and finite differences, hostile variable names, CSE, the standalone module.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { gradientExprs } from "../../src/calculus/gradient.js";
import { addAll, call, mulAll, num, pow, sym } from "../../src/core/build.js";
import { DomainError } from "../../src/core/errors.js";
import { compile, compileVector, toJavaScript, valueAndGrad, valueAndGradInto } from "../../src/numeric/compile.js";
import { evaluate } from "../../src/numeric/evaluate.js";
import { numericGradient } from "../../src/numeric/finite-diff.js";
import { parse } from "../../src/parse/parser.js";
import { arbExpr } from "../support/arbitrary.js";

const P = (s: string) => parse(s);
const VARS = ["x", "y", "z"];
const same = (a: number, b: number) => Object.is(a, b) || (Number.isNaN(a) && Number.isNaN(b));
const close = (a: number, b: number, tol: number) => Math.abs(a - b) <= tol * Math.max(1, Math.abs(a), Math.abs(b));

describe("compile", () => {
  // [formula, vars, point, value, gradient]
  it.each([
    ["x^2 + 3*x + 2", ["x"], [0], 2, [3]],
    ["x*y", ["x", "y"], [2, 5], 10, [5, 2]],
    ["x*y*z*w*v", ["x", "y", "z", "w", "v"], [1, 2, 3, 4, 5], 120, [120, 60, 40, 30, 24]],
    ["sin(x)", ["x"], [0], 0, [1]],
    ["exp(2*x)", ["x"], [0], 1, [2]],
    ["log(x)", ["x"], [2], Math.LN2, [0.5]],
    ["sqrt(x)", ["x"], [4], 2, [0.25]],
    ["1/x", ["x"], [2], 0.5, [-0.25]],
    ["x^(-1/2)", ["x"], [4], 0.5, [-1 / 16]],
    ["x^y", ["x", "y"], [2, 3], 8, [12, 8 * Math.LN2]],
    ["2^x", ["x"], [3], 8, [8 * Math.LN2]],
    ["tanh(x)", ["x"], [0], 0, [1]],
    ["atan2(y, x)", ["x", "y"], [1, 1], Math.PI / 4, [-0.5, 0.5]],
    ["erf(x)", ["x"], [0], 0, [2 / Math.sqrt(Math.PI)]],
    ["abs(x) + sign(x)", ["x"], [-2], 1, [-1]],
    ["x^3", ["x", "y"], [2, 7], 8, [12, 0]],
    ["5", ["x"], [1], 5, [0]],
  ] as const)("%s over %j at %j", (text, vars, point, value, grad) => {
    const e = P(text);
    expect(compile(e, vars)(point)).toBeCloseTo(value, 14);
    const r = valueAndGrad(e, vars)(point);
    expect(r.value).toBeCloseTo(value, 14);
    expect(r.gradient).toBeInstanceOf(Float64Array);
    expect(r.gradient.length).toBe(vars.length);
    grad.forEach((g, i) => expect(r.gradient[i]).toBeCloseTo(g, 13));
  });

  it("equals evaluate bit for bit at random points", () => {
    fc.assert(
      fc.property(arbExpr(3), fc.array(fc.double({ min: -3, max: 3, noNaN: true }), { minLength: 3, maxLength: 3 }), (e, p) => {
        const scope = { x: p[0]!, y: p[1]!, z: p[2]! };
        return same(compile(e, VARS)(p), evaluate(e, scope)) && same(valueAndGrad(e, VARS)(p).value, evaluate(e, scope));
      }),
      { seed: 11, numRuns: 300 },
    );
  });

  it("has the gradient of the symbolic partials at random points", () => {
    fc.assert(
      fc.property(arbExpr(3), fc.array(fc.double({ min: -3, max: 3, noNaN: true }), { minLength: 3, maxLength: 3 }), (e, p) => {
        const scope = { x: p[0]!, y: p[1]!, z: p[2]! };
        const g = valueAndGrad(e, VARS)(p).gradient;
        return gradientExprs(e, VARS).every((d, i) => {
          const s = evaluate(d, scope);
          if (!Number.isFinite(s) || !Number.isFinite(g[i]!) || Math.abs(s) > 1e8) return true;
          return close(g[i]!, s, 1e-8);
        });
      }),
      { seed: 12, numRuns: 300 },
    );
  });

  const SMOOTH = [
    "sin(x*y) + exp(-z^2)*x",
    "tanh(x + 2*y - z)^2 + log(1 + x^2 + y^2)",
    "erf(x*z) + atan2(y, 2 + x^2) + cbrt(2 + z^2)",
    "(x*y*z + 1)^(3/2) / (1 + y^2)",
    "sech(x)*cosh(y/2) + acot(1 + z^2) + asinh(x*y)",
  ];
  it.each(SMOOTH)("%s: the gradient equals the central finite difference", (text) => {
    const e = P(text);
    const f = compile(e, VARS);
    const fg = valueAndGrad(e, VARS);
    fc.assert(
      fc.property(fc.array(fc.double({ min: 0.1, max: 1.5, noNaN: true }), { minLength: 3, maxLength: 3 }), (p) => {
        const fd = numericGradient(f, p, { method: "central" });
        const g = fg(p).gradient;
        return [0, 1, 2].every((i) => close(g[i]!, fd[i]!, 1e-8));
      }),
      { seed: 13, numRuns: 50 },
    );
  });

  it("writes the gradient into a caller's buffer", () => {
    const fg = valueAndGrad(P("x*y"), ["x", "y"]);
    const out = new Float64Array(2);
    const r = fg([3, 4], out);
    expect(r.gradient).toBe(out);
    expect([...out]).toEqual([4, 3]);
  });

  it.each([2, 100, 600])("gives every call a new gradient of its own (%i variables, across shared buffers)", (n) => {
    const vars = Array.from({ length: n }, (_, i) => `v${i}`);
    const e = addAll(vars.map((v, i) => mulAll([num(i + 1), pow(sym(v), num(2))])));
    const fg = valueAndGrad(e, vars);
    const into = valueAndGradInto(e, vars);
    const results: Float64Array[] = [];
    const wants: number[][] = [];
    for (let k = 0; k < 60; k++) {
      const x = vars.map((_, i) => k + i / 10);
      const r = fg(x);
      expect(r.gradient).toBeInstanceOf(Float64Array);
      expect(r.gradient.length).toBe(n);
      const want = new Float64Array(n);
      expect(r.value).toBe(into(x, want));
      results.push(r.gradient);
      wants.push([...want]);
    }
    // No later call wrote into an earlier result.
    results.forEach((g, k) => expect([...g]).toEqual(wants[k]));
  });

  it("has an allocation-free form returning the value", () => {
    const e = P("sin(x)*y^2");
    const out = new Float64Array(2);
    const v = valueAndGradInto(e, ["x", "y"])([0.5, 3], out);
    const r = valueAndGrad(e, ["x", "y"])([0.5, 3]);
    expect(v).toBe(r.value);
    expect([...out]).toEqual([...r.gradient]);
  });

  it("rejects a free symbol outside the variables at compile time", () => {
    expect(() => compile(P("x + y"), ["x"])).toThrow(new DomainError("unbound variable 'y': it is not among the compiled variables"));
    expect(() => valueAndGrad(P("x + y"), ["x"])).toThrow(DomainError);
    expect(() => compile(P("x"), ["x", "x"])).toThrow("variable 'x' is listed twice");
  });
});

describe("hostile variable names", () => {
  const NAMES = ["constructor", "__proto__", "process", "require", 'x"); process.exit(1); //', "toString", "Math", "erf"];
  // sum_i sin(v_i) * v_{i+1} + exp(v_0 * v_last): touches every name in value and gradient.
  const e = addAll([
    ...NAMES.map((n, i) => mulAll([call("sin", [sym(n)]), sym(NAMES[(i + 1) % NAMES.length]!)])),
    call("exp", [mulAll([sym(NAMES[0]!), sym(NAMES[NAMES.length - 1]!), num(0.1)])]),
  ]);
  const point = NAMES.map((_, i) => 0.1 * (i + 1));
  const scope = new Map(NAMES.map((n, i) => [n, point[i]!]));

  it("never puts a name into the generated source", () => {
    const source = toJavaScript(e, NAMES);
    for (const n of ["constructor", "__proto__", "process", "require", "toString", 'x"']) expect(source).not.toContain(n);
  });

  it("computes the right value and gradient", () => {
    expect(compile(e, NAMES)(point)).toBe(evaluate(e, scope));
    const g = valueAndGrad(e, NAMES)(point).gradient;
    gradientExprs(e, NAMES).forEach((d, i) => expect(g[i]).toBeCloseTo(evaluate(d, scope), 13));
  });
});

describe("generated code", () => {
  const count = (s: string, sub: string) => s.split(sub).length - 1;

  it("computes each shared subexpression once", () => {
    const src = toJavaScript(P("sin(x*y)^2 + cos(x*y) + sin(x*y)"), ["x", "y"]);
    const value = src.slice(src.indexOf("export function value"), src.indexOf("export function valueAndGrad"));
    expect(count(value, "Math.sin(")).toBe(1);
    expect(count(value, "Math.cos(")).toBe(1);
    expect(count(value, "x[0]")).toBe(1);
    const grad = src.slice(src.indexOf("export function valueAndGrad("), src.indexOf("export function valueAndGradInto"));
    expect(count(grad, "Math.sin(")).toBe(1); // d cos = -sin reuses the value's sin
    expect(count(grad, "Math.cos(")).toBe(1); // d sin = cos reuses the value's cos
  });

  it("folds constant subgraphs and writes numbers from exact rationals", () => {
    // (1/3) * 2^(1/2) * x: both constant factors are literals, nothing is computed from 2 or 3.
    const src = toJavaScript(mulAll([pow(num(2), num(0.5)), sym("x"), pow(num(3), num(-1))]), ["x"]);
    expect(src).toContain(String(Math.SQRT2));
    expect(src).toContain("0.3333333333333333");
    expect(src).not.toMatch(/Math\.sqrt\(2|1 \/ 3/);
  });

  it("keeps the gradient a small multiple of the value's work (reverse sweep)", () => {
    // Rosenbrock in 30 variables: the gradient code has at most 4 times the value's statements.
    const n = 30;
    const terms: string[] = [];
    for (let i = 0; i < n - 1; i++) terms.push(`100*(x${i + 1} - x${i}^2)^2 + (1 - x${i})^2`);
    const vars = Array.from({ length: n }, (_, i) => `x${i}`);
    const src = toJavaScript(P(terms.join(" + ")), vars);
    const value = src.slice(src.indexOf("export function value"), src.indexOf("export function valueAndGrad"));
    const grad = src.slice(src.indexOf("export function valueAndGrad("), src.indexOf("export function valueAndGradInto"));
    expect(count(grad, "const ")).toBeLessThanOrEqual(4 * count(value, "const "));
  });

  it("is a standalone ES module", async () => {
    const e = P("erf(x)*y + log(1 + x^2)");
    const src = toJavaScript(e, ["x", "y"]);
    expect(src).not.toMatch(/\bimport\b/);
    const mod = (await import(`data:text/javascript,${encodeURIComponent(src)}`)) as {
      dimension: number;
      value: (x: number[]) => number;
      valueAndGrad: (x: number[]) => { value: number; gradient: Float64Array };
      valueAndGradInto: (x: number[], g: Float64Array) => number;
    };
    expect(mod.dimension).toBe(2);
    expect(mod.value([0.3, 2])).toBe(compile(e, ["x", "y"])([0.3, 2]));
    expect([...mod.valueAndGrad([0.3, 2]).gradient]).toEqual([...valueAndGrad(e, ["x", "y"])([0.3, 2]).gradient]);
    const g = new Float64Array(2);
    expect(mod.valueAndGradInto([0.3, 2], g)).toBe(mod.value([0.3, 2]));
    expect([...g]).toEqual([...mod.valueAndGrad([0.3, 2]).gradient]);
  });

  it("compiles several expressions into one vector function", () => {
    const f = compileVector([P("x + y"), P("x*y"), P("sin(x)")], ["x", "y"]);
    expect([...f([2, 3])]).toEqual([5, 6, Math.sin(2)]);
  });
});
