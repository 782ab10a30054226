// Derivative cases compared as expressions (interning makes equality exact), checked numerically
// against a central finite difference, and the examples as printed strings.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { diff, gradient, hessian, jacobian } from "../../src/api/calculus.js";
import { compiledDerivativeTable, DERIVATIVE_TABLE, outerDerivatives } from "../../src/calculus/derivative-table.js";
import { addAll, sym } from "../../src/core/build.js";
import { DomainError, LimitError } from "../../src/core/errors.js";
import { FUNCTION_ARITY, FUNCTION_NAMES } from "../../src/core/functions.js";
import { canonicalViolations } from "../../src/core/invariants.js";
import type { Expr } from "../../src/core/node.js";
import { freeSymbols, substitute } from "../../src/core/traverse.js";
import { evaluate } from "../../src/numeric/evaluate.js";
import { parse } from "../../src/parse/parser.js";
import { toLatex } from "../../src/print/latex.js";
import { arbExpr } from "../support/arbitrary.js";

const P = (s: string) => parse(s);

describe("derivative table", () => {
  it("has an entry per argument for every function", () => {
    for (const fn of FUNCTION_NAMES) {
      expect(DERIVATIVE_TABLE[fn].length, fn).toBe(FUNCTION_ARITY[fn]);
    }
  });

  it("compiles once to canonical nodes", () => {
    const a = compiledDerivativeTable();
    expect(compiledDerivativeTable()).toBe(a);
    for (const fn of FUNCTION_NAMES) for (const d of a[fn]) if (d !== null) expect(canonicalViolations(d)).toEqual([]);
  });
});

describe("diff", () => {
  // [function, variable, expected derivative] compared as nodes.
  it.each([
    ["x^2+3*x+2", "x", "2*x + 3"],
    ["5", "x", "0"],
    ["y", "x", "0"],
    ["x", "x", "1"],
    ["x^n", "x", "n*x^(n - 1)"],
    ["a^x", "x", "a^x*log(a)"],
    ["x^x", "x", "x^x*(log(x) + 1)"],
    ["1/x", "x", "-1/x^2"],
    ["sqrt(x)", "x", "1/(2*sqrt(x))"],
    ["cbrt(x)", "x", "1/(3*cbrt(x)^2)"],
    ["sin(x)", "x", "cos(x)"],
    ["cos(x)", "x", "-sin(x)"],
    ["tan(x)", "x", "tan(x)^2 + 1"],
    ["sec(x)", "x", "sec(x)*tan(x)"],
    ["csc(x)", "x", "-cot(x)*csc(x)"],
    ["cot(x)", "x", "-cot(x)^2 - 1"],
    ["asin(x)", "x", "1/sqrt(1 - x^2)"],
    ["acos(x)", "x", "-1/sqrt(1 - x^2)"],
    ["atan(x)", "x", "1/(x^2 + 1)"],
    ["acot(x)", "x", "-1/(x^2 + 1)"],
    ["atan2(y, x)", "x", "-y/(x^2 + y^2)"],
    ["atan2(y, x)", "y", "x/(x^2 + y^2)"],
    ["sinh(x)", "x", "cosh(x)"],
    ["cosh(x)", "x", "sinh(x)"],
    ["tanh(x)", "x", "1 - tanh(x)^2"],
    ["asinh(x)", "x", "1/sqrt(x^2 + 1)"],
    ["atanh(x)", "x", "1/(1 - x^2)"],
    ["exp(x)", "x", "exp(x)"],
    ["exp(2*x)", "x", "2*exp(2*x)"],
    ["e^x", "x", "exp(x)"],
    ["log(x)", "x", "1/x"],
    ["ln(x)", "x", "1/x"],
    ["log(x, 2)", "x", "1/(x*log(2))"],
    ["log10(x)", "x", "1/(x*log(10))"],
    ["abs(x)", "x", "sign(x)"],
    ["sign(x)", "x", "0"],
    ["erf(x)", "x", "2*exp(-x^2)/sqrt(pi)"],
    ["sin(x)*exp(x)", "x", "exp(x)*sin(x) + exp(x)*cos(x)"],
    ["(w*x+b-t)^2", "w", "2*x*(w*x + b - t)"],
    ["(w*x+b-t)^2", "b", "2*(w*x + b - t)"],
    ["sin(x^2)", "x", "2*x*cos(x^2)"],
  ])("d/d%s of %s", (f, v, expected) => {
    const d = diff(f, v, 1, { simplify: false });
    expect(canonicalViolations(d)).toEqual([]);
    expect(d).toBe(P(expected));
  });

  it("takes order n and mixed partials in the order given", () => {
    expect(diff("x^3*y^2", "x", 2)).toBe(P("6*x*y^2"));
    expect(diff("x^3*y^2", ["x", "y"])).toBe(P("6*x^2*y"));
    expect(diff("x^3", "x", 0)).toBe(P("x^3"));
    expect(diff("x^3", "x", 4)).toBe(P("0"));
    expect(() => diff("x", "x", 10_000)).toThrow(LimitError);
  });

  it("gives gradients keyed by variable, sorted free symbols by default", () => {
    const g = gradient("x^2+y^2+3*x*y+2");
    expect(Object.keys(g)).toEqual(["x", "y"]);
    expect(String(g.x)).toBe("2*x + 3*y");
    expect(String(g.y)).toBe("3*x + 2*y");
    const h = gradient("__proto__^2 + constructor", ["__proto__", "constructor"]);
    expect(Object.keys(h)).toEqual(["__proto__", "constructor"]);
    expect(String(h["__proto__"])).toBe("2*__proto__");
  });

  it("gives exact Jacobians and Hessians", () => {
    expect(hessian("x^2*y + y^3").map((r) => r.map(String))).toEqual([
      ["2*y", "2*x"],
      ["2*x", "6*y"],
    ]);
    expect(jacobian(["x*y", "x+y^2"], ["x", "y"]).map((r) => r.map(String))).toEqual([
      ["y", "x"],
      ["1", "2*y"],
    ]);
  });

  it("simplifies by default", () => {
    expect(String(diff("sin(x)*exp(x)", "x"))).toBe("exp(x)*(cos(x) + sin(x))");
    expect(String(diff("(x^2-1)/(x-1)", "x"))).toBe("1");
    expect(String(diff("atan(y/x)", "x"))).toBe("-y/(x^2 + y^2)");
    expect(String(diff("x^2-4*x^-2", "x"))).toBe("2*x + 8/x^3");
    expect(String(diff("sin(x)^2+cos(x)^2", "x"))).toBe("0");
  });

  it("prints the issue's examples", () => {
    expect(String(diff("x^2+3*x+2", "x"))).toBe("2*x + 3");
    expect(String(diff("x^x", "x"))).toBe("x^x*(log(x) + 1)");
    expect(String(diff("x^3*y^2", "x", 2))).toBe("6*x*y^2");
    expect(String(diff("x^3*y^2", ["x", "y"]))).toBe("6*x^2*y");
    expect(toLatex(diff("sqrt(x^2+1)", "x"))).toBe("\\frac{x}{\\sqrt{x^{2} + 1}}");
  });

  it("keeps derivatives of long products and deep chains linear in size through sharing", () => {
    let chain = "x";
    for (let i = 0; i < 500; i++) chain = `sin(${chain})`;
    const d = diff(chain, "x");
    expect(d.kind).toBe("mul");
    expect(d.args.length).toBe(500);
  });
});

// Points on a 1e-3 grid in [-2, 2]: well-scaled doubles, no denormals.
const coordinate = fc.integer({ min: -2000, max: 2000 }).map((k) => k / 1000);

describe("derivative matches a central finite difference (property)", () => {
  it("at random points where both are finite", () => {
    fc.assert(
      fc.property(arbExpr(3), coordinate, coordinate, (e: Expr, px: number, py: number) => {
        const scope = { x: px, y: py, z: 0.7 };
        const d = diff(e, "x");
        expect(canonicalViolations(d)).toEqual([]);
        const h = 1e-5;
        const f0 = evaluate(e, { ...scope, x: px - h });
        const f1 = evaluate(e, { ...scope, x: px + h });
        const fd = (f1 - f0) / (2 * h);
        const exact = evaluate(d, scope);
        const fdFine = (evaluate(e, { ...scope, x: px + h / 2 }) - evaluate(e, { ...scope, x: px - h / 2 })) / h;
        // Only compare where the function is smooth and well scaled near the point: the two
        // finite differences must agree with each other first.
        const fMid = evaluate(e, scope);
        const forward = (f1 - fMid) / h;
        const backward = (fMid - f0) / h;
        if (![f0, f1, fMid, fd, fdFine, exact].every(Number.isFinite)) return;
        // Skip kinks and poles (abs(x) at 0, tan near pi/2): the one-sided slopes must agree.
        if (Math.abs(forward - backward) > 1e-3 * (1 + Math.abs(fd))) return;
        if (Math.abs(fMid) > 1e6 || Math.abs(fd) > 1e6 || Math.abs(fd - fdFine) > 1e-5 * (1 + Math.abs(fd))) return;
        expect(Math.abs(exact - fd)).toBeLessThanOrEqual(1e-4 * (1 + Math.abs(fd)));
      }),
      { seed: 2026, numRuns: 400 },
    );
  });

  it("every free symbol of a derivative comes from the input", () => {
    fc.assert(
      fc.property(arbExpr(3), (e: Expr) => {
        const vars = new Set(freeSymbols(e));
        for (const s of freeSymbols(diff(e, "x"))) expect(vars.has(s)).toBe(true);
      }),
      { seed: 11, numRuns: 200 },
    );
  });
});

describe("derivatives of sums", () => {
  const raw = (e: Expr | string, v: string) => diff(e, v, 1, { simplify: false });

  it("are one canonical sum of the terms' derivatives (property)", () => {
    fc.assert(
      fc.property(fc.array(arbExpr(2), { minLength: 2, maxLength: 6 }), (terms: Expr[]) => {
        const sum = addAll(terms);
        expect(raw(sum, "x")).toBe(addAll(sum.kind === "add" ? sum.args.map((t) => raw(t, "x")) : [raw(sum, "x")]));
      }),
      { seed: 7, numRuns: 300 },
    );
  });

  it.each([
    ["sin(x)^2 + cos(x)^2", "x", "0"], // the terms' derivatives cancel
    ["x^(sin(y)^2 + cos(y)^2)", "y", "0"], // an exponent whose derivative cancels takes the power rule
    ["(x^2 + y)*(x + 1) + x^3*y", "x", "3*x^2*y + 2*x*(x + 1) + x^2 + y"],
  ])("d/d%s", (e, v, expected) => {
    expect(raw(e, v)).toBe(P(expected));
  });
});

describe("outerDerivatives", () => {
  it("builds the same node as substituting the arguments into the parsed formula", () => {
    const table = compiledDerivativeTable();
    const args = [parse("x^2 + y"), parse("sin(z)")];
    for (const fn of Object.keys(table) as (keyof typeof table)[]) {
      table[fn].forEach((formula, i) => {
        const bindings = new Map([
          [sym("u"), args[0]!],
          [sym("v"), args[1]!],
        ]);
        const at = args.slice(0, table[fn].length === 2 ? 2 : 1);
        if (formula === null) expect(() => outerDerivatives(fn)[i]!(at)).toThrow(DomainError);
        else expect(outerDerivatives(fn)[i]!(at), `${fn} partial ${i}`).toBe(substitute(formula, bindings));
      });
    }
  });
});
