import fc from "fast-check";
import katex from "katex";
import { describe, expect, it } from "vitest";
import { derivative, diff, evaluate, evaluateDerivatives, simplify, toLatex } from "../../src/index.js";
import { add, derivative as inert, mul, sym } from "../../src/core/build.js";
import { diffExpr } from "../../src/calculus/diff.js";
import { DomainError } from "../../src/core/errors.js";
import { canonicalViolations } from "../../src/core/invariants.js";
import type { Expr } from "../../src/core/node.js";
import { substitute } from "../../src/core/traverse.js";
import { parse } from "../../src/parse/parser.js";
import { print } from "../../src/print/plain.js";
import { arbExpr } from "../support/arbitrary.js";

const x = sym("x");
const y = sym("y");

describe("the inert derivative node", () => {
  it.each<[string, string]>([
    ["d/dx(x^2)", "d/dx(x^2)"],
    ["d / dx (x^2 + 1)", "d/dx(x^2 + 1)"],
    ["∂/∂y(x*y)", "d/dy(x*y)"],
    ["d/dy(d/dx(x^2*y))", "d/dy(d/dx(x^2*y))"],
    ["3*d/dx(sin(x))^2 - x", "3*d/dx(sin(x))^2 - x"],
    ["x/d/dx(x^3)", "x/d/dx(x^3)"],
    ["d/dx(3)", "d/dx(3)"],
  ])("%s prints as %s and parses back", (input, printed) => {
    const e = parse(input);
    expect(canonicalViolations(e)).toEqual([]);
    expect(print(e)).toBe(printed);
    expect(parse(print(e))).toBe(e);
  });

  it("is interned and merges nested derivatives, keeping the order of the variables", () => {
    expect(parse("d/dx(x*y)")).toBe(inert(mul(x, y), [x]));
    expect(parse("d/dy(d/dx(x*y))")).toBe(inert(mul(x, y), [x, y]));
    expect(parse("d/dx(d/dy(x*y))")).not.toBe(parse("d/dy(d/dx(x*y))"));
    expect(derivative("x^3", "x", 2)).toBe(parse("d/dx(d/dx(x^3))"));
    expect(derivative("x^3*y", ["x", "y"])).toBe(parse("d/dy(d/dx(x^3*y))"));
  });

  it("refuses a non-variable", () => {
    expect(() => inert(x, [add(x, y)])).toThrow(DomainError);
    expect(() => derivative("x", "2")).toThrow("expected a variable name but found '2' at column 1");
  });

  it.each<[string, string]>([
    ["d/dx(x^2)", "\\frac{d}{dx}\\left(x^{2}\\right)"],
    ["d/dx(d/dx(x^3))", "\\frac{d^{2}}{dx^{2}}\\left(x^{3}\\right)"],
    ["d/dx(x*y)", "\\frac{\\partial}{\\partial x}\\left(x y\\right)"],
    ["d/dy(d/dx(x*y))", "\\frac{\\partial^{2}}{\\partial y \\partial x}\\left(x y\\right)"],
    ["d/dtheta(sin(theta))", "\\frac{d}{d\\theta}\\left(\\sin{\\left(\\theta \\right)}\\right)"],
  ])("LaTeX of %s is %s and renders", (input, latex) => {
    expect(toLatex(parse(input))).toBe(latex);
    expect(() => katex.renderToString(latex, { throwOnError: true, strict: "error" })).not.toThrow();
  });

  it.each<[string, string]>([
    ["d/dx(x^2*sin(x))", "x^2*cos(x) + 2*x*sin(x)"],
    ["d/dx(d/dx(x^3))", "6*x"],
    ["d/dy(d/dx(x^2*y^3))", "6*x*y^2"],
    ["x*d/dx(x^2) + d/dy(y)", "2*x^2 + 1"],
    ["d/dx(3)", "0"],
  ])("evaluateDerivatives(%s) = %s", (input, expected) => {
    expect(evaluateDerivatives(input)).toBe(simplify(expected));
  });

  it("is carried out by diff, evaluate, compile and simplify leaves it inert", () => {
    expect(diff("d/dx(x^3)", "x")).toBe(parse("6*x"));
    expect(diff("y*d/dy(y^2)", "x")).toBe(parse("0"));
    expect(evaluate("d/dx(x^3)", { x: 2 })).toBe(12);
    expect(simplify("d/dx((x^2 - 1)/(x - 1))")).toBe(parse("d/dx(x + 1)"));
  });

  it("substitution inside a derivative is sound or refused", () => {
    // y is held fixed by d/dx: replacing it by a number is sound, by something with x is not.
    const d = parse("d/dx(x*y)");
    expect(substitute(d, new Map([[y, parse("3")]]))).toBe(parse("d/dx(3*x)"));
    expect(() => substitute(d, new Map([[y, x]]))).toThrow(/inert derivative/);
    expect(() => substitute(d, new Map([[x, parse("2")]]))).toThrow(DomainError);
  });

  it("property: the node round-trips, is canonical, and carrying it out is diff", () => {
    fc.assert(
      fc.property(arbExpr(2), (e: Expr) => {
        const d = inert(e, [x]);
        const wrapped = add(mul(y, d), e);
        expect(canonicalViolations(wrapped)).toEqual([]);
        expect(parse(print(wrapped))).toBe(wrapped);
        expect(evaluateDerivatives(d, { simplify: false })).toBe(diffExpr(e, "x"));
        expect(diffExpr(inert(e, [x]), "y")).toBe(diffExpr(diffExpr(e, "x"), "y"));
      }),
      { numRuns: 150, seed: 16 },
    );
  });
});
