/**
 * parseLatex beyond the cases file: the round trip parseLatex(toLatex(e)) === e on the corpus,
 * its derivatives and random expressions (with inert derivatives and undefined functions); what
 * the derivative operators are once carried out; caller-defined functions; hostile input.
 */
import fc from "fast-check";
import { readFileSync } from "node:fs";
import { afterEach, describe, expect, it } from "vitest";
import { diff as diffApi, evaluateDerivatives, gradient, hessian } from "../../src/api/calculus.js";
import { compile, evaluate } from "../../src/api/numeric.js";
import { diffExpr, evaluateDerivatives as carryOut } from "../../src/calculus/diff.js";
import { addAll, call, derivative, mulAll, num, pow, sym } from "../../src/core/build.js";
import { LimitError, ParseError, SymgradError } from "../../src/core/errors.js";
import { resetLimits, setLimits } from "../../src/core/limits.js";
import type { Expr } from "../../src/core/node.js";
import { substitute } from "../../src/core/traverse.js";
import { parseLatex, type LatexParseOptions } from "../../src/parse/latex-parser.js";
import { parse } from "../../src/parse/parser.js";
import { toLatex } from "../../src/print/latex.js";
import { simplify } from "../../src/rewrite/simplify.js";
import { arbCalculusExpr, arbExpr, UNDEFINED_FUNCTION_NAMES } from "../support/arbitrary.js";

const corpus = JSON.parse(readFileSync(new URL("../data/problems.json", import.meta.url), "utf8")) as { problems: { expr: string }[] };

const undefinedFunctions = UNDEFINED_FUNCTION_NAMES;

/** parseLatex(toLatex(e)) is e, by default with the undefined functions of `arbCalculusExpr` declared. */
function roundTrips(e: Expr, options: LatexParseOptions = { undefinedFunctions }): void {
  expect(parseLatex(toLatex(e), options), toLatex(e)).toBe(e);
}

/** simplify(e), or undefined when simplify refuses it with a typed error (it does for csc(0)). */
function simplifiedOrUndefined(e: Expr): Expr | undefined {
  try {
    return simplify(e);
  } catch (err) {
    if (err instanceof SymgradError) return undefined;
    throw err;
  }
}

afterEach(() => {
  resetLimits();
});

describe("parseLatex(toLatex(e)) === e", () => {
  // The derivatives of the corpus are checked where they are computed, in test/calculus/corpus.test.ts.
  it("for every corpus expression", () => {
    for (const p of corpus.problems) roundTrips(parse(p.expr));
  });

  it("for results symgrad prints: gradients, Hessians, simplified forms", () => {
    for (const input of ["x^2*y + y^3", "sin(x)*exp(y)/(x^2 + 1)", "log(x*y)^2 + sqrt(x - y)", "atan2(y, x) + abs(x*y)", "cbrt(x)*x^(1/3)"]) {
      const e = parse(input);
      for (const d of Object.values(gradient(e))) roundTrips(d);
      for (const row of hessian(e)) for (const h of row) roundTrips(h);
      roundTrips(simplify(e));
    }
  });

  it("for random canonical expressions and their simplified forms", () => {
    fc.assert(
      fc.property(arbExpr(4), (e) => {
        roundTrips(e);
        const simplified = simplifiedOrUndefined(e);
        if (simplified !== undefined) roundTrips(simplified);
      }),
      { seed: 17, numRuns: 300 },
    );
  });

  it("for random expressions with inert derivatives and undefined functions", () => {
    fc.assert(
      fc.property(arbCalculusExpr(3), (e) => {
        roundTrips(e);
      }),
      { seed: 1719, numRuns: 400 },
    );
  });

  it.each([
    ["d/dx(x^3)", "\\frac{d}{dx}\\left(x^{3}\\right)"],
    ["d/dy(d/dx(x*y))", "\\frac{\\partial^{2}}{\\partial y \\partial x}\\left(x y\\right)"],
    ["d/dx(d/dx(f(x)))", "\\frac{d^{2}}{dx^{2}}\\left(f{\\left(x \\right)}\\right)"],
    ["d/dx(x^2)^2", "\\left(\\frac{d}{dx}\\left(x^{2}\\right)\\right)^{2}"],
    ["f'(x) + f'[4](x)", "f'{\\left(x \\right)} + f^{(4)}{\\left(x \\right)}"],
    ["g'[2,1](x, y)", "\\partial_{1}^{2} \\partial_{2} g{\\left(x, y \\right)}"],
    ["phi'(F1(t))", "\\phi'{\\left(F_{1}{\\left(t \\right)} \\right)}"],
  ])("for %s, printed as %s", (plain, latex) => {
    const e = parse(plain, { undefinedFunctions });
    expect(toLatex(e)).toBe(latex);
    roundTrips(e);
  });

  // Names whose LaTeX forms are easy to confuse: digits as subscripts, `_` parts, Greek letters
  // spelled out and in Unicode, several letters, and names that look like differentials.
  const NAMES = [
    "x1",
    "w01",
    "x_1",
    "x_ab",
    "a_b_c",
    "theta",
    "theta0",
    "theta_2",
    "θ",
    "Ω1",
    "Gamma_i",
    "varphi",
    "rate",
    "Beta",
    "lambda1",
    "d",
    "dx",
    "x_i1",
    "__proto__",
    "x_",
    "alpha_beta",
  ];

  it("for random expressions over awkward variable names", () => {
    const names = fc.shuffledSubarray(NAMES, { minLength: 3, maxLength: 3 });
    fc.assert(
      fc.property(arbExpr(3), names, (e, [a, b, c]) => {
        const renamed = substitute(
          e,
          new Map([
            [sym("x"), sym(a!)],
            [sym("y"), sym(b!)],
            [sym("z"), sym(c!)],
          ]),
        );
        // No name is declared a function here: "d" is one of the variables.
        roundTrips(renamed, {});
      }),
      { seed: 1717, numRuns: 400 },
    );
  });
});

describe("derivative operators on printed expressions", () => {
  it("\\frac{d}{dx}\\left(toLatex(e)\\right) + toLatex(e) is d/dx(e) + e, carried out diff(e, x) + e", () => {
    const x = sym("x");
    const y = sym("y");
    fc.assert(
      fc.property(arbExpr(3), (e) => {
        const l = toLatex(e);
        const sum = parseLatex(`\\frac{d}{dx}\\left(${l}\\right) + ${l}`);
        expect(sum).toBe(addAll([derivative(e, [x]), e]));
        expect(parseLatex(`\\frac{\\partial^2}{\\partial y \\partial x}\\left(${l}\\right)`)).toBe(derivative(e, [x, y]));
        let carried: Expr;
        try {
          carried = addAll([diffExpr(e, "x"), e]);
        } catch (err) {
          if (err instanceof SymgradError) return;
          throw err;
        }
        expect(carryOut(sum)).toBe(carried);
      }),
      { seed: 1718, numRuns: 120 },
    );
  });

  it("diff, evaluate and compile carry out what a LaTeX operator reads as; simplify keeps it, as for the text d/dx(u)", () => {
    const e = parseLatex("\\frac{d}{dx} x^3 + \\frac{\\partial}{\\partial y} x y^2");
    const text = parse("d/dx(x^3) + d/dy(x*y^2)");
    expect(e).toBe(text);
    expect(diffApi(e, "x")).toBe(parse("6*x + 2*y"));
    expect(evaluate(e, { x: 2, y: 3 })).toBe(24);
    expect(compile(e, ["x", "y"])([2, 3])).toBe(24);
    expect(simplify(e)).toBe(simplify(text));
  });

  // The derivative-operator cases of grammar/latex-cases.txt, carried out (simplified, as `diff`
  // gives them): the scope of each operator decides what is differentiated.
  it.each([
    ["\\frac{d}{dx} x^2", "2*x"],
    ["\\frac{d}{dx}\\left(x^2\\right) + 1", "2*x + 1"],
    ["\\frac{d}{dx} x^2 + 1", "2*x + 1"],
    ["\\frac{d}{dx}(x^2) y", "2*x*y"],
    ["\\frac{d}{dx} x^2 y", "2*x*y"],
    ["\\frac{d}{dx} x^2 \\sin x", "x*(x*cos(x) + 2*sin(x))"],
    ["\\frac{d}{dx} \\sin x \\cos x", "cos(2*x)"],
    ["\\frac{d}{d x} \\sin x + \\cos x", "2*cos(x)"],
    ["2\\frac{d}{dx} x^3", "6*x^2"],
    ["\\frac{d^2}{dx^2} x^4", "12*x^2"],
    ["\\frac{d^3}{dx^3} e^{2x}", "8*exp(2*x)"],
    ["\\frac{\\partial}{\\partial y} x^2 y", "x^2"],
    ["\\frac{\\partial^2}{\\partial x \\partial y} x^2 y^3", "6*x*y^2"],
    ["\\frac{\\partial^3}{\\partial x^2 \\partial y} x^3 y^2", "12*x*y"],
    ["\\frac{\\partial}{\\partial x} \\left(x^2 y + y^3\\right)", "2*x*y"],
    ["\\frac{d(x^2)}{dx}", "2*x"],
    ["\\frac{d}{dt} \\sin(\\omega t)", "omega*cos(omega*t)"],
    ["\\frac{d}{dx} \\left( \\frac{d}{dx} x^3 \\right)", "6*x"],
    ["\\frac{d}{dx}(x+1)^2", "2*x + 2"],
    ["\\frac{d}{dx} |x|", "sign(x)"],
    ["\\frac{d}{dx} y", "0"],
    ["\\frac{dx}{dx}", "1"],
    ["\\sin \\frac{d}{dx} x^2", "sin(2*x)"],
    ["\\frac{df}{dx} + \\frac{d}{dx} f(x^2)", "f'(x) + 2*x*f'(x^2)"],
    ["\\frac{\\partial}{\\partial y} g(x y, y)", "x*g'[1,0](x*y, y) + g'[0,1](x*y, y)"],
  ])("%s carried out is %s", (latex, plain) => {
    const e = parseLatex(latex, { undefinedFunctions });
    expect(evaluateDerivatives(e)).toBe(parse(plain, { undefinedFunctions }));
  });
});

describe("parseLatex options", () => {
  const f = (args: Expr[]) => mulAll([args[0]!, args[0]!]);
  const softplus = (args: Expr[]) => substitute(parse("log(exp(u) + 1)"), new Map([[sym("u"), args[0]!]]));
  const functions = new Map([
    ["f", f],
    ["softplus", softplus],
  ]);

  it("calls caller-defined functions by letter or \\operatorname", () => {
    expect(parseLatex("f(x+1)", { functions })).toBe(parse("(x+1)^2"));
    expect(parseLatex("f\\left(y\\right) + 1", { functions })).toBe(parse("y^2 + 1"));
    expect(parseLatex("\\operatorname{softplus}(x)", { functions })).toBe(parse("log(exp(x) + 1)"));
    expect(parseLatex("\\frac{d}{dx} f(x^3)", { functions })).toBe(parse("d/dx(x^6)"));
  });

  it("reads primes on caller-defined functions of one argument as derivatives", () => {
    const cube = new Map([["f", (args: Expr[]) => pow(args[0]!, num(3))]]);
    expect(parseLatex("f'(x)", { functions: cube })).toBe(parse("3*x^2"));
    expect(parseLatex("f''(2) + f'(\\sin x)", { functions: cube })).toBe(parse("12 + 3*sin(x)^2"));
    expect(() => parseLatex("f'(x, y)", { functions: cube })).toThrow("f' needs a function of one argument, got 2 arguments");
    expect(() => parseLatex("x'")).toThrow("primes are read only on functions");
  });

  it("reads names defined as expressions", () => {
    const definitions = new Map([
      ["f", parse("x^2*y")],
      ["g1", parse("sin(x)")],
    ]);
    expect(parseLatex("\\frac{\\partial^2 f}{\\partial x \\partial y}", { definitions })).toBe(parse("d/dx(d/dy(x^2*y))"));
    expect(parseLatex("g_{1} + \\frac{d}{dx} g_1", { definitions })).toBe(parse("sin(x) + d/dx(sin(x))"));
  });

  it("suggests caller-defined names for unknown functions", () => {
    expect(() => parseLatex("\\operatorname{softplux}(x)", { functions })).toThrow("unknown function 'softplux' (did you mean 'softplus'?)");
  });
});

describe("parseLatex on hostile input", () => {
  function error(input: string): unknown {
    try {
      parseLatex(input);
    } catch (err) {
      return err;
    }
    return undefined;
  }

  it.each([
    ["{".repeat(100_000) + "x", "maxDepth"],
    ["\\sqrt{".repeat(5_000) + "x", "maxDepth"],
    ["\\left(".repeat(5_000) + "x", "maxDepth"],
    ["\\sin ".repeat(5_000) + "x", "maxDepth"],
    ["-".repeat(5_000) + "x", "maxDepth"],
    ["x^{".repeat(5_000) + "x", "maxDepth"],
    ["\\frac{d}{dx}".repeat(20_000) + "x", "maxDepth"],
    ["\\frac{d".repeat(20_000), "maxDepth"],
    ["|".repeat(100_000), "maxDepth"],
    ["9".repeat(400_000), "maxIntegerBits"],
  ])("%#: a LimitError, not a crash", (input, limit) => {
    const err = error(input);
    expect(err).toBeInstanceOf(LimitError);
    expect((err as LimitError).limit).toBe(limit);
  });

  it("is a LimitError when the stack runs out before a raised maxDepth", () => {
    setLimits({ maxDepth: 10_000_000, maxInputLength: 10_000_000 });
    const err = error("\\sqrt{".repeat(200_000) + "x" + "}".repeat(200_000));
    expect(err).toBeInstanceOf(LimitError);
    expect((err as LimitError).limit).toBe("maxDepth");
  });

  it("checks the input length first", () => {
    setLimits({ maxInputLength: 10 });
    expect((error("\\frac{1}{x} + 1") as LimitError).limit).toBe("maxInputLength");
  });

  it("round-trips deep nestings within maxDepth", () => {
    let e: Expr = sym("x");
    for (let i = 0; i < 300; i++) e = call("sin", [e]);
    roundTrips(e);
  });

  it("returns or throws a SymgradError for random LaTeX-like text", () => {
    const pieces = [
      "x",
      "2",
      ".",
      "\\frac",
      "\\sqrt",
      "{",
      "}",
      "(",
      ")",
      "[",
      "]",
      "^",
      "_",
      "|",
      "\\left",
      "\\right",
      "\\sin",
      "d",
      "\\partial",
      "+",
      "-",
      "\\cdot",
      " ",
      "e",
      "\\pi",
      ",",
      "'",
      "\\alpha",
      "\\mathrm",
      "\\operatorname",
      "\\lvert",
      "\\rvert",
      "\\log",
      "\\{",
      "\\}",
      "\\,",
      "=",
      "\\foo",
      "f",
      "\\prime",
      "1",
      "\\frac{d}{dx}",
      "\\frac{df}{dx}",
    ];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 24 }), fc.boolean(), (parts, declared) => {
        const text = parts.join("");
        try {
          parseLatex(text, declared ? { undefinedFunctions: ["f"] } : {});
        } catch (err) {
          if (!(err instanceof SymgradError)) throw err;
          if (err instanceof ParseError) {
            expect(err.source).toBe(text);
            expect(err.start).toBeLessThanOrEqual(Array.from(text).length);
          }
        }
      }),
      { seed: 4242, numRuns: 3000 },
    );
  });

  it("never expands a macro", () => {
    expect(() => parseLatex("\\def\\x{1} \\x")).toThrow("'\\def' is not read by parseLatex");
    expect(() => parseLatex("\\newcommand{\\x}{1}")).toThrow(ParseError);
    expect(() => parseLatex("#1")).toThrow(ParseError);
  });

  it("formats errors with a caret under the LaTeX source", () => {
    const err = error("\\frac{1}{\\sinn x}") as ParseError;
    expect(err.format()).toBe("unknown command '\\sinn' (did you mean '\\sin'?) at column 10\n  \\frac{1}{\\sinn x}\n           ^^^^^");
  });
});
