// The shapes that keep differentiation near-linear (see the header of src/calculus/diff.ts):
// chains build one product, long products split the product rule in halves, and a node with many
// arguments visits only the arguments that contain the variable. Sizes are counted, not timed.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { compiledDerivativeTable } from "../../src/calculus/derivative-table.js";
import { diffExpr } from "../../src/calculus/diff.js";
import { gradientExprs } from "../../src/calculus/gradient.js";
import { addAll, internedCount, mulAll } from "../../src/core/build.js";
import { canonicalViolations } from "../../src/core/invariants.js";
import type { Expr } from "../../src/core/node.js";
import { foldGraph } from "../../src/core/traverse.js";
import { evaluate } from "../../src/numeric/evaluate.js";
import { parse } from "../../src/parse/parser.js";
import { arbExpr } from "../support/arbitrary.js";

/** Argument slots over the distinct nodes of `e`: the memory a flat product of n terms of n factors makes quadratic. */
function argumentSlots(e: Expr): number {
  let slots = 0;
  foldGraph<null>(e, (node) => {
    slots += node.args.length;
    return null;
  });
  return slots;
}

function close(actual: number, expected: number, rel = 1e-10): boolean {
  return Math.abs(actual - expected) <= rel * Math.abs(expected) + 1e-13;
}

const X = 0.7;

function nestedSin(n: number): string {
  let s = "x";
  for (let k = 0; k < n; k++) s = `sin(${s})`;
  return s;
}

describe("chain of single-argument functions", () => {
  it.each([1, 2, 10, 300, 1500])("sin nested %i deep: one product, the right value", (n) => {
    const e = parse(nestedSin(n));
    compiledDerivativeTable(); // parsed once, on first use: not part of this count
    const before = internedCount();
    const d = diffExpr(e, "x");
    // The cos of every level and one product: no product per level.
    expect(internedCount() - before).toBeLessThanOrEqual(n + 3);
    expect(canonicalViolations(d)).toEqual([]);
    let u = X;
    let expected = 1;
    for (let k = 0; k < n; k++) {
      expected *= Math.cos(u);
      u = Math.sin(u);
    }
    expect(close(evaluate(d, { x: X }), expected)).toBe(true);
  });

  it("a chain shared by two parents gives each the derivative it would get alone", () => {
    for (const inner of ["exp(sin(cos(x^2)))", "sqrt(log(tan(3*x) + 2))", "sin(x)"]) {
      const parts = [`log(${inner})`, `atan(${inner})`, `${inner}^3`].map((s) => parse(s));
      expect(diffExpr(addAll(parts), "x")).toBe(addAll(parts.map((p) => diffExpr(p, "x"))));
    }
  });
});

const cosProduct = (n: number): Expr => parse(Array.from({ length: n }, (_, k) => `cos(x/${k + 1})`).join("*"));

describe("product rule on many factors", () => {
  it.each([2, 8, 9, 16, 17, 64, 300, 1000])("product of %i factors cos(x/k): the right value", (n) => {
    const e = cosProduct(n);
    const d = diffExpr(e, "x");
    expect(canonicalViolations(d)).toEqual([]);
    let p = 1;
    let s = 0;
    for (let k = 1; k <= n; k++) {
      p *= Math.cos(X / k);
      s += Math.tan(X / k) / k;
    }
    expect(close(evaluate(d, { x: X }), -p * s, 1e-9)).toBe(true);
  });

  // Up to 8 factors the n terms of n factors are written out; beyond, the halves keep it n log n
  // (the flat form of 1000 factors would take a million slots).
  it.each([9, 16, 17, 64, 300, 1000])("product of %i factors: at most 4 n log2 n argument slots", (n) => {
    expect(argumentSlots(diffExpr(cosProduct(n), "x"))).toBeLessThanOrEqual(4 * n * Math.log2(n));
  });

  it("factors without the variable stay outside the split", () => {
    const e = parse(Array.from({ length: 20 }, (_, k) => `sin(${k % 2 === 0 ? "x" : "y"}*${k + 1})`).join("*"));
    const d = diffExpr(e, "x");
    expect(canonicalViolations(d)).toEqual([]);
    const at = { x: 0.3, y: -0.4 };
    const h = 1e-6;
    const fd = (evaluate(e, { ...at, x: at.x + h }) - evaluate(e, { ...at, x: at.x - h })) / (2 * h);
    expect(close(evaluate(d, at), fd, 1e-6)).toBe(true);
  });

  it("agrees with the textbook product rule, sum of f_i' times the other factors (property)", () => {
    const coordinate = fc.integer({ min: -1500, max: 1500 }).map((k) => k / 1000);
    fc.assert(
      fc.property(fc.array(arbExpr(2), { minLength: 9, maxLength: 40 }), coordinate, coordinate, (fs, px, py) => {
        const product = mulAll(fs);
        if (product.kind !== "mul") return;
        const at = { x: px, y: py, z: 0.5 };
        const factors = product.args;
        const values = factors.map((f) => evaluate(f, at));
        let expected = 0;
        factors.forEach((f, i) => {
          let term = evaluate(diffExpr(f, "x"), at);
          values.forEach((v, j) => {
            if (j !== i) term *= v;
          });
          expected += term;
        });
        if (!Number.isFinite(expected) || Math.abs(expected) > 1e12) return;
        const d = diffExpr(product, "x");
        expect(canonicalViolations(d)).toEqual([]);
        const actual = evaluate(d, at);
        expect(Math.abs(actual - expected)).toBeLessThanOrEqual(1e-7 * (1 + Math.abs(expected)));
      }),
      { numRuns: 60, seed: 1126 },
    );
  });
});

describe("nodes with many arguments", () => {
  it("a sum's derivative is the sum of its terms' derivatives, each term visited only for its own symbols", () => {
    const names = Array.from({ length: 30 }, (_, i) => `w${i}`);
    const terms = names.map((w, i) => parse(`${w}^2*sin(${names[(i + 1) % names.length]}) + exp(${w})`));
    const sum = addAll(terms);
    for (const v of ["w0", "w7", "w29", "q"]) {
      expect(diffExpr(sum, v)).toBe(addAll(terms.map((t) => diffExpr(t, v))));
    }
  });

  it("the gradient of an n-variable Rosenbrock function is exact", () => {
    const n = 200;
    const vars = Array.from({ length: n }, (_, i) => `x${i + 1}`);
    const v = vars.map((_, i) => 0.5 + ((i * 37) % 100) / 100);
    const at: Record<string, number> = {};
    vars.forEach((name, i) => (at[name] = v[i]!));
    const terms: string[] = [];
    for (let i = 0; i + 1 < n; i++) terms.push(`100*(${vars[i + 1]}-${vars[i]}^2)^2+(1-${vars[i]})^2`);
    const g = gradientExprs(parse(terms.join("+")), vars);
    g.forEach((gi, i) => {
      const xi = v[i]!;
      let expected = 0;
      if (i + 1 < n) expected += -400 * xi * (v[i + 1]! - xi * xi) - 2 * (1 - xi);
      if (i > 0) expected += 200 * (xi - v[i - 1]! * v[i - 1]!);
      expect(close(evaluate(gi, at), expected, 1e-12)).toBe(true);
    });
  });
});
