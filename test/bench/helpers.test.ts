import fc from "fast-check";
import * as math from "mathjs";
import { describe, expect, it } from "vitest";
import { FAMILIES } from "../../bench/lib/families.mjs";
import { checkValues, closeTo, fitPowerLaw, growthExponent, median, summarize, type ProblemRecord } from "../../bench/lib/stats.mjs";
import { fromAlgebrite, rewriteNames, toAlgebrite } from "../../bench/lib/translate.mjs";

describe("median", () => {
  it.each([
    [[3], 3],
    [[3, 1, 2], 2],
    [[4, 1, 3, 2], 2.5],
    [[5, NaN, 1, Infinity, 3], 3],
  ])("median(%j) = %d", (xs, want) => {
    expect(median(xs)).toBe(want);
  });

  it("is NaN for no finite values", () => {
    expect(median([])).toBeNaN();
    expect(median([NaN])).toBeNaN();
  });

  it("has as many values at or below it as at or above it", () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { minLength: 1, maxLength: 50 }), (xs) => {
        const m = median(xs);
        const below = xs.filter((x) => x <= m).length;
        const above = xs.filter((x) => x >= m).length;
        return below >= xs.length / 2 && above >= xs.length / 2;
      }),
      { seed: 6, numRuns: 200 },
    );
  });
});

describe("growth exponent fit", () => {
  it("recovers the exponent and coefficient of an exact power law", () => {
    fc.assert(
      fc.property(fc.double({ min: -3, max: 3, noNaN: true }), fc.double({ min: 1e-3, max: 1e3, noNaN: true }), (k, c) => {
        const pts = [10, 30, 100, 300, 1000].map((x) => ({ x, y: c * x ** k }));
        const fit = fitPowerLaw(pts);
        return Math.abs(fit.exponent - k) < 1e-9 && Math.abs(fit.coefficient / c - 1) < 1e-9;
      }),
      { seed: 7, numRuns: 100 },
    );
  });

  it("fits only the largest sizes and ignores values under the floor", () => {
    // Constant overhead below n = 100, then quadratic growth.
    const pts = [1, 3, 10, 30, 100, 300, 1000, 3000].map((x) => ({ x, y: x < 100 ? 0.001 : x * x }));
    expect(growthExponent(pts, { tail: 4 })).toBeCloseTo(2, 12);
    expect(growthExponent(pts, { tail: 8, floor: 0.01 })).toBeCloseTo(2, 12);
  });

  it("is NaN with fewer than two usable points or one distinct size", () => {
    expect(fitPowerLaw([{ x: 10, y: 1 }]).exponent).toBeNaN();
    expect(
      fitPowerLaw([
        { x: 10, y: 1 },
        { x: 10, y: 2 },
      ]).exponent,
    ).toBeNaN();
    expect(
      fitPowerLaw([
        { x: 10, y: 0 },
        { x: 20, y: 1 },
      ]).exponent,
    ).toBeNaN();
  });
});

describe("result checking", () => {
  it.each([
    [5, 5, true],
    [5 * (1 + 5e-10), 5, true],
    [5 * (1 + 2e-9), 5, false],
    [5e-13, 0, true],
    [2e-12, 0, false],
    [NaN, 0, false],
    [Infinity, Infinity, false],
    ["Error: x", 1, false],
  ])("closeTo(%s, %s) is %s", (got, want, ok) => {
    expect(closeTo(got, want)).toBe(ok);
  });

  const checks = [
    { at: { x: 1 }, values: [5, 7] },
    { at: { x: 2 }, values: [0, -3] },
  ];

  it("accepts values matching every check", () => {
    expect(
      checkValues(
        [
          [5, 7],
          [1e-13, -3],
        ],
        checks,
      ),
    ).toEqual({ ok: true, firstMismatch: null });
  });

  it.each([
    [
      [
        [5, 7],
        [0, -3.1],
      ],
      { check: 1, index: 1, got: -3.1, want: -3 },
    ],
    [
      [
        [5, "TypeError: unbound x"],
        [0, -3],
      ],
      { check: 0, index: 1, got: "TypeError: unbound x", want: 7 },
    ],
    [[[5], [0, -3]], { check: 0, index: -1, got: "1 results", want: 2 }],
    [[[5, 7]], { check: -1, index: -1, got: "1 check rows", want: 2 }],
  ])("reports the first mismatch of %j", (values, mismatch) => {
    expect(checkValues(values, checks)).toEqual({ ok: false, firstMismatch: mismatch });
  });
});

describe("summarize", () => {
  const rec = (id: string, category: string, sympy: number | null, sg: [string, number, number], peer: [string, number, number]): ProblemRecord => ({
    problem: { id, category, sympy_size: sympy },
    results: {
      symgrad: { outcome: sg[0] as "correct", medianMs: sg[1], size: sg[2] },
      peer: { outcome: peer[0] as "correct", medianMs: peer[1], size: peer[2] },
    },
  });
  const records = [
    rec("a1", "a", 10, ["correct", 1, 10], ["correct", 10, 20]),
    rec("a2", "a", 10, ["correct", 2, 5], ["correct", 40, 30]),
    rec("a3", "a", null, ["correct", 1, 5], ["wrong", 1000, 1]),
    rec("b1", "b", 4, ["wrong", 1, 4], ["timeout", NaN, NaN]),
  ];
  const rows = summarize(records, ["symgrad", "peer"], "symgrad");
  const row = (g: string, s: string) => rows.find((r) => r.group === g && r.system === s)!;

  it("counts outcomes per category and overall", () => {
    expect([row("a", "peer").correct, row("a", "peer").wrong, row("b", "peer").timeout]).toEqual([2, 1, 1]);
    expect([row("overall", "symgrad").correct, row("overall", "symgrad").wrong, row("overall", "symgrad").problems]).toEqual([3, 1, 4]);
  });

  it("takes time ratios only where both systems are correct", () => {
    expect(row("a", "peer").timeRatio).toBe(15); // median of 10 and 20
    expect(row("a", "peer").timeRatioN).toBe(2);
    expect(row("b", "peer").timeRatio).toBeNaN();
    expect(row("overall", "symgrad").timeRatio).toBe(1);
  });

  it("takes size ratios of correct results with a known SymPy size", () => {
    expect(row("a", "symgrad").sizeRatio).toBe(0.75); // median of 1 and 0.5
    expect(row("a", "peer").sizeRatio).toBe(2.5); // median of 2 and 3
    expect(row("b", "symgrad").sizeRatioN).toBe(0);
  });
});

describe("Algebrite spelling", () => {
  it.each([
    ["asin(x)+atan(x/2)", "arcsin(x)+arctan(x/2)"],
    ["sec(x)^2", "(1/cos(x))^2"],
    ["x^csc(2*x)", "x^(1/sin(2*x))"],
    ["cot(sec(x))", "(1/tan((1/cos(x))))"],
    ["e^x+exp(e*x)", "exp(1)^x+exp(exp(1)*x)"],
    ["1.5e-3*x + beta2", "1.5e-3*x + beta2"],
    ["sech(x)", "sech(x)"],
  ])("toAlgebrite(%s) = %s", (input, want) => {
    expect(toAlgebrite(input)).toBe(want);
  });

  it.each([
    ["-sgn(-x+3)", "-sign(-x+3)"],
    ["1/(arctan(x)^2)+arcsinh(x)", "1/(atan(x)^2)+asinh(x)"],
  ])("fromAlgebrite(%s) = %s", (input, want) => {
    expect(fromAlgebrite(input)).toBe(want);
  });

  it("keeps the value of a formula", () => {
    const input = "sec(x)*csc(x/2)+cot(e*x)-asin(x/3)*acos(x/4)+atan(x)^e";
    const back = fromAlgebrite(toAlgebrite(input));
    for (const x of [0.3, 0.7, 1.3]) {
      expect(math.evaluate(back, { x })).toBeCloseTo(math.evaluate(input, { x }) as number, 12);
    }
  });

  it("rejects an unclosed call", () => {
    expect(() => rewriteNames("sec(x", { calls: { sec: (u) => u } })).toThrow("unbalanced parentheses after sec");
  });
});

describe("scaling families", () => {
  /** Central difference of mathjs's value of `expr` in variable v at the check point. */
  const numericPartial = (expr: string, at: Record<string, number>, v: string): number => {
    const f = math.compile(expr);
    const h = 1e-5;
    const val = (dx: number) => f.evaluate({ ...at, [v]: at[v]! + dx }) as number;
    return (val(h) - val(-h)) / (2 * h);
  };

  for (const fam of FAMILIES.filter((f) => f.id !== "higher-order")) {
    it.each(fam.quick)(`${fam.id}: reference derivative at n = %d matches a central difference`, (n) => {
      const p = fam.make(n);
      const check = p.checks[0]!;
      p.vars.forEach((v, k) => {
        const want = check.values[k]!;
        expect(Math.abs(numericPartial(p.expr, check.at, v) - want)).toBeLessThan(1e-5 * (1 + Math.abs(want)));
      });
    });
  }

  it("higher-order: reference matches the first two derivatives of exp(x)*sin(x)", () => {
    const fam = FAMILIES.find((f) => f.id === "higher-order")!;
    const x = fam.make(1).checks[0]!.at.x!;
    expect(fam.make(1).checks[0]!.values[0]).toBeCloseTo(Math.exp(x) * (Math.sin(x) + Math.cos(x)), 12);
    expect(fam.make(2).checks[0]!.values[0]).toBeCloseTo(2 * Math.exp(x) * Math.cos(x), 12);
  });

  it("sizes grow and reach the issue's maxima", () => {
    const max = Object.fromEntries(FAMILIES.map((f) => [f.id, Math.max(...f.sizes)]));
    expect(max).toEqual({ polynomial: 10000, chain: 1000, product: 1000, gradient: 1000, "higher-order": 30 });
    for (const f of FAMILIES) {
      for (const s of [f.sizes, f.quick]) expect([...s].sort((a, b) => a - b)).toEqual(s);
    }
  });
});
