import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addAll, internedCount, mulAll, num, pow } from "../../src/core/build.js";
import { canonicalViolations } from "../../src/core/invariants.js";
import { resetLimits, setLimits, type Limits } from "../../src/core/limits.js";
import type { Expr } from "../../src/core/node.js";
import { Rational } from "../../src/core/rational.js";
import { parse } from "../../src/parse/parser.js";
import { assembleSum } from "../../src/poly/assemble.js";
import { polyFromTerms, type Poly } from "../../src/poly/poly.js";

/** The reference: what the builder makes of the terms (`mulAll` per term, `addAll` of them). */
function byBuilder(p: Poly, atoms: readonly Expr[]): Expr {
  const terms = [...p.values()].map((t) => mulAll([num(t.coef), ...t.mono.map((k, i) => pow(atoms[i]!, num(k)))]));
  return terms.length === 0 ? num(0) : addAll(terms);
}

const atoms = (...texts: string[]): Expr[] => texts.map((s) => parse(s, { undefinedFunctions: ["f"] }));

/** Atom tables whose powers are independent factors (the direct path applies). */
const INDEPENDENT: [string, Expr[], number][] = [
  ["symbols", atoms("x", "y", "z"), -3],
  ["powers with symbolic exponents (S3)", atoms("x^y", "y^z", "z^x"), -3],
  ["calls, a constant, an undefined function", atoms("sin(x)", "exp(x)", "pi", "f(x)"), -3],
  ["exp of two arguments (exp(x)^k is exp(k*x))", atoms("exp(x)", "exp(y)"), -3],
  ["abs (even powers drop it)", atoms("abs(x)", "y"), -3],
  ["a root and an unrelated symbol", atoms("x^(1/2)", "y"), -3],
  ["an inverse sum (a Laurent atom, to positive powers)", atoms("(x + 1)^(-1)", "x"), 0],
  ["a deriv atom (sorted after products)", atoms("x", "y", "d/dx(f(x^2))"), -3],
  ["twelve atoms (order keys do not fit a double: the comparison sorts)", atoms(..."abcdghjklmnq".split("")), -1],
];

/** Atom tables with powers the builder merges or folds (the direct path declines). */
const DEPENDENT: [string, Expr[], number[]][] = [
  ["x and its root share the base x", atoms("x", "x^(1/2)"), [1, 1]],
  ["two roots of x", atoms("x^(1/2)", "x^(1/3)"), [1, 1]],
  ["a numeric atom squares to a number", atoms("2^(1/2)", "x"), [2, 1]],
  ["abs(x) squared is x^2, sharing x with the atom x", atoms("abs(x)", "x"), [2, 1]],
  ["the inverse of an inverse sum is a sum", atoms("(x + 1)^(-1)", "y"), [-1, 1]],
];

const coefArb = fc.oneof(
  fc.integer({ min: -4, max: 4 }).map((n) => Rational.of(n)),
  fc.tuple(fc.integer({ min: -9, max: 9 }), fc.integer({ min: 1, max: 6 })).map(([n, d]) => Rational.of(n, d)),
  fc.bigInt({ min: -(1n << 90n), max: 1n << 90n }).map((n) => Rational.of(n)),
);

const polyOver = (width: number, lowest: number): fc.Arbitrary<Poly> =>
  fc
    .array(fc.record({ mono: fc.array(fc.integer({ min: lowest, max: 4 }), { minLength: width, maxLength: width }), coef: coefArb }), {
      maxLength: 12,
    })
    .map((ts) => polyFromTerms(ts));

describe("assembleSum", () => {
  it.each(INDEPENDENT)("builds what the builder builds, canonical: %s", (_, table, lowest) => {
    fc.assert(
      fc.property(polyOver(table.length, lowest), (p) => {
        const direct = assembleSum(p, table);
        expect(direct).not.toBeNull();
        expect(direct).toBe(byBuilder(p, table));
        expect(canonicalViolations(direct!)).toEqual([]);
      }),
      { seed: 18, numRuns: 150 },
    );
  });

  it.each(DEPENDENT)("declines when %s", (_, table, mono) => {
    const p = polyFromTerms([
      { mono, coef: Rational.of(3) },
      { mono: [], coef: Rational.ONE },
    ]);
    expect(assembleSum(p, table)).toBeNull();
  });

  it.each<[string, Partial<Limits>, Expr[], bigint]>([
    ["a coefficient over maxIntegerBits", { maxIntegerBits: 64 }, atoms("x", "y"), 1n << 70n],
    ["atoms within 4 of maxDepth", { maxDepth: 5 }, atoms("x^y", "z"), 3n],
  ])("declines when the builder could stop at a limit: %s (its path reports it)", (_, tight, table, c) => {
    const p = polyFromTerms([
      { mono: [1, 2], coef: Rational.of(c) },
      { mono: [2], coef: Rational.ONE },
    ]);
    expect(assembleSum(p, table)).not.toBeNull();
    setLimits(tight);
    try {
      expect(assembleSum(p, table)).toBeNull();
    } finally {
      resetLimits();
    }
  });

  it("declines sparse huge exponents (no array over the exponent range)", () => {
    const p = polyFromTerms([
      { mono: [10 ** 12], coef: Rational.ONE },
      { mono: [], coef: Rational.ONE },
    ]);
    expect(assembleSum(p, atoms("x"))).toBeNull();
  });

  it("creates only the nodes of the result (no intermediate products)", () => {
    const table = atoms("u9", "v9");
    const p = polyFromTerms([
      { mono: [1, 1], coef: Rational.of(1_000_003) },
      { mono: [2, 1], coef: Rational.of(1_000_033) },
      { mono: [1, 2], coef: Rational.of(1_000_037) },
      { mono: [2, 2], coef: Rational.ONE },
    ]);
    const before = internedCount();
    const out = assembleSum(p, table);
    // 3 coefficients, u9^2 and v9^2, 4 products and the sum.
    expect(internedCount() - before).toBe(3 + 2 + 4 + 1);
    expect(out).toBe(byBuilder(p, table));
  });
});
