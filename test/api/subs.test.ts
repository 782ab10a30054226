// subs: simultaneous substitution, exact folding of the result, typed errors.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { diff } from "../../src/api/calculus.js";
import { subs } from "../../src/api/subs.js";
import { sym } from "../../src/core/build.js";
import { DomainError, ParseError } from "../../src/core/errors.js";
import { canonicalViolations } from "../../src/core/invariants.js";
import type { Expr } from "../../src/core/node.js";
import { evaluate } from "../../src/numeric/evaluate.js";
import { parse } from "../../src/parse/parser.js";
import { arbExpr } from "../support/arbitrary.js";

const P = (s: string) => parse(s);

describe("subs", () => {
  // [expression, bindings, expected]
  it.each([
    ["x^2 + y", { x: 2, y: "z^2" }, "z^2 + 4"],
    ["x + 2*y", { x: "y", y: "x" }, "y + 2*x"],
    ["sin(x)*cos(y)", { x: "pi/2", y: 0 }, "1"],
    ["x/3", { x: 0.5 }, "1/6"],
    ["x^2", { x: 10n ** 20n }, "10^40"],
    ["exp(x)", { x: "log(y)" }, "y"],
    ["x + y", {}, "x + y"],
    ["f*x", { f: "x" }, "x^2"],
  ] as const)("subs(%s, %o) is %s", (input, bindings, expected) => {
    const e = subs(input, bindings);
    expect(canonicalViolations(e)).toEqual([]);
    expect(e).toBe(P(expected));
  });

  it("folds a derivative at a point exactly", () => {
    expect(String(subs(diff("sin(x)", "x"), { x: "pi" }))).toBe("-1");
    expect(String(subs(diff("tan(x)", "x"), { x: "pi/4" }))).toBe("2");
    expect(String(subs(diff("sqrt(x)", "x"), { x: 8 }))).toBe("sqrt(2)/8");
  });

  it("takes a Map keyed by name or symbol, and names that are Object properties", () => {
    expect(
      subs(
        "x*y",
        new Map<string | Expr, string | number>([
          [sym("x"), 3],
          ["y", "z"],
        ]),
      ),
    ).toBe(P("3*z"));
    const bindings: Record<string, number> = {};
    Object.defineProperty(bindings, "__proto__", { value: 2, enumerable: true });
    expect(subs("__proto__ + constructor", bindings)).toBe(P("constructor + 2"));
    expect(subs("constructor", {})).toBe(P("constructor"));
  });

  it("refuses bad input with typed errors", () => {
    expect(() => subs("1/x", { x: 0 })).toThrow(DomainError);
    expect(() => subs("x", { x: "1 +" })).toThrow(ParseError);
    expect(() => subs("x", { x: NaN })).toThrow(RangeError);
    expect(() => subs("x", { "x+1": 2 })).toThrow("expected one variable name but found '+' after 'x'");
    expect(() => subs("x", null as unknown as Record<string, number>)).toThrow(TypeError);
  });

  it("preserves values (property)", () => {
    fc.assert(
      fc.property(arbExpr(3), fc.integer({ min: -20, max: 20 }), fc.integer({ min: -20, max: 20 }), (e, a, b) => {
        const x = a / 8;
        const y = b / 8;
        let s: Expr;
        try {
          s = subs(e, { x, y: "x + 1" });
        } catch (err) {
          if (err instanceof DomainError) return; // e.g. 1/x at 0 in exact arithmetic
          throw err;
        }
        expect(canonicalViolations(s)).toEqual([]);
        const want = evaluate(e, { x, y: x + 1, z: 0.3 });
        // s no longer depends on y: any value of it gives the same result.
        const got = evaluate(s, { x, y, z: 0.3 });
        if (!Number.isFinite(want) || Math.abs(want) > 1e6) return;
        expect(Math.abs(got - want)).toBeLessThanOrEqual(1e-9 * (1 + Math.abs(want)));
      }),
      { seed: 21, numRuns: 300 },
    );
  });
});
