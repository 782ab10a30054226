// Exact values at construction: trig and inverse trig at the standard points, period and parity
// reductions, perfect powers out of radicals, exact logarithms. Cases compare nodes; properties
// compare float values of the folded node with Math at many points.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addAll, call, logBase, mulAll, num, PI, pow, sym } from "../../src/core/build.js";
import { diffExpr } from "../../src/calculus/diff.js";
import type { FunctionName } from "../../src/core/functions.js";
import { canonicalViolations } from "../../src/core/invariants.js";
import { Rational } from "../../src/core/rational.js";
import { substitute } from "../../src/core/traverse.js";
import { evaluate } from "../../src/numeric/evaluate.js";
import { FLOAT_EVALUATORS } from "../../src/numeric/float-functions.js";
import { parse } from "../../src/parse/parser.js";
import { print } from "../../src/print/plain.js";

const P = (s: string) => parse(s);

describe("exact values at construction", () => {
  // [input, the same value written without the folded call]
  it.each([
    ["sin(pi)", "0"],
    ["cos(pi)", "-1"],
    ["tan(pi/4)", "1"],
    ["sin(pi/6)", "1/2"],
    ["cos(pi/6)", "sqrt(3)/2"],
    ["sin(pi/4)", "sqrt(2)/2"],
    ["sin(pi/3)", "sqrt(3)/2"],
    ["sin(pi/2)", "1"],
    ["sin(pi/12)", "(sqrt(6) - sqrt(2))/4"],
    ["cos(pi/12)", "(sqrt(6) + sqrt(2))/4"],
    ["sin(5*pi/12)", "(sqrt(6) + sqrt(2))/4"],
    ["tan(pi/12)", "2 - sqrt(3)"],
    ["tan(5*pi/12)", "2 + sqrt(3)"],
    ["cot(pi/6)", "sqrt(3)"],
    ["sec(pi/3)", "2"],
    ["csc(pi/4)", "sqrt(2)"],
    ["sec(pi/12)", "sqrt(6) - sqrt(2)"],
    ["cot(pi/2)", "0"],
    ["sin(7*pi/6)", "-1/2"],
    ["cos(2*pi/3)", "-1/2"],
    ["tan(3*pi/4)", "-1"],
    ["cos(-pi/3)", "1/2"],
    ["sin(-13*pi/6)", "-1/2"],
    ["cos(100*pi)", "1"],
    ["sin(6*pi/5)", "-sin(pi/5)"],
    ["cos(9*pi/5)", "cos(pi/5)"],
    ["asin(1/2)", "pi/6"],
    ["asin(1)", "pi/2"],
    ["asin(-sqrt(2)/2)", "-pi/4"],
    ["asin((sqrt(6) - sqrt(2))/4)", "pi/12"],
    ["asin((sqrt(2) - sqrt(6))/4)", "-pi/12"],
    ["acos(-1)", "pi"],
    ["acos(0)", "pi/2"],
    ["acos(-sqrt(3)/2)", "5*pi/6"],
    ["atan(1)", "pi/4"],
    ["atan(-sqrt(3))", "-pi/3"],
    ["atan(2 - sqrt(3))", "pi/12"],
    ["acot(0)", "pi/2"],
    ["acot(-1)", "-pi/4"],
    ["asec(-2)", "2*pi/3"],
    ["acsc(2)", "pi/6"],
    ["sin(x + 2*pi)", "sin(x)"],
    ["sin(x - 6*pi)", "sin(x)"],
    ["cos(-x)", "cos(x)"],
    ["sin(-x)", "-sin(x)"],
    ["sin(pi - x)", "sin(x)"],
    ["cos(pi - x)", "-cos(x)"],
    ["sin(x + pi/2)", "cos(x)"],
    ["cos(x + pi/2)", "-sin(x)"],
    ["sin(x - pi/2)", "-cos(x)"],
    ["tan(x + pi)", "tan(x)"],
    ["tan(x + pi/2)", "-cot(x)"],
    ["sec(x + pi/2)", "-csc(x)"],
    ["csc(x - pi/2)", "-sec(x)"],
    ["sin(x + 4*pi/3)", "-sin(x + pi/3)"],
    ["sin(-x - y)", "-sin(x + y)"],
    ["tan(-2*x)", "-tan(2*x)"],
    ["asin(-x)", "-asin(x)"],
    ["cosh(-x)", "cosh(x)"],
    ["sinh(-x)", "-sinh(x)"],
    ["abs(-x)", "abs(x)"],
    ["erf(-2*x)", "-erf(2*x)"],
    ["exp(log(x))", "x"],
    ["log(exp(x))", "x"],
    ["abs(x)^2", "x^2"],
    ["abs(x + 1)^(-4)", "(x + 1)^(-4)"],
  ])("%s is %s", (input, expected) => {
    const e = P(input);
    expect(canonicalViolations(e)).toEqual([]);
    expect(e).toBe(P(expected));
  });

  // [input, printed]: no exact value, no reduction (poles, untabulated angles, unsound rewrites).
  it.each([
    ["tan(pi/2)", "tan(pi/2)"],
    ["cot(0)", "cot(0)"],
    ["sec(pi/2)", "sec(pi/2)"],
    ["csc(pi)", "csc(pi)"],
    ["sin(pi/5)", "sin(pi/5)"],
    ["sin(x + pi/3)", "sin(x + pi/3)"],
    ["cos(2*x - pi/12)", "cos(2*x - pi/12)"],
    ["sin(1 - x)", "sin(1 - x)"],
    ["acot(-x)", "acot(-x)"],
    ["acos(-x)", "acos(-x)"],
    ["abs(x)^3", "abs(x)^3"],
  ])("%s stays as written", (input, printed) => {
    const e = P(input);
    expect(canonicalViolations(e)).toEqual([]);
    expect(print(e)).toBe(printed);
  });

  it("folds radicals of integers", () => {
    expect(print(P("sqrt(8)"))).toBe("2*sqrt(2)");
    expect(P("sqrt(12)/2")).toBe(P("sqrt(3)"));
    expect(P("8^(1/3)")).toBe(num(2));
    expect(print(P("4^(1/6)"))).toBe("2^(1/3)");
    expect(print(P("4^(5/6)"))).toBe("2*2^(2/3)");
    expect(print(P("sqrt(72)"))).toBe("6*sqrt(2)");
    expect(print(P("sqrt(1/8)"))).toBe("sqrt(2)/4");
    expect(P("sqrt(18) - 3*sqrt(2)")).toBe(num(0));
    expect(print(P("(2^200*3)^(1/2)"))).toBe(`${2n ** 100n}*sqrt(3)`);
  });

  it("folds logarithms with a rational value", () => {
    expect(P("log(8, 2)")).toBe(num(3));
    expect(P("log(2, 8)")).toBe(num(Rational.of(1, 3)));
    expect(P("log(1/9, 27)")).toBe(num(Rational.of(-2, 3)));
    expect(P("log(4, 1/2)")).toBe(num(-2));
    expect(P("log2(2^1000)")).toBe(num(1000));
    expect(P("log10(1000)")).toBe(num(3));
    expect(print(P("log(10, 2)"))).toBe("log(10)/log(2)");
    expect(print(P("log(-8, 2)"))).toBe("log(-8)/log(2)");
  });

  it("makes a derivative evaluated at a point exact", () => {
    const at = (text: string, value: string) => substitute(diffExpr(P(text), "x"), new Map([[sym("x"), P(value)]]));
    expect(at("sin(x)", "pi")).toBe(num(-1));
    expect(at("cos(x)", "pi/6")).toBe(num(Rational.of(-1, 2)));
    expect(at("tan(x)", "pi/3")).toBe(num(4));
    expect(at("asin(x)", "1/2")).toBe(P("2*sqrt(3)/3"));
  });
});

const TRIG: readonly FunctionName[] = ["sin", "cos", "tan", "cot", "sec", "csc"];
const close = (a: number, b: number) => Math.abs(a - b) <= 1e-9 * (1 + Math.abs(b));

describe("exact values agree with floats (property)", () => {
  it("trig functions at rational multiples of pi", () => {
    fc.assert(
      fc.property(fc.constantFrom(...TRIG), fc.integer({ min: -40, max: 40 }), fc.constantFrom(1, 2, 3, 4, 5, 6, 8, 12), (fn, k, d) => {
        const angle = mulAll([num(Rational.of(k, d)), PI]);
        const e = call(fn, [angle]);
        expect(canonicalViolations(e)).toEqual([]);
        const want = FLOAT_EVALUATORS[fn]((k / d) * Math.PI, 0);
        if (Math.abs(want) > 1e8)
          expect(e.kind).toBe("call"); // a pole stays symbolic
        else expect(close(evaluate(e, {}), want), `${fn}(${k}pi/${d}) = ${print(e)}`).toBe(true);
      }),
      { seed: 13, numRuns: 600 },
    );
  });

  it("period, shift and parity reductions of symbolic arguments", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...TRIG, "sinh", "cosh", "tanh", "asin", "atan", "erf", "abs"),
        fc.integer({ min: -30, max: 30 }),
        fc.constantFrom(1, 2, 3, 4, 6, 7),
        fc.boolean(),
        fc.integer({ min: -900, max: 900 }),
        (fn, k, d, negated, xi) => {
          const x = sym("x");
          const inner = negated ? mulAll([num(-2), x]) : x;
          const isTrig = TRIG.includes(fn);
          const arg = isTrig ? addAll([inner, mulAll([num(Rational.of(k, d)), PI])]) : inner;
          const e = call(fn, [arg]);
          expect(canonicalViolations(e)).toEqual([]);
          const xv = xi / 1000;
          const want = FLOAT_EVALUATORS[fn]((negated ? -2 * xv : xv) + (isTrig ? (k / d) * Math.PI : 0), 0);
          if (!Number.isFinite(want) || Math.abs(want) > 1e6) return;
          expect(close(evaluate(e, { x: xv }), want), `${fn}(${print(arg)}) = ${print(e)} at x = ${xv}`).toBe(true);
        },
      ),
      { seed: 14, numRuns: 600 },
    );
  });

  it("inverse trig functions at the table values", () => {
    const inverses: readonly [FunctionName, FunctionName][] = [
      ["asin", "sin"],
      ["acos", "cos"],
      ["atan", "tan"],
      ["acot", "cot"],
      ["asec", "sec"],
      ["acsc", "csc"],
    ];
    for (const [inverse, forward] of inverses) {
      for (let k = -12; k <= 12; k++) {
        const v = call(forward, [mulAll([num(Rational.of(k, 12)), PI])]);
        if (v.kind === "call") continue; // a pole or not tabulated
        const e = call(inverse, [v]);
        expect(canonicalViolations(e)).toEqual([]);
        expect(e.kind === "call", `${inverse}(${print(v)}) = ${print(e)}`).toBe(false);
        expect(close(evaluate(e, {}), FLOAT_EVALUATORS[inverse](evaluate(v, {}), 0)), `${inverse}(${print(v)}) = ${print(e)}`).toBe(true);
      }
    }
  });

  it("radicals of integers keep their value and canonical form", () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 5000 }), fc.integer({ min: 1, max: 11 }), fc.integer({ min: 2, max: 12 }), (n, p, q) => {
        const e = pow(num(n), num(Rational.of(p, q)));
        expect(canonicalViolations(e)).toEqual([]);
        expect(close(evaluate(e, {}), Math.pow(n, p / q))).toBe(true);
      }),
      { seed: 15, numRuns: 500 },
    );
  });

  it("logarithms of powers", () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 30 }), fc.integer({ min: -12, max: 12 }), fc.integer({ min: 1, max: 12 }), (b, p, q) => {
        const e = logBase(pow(num(b), num(p)), pow(num(b), num(q)));
        expect(e).toBe(num(Rational.of(p, q)));
      }),
      { seed: 16, numRuns: 300 },
    );
    expect(logBase(num(10), num(2)).kind).toBe("mul");
  });
});
