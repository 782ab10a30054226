// Undefined functions: parsing with `undefinedFunctions`, the chain rule, partial derivatives and
// their notation (plain, parsed back, LaTeX), refusal to evaluate, typed errors.
import fc from "fast-check";
import katex from "katex";
import { describe, expect, it } from "vitest";
import { diff, gradient, hessian } from "../../src/api/calculus.js";
import { taylor } from "../../src/api/operations.js";
import { subs } from "../../src/api/subs.js";
import { applied, sym } from "../../src/core/build.js";
import { DomainError, ParseError } from "../../src/core/errors.js";
import { canonicalViolations } from "../../src/core/invariants.js";
import type { Expr } from "../../src/core/node.js";
import { compile } from "../../src/numeric/compile.js";
import { evaluate } from "../../src/numeric/evaluate.js";
import { parse } from "../../src/parse/parser.js";
import { toLatex } from "../../src/print/latex.js";
import { print } from "../../src/print/plain.js";
import { simplify } from "../../src/rewrite/simplify.js";
import { arbExpr } from "../support/arbitrary.js";

const options = { undefinedFunctions: ["f", "g"] };
const P = (s: string) => parse(s, options);

describe("parsing and printing", () => {
  // [input, printed, LaTeX]
  it.each([
    ["f(x)", "f(x)", "f{\\left(x \\right)}"],
    ["f(x)^2", "f(x)^2", "\\left(f{\\left(x \\right)}\\right)^{2}"],
    ["f'(x)", "f'(x)", "f'{\\left(x \\right)}"],
    ["f''(x^2)", "f''(x^2)", "f''{\\left(x^{2} \\right)}"],
    ["f'[4](x)", "f'[4](x)", "f^{(4)}{\\left(x \\right)}"],
    ["f'[2](x)", "f''(x)", "f''{\\left(x \\right)}"],
    ["g(x, y)", "g(x, y)", "g{\\left(x, y \\right)}"],
    ["g'[1,0](x, y)", "g'[1,0](x, y)", "\\partial_{1} g{\\left(x, y \\right)}"],
    ["g'[0,2](x, y)", "g'[0,2](x, y)", "\\partial_{2}^{2} g{\\left(x, y \\right)}"],
    ["g'[0,0](x, y)", "g(x, y)", "g{\\left(x, y \\right)}"],
    ["sin(f(x)) + f(g(x, y))", "sin(f(x)) + f(g(x, y))", "\\sin{\\left(f{\\left(x \\right)} \\right)} + f{\\left(g{\\left(x, y \\right)} \\right)}"],
  ])("%s prints as %s and %s", (input, printed, latex) => {
    const e = P(input);
    expect(canonicalViolations(e)).toEqual([]);
    expect(print(e)).toBe(printed);
    expect(P(print(e))).toBe(e);
    expect(toLatex(e)).toBe(latex);
    katex.renderToString(latex, { throwOnError: true, strict: "error" });
  });

  it("prints random applications so that they parse back to the same node (property)", () => {
    fc.assert(
      fc.property(arbExpr(2), arbExpr(2), fc.nat(5), fc.nat(2), fc.boolean(), (a, b, i, j, one) => {
        const e = one ? applied("f", [i], [a]) : applied("g", [i, j], [a, b]);
        const whole = simplify(parse(`sin(${print(e)}) + ${print(e)}^2`, options));
        expect(canonicalViolations(whole)).toEqual([]);
        expect(P(print(whole))).toBe(whole);
        katex.renderToString(toLatex(whole), { throwOnError: true, strict: "error" });
      }),
      { seed: 52, numRuns: 150 },
    );
  });

  it("keeps f(x) and f(x, y) apart, and the node is interned", () => {
    expect(P("f(x)")).toBe(applied("f", [0], [sym("x")]));
    expect(P("f(x, y)")).not.toBe(P("f(x)"));
    expect(P("f(x) - f(x)")).toBe(P("0"));
  });

  // [input, message, column]
  it.each([
    ["h(x)", "unknown function 'h'", 1],
    ["ff(x)", "unknown function 'ff' (did you mean 'f'?)", 1],
    ["f", "expected '(' after 'f' but found end of input", 2],
    ["f()", "the undefined function 'f' needs at least one argument", 1],
    ["f'(x, y)", "primes mark derivatives of a function of one argument; write f'[1,0] with an order per argument", 1],
    ["g'[1](x, y)", "g'[1] gives 1 derivative orders for 2 arguments", 1],
    ["x'", "the derivative notation 'x'' applies only to an undefined function (declared in undefinedFunctions) with its arguments", 1],
    ["1 + sin'(x)", "the derivative notation 'sin'' applies only to an undefined function (declared in undefinedFunctions) with its arguments", 5],
    ["f'[1,(x)", "unexpected character '['", 3],
  ] as const)("%s is a ParseError: %s", (input, message, column) => {
    try {
      P(input);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(ParseError);
      expect((e as ParseError).reason).toBe(message);
      expect((e as ParseError).column).toBe(column);
    }
  });

  it("refuses undeclared names and built-in names as undefined functions", () => {
    expect(() => parse("f(x)")).toThrow("unknown function 'f'");
    expect(() => parse("sinn(x)", options)).toThrow("unknown function 'sinn' (did you mean 'sin'?)");
    expect(() => parse("sin(x)", { undefinedFunctions: ["sin"] })).toThrow(TypeError);
    expect(() => parse("x", { undefinedFunctions: ["a b"] })).toThrow(TypeError);
  });
});

describe("derivatives", () => {
  // [function, variable, expected derivative]
  it.each([
    ["f(x^2)", "x", "2*x*f'(x^2)"],
    ["f(x)^2", "x", "2*f(x)*f'(x)"],
    ["f'(x)", "x", "f''(x)"],
    ["f(y)", "x", "0"],
    ["exp(f(x))", "x", "exp(f(x))*f'(x)"],
    ["f(g(x, y))", "x", "g'[1,0](x, y)*f'(g(x, y))"],
    ["g(x*y, y)", "y", "x*g'[1,0](x*y, y) + g'[0,1](x*y, y)"],
    ["g(x, x)", "x", "g'[1,0](x, x) + g'[0,1](x, x)"],
  ])("d/d%s of %s", (f, v, expected) => {
    const d = diff(f, v, 1, { ...options, simplify: false });
    expect(canonicalViolations(d)).toEqual([]);
    expect(d).toBe(P(expected));
  });

  it("takes higher orders and mixed partials (which commute)", () => {
    expect(diff("f(x)", "x", 3, options)).toBe(P("f'''(x)"));
    expect(diff("f(x)", "x", 5, options)).toBe(P("f'[5](x)"));
    expect(diff("g(x, y)", ["x", "y"], 1, options)).toBe(diff("g(x, y)", ["y", "x"], 1, options));
    expect(hessian("g(x, y)", ["x", "y"], options).map((r) => r.map(print))).toEqual([
      ["g'[2,0](x, y)", "g'[1,1](x, y)"],
      ["g'[1,1](x, y)", "g'[0,2](x, y)"],
    ]);
    expect(print(gradient("f(x*y)", ["x", "y"], options).y!)).toBe("x*f'(x*y)");
  });

  it("agrees with the derivative of a concrete function substituted afterwards (property)", () => {
    // d/dx F(u(x)) with F = sin, checked by replacing f^(k) by sin^(k) after differentiating.
    const sinDerivatives = (e: Expr): Expr => {
      const text = print(e).replace(/f'\[(\d+)\]\(/g, (_, k) => `f${"'".repeat(Number(k))}(`);
      return parse(
        text
          .replace(/f''''\(/g, "sin(")
          .replace(/f'''\(/g, "(-cos)(")
          .replace(/f''\(/g, "(-sin)(")
          .replace(/f'\(/g, "cos(")
          .replace(/f\(/g, "sin(")
          .replace(/\(-cos\)\(/g, "-cos(")
          .replace(/\(-sin\)\(/g, "-sin("),
      );
    };
    fc.assert(
      fc.property(arbExpr(2), fc.integer({ min: 1, max: 3 }), (u, order) => {
        const withF = diff(simplify(parse(`f(${print(u)})`, options)), "x", order, { ...options, simplify: false });
        const concrete = diff(parse(`sin(${print(u)})`), "x", order, { simplify: false });
        for (const x of [0.3, -0.7, 1.1]) {
          const scope = { x, y: 0.4, z: -0.2 };
          const want = evaluate(concrete, scope);
          if (!Number.isFinite(want) || Math.abs(want) > 1e6) continue;
          expect(Math.abs(evaluate(sinDerivatives(withF), scope) - want)).toBeLessThanOrEqual(1e-9 * (1 + Math.abs(want)));
        }
      }),
      { seed: 51, numRuns: 60 },
    );
  });

  it("expands an undefined function in a Taylor series", () => {
    expect(print(taylor("f(x)", "x", 0, 3, options))).toBe("x^3*f'''(0)/6 + x^2*f''(0)/2 + x*f'(0) + f(0)");
    expect(() => taylor("g(x, x)", "x", 0, 2, options)).toThrow(DomainError);
  });
});

describe("evaluation", () => {
  it("refuses to evaluate or compile an undefined function, and substitutes into its arguments", () => {
    const message = "cannot evaluate the undefined function 'f': it has no definition (write its formula in the expression to evaluate or compile it)";
    expect(() => evaluate(P("f(x) + 1"), { x: 1 })).toThrow(new DomainError(message));
    expect(() => evaluate(P("f(x)"), { x: 1 }, { precision: 30 })).toThrow(DomainError);
    expect(() => compile(P("f(x)"), ["x"])).toThrow(DomainError);
    expect(subs("f(x) + g(x, y)", { x: 2, y: "f(z)" }, options)).toBe(P("f(2) + g(2, f(z))"));
  });
});
