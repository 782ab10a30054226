// Float evaluation: a value per function, conventions, scopes with hostile names, strict-mode
// messages, memoisation over the graph, erf against a high-precision reference, BigNumber mode.
import fc from "fast-check";
import { all, create } from "mathjs";
import { describe, expect, it } from "vitest";
import { call, num, sym } from "../../src/core/build.js";
import { DomainError } from "../../src/core/errors.js";
import { FUNCTION_ARITY, FUNCTION_NAMES } from "../../src/core/functions.js";
import type { Expr } from "../../src/core/node.js";
import { erf } from "../../src/numeric/erf.js";
import { evaluate } from "../../src/numeric/evaluate.js";
import { parse } from "../../src/parse/parser.js";

const P = (s: string) => parse(s);

describe("evaluate", () => {
  // [formula, x, expected]
  it.each([
    ["x^2 + 3*x + 2", 2, 12],
    ["sin(x)", Math.PI / 6, 0.5],
    ["cos(x)", Math.PI / 3, 0.5],
    ["tan(x)", Math.PI / 4, 1],
    ["sec(x)", Math.PI / 3, 2],
    ["csc(x)", Math.PI / 6, 2],
    ["cot(x)", Math.PI / 4, 1],
    ["asin(x)", 0.5, Math.PI / 6],
    ["acos(x)", 0.5, Math.PI / 3],
    ["atan(x)", 1, Math.PI / 4],
    ["acot(x)", 1, Math.PI / 4],
    ["acot(x)", -1, -Math.PI / 4],
    ["acot(x)", 0, Math.PI / 2],
    ["asec(x)", 2, Math.PI / 3],
    ["acsc(x)", 2, Math.PI / 6],
    ["atan2(x, 1)", 1, Math.PI / 4],
    ["atan2(x, -1)", 0, Math.PI],
    ["sinh(x)", 1, 1.1752011936438014],
    ["cosh(x)", 1, 1.5430806348152437],
    ["tanh(x)", 1, 0.7615941559557649],
    ["sech(x)", 1, 0.6480542736638853],
    ["csch(x)", 1, 0.8509181282393216],
    ["coth(x)", 1, 1.3130352854993312],
    ["asinh(x)", 1, 0.881373587019543],
    ["acosh(x)", 2, 1.3169578969248166],
    ["atanh(x)", 0.5, 0.5493061443340549],
    ["asech(x)", 0.5, 1.3169578969248166],
    ["acsch(x)", 2, 0.48121182505960347],
    ["acoth(x)", 2, 0.5493061443340549],
    ["exp(x)", 1, Math.E],
    ["log(x)", Math.E, 1],
    ["cbrt(x)", -8, -2],
    ["x^(1/3)", -8, NaN],
    ["abs(x)", -3, 3],
    ["sign(x)", -3, -1],
    ["sign(x)", 0, 0],
    ["erf(x)", 0.5, 0.5204998778130465],
    ["erf(x)", -2.5, -0.999593047982555],
    ["erf(x)", 7, 1],
    ["sqrt(x)", 2, Math.SQRT2],
    ["1/x", 0, Infinity],
    ["log(x)", -1, NaN],
    ["pi*x + e", 1, Math.PI + Math.E],
    ["x/3", 1, 1 / 3],
  ] as const)("%s at x = %d is %d", (text, x, expected) => {
    const v = evaluate(P(text), { x });
    if (Number.isNaN(expected) || !Number.isFinite(expected)) expect(v).toBe(expected);
    else expect(v).toBeCloseTo(expected, 14);
  });

  it("agrees with 50-digit evaluation for every function", () => {
    const at: Record<string, number> = { acosh: 1.7, asec: 1.9, acsc: 2.3, asech: 0.4, acoth: 1.6 };
    // The gamma family sums series after a recurrence (special-float.ts): a few ulps, not one.
    const tolerance: Record<string, number> = { gamma: 4e-15, loggamma: 4e-15, digamma: 4e-15, polygamma: 4e-15, beta: 4e-15 };
    for (const fn of FUNCTION_NAMES) {
      const x = at[fn] ?? 0.37;
      const e = call(fn, fn === "polygamma" ? [num(2), sym("x")] : FUNCTION_ARITY[fn] === 2 ? [sym("x"), num(2)] : [sym("x")]);
      const lo = evaluate(e, { x });
      const hi = evaluate(e, { x }, { precision: 50 });
      expect(Math.abs(lo - hi), fn).toBeLessThanOrEqual((tolerance[fn] ?? 4e-16) * Math.abs(hi));
    }
  });

  it("looks up only own properties, so any name is a plain variable", () => {
    const names = ["__proto__", "constructor", "toString", "hasOwnProperty", 'x"); process.exit(1); //'];
    const e = names.reduce<Expr>((acc, n) => call("atan2", [acc, sym(n)]), num(1));
    const record: Record<string, number> = {};
    names.forEach((n, i) => Object.defineProperty(record, n, { value: i + 1, enumerable: true }));
    const map = new Map(names.map((n, i) => [n, i + 1]));
    let expected = 1;
    names.forEach((_, i) => (expected = Math.atan2(expected, i + 1)));
    expect(evaluate(e, record)).toBe(expected);
    expect(evaluate(e, map)).toBe(expected);
    expect(() => evaluate(sym("constructor"), {})).toThrow(new DomainError("unbound variable 'constructor'"));
    expect(() => evaluate(sym("x"), Object.create({ x: 1 }) as Record<string, number>)).toThrow("unbound variable 'x'");
  });

  it("names the unbound variable", () => {
    expect(() => evaluate(P("x + y"), { x: 1 })).toThrow(DomainError);
    expect(() => evaluate(P("x + y"), { x: 1 })).toThrow("unbound variable 'y'");
  });

  // [formula, x, message]
  it.each([
    ["log(x)", -1, "log of a negative number: log(-1)"],
    ["log(x)", 0, "log of zero: log(0)"],
    ["sqrt(x)", -4, "square root of a negative number: sqrt(-4)"],
    ["1/x", 0, "division by zero: 1/0"],
    ["x^(-2)", 0, "division by zero: (0)^(-2)"],
    ["asin(x)", 2, "asin of a number outside [-1, 1]: asin(2)"],
    ["acosh(x)", 0.5, "acosh of a number below 1: acosh(0.5)"],
    ["atanh(x)", 1, "atanh of a number outside (-1, 1): atanh(1)"],
    ["coth(x)", 0, "coth of zero: coth(0)"],
    ["exp(x)", 1000, "overflow: exp(1000)"],
    ["x^(1/3)", -8, "power of a negative number to a non-integer exponent: (-8)^(0.3333333333333333)"],
  ] as const)("strict: %s at %d throws %s", (text, x, message) => {
    expect(() => evaluate(P(text), { x }, { strict: true })).toThrow(new DomainError(message));
    expect(Number.isFinite(evaluate(P(text), { x }))).toBe(false);
  });

  it("strict mode lets NaN inputs pass through without blaming an operation", () => {
    expect(evaluate(P("x + 1"), { x: NaN }, { strict: true })).toBeNaN();
  });

  it("evaluates each shared node once", () => {
    // Each level uses the previous one twice: a tree of 2^40 leaves, a graph of 80 nodes.
    let e: Expr = sym("x");
    for (let i = 0; i < 40; i++) e = call("atan2", [call("sin", [e]), call("cos", [e])]);
    let lookups = 0;
    const scope = new (class extends Map<string, number> {
      override get(k: string) {
        lookups++;
        return super.get(k);
      }
    })([["x", 0.3]]);
    const v = evaluate(e, scope);
    expect(lookups).toBe(1);
    expect(v).toBeCloseTo(0.3, 12); // atan2(sin u, cos u) = u for |u| < pi
  });

  it("handles nesting deeper than the JS stack would allow for recursion", () => {
    let e: Expr = sym("x");
    for (let i = 0; i < 1900; i++) e = call("sin", [e]);
    let expected = 0.5;
    for (let i = 0; i < 1900; i++) expected = Math.sin(expected);
    expect(evaluate(e, { x: 0.5 })).toBe(expected);
  });

  it("with precision, computes in BigNumber before rounding", () => {
    const e = P("exp(x) - 1");
    expect(evaluate(e, { x: 1e-20 })).toBe(0);
    expect(evaluate(e, { x: 1e-20 }, { precision: 50 })).toBe(1e-20);
    expect(evaluate(P("pi + 0*x"), { x: 0 }, { precision: 60 })).toBe(Math.PI);
    expect(evaluate(P("erf(x)"), { x: 1 }, { precision: 40 })).toBe(0.8427007929497149);
    expect(() => evaluate(P("log(x)"), { x: -1 }, { precision: 30, strict: true })).toThrow("log of a negative number: log(-1)");
    expect(() => evaluate(P("x"), { x: 1 }, { precision: 0 })).toThrow(RangeError);
  });
});

describe("erf", () => {
  const m = create(all!, { number: "BigNumber", precision: 60 });
  const reference = (v: number): number => {
    // erf(x) = 2/sqrt(pi) exp(-x^2) sum (2x^2)^n x / (2n+1)!!, every term positive.
    const x = m.bignumber(Math.abs(v));
    const q = x.times(x).times(2);
    let term = x;
    let sum = x;
    for (let n = 1; n < 5000; n++) {
      term = term.times(q).div(2 * n + 1);
      sum = sum.plus(term);
      if (term.lessThan(sum.times("1e-62"))) break;
    }
    const r = sum
      .times(x.times(x).neg().exp())
      .times(2)
      .div(m.bignumber(m.pi as never).sqrt())
      .toNumber();
    return v < 0 ? -r : r;
  };

  // Subnormal arguments are excluded: there erf(x) = (2/sqrt(pi)) x cannot be rounded to 1e-15.
  it("has relative error below 1e-15 on [-7, 7] and near zero", () => {
    const normal = (x: number) => x === 0 || Math.abs(x) > 1e-300;
    fc.assert(
      fc.property(fc.oneof(fc.double({ min: -7, max: 7, noNaN: true }), fc.double({ min: -1e-3, max: 1e-3, noNaN: true })).filter(normal), (x) => {
        const ref = reference(x);
        if (ref === 0) return erf(x) === 0;
        return Math.abs(erf(x) - ref) / Math.abs(ref) < 1e-15;
      }),
      { seed: 4, numRuns: 400 },
    );
  });

  it("is odd, saturates, and passes NaN", () => {
    expect(erf(-1.3)).toBe(-erf(1.3));
    expect(erf(Infinity)).toBe(1);
    expect(erf(-Infinity)).toBe(-1);
    expect(erf(NaN)).toBeNaN();
    expect(Object.is(erf(-0), -0)).toBe(true);
  });
});
