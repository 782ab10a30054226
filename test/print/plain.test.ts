import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { add, call, div, E, HALF, logBase, MINUS_ONE, mul, neg, num, ONE, PI, pow, sqrt, sub, sym, TWO } from "../../src/core/build.js";
import { canonicalViolations } from "../../src/core/invariants.js";
import type { Expr } from "../../src/core/node.js";
import { Rational } from "../../src/core/rational.js";
import { parse } from "../../src/parse/parser.js";
import { print } from "../../src/print/plain.js";
import { displayTerms, firstDisplayedTerm, isNegativeTerm, startsWithMinus } from "../../src/print/layout.js";
import { arbExpr } from "../support/arbitrary.js";

const x = sym("x");
const y = sym("y");
const z = sym("z");
const [b, t, w] = [sym("b"), sym("t"), sym("w")];
const q = (n: number, d = 1) => num(Rational.of(n, d));
const f = (name: Parameters<typeof call>[0], ...args: Expr[]) => call(name, args);
const x1 = add(x, ONE);
const y1 = add(y, ONE);

/** [printed form, expression]. Each row is also checked canonical and reparsed to the same node. */
const GOLDEN: [string, () => Expr][] = [
  // numbers and atoms
  ["3", () => q(3)],
  ["-3", () => q(-3)],
  ["1/2", () => HALF],
  ["-1/2", () => q(-1, 2)],
  ["pi", () => PI],
  ["e", () => E],
  ["theta_2", () => sym("theta_2")],
  ["123456789012345678901234567890", () => num(123456789012345678901234567890n)],
  // sums: degree order, constant last, ` - ` for negative terms, a positive term first when there is one
  ["2*x + 3", () => add(mul(TWO, x), q(3))],
  ["x^2 - 2*x + 1", () => add(pow(x, TWO), mul(q(-2), x), ONE)],
  ["x - 1", () => sub(x, ONE)],
  ["1 - x", () => sub(ONE, x)],
  ["1 - x^2", () => sub(ONE, pow(x, TWO))],
  ["9 - x^2", () => sub(q(9), pow(x, TWO))],
  ["y - x - x^2", () => sub(y, add(pow(x, TWO), x))],
  ["-x^2 - x - 1", () => neg(add(pow(x, TWO), x, ONE))],
  // the highest degree negative: lowest degree first when that puts a positive term first
  ["x - x^3/6 + x^5/120 - x^7/5040", () => add(x, mul(q(-1, 6), pow(x, q(3))), mul(q(1, 120), pow(x, q(5))), mul(q(-1, 5040), pow(x, q(7))))],
  ["1 + x - x^3", () => add(ONE, x, neg(pow(x, q(3))))],
  // a power of a sum counts its exponent times the sum's degree, a sum factor the sum's degree
  ["(x - 1)^3/2 + (x - 1)^2 + x", () => add(mul(HALF, pow(sub(x, ONE), q(3))), pow(sub(x, ONE), TWO), x)],
  ["x^3*(y^2 + 1) + x^2*y + x", () => add(mul(pow(x, q(3)), add(pow(y, TWO), ONE)), mul(pow(x, TWO), y), x)],
  // a polynomial in one function call is in degree order too; other sums keep calls out of the degree
  ["24*tan(x)^4 + 28*tan(x)^2 + 5", () => add(mul(q(24), pow(f("tan", x), q(4))), mul(q(28), pow(f("tan", x), TWO)), q(5))],
  ["1 + 2*cos(x) - cos(x)^3", () => add(ONE, mul(TWO, f("cos", x)), neg(pow(f("cos", x), q(3))))],
  ["x + sin(x)^2", () => add(x, pow(f("sin", x), TWO))],
  ["cos(y)^3 + sin(x)^2", () => add(pow(f("sin", x), TWO), pow(f("cos", y), q(3)))],
  // both ends negative: the first positive term leads
  ["2*x - x^2 - 1", () => add(mul(TWO, x), neg(pow(x, TWO)), MINUS_ONE)],
  ["-x - 1", () => neg(x1)],
  ["x^3 + x*y + y - 1/2", () => add(y, mul(x, y), pow(x, q(3)), q(-1, 2))],
  ["x + 1/x", () => add(pow(x, MINUS_ONE), x)],
  ["pi + sin(x)", () => add(f("sin", x), PI)],
  ["3*x + 2*y", () => add(mul(TWO, y), mul(q(3), x))],
  ["x - sqrt(2)/2", () => sub(x, mul(HALF, sqrt(TWO)))],
  ["z - (x + 1)*(y + 1)", () => sub(z, mul(x1, y1))],
  ["z^2 - 2*(x + 1)*(y + 1)", () => sub(pow(z, TWO), mul(TWO, x1, y1))],
  // products: coefficient first, sums last, negative powers in a denominator
  ["2*x*(w*x + b - t)", () => mul(TWO, x, add(mul(w, x), b, neg(t)))],
  ["x^x*(log(x) + 1)", () => mul(pow(x, x), add(f("log", x), ONE))],
  ["6*x*y^2", () => mul(q(6), x, pow(y, TWO))],
  ["-x", () => neg(x)],
  ["-x*y", () => neg(mul(x, y))],
  ["-1/x^2", () => neg(pow(x, q(-2)))],
  ["1/x", () => pow(x, MINUS_ONE)],
  ["1/x^2", () => pow(x, q(-2))],
  ["x/sqrt(x^2 + 1)", () => div(x, sqrt(add(pow(x, TWO), ONE)))],
  ["3*x/2", () => mul(q(3, 2), x)],
  ["x/2", () => mul(HALF, x)],
  ["-x/2", () => mul(q(-1, 2), x)],
  ["2/(3*x)", () => div(TWO, mul(q(3), x))],
  ["1/(x*y)", () => div(ONE, mul(x, y))],
  ["exp(x)/x", () => div(f("exp", x), x)],
  ["(x + 1)/(x - 1)", () => div(x1, sub(x, ONE))],
  ["x*y/(2*z)", () => div(mul(x, y), mul(TWO, z))],
  ["-3*x/(2*y^2)", () => div(mul(q(-3), x), mul(TWO, pow(y, TWO)))],
  ["(x + 1)*(y + 1)", () => mul(x1, y1)],
  ["2*(x + 1)*(y + 1)", () => mul(TWO, x1, y1)],
  ["-((x + 1)*(y + 1))", () => mul(MINUS_ONE, x1, y1)],
  ["-((x + 1)/x)", () => mul(MINUS_ONE, x1, pow(x, MINUS_ONE))],
  ["x/(y + 1)/3", () => mul(q(1, 3), x, pow(y1, MINUS_ONE))],
  ["2*2^x", () => mul(TWO, pow(TWO, x))],
  ["-2^x", () => neg(pow(TWO, x))],
  ["sqrt(2)*sqrt(3)/6", () => div(mul(sqrt(TWO), sqrt(q(3))), q(6))],
  ["-sqrt(2)/2", () => neg(div(sqrt(TWO), TWO))],
  ["log(x)/log(2)", () => logBase(x, TWO)],
  // powers
  ["x^2", () => pow(x, TWO)],
  ["sqrt(x)", () => sqrt(x)],
  ["1/sqrt(x)", () => pow(x, q(-1, 2))],
  ["x^(3/2)", () => pow(x, q(3, 2))],
  ["1/x^(3/2)", () => pow(x, q(-3, 2))],
  ["x^(1/3)", () => pow(x, q(1, 3))],
  ["(x + 1)^2", () => pow(x1, TWO)],
  ["(2*x)^y", () => pow(mul(TWO, x), y)],
  ["x^(y + 1)", () => pow(x, y1)],
  ["x^(2*y)", () => pow(x, mul(TWO, y))],
  ["x^(y/2)", () => pow(x, mul(HALF, y))],
  ["2^x", () => pow(TWO, x)],
  ["1/2^x", () => pow(TWO, neg(x))],
  ["(1/2)^x", () => pow(HALF, x)],
  ["(-2)^x", () => pow(q(-2), x)],
  ["(-1)^(1/2)", () => pow(MINUS_ONE, HALF)],
  ["(-2)^(3/2)", () => pow(q(-2), q(3, 2))],
  ["1/(-1)^(1/2)", () => pow(MINUS_ONE, q(-1, 2))],
  ["1/x^y", () => pow(x, neg(y))],
  ["1/x^(2*y)", () => pow(x, mul(q(-2), y))],
  ["x^x", () => pow(x, x)],
  ["x^y^z", () => pow(x, pow(y, z))],
  ["(x^y)^z", () => pow(pow(x, y), z)],
  ["x^(1/y)", () => pow(x, pow(y, MINUS_ONE))],
  ["sqrt(2)", () => sqrt(TWO)],
  ["sqrt(x*y)", () => sqrt(mul(x, y))],
  ["1/sqrt(x*y)", () => pow(mul(x, y), q(-1, 2))],
  ["sqrt(-x)", () => sqrt(neg(x))],
  ["(-x)^y", () => pow(neg(x), y)],
  ["abs(x)", () => sqrt(pow(x, TWO))],
  ["abs(x)^(4/3)", () => pow(pow(x, q(4)), q(1, 3))],
  ["sqrt(x)^y", () => pow(sqrt(x), y)],
  ["sqrt(x/y)", () => sqrt(div(x, y))],
  ["(1/x)^y", () => pow(pow(x, MINUS_ONE), y)],
  ["sin(x)^2", () => pow(f("sin", x), TWO)],
  ["pi^(3/2)", () => pow(PI, q(3, 2))],
  // calls
  ["sin(x)", () => f("sin", x)],
  ["atan2(y, x)", () => f("atan2", y, x)],
  ["exp(x)", () => f("exp", x)],
  ["exp(-x)", () => f("exp", neg(x))],
  ["abs(x - 1)", () => f("abs", sub(x, ONE))],
  ["sech(x^2 + 1)^2", () => pow(f("sech", add(pow(x, TWO), ONE)), TWO)],
];

describe("plain printer: golden table", () => {
  it("has enough rows", () => {
    expect(GOLDEN.length).toBeGreaterThanOrEqual(60);
  });

  it.each(GOLDEN)("%s", (expected, build) => {
    const e = build();
    expect(canonicalViolations(e)).toEqual([]);
    expect(print(e)).toBe(expected);
    expect(String(e)).toBe(expected);
    expect(parse(expected)).toBe(e);
  });
});

describe("plain printer: parse(print(e)) === e", () => {
  it("for random canonical expressions", () => {
    fc.assert(
      fc.property(arbExpr(4), (e) => {
        expect(parse(print(e))).toBe(e);
      }),
      { seed: 20240611, numRuns: 3000 },
    );
  });
});

describe("plain printer: size and depth", () => {
  it("prints 2000-deep nestings of every kind", () => {
    let chain: Expr = x;
    let tower: Expr = x;
    let mixed: Expr = x;
    for (let i = 0; i < 1990; i++) {
      chain = f("sin", chain);
      tower = pow(y, tower);
      mixed = i % 3 === 0 ? add(mixed, ONE) : i % 3 === 1 ? mul(y, mixed) : pow(mixed, HALF);
    }
    expect(print(chain)).toBe("sin(".repeat(1990) + "x" + ")".repeat(1990));
    expect(print(tower)).toBe("y^".repeat(1990) + "x");
    expect(parse(print(mixed))).toBe(mixed);
  });

  it("prints a shared graph as its tree (each occurrence in full)", () => {
    let e: Expr = add(x, ONE);
    for (let i = 0; i < 10; i++) e = mul(e, add(e, ONE));
    const s = print(e);
    expect(parse(s)).toBe(e);
    // e(i+1) = e(i)*(e(i) + 1) holds e(i) twice, so x occurs 2^10 times.
    expect(s.split("x").length - 1).toBe(2 ** 10);
  });
});

describe("display order of a univariate polynomial", () => {
  // Degrees in display order are monotone unless both the highest- and the lowest-degree
  // terms are negative; the first term is negative only when every term is.
  const polynomials = fc.uniqueArray(fc.integer({ min: 0, max: 9 }), { minLength: 2, maxLength: 7 }).chain((degrees) =>
    fc.tuple(
      fc.constant(degrees),
      fc.array(
        fc.integer({ min: -5, max: 5 }).filter((c) => c !== 0),
        { minLength: degrees.length, maxLength: degrees.length },
      ),
    ),
  );
  it("keeps degree order and leads with a positive term when there is one", () => {
    fc.assert(
      fc.property(polynomials, ([degrees, coefficients]) => {
        const s = add(...degrees.map((d, i) => mul(q(coefficients[i]!), pow(x, q(d)))));
        expect(parse(print(s))).toBe(s);
        const byDegree = degrees.map((d, i) => [d, coefficients[i]!] as const).sort((a, b) => a[0] - b[0]);
        const shown = displayTerms(s.args).map((t) => degrees[degrees.findIndex((d, i) => mul(q(coefficients[i]!), pow(x, q(d))) === t)]!);
        const ascending = shown.every((d, i) => i === 0 || d > shown[i - 1]!);
        const descending = shown.every((d, i) => i === 0 || d < shown[i - 1]!);
        const endsNegative = byDegree[0]![1] < 0 && byDegree[byDegree.length - 1]![1] < 0;
        if (!endsNegative) expect(ascending || descending).toBe(true);
        const first = coefficients[degrees.indexOf(shown[0]!)]!;
        expect(first < 0).toBe(coefficients.every((c) => c < 0));
      }),
      { seed: 15, numRuns: 300 },
    );
  });
});

describe("firstDisplayedTerm", () => {
  it("is the first term of displayTerms, found without sorting (and startsWithMinus is its sign)", () => {
    const sums = fc
      .array(arbExpr(2), { minLength: 2, maxLength: 6 })
      .map((ts) => add(...ts))
      .filter((s) => s.kind === "add");
    fc.assert(
      fc.property(sums, (s) => {
        expect(firstDisplayedTerm(s.args)).toBe(displayTerms(s.args)[0]);
        expect(startsWithMinus(s.args)).toBe(isNegativeTerm(displayTerms(s.args)[0]!));
      }),
      { seed: 11, numRuns: 500 },
    );
  });

  it.each([
    ["x + x^3 + 2", "x^3"],
    ["x*y + x^2 + 1", "x^2"], // equal degrees: canonical order decides, as in the printout
    ["sin(x) + 3", "sin(x)"],
  ])("of %s is %s", (text, first) => {
    const s = parse(text);
    expect(firstDisplayedTerm(s.args)).toBe(parse(first));
  });
});
