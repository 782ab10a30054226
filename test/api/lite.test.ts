/**
 * symgrad/lite: its calculus functions are those of symgrad with `{ simplify: false }` (the same
 * interned nodes, so `toBe`), on every problem of the differentiation corpus and on a table of
 * argument forms; the simplifier applied to a lite first derivative gives symgrad's default result;
 * bad input fails with the same typed errors.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import * as full from "../../src/index.js";
import * as lite from "../../src/lite.js";

interface Problem {
  id: string;
  expr: string;
  vars: string[];
  order?: number;
}

const corpus = JSON.parse(readFileSync(new URL("../data/problems.json", import.meta.url), "utf8")) as { problems: Problem[] };
const RAW = { simplify: false } as const;

/** The error `f` throws, for comparing two calls' failures. */
function failure(f: () => unknown): unknown {
  try {
    f();
  } catch (e) {
    return e;
  }
  throw new Error("expected a failure");
}

describe("symgrad/lite", () => {
  it("differentiates every corpus problem as symgrad does with { simplify: false }", () => {
    expect(corpus.problems.length).toBe(262);
    for (const p of corpus.problems) {
      if (p.order !== undefined) expect(lite.diff(p.expr, p.vars[0]!, p.order), p.id).toBe(full.diff(p.expr, p.vars[0]!, p.order, RAW));
      else expect(lite.gradient(p.expr, p.vars), p.id).toEqual(full.gradient(p.expr, p.vars, RAW));
    }
  });

  it("gives symgrad's default first derivative once simplified", () => {
    for (const p of corpus.problems.filter((q) => q.order === undefined && q.vars.length === 1)) {
      expect(full.simplify(lite.diff(p.expr, p.vars[0]!)), p.id).toBe(full.diff(p.expr, p.vars[0]!));
    }
  });

  it.each([
    ["x^2*sin(x)", "x", 1, "x^2*cos(x) + 2*x*sin(x)"],
    ["x^3*y^2", ["x", "y"], 1, "6*x^2*y"],
    ["log(sin(x))", "x", 2, "-cos(x)^2/sin(x)^2 - 1"],
    ["x^5", "x", 0, "x^5"],
    ["cos(x)", full.parse("x"), 1, "-sin(x)"],
  ] as const)("diff(%s, %s, %i) is %s", (input, vars, order, expected) => {
    const d = lite.diff(input, vars, order);
    expect(String(d)).toBe(expected);
    expect(d).toBe(full.diff(input, vars, order, RAW));
  });

  it("has jacobian, hessian, evaluateDerivatives and undefined functions as symgrad with { simplify: false }", () => {
    expect(lite.jacobian(["x*y", "x+y^2"], ["x", "y"])).toEqual(full.jacobian(["x*y", "x+y^2"], ["x", "y"], RAW));
    expect(lite.hessian("x^2*y + sin(x*y)")).toEqual(full.hessian("x^2*y + sin(x*y)", undefined, RAW));
    expect(lite.evaluateDerivatives("x*d/dx(x^2*sin(x))")).toBe(full.evaluateDerivatives("x*d/dx(x^2*sin(x))", RAW));
    expect(String(lite.diff("f(x^2)", "x", 1, { undefinedFunctions: ["f"] }))).toBe("2*x*f'(x^2)");
    expect(lite.toLatex(lite.diff("sqrt(x^2+1)", "x"))).toBe("\\frac{x}{\\sqrt{x^{2} + 1}}");
  });

  it.each([
    ["a bad formula", () => lite.diff("sin(x", "x"), () => full.diff("sin(x", "x")],
    ["a constant as variable", () => lite.diff("x", "pi"), () => full.diff("x", "pi")],
    ["an order with a list", () => lite.diff("x", ["x"], 2), () => full.diff("x", ["x"], 2)],
    ["a fractional order", () => lite.diff("x", "x", 0.5), () => full.diff("x", "x", 0.5)],
    ["an undeclared prime", () => lite.diff("f'(x)", "x"), () => full.diff("f'(x)", "x")],
  ])("fails on %s with symgrad's error", (_, ofLite, ofFull) => {
    const a = failure(ofLite) as Error;
    const b = failure(ofFull) as Error;
    expect(a.constructor).toBe(b.constructor);
    expect(a.message).toBe(b.message);
    expect(a.message.length).toBeGreaterThan(10);
  });
});
