// A symbolic power and a fractional power of it in one product (`2^x*sqrt(2^x)`): every pass that
// keys a product's factors by base must keep both (issue: such factors were once overwritten).
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { diff, gradcheck, gradient, hessian, parse, simplify } from "../../src/index.js";
import { evaluate } from "../../src/numeric/evaluate.js";
import { factorMap, together } from "../../src/rewrite/rational.js";
import { factorTerms } from "../../src/rewrite/simplify.js";
import { arbRepeatedBases } from "../support/arbitrary.js";
import { numericallyEqual, samplePoints } from "./eval-support.js";

const POINTS = samplePoints(24, 2024).map((p) => ({ ...p, x: Math.abs(p.x!) + 0.2, y: p.y! }));

describe("factors that share a symbolic base", () => {
  it.each([
    // [input, x, expected value]
    ["2^x*sqrt(2^x) - 2^x", 1, 2 * Math.SQRT2 - 2],
    ["2^x*sqrt(2^x)", 3, 8 * Math.sqrt(8)],
    ["x^y*(x^y)^(1/3) + x^y", 2, 2 ** 3 * 2 ** 1 + 2 ** 3],
    ["x^x*sqrt(x^x)/(x^x)^(3/2)", 1.5, 1],
  ])("simplify(%s) keeps its value", (text, x, value) => {
    const s = simplify(text);
    expect(
      evaluate(
        s,
        new Map([
          ["x", x],
          ["y", 3],
        ]),
      ),
    ).toBeCloseTo(value, 10);
  });

  it("factorMap adds the exponents of one key", () => {
    const [, m] = factorMap(parse("3*2^x*sqrt(2^x)"));
    expect([...m].map(([b, k]) => `${String(b)}:${k.toString()}`)).toEqual(["2^x:3/2"]);
  });

  it("diff of x*sqrt(2^x) is right at x = 1 (1.9043...)", () => {
    const exact = Math.sqrt(2) * (Math.log(2) / 2 + 1);
    expect(evaluate(diff("x*sqrt(2^x)", "x"), new Map([["x", 1]]))).toBeCloseTo(exact, 12);
    expect(gradcheck("x*sqrt(2^x)", { x: 1 }).maxRelativeError).toBeLessThan(1e-8);
  });

  it("second derivatives and Hessians of such inputs match the unsimplified ones", () => {
    const f = "x*sqrt(2^y)*2^y + y^x*sqrt(y^x)";
    const raw = hessian(f, ["x", "y"], { simplify: false });
    const h = hessian(f, ["x", "y"]);
    for (let i = 0; i < 2; i++) for (let j = 0; j < 2; j++) expect(numericallyEqual(raw[i]![j]!, h[i]![j]!, POINTS)).toBe(true);
  });
});

describe("properties over repeated symbolic bases", () => {
  const run = { numRuns: 200, seed: 21 };

  it("simplify, together and factorTerms preserve the value", () => {
    fc.assert(
      fc.property(arbRepeatedBases(), (e) => {
        for (const out of [simplify(e), together(e), factorTerms(e)]) {
          if (!numericallyEqual(e, out, POINTS)) throw new Error(`${String(e)} became ${String(out)}`);
        }
      }),
      run,
    );
  });

  it("default diff equals diff without simplification, in x and in y", () => {
    fc.assert(
      fc.property(arbRepeatedBases(), (e) => {
        for (const v of ["x", "y"]) {
          const raw = diff(e, v, 1, { simplify: false });
          const d = diff(e, v);
          if (!numericallyEqual(raw, d, POINTS)) throw new Error(`d/d${v} ${String(e)}: ${String(d)} vs ${String(raw)}`);
        }
      }),
      run,
    );
  });

  it("gradcheck checks the simplified gradient the user sees", () => {
    fc.assert(
      fc.property(arbRepeatedBases(), (e) => {
        const g = gradient(e, ["x", "y", "z"]);
        const r = gradcheck(e, { x: 1.3, y: 0.7, z: 0.4 });
        expect(r.partials).toEqual([g.x, g.y, g.z]);
      }),
      { numRuns: 40, seed: 21 },
    );
  });
});
