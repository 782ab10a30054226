import fc from "fast-check";
import katex from "katex";
import { describe, expect, it } from "vitest";
import { add, call, div, E, HALF, MINUS_ONE, mul, neg, num, ONE, PI, pow, sqrt, sub, sym, TWO } from "../../src/core/build.js";
import { canonicalViolations } from "../../src/core/invariants.js";
import type { Expr } from "../../src/core/node.js";
import { Rational } from "../../src/core/rational.js";
import { symbolLatex, toLatex } from "../../src/print/latex.js";
import { arbExpr } from "../support/arbitrary.js";

const x = sym("x");
const y = sym("y");
const z = sym("z");
const q = (n: number, d = 1) => num(Rational.of(n, d));
const f = (name: Parameters<typeof call>[0], ...args: Expr[]) => call(name, args);
const x1 = add(x, ONE);
const y1 = add(y, ONE);

function render(s: string): string {
  return katex.renderToString(s, { throwOnError: true, strict: "error" });
}

/** [LaTeX, expression]. */
const GOLDEN: [string, () => Expr][] = [
  ["\\frac{x}{\\sqrt{x^{2} + 1}}", () => div(x, sqrt(add(pow(x, TWO), ONE)))],
  ["2 x + 3", () => add(mul(TWO, x), q(3))],
  ["x^{2} - 2 x + 1", () => add(pow(x, TWO), mul(q(-2), x), ONE)],
  ["- x^{2} + 1", () => sub(ONE, pow(x, TWO))],
  ["- x - 1", () => neg(x1)],
  ["x^{2}", () => pow(x, TWO)],
  ["\\frac{1}{2}", () => HALF],
  ["- \\frac{1}{2}", () => q(-1, 2)],
  ["-3", () => q(-3)],
  ["x - \\frac{1}{2}", () => sub(x, HALF)],
  ["\\pi", () => PI],
  ["e", () => E],
  ["\\sin{\\left(x \\right)}", () => f("sin", x)],
  ["\\log{\\left(x \\right)}", () => f("log", x)],
  ["e^{x}", () => f("exp", x)],
  ["e^{- x}", () => f("exp", neg(x))],
  ["\\operatorname{sech}{\\left(x \\right)}", () => f("sech", x)],
  ["\\left|x\\right|", () => f("abs", x)],
  ["\\left|x\\right|^{3}", () => pow(f("abs", x), q(3))],
  ["\\operatorname{atan2}{\\left(y, x \\right)}", () => f("atan2", y, x)],
  ["\\arcsin{\\left(x \\right)}", () => f("asin", x)],
  ["\\arctan{\\left(x \\right)}", () => f("atan", x)],
  ["\\operatorname{arccot}{\\left(x \\right)}", () => f("acot", x)],
  ["\\operatorname{asinh}{\\left(x \\right)}", () => f("asinh", x)],
  ["\\operatorname{erf}{\\left(x \\right)}", () => f("erf", x)],
  ["\\sqrt[3]{x}", () => f("cbrt", x)],
  ["\\sin^{2}{\\left(x \\right)}", () => pow(f("sin", x), TWO)],
  ["\\left(\\sin{\\left(x \\right)}\\right)^{x}", () => pow(f("sin", x), x)],
  ["\\theta", () => sym("theta")],
  ["\\theta_{2}", () => sym("theta2")],
  ["\\mathit{theta\\_2}", () => sym("theta_2")],
  ["θ", () => sym("θ")],
  ["Ω_{1}", () => sym("Ω1")],
  ["\\Omega", () => sym("Omega")],
  ["x_{1}", () => sym("x1")],
  ["2 \\cdot 3^{x}", () => mul(TWO, pow(q(3), x))],
  ["2 x y^{2}", () => mul(TWO, x, pow(y, TWO))],
  ["- \\frac{1}{x^{2}}", () => neg(pow(x, q(-2)))],
  ["\\frac{3 x}{2}", () => mul(q(3, 2), x)],
  ["- \\frac{x}{2}", () => mul(q(-1, 2), x)],
  ["\\frac{2}{3 x}", () => div(TWO, mul(q(3), x))],
  ["\\frac{1}{x y}", () => div(ONE, mul(x, y))],
  ["\\frac{e^{x}}{x}", () => div(f("exp", x), x)],
  ["\\frac{x + 1}{x - 1}", () => div(x1, sub(x, ONE))],
  ["\\frac{1}{x \\left(x + 1\\right)}", () => div(ONE, mul(x, x1))],
  ["x^{x} \\left(\\log{\\left(x \\right)} + 1\\right)", () => mul(pow(x, x), add(f("log", x), ONE))],
  ["- \\left(x + 1\\right) \\left(y + 1\\right)", () => mul(MINUS_ONE, x1, y1)],
  ["\\sqrt{x}", () => sqrt(x)],
  ["\\frac{1}{\\sqrt{x}}", () => pow(x, q(-1, 2))],
  ["x^{\\frac{3}{2}}", () => pow(x, q(3, 2))],
  ["x^{\\frac{1}{3}}", () => pow(x, q(1, 3))],
  ["\\left(x + 1\\right)^{2}", () => pow(x1, TWO)],
  ["x^{y + 1}", () => pow(x, y1)],
  ["\\frac{1}{x^{y}}", () => pow(x, neg(y))],
  ["\\left(x^{y}\\right)^{z}", () => pow(pow(x, y), z)],
  ["x^{y^{z}}", () => pow(x, pow(y, z))],
  ["\\left(-1\\right)^{\\frac{1}{2}}", () => pow(MINUS_ONE, HALF)],
  ["\\left(\\frac{1}{2}\\right)^{x}", () => pow(HALF, x)],
  ["- \\frac{\\sqrt{2}}{2}", () => neg(div(sqrt(TWO), TWO))],
  ["\\left(- x\\right)^{y}", () => pow(neg(x), y)],
];

describe("LaTeX printer: golden table", () => {
  it("has enough rows", () => {
    expect(GOLDEN.length).toBeGreaterThanOrEqual(40);
  });

  it.each(GOLDEN)("%s", (expected, build) => {
    const e = build();
    expect(canonicalViolations(e)).toEqual([]);
    expect(toLatex(e)).toBe(expected);
    expect(() => render(expected)).not.toThrow();
  });
});

describe("LaTeX printer: symbol names", () => {
  it.each<[string, string]>([
    ["x", "x"],
    ["alpha", "\\alpha"],
    ["alpha12", "\\alpha_{12}"],
    ["Gamma_i", "\\Gamma_{i}"],
    ["Beta", "\\mathit{Beta}"],
    ["x_1", "\\mathit{x\\_1}"],
    ["x_a_1", "\\mathit{x\\_a\\_1}"],
    ["varphi", "\\varphi"],
    ["x_ab", "x_{ab}"],
    ["a_b_c", "a_{b_{c}}"],
    ["rate", "\\mathit{rate}"],
  ])("%s", (name, expected) => {
    expect(symbolLatex(name)).toBe(expected);
    expect(() => render(expected)).not.toThrow();
  });
});

describe("LaTeX printer: KaTeX renders every output", () => {
  it("for random canonical expressions", () => {
    fc.assert(
      fc.property(arbExpr(4), (e) => {
        render(toLatex(e));
      }),
      { seed: 20240612, numRuns: 1500 },
    );
  });

  it("for 2000-deep nestings", () => {
    let chain: Expr = x;
    let tower: Expr = x;
    for (let i = 0; i < 1990; i++) {
      chain = f("sin", chain);
      tower = pow(y, tower);
    }
    expect(toLatex(chain)).toBe("\\sin{\\left(".repeat(1990) + "x" + " \\right)}".repeat(1990));
    expect(toLatex(tower)).toBe("y^{".repeat(1990) + "x" + "}".repeat(1990));
  });
});
