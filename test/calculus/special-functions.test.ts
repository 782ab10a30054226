// The piecewise and special functions: canonical forms and exact values, derivatives (cases and
// finite differences, piecewise ones away from their jumps), float vs compiled vs 50-digit
// values, printing and LaTeX, typed errors.
import fc from "fast-check";
import katex from "katex";
import { describe, expect, it } from "vitest";
import { diff } from "../../src/api/calculus.js";
import { call, num, pow, sym } from "../../src/core/build.js";
import { DomainError, ParseError } from "../../src/core/errors.js";
import type { FunctionName } from "../../src/core/functions.js";
import { canonicalViolations } from "../../src/core/invariants.js";
import type { Expr } from "../../src/core/node.js";
import { compile, toJavaScript, valueAndGrad } from "../../src/numeric/compile.js";
import { evaluate } from "../../src/numeric/evaluate.js";
import { parseLatex } from "../../src/parse/latex-parser.js";
import { parse } from "../../src/parse/parser.js";
import { toLatex } from "../../src/print/latex.js";
import { print } from "../../src/print/plain.js";

const P = (s: string) => parse(s);

describe("canonical forms and exact values", () => {
  // [input, expected node written another way]
  it.each([
    ["max(x, x)", "x"],
    ["max(y, max(x, 1), 3)", "max(3, x, y)"],
    ["max(x, y, z)", "max(z, y, x)"],
    ["min(2, 3, x)", "min(x, 2)"],
    ["max(min(x, y), min(y, x))", "min(x, y)"],
    ["relu(x)", "max(0, x)"],
    ["clamp(x, 0, 1)", "min(max(x, 0), 1)"],
    ["sigmoid(x)", "1/(1 + exp(-x))"],
    ["softplus(x)", "log(1 + exp(x))"],
    ["heaviside(3)", "1"],
    ["heaviside(pi)", "1"],
    ["heaviside(0)", "1/2"],
    ["heaviside(-sqrt(2))", "0"],
    ["sign(2*sqrt(3))", "1"],
    ["abs(-2*sqrt(3))", "2*sqrt(3)"],
    ["abs(x)^2", "x^2"],
    ["floor(7/2)", "3"],
    ["ceil(-7/2)", "-3"],
    ["round(5/2)", "3"],
    ["round(-5/2)", "-2"],
    ["floor(ceil(x))", "ceil(x)"],
    ["round(floor(x))", "floor(x)"],
    ["gamma(5)", "24"],
    ["gamma(1)", "1"],
    ["gamma(1/2)", "sqrt(pi)"],
    ["gamma(7/2)", "15*sqrt(pi)/8"],
    ["gamma(-3/2)", "4*sqrt(pi)/3"],
    ["loggamma(1)", "0"],
    ["loggamma(4)", "log(6)"],
    ["polygamma(0, x)", "digamma(x)"],
    ["beta(2, 3)", "1/12"],
    ["beta(y, x)", "beta(x, y)"],
    ["erfc(0)", "1"],
    ["xlogy(0, x)", "0"],
    ["xlogy(x, 1)", "0"],
    ["xlogy(3, x)", "3*log(x)"],
    ["xlogy(2*y*x^2, x)", "2*y*xlogy(x^2, x)"],
    ["xlogy(x*y, x)", "y*xlogy(x, x)"],
  ])("%s is %s", (input, expected) => {
    const e = P(input);
    expect(canonicalViolations(e)).toEqual([]);
    expect(e).toBe(P(expected));
  });

  it.each(["gamma(0)", "gamma(-2)", "loggamma(0)", "digamma(1)", "xlogy(x, y)", "xlogy(x*y, z)", "heaviside(x)", "floor(x)", "max(x, y)"])(
    "%s stays a call",
    (input) => {
      expect(P(input).kind).toBe("call");
    },
  );

  it("prints flat min/max and parses the printed form back to the same node", () => {
    for (const text of ["max(x, y, z)", "min(1, x, y^2)", "max(x, min(y, z))", "polygamma(2, x)", "beta(x, y)", "ceil(y) + floor(x)"]) {
      const e = P(text);
      expect(print(e)).toBe(text);
      expect(P(print(e))).toBe(e);
    }
  });

  it("writes LaTeX that KaTeX renders", () => {
    const cases: [string, string][] = [
      ["max(x, y, z)", "\\operatorname{max}{\\left(x, \\operatorname{max}{\\left(y, z \\right)} \\right)}"],
      ["floor(x)", "\\operatorname{floor}{\\left(x \\right)}"],
      ["ceil(x)^2", "\\operatorname{ceil}^{2}{\\left(x \\right)}"],
      ["gamma(x)", "\\operatorname{gamma}{\\left(x \\right)}"],
      ["digamma(x)", "\\operatorname{digamma}{\\left(x \\right)}"],
      ["polygamma(2, x)", "\\operatorname{polygamma}{\\left(2, x \\right)}"],
      ["beta(x, y)", "\\operatorname{beta}{\\left(x, y \\right)}"],
      ["heaviside(x)", "\\operatorname{heaviside}{\\left(x \\right)}"],
      ["xlogy(x, y)", "\\operatorname{xlogy}{\\left(x, y \\right)}"],
      [
        "erfc(x) + loggamma(x) + round(x)",
        "\\operatorname{erfc}{\\left(x \\right)} + \\operatorname{loggamma}{\\left(x \\right)} + \\operatorname{round}{\\left(x \\right)}",
      ],
    ];
    for (const [text, latex] of cases) {
      expect(toLatex(P(text))).toBe(latex);
      katex.renderToString(latex, { throwOnError: true, strict: "error" });
      expect(parseLatex(latex)).toBe(P(text));
    }
  });

  it("refuses max with one argument and unknown names with a suggestion", () => {
    expect(() => P("max(x)")).toThrow(ParseError);
    expect(() => P("max(x)")).toThrow("max takes 2 or more arguments, got 1");
    try {
      P("gama(x)");
      expect.unreachable();
    } catch (e) {
      expect((e as ParseError).reason).toBe("unknown function 'gama' (did you mean 'gamma'?)");
      expect((e as ParseError).column).toBe(1);
    }
  });
});

describe("derivatives", () => {
  // [function, variable, expected derivative]
  it.each([
    ["max(x, y)", "x", "heaviside(x - y)"],
    ["max(x, y)", "y", "heaviside(y - x)"],
    ["min(x, y)", "x", "heaviside(y - x)"],
    ["relu(x)", "x", "heaviside(x)"],
    ["heaviside(x)", "x", "0"],
    ["floor(x)*x", "x", "floor(x)"],
    ["ceil(x^2) + round(x)", "x", "0"],
    ["gamma(x)", "x", "gamma(x)*digamma(x)"],
    ["loggamma(x^2)", "x", "2*x*digamma(x^2)"],
    ["digamma(x)", "x", "polygamma(1, x)"],
    ["polygamma(2, x)", "x", "polygamma(3, x)"],
    ["beta(x, y)", "x", "beta(x, y)*(digamma(x) - digamma(x + y))"],
    ["beta(x, 2)", "x", "beta(2, x)*(digamma(x) - digamma(x + 2))"],
    ["erfc(x)", "x", "-2*exp(-x^2)/sqrt(pi)"],
    ["xlogy(x, y)", "x", "log(y)"],
    ["xlogy(x, y)", "y", "x/y"],
    ["xlogy(x^2, x)", "x", "2*xlogy(x, x) + x"],
    ["sigmoid(x)", "x", "exp(-x)/(1 + exp(-x))^2"],
  ])("d/d%s of %s", (f, v, expected) => {
    const d = diff(f, v, 1, { simplify: false });
    expect(canonicalViolations(d)).toEqual([]);
    expect(d).toBe(P(expected));
  });

  it("refuses a derivative in the order of polygamma", () => {
    const message = "polygamma is not differentiable in its order (a non-negative integer): it must not depend on the variable";
    expect(() => diff("polygamma(x, 2)", "x")).toThrow(new DomainError(message));
    expect(() => valueAndGrad(P("polygamma(x, 2)"), ["x"])).toThrow(DomainError);
    expect(diff("polygamma(n, x)", "x", 1, { simplify: false })).toBe(P("polygamma(n + 1, x)"));
  });
});

/** Where each function's derivative is checked: the argument range and the jumps to stay away from. */
interface Sample {
  readonly build: (x: Expr, y: Expr) => Expr;
  readonly lo: number;
  readonly hi: number;
  /** Distance from the nearest point where the function or its derivative jumps. */
  readonly jump?: (x: number, y: number) => number;
}
const X = sym("x");
const Y = sym("y");
const frac = (v: number) => Math.abs(v - Math.round(v));
const SAMPLES: Readonly<Record<string, Sample>> = {
  max: { build: (x, y) => call("max", [x, y]), lo: -3, hi: 3, jump: (x, y) => Math.abs(x - y) },
  min: { build: (x, y) => call("min", [x, y]), lo: -3, hi: 3, jump: (x, y) => Math.abs(x - y) },
  heaviside: { build: (x) => call("heaviside", [x]), lo: -3, hi: 3, jump: (x) => Math.abs(x) },
  floor: { build: (x) => call("floor", [x]), lo: -3, hi: 3, jump: (x) => frac(x) },
  ceil: { build: (x) => call("ceil", [x]), lo: -3, hi: 3, jump: (x) => frac(x) },
  round: { build: (x) => call("round", [x]), lo: -3, hi: 3, jump: (x) => frac(x + 0.5) },
  gamma: { build: (x) => call("gamma", [x]), lo: -3.9, hi: 6, jump: (x) => (x < 0.05 ? frac(x) : 1) },
  loggamma: { build: (x) => call("loggamma", [x]), lo: -3.9, hi: 12, jump: (x) => (x < 0.05 ? frac(x) : 1) },
  digamma: { build: (x) => call("digamma", [x]), lo: -3.9, hi: 12, jump: (x) => (x < 0.05 ? frac(x) : 1) },
  polygamma1: { build: (x) => call("polygamma", [num(1), x]), lo: 0.2, hi: 12 },
  polygamma3: { build: (x) => call("polygamma", [num(3), x]), lo: -2.9, hi: 12, jump: (x) => (x < 0.05 ? frac(x) : 1) },
  betaX: { build: (x, y) => call("beta", [x, y]), lo: 0.2, hi: 4 },
  betaY: { build: (x, y) => call("beta", [y, x]), lo: 0.2, hi: 4 },
  erfc: { build: (x) => call("erfc", [x]), lo: -4, hi: 6 },
  xlogyU: { build: (x, y) => call("xlogy", [x, y]), lo: -3, hi: 3 },
  xlogyV: { build: (x, y) => call("xlogy", [y, x]), lo: 0.05, hi: 5 },
  xlogyBoth: { build: (x) => call("xlogy", [pow(x, num(2)), pow(x, num(2))]), lo: -3, hi: 3, jump: (x) => Math.abs(x) },
};

describe("derivatives match a central finite difference (property)", () => {
  it.each(Object.keys(SAMPLES))("%s", (name) => {
    const s = SAMPLES[name]!;
    const e = s.build(X, Y);
    const d = diff(e, "x");
    fc.assert(
      fc.property(fc.double({ min: s.lo, max: s.hi, noNaN: true }), fc.double({ min: 0.3, max: 3, noNaN: true }), (x, y) => {
        if (s.jump !== undefined && s.jump(x, y) < 1e-3) return;
        const h = 1e-6 * Math.max(1, Math.abs(x));
        const fd = (evaluate(e, { x: x + h, y }) - evaluate(e, { x: x - h, y })) / (2 * h);
        const exact = evaluate(d, { x, y });
        if (!Number.isFinite(fd) || Math.abs(fd) > 1e6) return; // near a pole
        expect(Math.abs(exact - fd), `${print(d)} at x = ${x}, y = ${y}`).toBeLessThanOrEqual(2e-5 * (1 + Math.abs(fd)));
      }),
      { seed: 31, numRuns: 150 },
    );
  });
});

const NEW_FUNCTIONS: readonly [FunctionName, (x: Expr) => Expr][] = [
  ["min", (x) => call("min", [x, num(Math.SQRT1_2)])],
  ["max", (x) => call("max", [x, num(-0.25)])],
  ["heaviside", (x) => call("heaviside", [x])],
  ["floor", (x) => call("floor", [x])],
  ["ceil", (x) => call("ceil", [x])],
  ["round", (x) => call("round", [x])],
  ["gamma", (x) => call("gamma", [x])],
  ["loggamma", (x) => call("loggamma", [x])],
  ["digamma", (x) => call("digamma", [x])],
  ["polygamma", (x) => call("polygamma", [num(2), x])],
  ["beta", (x) => call("beta", [x, num(1.5)])],
  ["erfc", (x) => call("erfc", [x])],
  ["xlogy", (x) => call("xlogy", [x, num(2.5)])],
];

describe("numeric values", () => {
  it("compiled code gives exactly evaluate's value, also in a standalone module", async () => {
    const all = P(NEW_FUNCTIONS.map(([, f]) => print(f(X))).join(" + "));
    const f = compile(all, ["x"]);
    const mod = (await import(`data:text/javascript,${encodeURIComponent(toJavaScript(all, ["x"]))}`)) as { value: (x: number[]) => number };
    for (const x of [-2.7, -0.4, 0.3, 1.7, 4.2, 9.5]) {
      expect(f([x])).toBe(evaluate(all, { x }));
      expect(mod.value([x])).toBe(evaluate(all, { x }));
    }
  });

  it("agrees with 50-digit evaluation at random points (property)", () => {
    fc.assert(
      fc.property(fc.constantFrom(...NEW_FUNCTIONS), fc.integer({ min: -4500, max: 12000 }), ([name, build], k) => {
        const x = k / 997;
        const e = build(X);
        const lo = evaluate(e, { x });
        const hi = evaluate(e, { x }, { precision: 50 });
        if (!Number.isFinite(hi) || !Number.isFinite(lo)) {
          expect(Number.isFinite(lo), `${name}(${x})`).toBe(Number.isFinite(hi));
          return;
        }
        // Near the zeros of loggamma and digamma the float error is absolute, not relative.
        expect(Math.abs(lo - hi), `${name}(${x}): ${lo} vs ${hi}`).toBeLessThanOrEqual(1e-13 * Math.max(Math.abs(hi), 1e-2));
      }),
      { seed: 32, numRuns: 100 },
    );
  });

  it.each([
    ["gamma(x)", 5, 24],
    ["gamma(x)", 0.5, Math.sqrt(Math.PI)],
    ["gamma(x)", -0.5, -2 * Math.sqrt(Math.PI)],
    ["loggamma(x)", 100, 359.1342053695754],
    ["digamma(x)", 1, -0.5772156649015329],
    ["polygamma(1, x)", 1, (Math.PI * Math.PI) / 6],
    ["beta(x, 3)", 2, 1 / 12],
    ["erfc(x)", 10, 2.088487583762545e-45],
    ["heaviside(x)", 0, 0.5],
    ["round(x)", -2.5, -2],
    ["xlogy(x, 3)", 0, 0],
    ["xlogy(x^2, x^2)", 0, 0],
    ["xlogy(x, 3)", 2, 2 * Math.log(3)],
  ] as const)("%s at x = %d is %d", (text, x, expected) => {
    expect(evaluate(P(text), { x })).toBeCloseTo(expected, 13);
    if (expected !== 0 && Math.abs(expected) < 1e-10) expect(Math.abs(evaluate(P(text), { x }) / expected - 1)).toBeLessThan(1e-13);
  });

  it("bounds the work of polygamma and of many-argument max (NaN past the documented bounds)", () => {
    const t0 = performance.now();
    expect(evaluate(P("polygamma(10^15, x)"), { x: 2 })).toBeNaN();
    expect(evaluate(P("polygamma(2, x)"), { x: -1e15 })).toBeNaN();
    expect(evaluate(P("polygamma(10^15, x)"), { x: 2 }, { precision: 20 })).toBeNaN();
    const many = P(`max(${Array.from({ length: 1500 }, (_, i) => `x${i}`).join(", ")})`);
    expect(many.depth).toBe(1500);
    expect(performance.now() - t0).toBeLessThan(3000);
  });

  it("names the pole in strict evaluation", () => {
    expect(() => evaluate(P("gamma(x)"), { x: -2 }, { strict: true })).toThrow(new DomainError("gamma at a pole (an integer <= 0): gamma(-2)"));
    expect(() => evaluate(P("polygamma(n, x)"), { n: 1.5, x: 1 }, { strict: true })).toThrow(DomainError);
  });
});
