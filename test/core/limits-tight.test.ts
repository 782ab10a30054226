/**
 * Limits only limit the caller's work: for every limit, a tight but sane setting never breaks a
 * small input that is far inside it. Each limit is tried in a fresh copy of the modules, so the
 * built-in tables (derivative table, rewrite rules) are compiled for the first time while the
 * tight setting is in force, and the results must equal those under the default limits.
 */
import fc from "fast-check";
import { describe, expect, it, vi } from "vitest";
import type { Limits } from "../../src/core/limits.js";
import type { Expr } from "../../src/core/node.js";
import { arbExpr } from "../support/arbitrary.js";
import { print } from "../../src/index.js";

/**
 * Tight settings, each far above what the inputs below need: inputs print to at most ~150
 * characters, nest at most 3 operations deep, and have small rational coefficients.
 */
const TIGHT: Readonly<Record<keyof Limits, number>> = {
  maxInputLength: 400,
  maxDepth: 16,
  maxIntegerBits: 256,
  maxOrder: 2,
  maxExpandTerms: 500,
  diffTimeMs: 2_000,
  simplifyTimeMs: 500,
  maxNodes: 3_000,
  maxOutputLength: 20_000,
  maxPolyWork: 50_000,
};

type Api = typeof import("../../src/index.js");

/** The texts of small inputs (drawn once, with a fixed seed, so every limit sees the same ones). */
const INPUTS: readonly string[] = fc
  .sample(arbExpr(2), { numRuns: 40, seed: 1414 })
  .map((e: Expr) => print(e))
  .filter((t) => t.length <= 150)
  .concat(["sin(x)", "x^2*y + y^3", "exp(x)*cos(x)", "(x+1)^3", "sqrt(x^2+1)", "atan2(y, x)"]);

/** Everything a caller does with a small formula, as printed text (errors as their class name). */
function workload(api: Api, text: string): string[] {
  const out: string[] = [];
  const run = (f: () => string): void => {
    try {
      out.push(f());
    } catch (e) {
      if (e instanceof api.LimitError) throw e;
      if (!(e instanceof api.SymgradError)) throw e;
      out.push(e.name);
    }
  };
  run(() => api.print(api.parse(text)));
  run(() => api.print(api.diff(text, "x", 1, { simplify: false })));
  run(() => api.print(api.diff(text, "x", 2, { simplify: false })));
  run(() => api.print(api.simplify(text)));
  run(() => api.print(api.diff(text, "y")));
  run(() => api.toLatex(api.parse(text)));
  run(() =>
    Object.values(api.gradient(text, ["x", "y"], { simplify: false }))
      .map(String)
      .join(";"),
  );
  run(() => api.print(api.expand(text)));
  return out;
}

async function freshApi(): Promise<Api> {
  vi.resetModules();
  return await import("../../src/index.js");
}

describe("a tight limit does not break small inputs far inside it", () => {
  it("draws enough inputs", () => {
    expect(INPUTS.length).toBeGreaterThanOrEqual(30);
  });

  for (const key of Object.keys(TIGHT) as (keyof Limits)[]) {
    it(`${key}: ${TIGHT[key]}`, async () => {
      const reference = await freshApi();
      const expected = INPUTS.map((t) => workload(reference, t));
      const api = await freshApi();
      api.setLimits({ [key]: TIGHT[key] });
      try {
        INPUTS.forEach((t, i) => {
          const got = workload(api, t);
          // Simplification under a wall-clock budget may stop early; every other result is exact.
          if (key === "simplifyTimeMs") expect(got.length).toBe(expected[i]!.length);
          else expect(got, t).toEqual(expected[i]);
        });
      } finally {
        api.resetLimits();
      }
    });
  }

  /** Each limit set just above what `diff("sin(x)*x^2", "x")` and the simplify below need. */
  const MINIMAL: Readonly<Record<keyof Limits, number>> = {
    maxInputLength: 24,
    maxDepth: 5,
    maxIntegerBits: 8,
    maxOrder: 1,
    maxExpandTerms: 2,
    diffTimeMs: 200,
    simplifyTimeMs: 200,
    maxNodes: 60,
    maxOutputLength: 30,
    maxPolyWork: 10,
  };
  for (const key of Object.keys(MINIMAL) as (keyof Limits)[]) {
    it(`${key}: ${MINIMAL[key]} still differentiates and simplifies with the tables not yet compiled`, async () => {
      const reference = await freshApi();
      const derivative = String(reference.diff("sin(x)*x^2", "x"));
      const api = await freshApi();
      api.setLimits({ [key]: MINIMAL[key] });
      try {
        expect(String(api.diff("sin(x)*x^2", "x"))).toBe(derivative);
        expect(String(api.simplify("3*sin(x)^2 + 3*cos(x)^2"))).toBe("3");
      } finally {
        api.resetLimits();
      }
    });
  }
});
