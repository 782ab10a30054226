/**
 * parseLatex beyond the cases file: the round trip parseLatex(toLatex(e)) === e on the corpus,
 * its derivatives and random expressions; caller-defined functions; hostile input.
 */
import fc from "fast-check";
import { readFileSync } from "node:fs";
import { afterEach, describe, expect, it } from "vitest";
import { diff, gradient, hessian } from "../../src/api/calculus.js";
import { addAll, call, mulAll, num, pow, sym } from "../../src/core/build.js";
import { LimitError, ParseError, SymgradError } from "../../src/core/errors.js";
import { resetLimits, setLimits } from "../../src/core/limits.js";
import type { Expr } from "../../src/core/node.js";
import { substitute } from "../../src/core/traverse.js";
import { parseLatex } from "../../src/parse/latex-parser.js";
import { parse } from "../../src/parse/parser.js";
import { toLatex } from "../../src/print/latex.js";
import { simplify } from "../../src/rewrite/simplify.js";
import { arbExpr } from "../support/arbitrary.js";

const corpus = JSON.parse(readFileSync(new URL("../data/problems.json", import.meta.url), "utf8")) as { problems: { expr: string }[] };

function roundTrips(e: Expr): void {
  expect(parseLatex(toLatex(e)), toLatex(e)).toBe(e);
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

afterEach(() => resetLimits());

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
        roundTrips(renamed);
      }),
      { seed: 1717, numRuns: 400 },
    );
  });
});

describe("derivative operators on printed expressions", () => {
  it("\\frac{d}{dx}\\left(toLatex(e)\\right) + toLatex(e) is diff(e, x) + e", () => {
    fc.assert(
      // A lone variable other than x is refused as an operand (it reads as a function of x).
      fc.property(
        arbExpr(3).filter((e) => e.kind !== "sym"),
        (e) => {
          let expected: Expr;
          try {
            expected = addAll([diff(e, "x"), e]);
          } catch (err) {
            if (err instanceof SymgradError) return;
            throw err;
          }
          const l = toLatex(e);
          expect(parseLatex(`\\frac{d}{dx}\\left(${l}\\right) + ${l}`)).toBe(expected);
          expect(parseLatex(`\\frac{\\partial^2}{\\partial y \\partial x}\\left(${l}\\right)`)).toBe(diff(e, ["x", "y"]));
        },
      ),
      { seed: 1718, numRuns: 120 },
    );
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
    expect(parseLatex("\\frac{d}{dx} f(x^3)", { functions })).toBe(parse("6*x^5"));
  });

  it("reads primes on caller-defined functions of one argument as derivatives", () => {
    const cube = new Map([["f", (args: Expr[]) => pow(args[0]!, num(3))]]);
    expect(parseLatex("f'(x)", { functions: cube })).toBe(parse("3*x^2"));
    expect(parseLatex("f''(2) + f'(\\sin x)", { functions: cube })).toBe(parse("12 + 3*sin(x)^2"));
    expect(() => parseLatex("f'(x, y)", { functions: cube })).toThrow("f' needs a function of one argument, got 2 arguments");
    expect(() => parseLatex("x'")).toThrow("primes (f') are not read");
  });

  it("reads names defined as expressions", () => {
    const definitions = new Map([
      ["f", parse("x^2*y")],
      ["g1", parse("sin(x)")],
    ]);
    expect(parseLatex("\\frac{\\partial^2 f}{\\partial x \\partial y}", { definitions })).toBe(parse("2*x"));
    expect(parseLatex("g_{1} + \\frac{d}{dx} g_1", { definitions })).toBe(parse("sin(x) + cos(x)"));
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
    ];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 24 }), (parts) => {
        const text = parts.join("");
        try {
          parseLatex(text);
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
