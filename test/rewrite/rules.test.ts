// Soundness of every rule: both sides, with random expressions bound to the wildcards, agree at
// random real points (negative ones included) wherever both are finite.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { add, call, mul, num, sym } from "../../src/core/build.js";
import { DomainError } from "../../src/core/errors.js";
import type { Expr } from "../../src/core/node.js";
import { parse } from "../../src/parse/parser.js";
import { isNonnegative, isPositive } from "../../src/rewrite/assumptions.js";
import { applyRule, compileRule, compiledRules } from "../../src/rewrite/engine.js";
import { instantiate, matchTop, mayMatchTop } from "../../src/rewrite/pattern.js";
import { RULES } from "../../src/rewrite/rules.js";
import { exprArb, numericallyEqual } from "./eval-support.js";

/** A positive expression built from `e`, for wildcards a rule requires positive or nonnegative. */
const positiveArb = exprArb.map((e): Expr => add(num(1), call("exp", [e])));

describe("rule soundness", () => {
  it.each(compiledRules().map((r) => [r.rule.id, r] as const))("%s", (_id, r) => {
    const names = [...r.wildcards.keys()];
    const bindingsArb = fc.tuple(...names.map((n) => (r.rule.require?.[n] !== undefined ? positiveArb : exprArb)));
    fc.assert(
      fc.property(bindingsArb, (values) => {
        const b = new Map(names.map((n, i) => [n, values[i]!]));
        for (const [n, p] of Object.entries(r.rule.require ?? {})) {
          const v = b.get(n)!;
          expect(p === "positive" ? isPositive(v, {}) : isNonnegative(v, {})).toBe(true);
        }
        let lhs: Expr;
        let rhs: Expr;
        try {
          lhs = instantiate(r.lhs, b, r.wildcards);
          rhs = instantiate(r.rhs, b, r.wildcards);
        } catch (err) {
          // An exact division by zero (sin(0) in a denominator): the instance is undefined.
          if (err instanceof DomainError) return;
          throw err;
        }
        expect(numericallyEqual(lhs, rhs), `${String(lhs)} vs ${String(rhs)}`).toBe(true);
      }),
      { seed: 31, numRuns: 60 },
    );
  });

  it("every rule compiles and its left side matches an instance of itself", () => {
    const x = sym("x");
    for (const r of compiledRules()) {
      const b = new Map([...r.wildcards.keys()].map((n, i) => [n, i === 0 ? x : sym(`q${i}`)]));
      const lhs = instantiate(r.lhs, b, r.wildcards);
      if (lhs.kind === r.lhs.kind) expect(matchTop(r.lhs, lhs).length, r.rule.id).toBeGreaterThan(0);
    }
  });

  it("rejects a rule whose left side is a bare wildcard", () => {
    expect(() => compileRule({ id: "bad", lhs: "exp(log(u_))", rhs: "u_" })).toThrow("rule bad: the left side is a bare wildcard after canonicalisation");
    expect(() => compileRule({ id: "bad2", lhs: "sin(u_)", rhs: "v_" })).toThrow("rule bad2: v_ is not bound by the left side");
  });

  it("has distinct kebab-case ids", () => {
    const ids = RULES.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
  });
});

describe("matching modulo order with a rest", () => {
  const rule = (id: string) => compiledRules().find((r) => r.rule.id === id)!;
  it.each([
    ["pythagorean-sin-cos", "3*cos(x)^2 + y + 3*sin(x)^2", "y + 3"],
    ["pythagorean-sin-cos", "-y*sin(x+1)^2 - y*cos(x+1)^2", "-y"],
    ["pythagorean-cosh-sinh", "cosh(x)^2 - sinh(x)^2 + x", "x + 1"],
    ["exp-product", "2*exp(x)*y*exp(y)", "2*y*exp(x + y)"],
    ["sqrt-of-square", "sqrt((x-1)^2)", "abs(x - 1)"],
    ["cot-squared-plus-one-factor", "2*cot(x)*(cot(x)^2 + 1)", "2*cot(x)/sin(x)^2"],
    ["coth-squared-minus-one-factor", "y*(coth(x + 1)^2 - 1)", "y/sinh(x + 1)^2"],
    ["double-angle-cos-from-cos", "2*cos(x)^2 - 1", "cos(2*x)"],
    ["double-angle-cos-from-cos", "6*y*cos(x)^2 + x - 3*y", "3*y*cos(2*x) + x"],
    ["double-angle-cos-from-sin", "1 - 2*sin(x + 1)^2", "cos(2*x + 2)"],
    ["double-angle-cosh-from-cosh", "2*cosh(x)^2 - 1", "cosh(2*x)"],
    ["double-angle-cosh-from-sinh", "2*sinh(x)^2 + 1", "cosh(2*x)"],
  ])("%s: %s -> %s", (id, input, expected) => {
    expect(applyRule(rule(id), parse(input))).toContain(parse(expected));
  });

  it.each([
    ["pythagorean-sin-cos", "2*sin(x)^2 + 3*cos(x)^2"],
    ["pythagorean-sin-cos", "sin(x)^2 + cos(y)^2"],
    ["sqrt-of-square-nonnegative", "sqrt(x^2)"],
    ["double-angle-cos-from-cos", "2*cos(x)^2 + 1"],
    ["double-angle-cos-from-cos", "3*cos(x)^2 - 1"],
  ])("%s does not rewrite %s", (id, input) => {
    expect(applyRule(rule(id), parse(input))).toEqual([]);
  });

  it("the shape prefilter never rejects a subject that matches", () => {
    const rules = compiledRules();
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: rules.length - 1 }),
        fc.array(exprArb, { minLength: 3, maxLength: 3 }),
        exprArb,
        fc.boolean(),
        (i, values, extra, asSum) => {
          const r = rules[i]!;
          const b = new Map([...r.wildcards.keys()].map((n, k) => [n, values[k % values.length]!]));
          let instance: Expr;
          try {
            instance = instantiate(r.lhs, b, r.wildcards);
          } catch (err) {
            if (err instanceof DomainError) return;
            throw err;
          }
          for (const subject of [instance, asSum ? add(instance, extra) : mul(instance, extra), extra]) {
            if (matchTop(r.lhs, subject).length > 0) expect(mayMatchTop(r.lhs, subject), `${r.rule.id} on ${String(subject)}`).toBe(true);
          }
        },
      ),
      { seed: 32, numRuns: 3000 },
    );
  });

  it.each([
    ["exp-product", "x*exp(x)", false], // two parts of one shape need two factors of it
    ["exp-product", "x*exp(x)*exp(y)", true],
    ["double-angle-sin", "x*sin(x)", false],
    ["double-angle-sin", "sin(x)*cos(y)", true], // the shapes are there; matchTop finds u differs
  ])("the shape prefilter of %s on %s is %s", (id, input, expected) => {
    expect(mayMatchTop(rule(id).lhs, parse(input))).toBe(expected);
  });

  it("conditional rules apply under the stated assumption only", () => {
    const r = rule("sqrt-of-square-nonnegative");
    expect(applyRule(r, parse("sqrt(x^2)"), { x: "nonnegative" })).toEqual([parse("x")]);
    expect(applyRule(r, parse("sqrt(x^2)"), { y: "positive" })).toEqual([]);
  });
});
