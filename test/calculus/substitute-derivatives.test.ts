// Substitution through inert derivatives: a derivative whose variable the substitution reaches is
// carried out first (its value at the point), the others stay inert; values are preserved.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { subs } from "../../src/api/subs.js";
import { substituteThroughDerivatives } from "../../src/calculus/substitute-derivatives.js";
import { addAll, derivative, mulAll, sym } from "../../src/core/build.js";
import { SymgradError } from "../../src/core/errors.js";
import { canonicalViolations } from "../../src/core/invariants.js";
import type { Expr } from "../../src/core/node.js";
import { evaluate } from "../../src/numeric/evaluate.js";
import { parse } from "../../src/parse/parser.js";
import { arbExpr, arbSymbol } from "../support/arbitrary.js";

describe("subs through inert derivatives", () => {
  // [expression, bindings, expected]
  it.each([
    ["d/dt(t^3)", { t: 2 }, "12"],
    ["d/dt(t^3)", { t: "x" }, "3*x^2"],
    ["d/dt(t^3) + d/dx(x*t)", { t: 2 }, "12 + d/dx(2*x)"],
    ["d/dt(t^3)", { x: 2 }, "d/dt(t^3)"],
    ["d/dx(y)", { y: 3 }, "d/dx(3)"],
    // y := x inside d/dx(x*y) would capture x: the derivative (y) is taken first, then y is x.
    ["d/dx(x*y)", { y: "x" }, "x"],
    ["d/dy(d/dx(x^2*y^3))", { x: 1, y: 2 }, "24"],
    ["sin(d/dx(x^2))", { x: "pi/4" }, "1"],
    ["x*d/dx(x^2)", { x: 3 }, "18"],
  ] as const)("subs(%s, %o) is %s", (input, bindings, expected) => {
    const e = subs(input, bindings);
    expect(canonicalViolations(e)).toEqual([]);
    expect(e).toBe(parse(expected));
  });

  it("is plain substitution where that is allowed", () => {
    const e = parse("d/dx(x*y) + y");
    const map = new Map([[sym("y"), parse("z^2")]]);
    expect(substituteThroughDerivatives(e, map)).toBe(parse("d/dx(x*z^2) + z^2"));
    expect(substituteThroughDerivatives(parse("x + y"), map)).toBe(parse("x + z^2"));
  });

  /** Sums and products of expressions and inert derivatives of them by x, y or both. */
  const arbWithDerivatives: fc.Arbitrary<Expr> = fc
    .array(
      fc.oneof(
        arbExpr(2),
        fc.tuple(arbExpr(2), fc.array(arbSymbol, { minLength: 1, maxLength: 2 })).map(([u, vars]) => derivative(u, vars)),
      ),
      { minLength: 1, maxLength: 3 },
    )
    .chain((parts) => fc.constantFrom(addAll(parts), mulAll(parts)));

  it("preserves values: evaluating the result equals evaluating the input at the point (property)", () => {
    fc.assert(
      fc.property(arbWithDerivatives, fc.integer({ min: -20, max: 20 }), (e, a) => {
        const x = a / 8 + 1 / 16;
        let want: number;
        try {
          want = evaluate(e, { x, y: x + 1, z: 0.3 });
        } catch (err) {
          if (err instanceof SymgradError) return;
          throw err;
        }
        if (!Number.isFinite(want) || Math.abs(want) > 1e6) return;
        // Defined at the point, so the substitution must succeed (no refusal for a derivative's variable).
        const s = subs(e, { x, y: "x + 1" });
        expect(canonicalViolations(s)).toEqual([]);
        const got = evaluate(s, { x, y: 0, z: 0.3 });
        expect(Math.abs(got - want)).toBeLessThanOrEqual(1e-8 * (1 + Math.abs(want)));
      }),
      { seed: 2117, numRuns: 300 },
    );
  });
});
