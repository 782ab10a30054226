// mathjs interop: values agree through toMathjs, fromMathjs reads parsed mathjs trees, round trips
// are the identity on canonical nodes, unsupported input fails with a DomainError.
import fc from "fast-check";
import * as math from "mathjs";
import { describe, expect, it } from "vitest";
import { DomainError } from "../../src/core/errors.js";
import { evaluate } from "../../src/numeric/evaluate.js";
import { fromMathjs, toMathjs } from "../../src/numeric/mathjs-interop.js";
import { parse } from "../../src/parse/parser.js";
import { print } from "../../src/print/plain.js";
import { arbExpr } from "../support/arbitrary.js";

/** Functions toMathjs writes through others (mathjs lacks them), so they do not round-trip. */
const REWRITTEN = /\b(heaviside|erfc|round|beta|digamma|polygamma|xlogy)\(/;
/**
 * Functions whose mathjs values differ from float64 ones beyond the tolerance: mathjs floor and
 * ceil snap to a nearby integer (relTol), its lgamma is NaN below 0, and its gamma and erf are
 * accurate to about 1e-12 only.
 */
const MATHJS_DIFFERS = /\b(floor|ceil|round|gamma|loggamma|beta|erfc|digamma|polygamma)\(/;

describe("toMathjs", () => {
  it.each([
    ["heaviside(x) + heaviside(x - 1/2)", 0.5],
    ["erfc(x) + round(x) + beta(x, y) + loggamma(x) + gamma(y)", 0.5],
    ["max(x, y, 1) + min(x, y) + floor(x) + ceil(y)", 0.5],
  ] as const)("%s evaluates to the same value in mathjs at x = %d", (text, x) => {
    const e = parse(text);
    const scope = { x, y: 0.7 };
    expect(toMathjs(e).evaluate(scope)).toBeCloseTo(evaluate(e, scope), 9); // mathjs erf and gamma are less accurate
  });

  it("refuses digamma and polygamma, which mathjs lacks", () => {
    expect(() => toMathjs(parse("digamma(x)"))).toThrow(new DomainError("digamma has no mathjs equivalent"));
  });

  it.each(["x^2 + 3*x + 2", "tanh(x*y) + x^2*y/3 - pi*acot(y) + e", "erf(x) + atan2(x, y) + cbrt(-x) + sign(x - y)", "sqrt(x + 1)/(1 + y^2) + log(x + 2)"])(
    "%s evaluates to the same value in mathjs",
    (text) => {
      const e = parse(text);
      const node = toMathjs(e);
      const scope = { x: 0.3, y: 0.7 };
      expect(node.evaluate(scope)).toBeCloseTo(evaluate(e, scope), 14);
      expect(math.evaluate(node.toString(), scope)).toBeCloseTo(evaluate(e, scope), 14);
    },
  );

  // Points avoid signed zeros (mathjs adds -0 differently) and subnormals; mathjs may throw where
  // an intermediate value is complex (it then passes a Complex to a real-only function).
  it("agrees with evaluate at random points wherever both are real", () => {
    const coordinate = fc.double({ min: -2, max: 2, noNaN: true }).filter((v) => Math.abs(v) > 1e-6);
    fc.assert(
      fc.property(arbExpr(3), fc.array(coordinate, { minLength: 3, maxLength: 3 }), (e, p) => {
        if (MATHJS_DIFFERS.test(print(e))) return true;
        const scope = { x: p[0]!, y: p[1]!, z: p[2]! };
        const ours = evaluate(e, scope);
        let theirs: unknown;
        try {
          theirs = toMathjs(e).evaluate(scope);
        } catch (err) {
          if (err instanceof TypeError && /Complex/.test(err.message)) return true;
          if (err instanceof DomainError && /no mathjs equivalent/.test(err.message)) return true;
          throw err;
        }
        if (typeof theirs !== "number" || !Number.isFinite(ours) || !Number.isFinite(theirs) || Math.abs(ours) > 1e6) return true;
        return Math.abs(ours - theirs) <= 1e-9 * Math.max(1, Math.abs(ours));
      }),
      { seed: 21, numRuns: 300 },
    );
  });
});

describe("fromMathjs", () => {
  // [mathjs text, symgrad text of the same expression]
  it.each([
    ["x^2 + 3x + 2", "x^2 + 3*x + 2"],
    ["(x - y) / 2", "x/2 - y/2"],
    ["-x + +y", "y - x"],
    ["sqrt(x) * log(x, 2)", "sqrt(x)*log(x)/log(2)"],
    ["log10(x) + log2(y)", "log(x)/log(10) + log(y)/log(2)"],
    ["sin(pi * x) + exp(e) + PI", "sin(pi*x) + exp(e) + pi"],
    ["0.1 * x", "x/10"],
    ["erf(atan2(y, x))", "erf(atan2(y, x))"],
    // A chain of products is one product, as the text parser reads it; a parenthesised one is not.
    ["2 * (pi * x + 1) * (3 * x + z)", "2*(pi*x + 1)*(3*x + z)"],
    ["(2 * (x + 1)) * y", "(2*x + 2)*y"],
  ])("%s", (text, expected) => {
    expect(fromMathjs(math.parse(text))).toBe(parse(expected));
  });

  it("reads BigNumber constants exactly", () => {
    const m = math.create(math.all, { number: "BigNumber", precision: 40 });
    expect(fromMathjs(m.parse("0.1 * x"))).toBe(parse("x/10"));
  });

  it.each(["log(620448401733239439360000) + 3*x", "x - 2^70", "x/12345678901234567890123"])(
    "writes integers beyond 2^53 exactly (BigNumber constants) and reads them back: %s",
    (text) => {
      const e = parse(text);
      expect(fromMathjs(toMathjs(e))).toBe(e);
    },
  );

  it("round-trips canonical expressions", () => {
    fc.assert(
      fc.property(
        arbExpr(3).filter((e) => !REWRITTEN.test(print(e))),
        (e) => fromMathjs(toMathjs(e)) === e,
      ),
      { seed: 22, numRuns: 200 },
    );
  });

  it.each([
    ["lcm(x, 2)", "unsupported mathjs function 'lcm' with 2 argument(s)"],
    ["sin(x, y)", "unsupported mathjs function 'sin' with 2 argument(s)"],
    ["x mod 2", "unsupported mathjs operator 'mod' (mod)"],
    ["[1, 2]", "unsupported mathjs node type 'ArrayNode'"],
    ["'text'", "unsupported mathjs constant: text"],
  ])("%s is a DomainError", (text, message) => {
    expect(() => fromMathjs(math.parse(text))).toThrow(new DomainError(message));
  });
});
