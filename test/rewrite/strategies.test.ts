import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { add, call, mul, sym } from "../../src/core/build.js";
import { DomainError, LimitError } from "../../src/core/errors.js";
import { canonicalViolations } from "../../src/core/invariants.js";
import type { Expr } from "../../src/core/node.js";
import { parse } from "../../src/parse/parser.js";
import "../../src/print/plain.js";
import { simplifyWithReport } from "../../src/rewrite/simplify.js";
import { STRATEGIES, NodeFacts, strategiesFor } from "../../src/rewrite/strategies.js";
import { distributeExp, negateSumFactor, pullSumSign } from "../../src/rewrite/sum-forms.js";
import { inverseForms, parityForm } from "../../src/rewrite/parity.js";
import { tanSecForm } from "../../src/rewrite/tan-sec.js";
import { mergeNestedRadicals } from "../../src/rewrite/radicals.js";
import { exprArb, numericallyEqual } from "./eval-support.js";

/** `make()`, or null when it stops on a budget or an exact division by zero. */
function attempt(make: () => Expr | null): Expr | null {
  try {
    return make();
  } catch (err) {
    if (err instanceof LimitError || err instanceof DomainError) return null;
    throw err;
  }
}

/** Products of exp factors, trig factors and sums, the shapes the exp and sign strategies act on. */
const productArb: fc.Arbitrary<Expr> = fc
  .tuple(exprArb, exprArb, fc.constantFrom(sym("x"), sym("y"), parse("x + y"), parse("-x")))
  .map(([a, b, u]) => mul(call("exp", [u]), a, b, parse("-1")));

const OUTER = ["sin", "cos", "tan", "sec", "sinh", "cosh", "tanh"] as const;
const INNER = ["asin", "acos", "atan", "asinh", "acosh", "atanh"] as const;

/**
 * Compositions with inverse functions of small arguments of any sign (moderate values, so float64
 * compares them), times or plus another expression.
 */
const inverseArb: fc.Arbitrary<Expr> = fc
  .tuple(
    fc.constantFrom(...OUTER),
    fc.constantFrom(...INNER),
    fc.constantFrom("x", "x/3", "x^2 - 1", "2*x + y", "1/x", "y - x^3", "sin(x)"),
    exprArb,
    fc.boolean(),
  )
  .map(([f, g, u, v, times]) => {
    const c = call(f, [call(g, [parse(u)])]);
    return times ? mul(c, v) : add(c, v);
  });

const TRIG = ["sin", "cos", "tan", "sec", "csc", "cot", "sinh", "cosh", "tanh", "sech"] as const;

/** Sums of products of trigonometric powers of x or 2*x (negative exponents included) and x. */
const trigArb: fc.Arbitrary<Expr> = fc
  .array(
    fc.tuple(
      fc.constantFrom(...TRIG),
      fc.constantFrom(...TRIG),
      fc.integer({ min: -3, max: 3 }),
      fc.integer({ min: -3, max: 3 }),
      fc.constantFrom("x", "2*x"),
      fc.integer({ min: -2, max: 2 }),
    ),
    { minLength: 1, maxLength: 3 },
  )
  .map((terms) => parse(terms.map(([f, g, a, b, u, c]) => `${c}*x*${f}(${u})^(${a})*${g}(x)^(${b})`).join(" + ")));

/** Products with nested radicals `(u^a)^b` (a of even denominator) beside other powers of u. */
const radicalArb: fc.Arbitrary<Expr> = fc
  .tuple(
    fc.constantFrom("x", "x + 1", "x^2 - 1", "-x", "y - x"),
    fc.constantFrom("1/2", "3/2", "-1/2", "1/4", "5/6"),
    fc.constantFrom("1/2", "1/3", "-1/2", "2/3", "3/4"),
    fc.constantFrom("1", "1/2", "-1", "x", "1/4"),
    exprArb,
  )
  .map(([u, a, b, c, v]) => mul(parse(`((${u})^(${a}))^(${b})*(${u})^(${c})`), v));

describe("strategy table", () => {
  it("has kebab-case ids and every entry is reachable from its kinds", () => {
    for (const s of STRATEGIES) {
      expect(s.id).toMatch(/^[a-z]+(-[a-z]+)*$/);
      for (const k of s.kinds) expect(strategiesFor(k)).toContain(s);
    }
  });

  for (const s of STRATEGIES) {
    it(`${s.id} (${s.kinds.join(", ")}) keeps values at random points, negative ones included`, () => {
      fc.assert(
        fc.property(fc.oneof(exprArb, productArb, inverseArb, trigArb, radicalArb), (e) => {
          if (!(s.kinds as readonly string[]).includes(e.kind)) return;
          const facts = new NodeFacts(e, {}, () => Infinity);
          const c = attempt(() => s.build(e, facts));
          if (c === null) return;
          expect(canonicalViolations(c)).toEqual([]);
          expect(numericallyEqual(e, c), `${String(e)} -> ${String(c)}`).toBe(true);
        }),
        { seed: 15, numRuns: 120 },
      );
    });
  }

  it.each([
    ["-exp(-z1)*(exp(z1 + z2) + exp(z1 + z3))/(exp(z1) + exp(z2) + exp(z3))", "-((exp(z2) + exp(z3))/(exp(z1) + exp(z2) + exp(z3)))"],
    ["exp(-x)*(exp(x) + 1)*y", "(exp(-x) + 1)*y"],
    ["x*exp(x)*(1 + y)", "x*exp(x)*(1 + y)"],
  ])("distributeExp(%s) = %s", (input, expected) => {
    expect(distributeExp(parse(input))).toBe(parse(expected));
  });

  // The corpus's derivatives never keep a multiplied-out product; products whose terms cancel do.
  it.each([
    ["(x + 1)*(x - 1)", "x^2 - 1"],
    ["(x - 1)*(x^2 + x + 1)", "x^3 - 1"],
    ["y*(x + 1)*(x - 1)", "x^2*y - y"],
    ["(x + 1)*(x - 1)*(x^2 + 1)", "x^4 - 1"],
  ])("the expand strategy multiplies out the product %s to %s", (input, expected) => {
    const report = simplifyWithReport(parse(input));
    expect(report.result).toBe(parse(expected));
    expect(report.steps).toContain("expand");
  });

  it.each([
    ["x^2*(sin(x)^2 + 1)/cos(x)^3 + 4*x*sec(x)*tan(x) + 2*sec(x)", "sec(x)*(2*x^2*tan(x)^2 + x^2 + 4*x*tan(x) + 2)"],
    ["sin(x)^2/cos(x)^4", "tan(x)^2*(tan(x)^2 + 1)"],
    ["sinh(x)/cosh(x)^3", "tanh(x)*(1 - tanh(x)^2)"],
    ["sin(x)^3/cos(x)", "sin(x)^3/cos(x)"],
  ])("tanSecForm(%s) = %s", (input, expected) => {
    expect(tanSecForm(parse(input))).toBe(parse(expected));
  });

  it.each([
    ["sqrt(sqrt(x + 1))", "(x + 1)^(1/4)"],
    ["4*sqrt(sqrt(x + 1))*sqrt(x + 1)", "4*(x + 1)^(3/4)"],
    ["(x^(3/2))^(1/3)*y", "sqrt(x)*y"],
    ["(x^(1/3))^(1/2)", null], // x^(1/3) is not known to be nonnegative where defined
    ["sqrt(x)*y", null],
  ])("mergeNestedRadicals(%s) = %s", (input, expected) => {
    expect(mergeNestedRadicals(parse(input))).toBe(expected === null ? null : parse(expected));
  });

  it.each([
    ["sin(-x)", "-sin(x)"],
    ["cos(1 - x)", "cos(x - 1)"],
    ["tanh(-2*x - 1)", "-tanh(2*x + 1)"],
    ["abs(-x)", "abs(x)"],
    ["acot(-x)", "acot(-x)"],
    ["sin(x - 1)", "sin(x - 1)"],
  ])("parityForm(%s) = %s", (input, expected) => {
    expect(parityForm(parse(input))).toBe(parse(expected));
  });

  it.each([
    ["x*cosh(asinh(x))/sqrt(x^2 + 1) + sinh(asinh(x))", "2*x"],
    ["cos(asin(x/2))*y", "y*sqrt(1 - x^2/4)"],
    ["tan(acos(x))", "sqrt(1 - x^2)/x"],
  ])("inverseForms(%s) = %s", (input, expected) => {
    expect(inverseForms(parse(input))).toBe(parse(expected));
  });

  it.each([
    ["-x*exp(-x)*(x - 2)", "x*exp(-x)*(2 - x)"],
    ["-3*y*(x - 1)^3", "3*y*(1 - x)^3"],
    ["-(x + 1)*(y + 1)", "-(x + 1)*(y + 1)"],
  ])("negateSumFactor(%s) = %s", (input, expected) => {
    expect(negateSumFactor(parse(input))).toBe(parse(expected));
  });

  // [input, expected]: the sign of an all-negative sum factor goes outside; the printed forms of
  // the results are checked too, since the point is the display.
  it.each([
    ["x^2*cot(u)*(-288*cot(u)^2 - 240)", "-x^2*cot(u)*(288*cot(u)^2 + 240)"],
    ["y*(-x - 1)^3", "-y*(x + 1)^3"],
    ["2*y*(-x - 1)/z", "-2*y*(x + 1)/z"],
    // unchanged: a sum with a positive term, an even power, a negative coefficient, no plain numerator factor
    ["y*(x - 1)", "y*(x - 1)"],
    ["y*(-x - 1)^2", "y*(-x - 1)^2"],
    ["-2*y*(-x - 1)", "-2*y*(-x - 1)"],
    ["(-6*x - 3)/(x^2 + x + 1)^4", "(-6*x - 3)/(x^2 + x + 1)^4"],
  ])("pullSumSign(%s) = %s", (input, expected) => {
    const out = pullSumSign(parse(input));
    expect(out).toBe(parse(expected));
    expect(String(out)).toBe(expected);
  });
});
