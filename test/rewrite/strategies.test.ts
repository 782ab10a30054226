import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { add, call, mul, sym } from "../../src/core/build.js";
import { DomainError, LimitError } from "../../src/core/errors.js";
import { canonicalViolations } from "../../src/core/invariants.js";
import type { Expr } from "../../src/core/node.js";
import { parse } from "../../src/parse/parser.js";
import { STRATEGIES, NodeFacts, strategiesFor } from "../../src/rewrite/strategies.js";
import { distributeExp, negateSumFactor } from "../../src/rewrite/sum-forms.js";
import { inverseForms, parityForm } from "../../src/rewrite/parity.js";
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

/** Compositions with inverse functions, times or plus another expression; arguments of any sign. */
const inverseArb: fc.Arbitrary<Expr> = fc
  .tuple(fc.constantFrom(...OUTER), fc.constantFrom(...INNER), exprArb, exprArb, fc.boolean())
  .map(([f, g, u, v, times]) => {
    const c = call(f, [call(g, [mul(u, parse("1/3"))])]);
    return times ? mul(c, v) : add(c, v);
  });

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
        fc.property(fc.oneof(exprArb, productArb, inverseArb), (e) => {
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
});
