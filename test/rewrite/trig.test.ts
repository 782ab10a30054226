// Soundness of the trigonometric candidates and the algebraic candidates of simplify: each agrees
// with its input at random real points (negative ones included) wherever both are finite.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { add, call, div, mul, num, pow, sub, sym } from "../../src/core/build.js";
import { DomainError, LimitError } from "../../src/core/errors.js";
import type { FunctionName } from "../../src/core/functions.js";
import { canonicalViolations } from "../../src/core/invariants.js";
import type { Expr } from "../../src/core/node.js";
import { Rational } from "../../src/core/rational.js";
import { parse } from "../../src/parse/parser.js";
import { print } from "../../src/print/plain.js";
import { cost } from "../../src/rewrite/cost.js";
import { sortedAtomTable, toPoly } from "../../src/poly/convert.js";
import { costLowerBound, expandShallow, productCostFloor, sumCostFloor } from "../../src/rewrite/expand.js";
import { collectFactored } from "../../src/rewrite/collect.js";
import { distributeCoefficient, factorTerms, mayPullOut, pullSumContent } from "../../src/rewrite/sum-forms.js";
import { hasTrigWork, productToSum, TrigLayer, trigRational } from "../../src/rewrite/trig.js";
import { exprArb, numericallyEqual } from "./eval-support.js";

const x = sym("x");
const y = sym("y");
const FUNCTIONS: FunctionName[] = ["sin", "cos", "tan", "cot", "sec", "csc", "sinh", "cosh", "tanh", "coth", "sech", "csch"];
const ARGUMENTS: Expr[] = [x, mul(num(2), x), div(x, num(2)), y, add(x, y), sub(x, num(1))];

/** Rational expressions in trigonometric and hyperbolic functions of a few related arguments. */
const trigArb: fc.Arbitrary<Expr> = fc
  .letrec<{ e: Expr }>((tie) => ({
    e: fc.oneof(
      { depthSize: "small", withCrossShrink: true },
      fc.tuple(fc.constantFrom(...FUNCTIONS), fc.constantFrom(...ARGUMENTS)).map(([f, u]) => call(f, [u])),
      fc.constantFrom<Expr>(x, num(1), num(2), num(-3)),
      fc.tuple(tie("e"), tie("e")).map(([a, b]) => add(a, b)),
      fc.tuple(tie("e"), tie("e")).map(([a, b]) => sub(a, b)),
      fc.tuple(tie("e"), tie("e")).map(([a, b]) => mul(a, b)),
      fc.tuple(tie("e"), tie("e")).map(([a, b]) => (b.kind === "num" && b.value.isZero() ? a : div(a, b))),
      fc.tuple(tie("e"), fc.integer({ min: 2, max: 3 })).map(([a, k]) => pow(a, num(k))),
    ),
  }))
  .e.filter((e) => e.depth <= 7);

/** `make(e)`, or null when it stops on a budget or an exact division by zero. */
function attempt(make: () => Expr): Expr | null {
  try {
    return make();
  } catch (err) {
    if (err instanceof LimitError || err instanceof DomainError) return null;
    throw err;
  }
}

function sound(name: string, arb: fc.Arbitrary<Expr>, candidate: (e: Expr) => Expr, numRuns = 150): void {
  it(`${name} keeps values at random points`, () => {
    fc.assert(
      fc.property(arb, (e) => {
        const c = attempt(() => candidate(e));
        if (c === null) return;
        expect(canonicalViolations(c)).toEqual([]);
        expect(numericallyEqual(e, c), `${String(e)} -> ${String(c)}`).toBe(true);
      }),
      { seed: 97, numRuns },
    );
  });
}

describe("trigonometric candidates", () => {
  sound("trigRational(cos)", trigArb, (e) => trigRational(e, "cos"));
  sound("trigRational(sin)", trigArb, (e) => trigRational(e, "sin"));
  sound("productToSum", trigArb, productToSum);

  it.each([
    ["-sinh(x)*sinh(2*x)/cosh(x)^2 + 2*cosh(2*x)/cosh(x)", "cos", "2*cosh(x)"],
    ["-2*tan(x)*(tan(x)^2 + 1) + 2*sec(x)^2*tan(x)", "cos", "0"],
    ["(1 - sin(x)^2)/cos(x)", "cos", "cos(x)"],
    ["tan(x)*cos(x) + sin(x)", "sin", "2*sin(x)"],
  ])("trigRational(%s, %s) = %s", (input, prefer, expected) => {
    expect(trigRational(parse(input), prefer as "sin" | "cos")).toBe(parse(expected));
  });

  it.each([
    ["3*cos(3*x)*cos(5*x) - 5*sin(3*x)*sin(5*x)", "-cos(2*x) + 4*cos(8*x)"],
    ["2*sin(x)*cos(y) + 1", "sin(x + y) + sin(x - y) + 1"],
    ["2*cos(x)*sin(y) + 1", "sin(x + y) - sin(x - y) + 1"],
  ])("productToSum(%s) = %s", (input, expected) => {
    expect(productToSum(parse(input))).toBe(parse(expected));
  });

  it.each([
    ["sin(x)^2 + cos(x)", true],
    ["sin(x)*cos(x) + 1", true],
    ["sin(2*x) + sin(x)", true],
    ["sin(x)^2*cos(y)", false],
    ["sin(x) + cos(y)", false],
    ["tan(x) + x", false],
  ])("hasTrigWork(%s) is %s", (input, expected) => {
    expect(hasTrigWork(parse(input))).toBe(expected);
  });
});

/** Polynomials (no denominators) in sin, cos, sinh and cosh of the arguments above, x and numbers. */
const trigPolynomialArb: fc.Arbitrary<Expr> = fc
  .letrec<{ e: Expr }>((tie) => ({
    e: fc.oneof(
      { depthSize: "small", withCrossShrink: true },
      fc.tuple(fc.constantFrom<FunctionName>("sin", "cos", "sinh", "cosh"), fc.constantFrom(...ARGUMENTS)).map(([f, u]) => call(f, [u])),
      fc.constantFrom<Expr>(x, num(1), num(2), num(-3), num(Rational.HALF)),
      fc.tuple(tie("e"), tie("e")).map(([a, b]) => add(a, b)),
      fc.tuple(tie("e"), tie("e")).map(([a, b]) => sub(a, b)),
      fc.tuple(tie("e"), tie("e")).map(([a, b]) => mul(a, b)),
      fc.tuple(tie("e"), fc.integer({ min: 2, max: 4 })).map(([a, k]) => pow(a, num(k))),
    ),
  }))
  .e.filter((e) => e.depth <= 6);

describe("trigonometric gates", () => {
  it("a preference that TrigLayer says cannot gain gives a costlier form", () => {
    fc.assert(
      fc.property(trigPolynomialArb, fc.constantFrom<"cos" | "sin">("cos", "sin"), (e, prefer) => {
        const layer = new TrigLayer(e);
        if (!layer.mayChange(prefer) || layer.mayGain(prefer)) return;
        const c = attempt(() => trigRational(e, prefer, layer));
        if (c !== null && c !== e) expect(cost(c), `${String(e)} -> ${String(c)}`).toBeGreaterThan(cost(e));
      }),
      { seed: 11, numRuns: 1000 },
    );
  });

  it.each([
    ["5*sin(x + 5)^2*sin(x + 6)^2*(x + 1)", "cos", false],
    ["16*sinh(x) - 8*sinh(x)^3", "cos", false],
    ["x*sin(x)^3 + sin(x)", "cos", false],
    ["16*sin(x)^4 + 88*sin(x)^2 + 16", "cos", true],
    ["cos(x)^2 - sin(x)^2", "cos", true],
    ["(sin(x)^2 - 2)/sin(x)^3", "cos", true],
    ["x*cos(x)^2 + 1", "sin", false],
    ["3*cos(x)^2 - 3", "sin", true],
  ])("TrigLayer(%s).mayGain(%s) is %s", (input, prefer, expected) => {
    expect(new TrigLayer(parse(input)).mayGain(prefer as "sin" | "cos")).toBe(expected);
  });
});

describe("algebraic candidates", () => {
  sound("pullSumContent", exprArb, pullSumContent);
  sound("factorTerms", exprArb, factorTerms);
  sound("distributeCoefficient", exprArb, distributeCoefficient);
  sound("collectFactored", exprArb, (e) => collectFactored(e, cost));
  sound(
    "factorTerms with symbolic exponents",
    fc.tuple(exprArb, fc.integer({ min: -4, max: 4 })).map(([e, k]) => add(mul(e, pow(x, add(x, num(k)))), pow(x, x))),
    factorTerms,
    80,
  );

  it.each([
    ["2/(2*x^2 + 2)", "1/(x^2 + 1)"],
    ["1/(3*sqrt(-x^2/9 + 1))", "1/sqrt(9 - x^2)"],
    ["(-2*x + 2)^2", "4*(x - 1)^2"],
    ["(-2*x + 2)^3", "-8*(x - 1)^3"],
    ["3*((x + 1)^2 + 1)^2*(2*x + 2)", "6*((x + 1)^2 + 1)^2*(x + 1)"],
  ])("pullSumContent(%s) = %s", (input, expected) => {
    expect(pullSumContent(parse(input))).toBe(parse(expected));
  });

  it.each([
    ["7*(2*x + 1)*(x^2 + x + 1)^6", "(14*x + 7)*(x^2 + x + 1)^6"],
    ["12*x^5*(2520*log(x) + 1627)", "x^5*(30240*log(x) + 19524)"],
    ["3*x*(x + 1)", "3*x*(x + 1)"],
  ])("distributeCoefficient(%s) = %s", (input, expected) => {
    expect(distributeCoefficient(parse(input))).toBe(parse(expected));
  });

  it.each([
    ["x*sin(x) + x^2", true],
    ["x*sin(x) + x*cos(x) + x", true],
    ["2*x + 4", true],
    ["-x - y", true],
    ["x/2 + y", true],
    ["1/x + y", true],
    ["x^x + x^(x - 1)", true],
    ["x + y", false],
    ["x*sin(x) + y*sin(y) + 1", false],
    ["x^2 + 2*x + 1", false],
  ])("mayPullOut(%s) is %s (false: factorTerms leaves the sum as it is)", (input, expected) => {
    const e = parse(input);
    expect(mayPullOut(e)).toBe(expected);
    if (!expected) expect(factorTerms(e)).toBe(e);
  });

  it("pulls x^(x - k) out of terms x^x, x^(x - 1), ...", () => {
    expect(factorTerms(parse("x^x + 2*x^(x - 1) + 3*x^(x - 4)"))).toBe(parse("x^(x - 4)*(x^4 + 2*x^3 + 3)"));
  });

  it("collects by powers of a symbol with factored coefficients", () => {
    const e = parse("x^2*log(x)^2 + 2*x^2*log(x) + x^2 + 3*x*log(x) + 3*x");
    expect(collectFactored(e, cost)).toBe(parse("x^2*(log(x) + 1)^2 + x*(3*log(x) + 3)"));
  });

  it("an expansion is skipped only when it costs at least the bound", () => {
    fc.assert(
      fc.property(exprArb, fc.integer({ min: 1, max: 60 }), (e, bound) => {
        const full = attempt(() => expandShallow(e));
        if (full === null) return;
        const bounded = expandShallow(e, bound);
        if (bounded === null) expect(cost(full)).toBeGreaterThanOrEqual(bound);
        else expect(bounded).toBe(full);
      }),
      { seed: 5, numRuns: 200 },
    );
  });

  it("a collection bounded by a cost is the unbounded one whenever that costs at most the bound", () => {
    // Sums of products of x, y and log(x) powers, collected by x or y, against bounds near their cost.
    const other = fc.constantFrom<Expr>(y, call("log", [x]), add(y, num(1)));
    const term = fc
      .tuple(
        fc.integer({ min: -3, max: 3 }).filter((c) => c !== 0),
        fc.integer({ min: 0, max: 2 }),
        other,
        fc.integer({ min: 0, max: 3 }),
      )
      .map(([c, i, a, j]) => mul(num(c), pow(x, num(i)), pow(a, num(j))));
    const sum = fc.oneof(
      fc.array(term, { minLength: 3, maxLength: 7 }).map((ts) => add(...ts)),
      exprArb,
    );
    let agreed = 0;
    fc.assert(
      fc.property(sum, fc.integer({ min: -8, max: 8 }), (e, slack) => {
        const full = attempt(() => collectFactored(e, cost));
        if (full === null || full === e) return;
        const below = cost(full) + slack;
        const bounded = collectFactored(e, cost, below);
        if (cost(full) <= below) {
          agreed++;
          expect(bounded, print(e)).toBe(full);
        } else expect(bounded === e || cost(bounded) > below, print(e)).toBe(true);
      }),
      { seed: 10, numRuns: 400 },
    );
    expect(agreed).toBeGreaterThan(40);
  });

  it("the cost floor of a product of plain sums never exceeds the expansion's lower bound", () => {
    // Plain sums of monomials in a few atoms, times factors that do or do not share those atoms.
    const atom = fc.constantFrom<Expr>(x, y, call("sin", [x]), call("log", [y]), pow(x, x));
    const monomial = fc.tuple(fc.integer({ min: -3, max: 3 }), atom, fc.integer({ min: -2, max: 3 })).map(([c, a, k]) => mul(num(c), pow(a, num(k))));
    const plainSum = fc.array(monomial, { minLength: 2, maxLength: 3 }).map((ts) => add(...ts));
    const other = fc.constantFrom<Expr>(
      x,
      pow(x, num(-2)),
      pow(add(pow(x, num(2)), num(1)), num(-3)),
      call("exp", [x]),
      call("exp", [y]),
      call("sin", [x]),
      pow(y, num(Rational.HALF)),
      pow(call("log", [y]), num(-1)),
    );
    const product = fc
      .tuple(
        fc.integer({ min: -4, max: 4 }),
        fc.array(plainSum, { minLength: 1, maxLength: 2 }),
        fc.integer({ min: 1, max: 3 }),
        fc.array(other, { maxLength: 3 }),
      )
      .map(([c, sums, k, others]) => mul(num(c), pow(sums[0]!, num(k)), ...sums.slice(1), ...others));
    let applied = 0;
    fc.assert(
      fc.property(product, (e) => {
        const options = { allowNegative: true };
        const table = sortedAtomTable([e], options);
        const floor = productCostFloor(e, options);
        if (floor > 0) applied++;
        expect(floor, print(e)).toBeLessThanOrEqual(costLowerBound(toPoly(e, table, options), table));
      }),
      { seed: 6, numRuns: 400 },
    );
    expect(applied).toBeGreaterThan(100);
  });

  it("the cost floors of products and sums of products of plain sums never exceed the expansion's lower bound", () => {
    // Coefficients of one sign in most sums, so that the sign-coherent (no cancellation) bounds
    // apply; mixed signs, shared atoms and powers up to 4 too.
    const atom = fc.constantFrom<Expr>(x, y, call("sin", [x]), pow(x, x));
    const coefficient = fc.oneof(
      fc.integer({ min: 1, max: 3 }),
      fc.integer({ min: -3, max: 3 }).filter((c) => c !== 0),
    );
    const monomial = fc.tuple(coefficient, atom, fc.integer({ min: -2, max: 3 })).map(([c, a, k]) => mul(num(c), pow(a, num(k))));
    const plainSum = fc.array(monomial, { minLength: 2, maxLength: 3 }).map((ts) => add(...ts));
    const other = fc.constantFrom<Expr>(x, pow(x, num(-2)), call("exp", [y]), pow(y, num(Rational.HALF)), pow(add(x, num(1)), num(-1)));
    const product = fc
      .tuple(
        fc.integer({ min: -4, max: 4 }).filter((c) => c !== 0),
        fc.array(fc.tuple(plainSum, fc.integer({ min: 1, max: 4 })), { minLength: 1, maxLength: 3 }),
        fc.array(other, { maxLength: 2 }),
      )
      .map(([c, sums, others]) => mul(num(c), ...sums.map(([s, k]) => pow(s, num(k))), ...others));
    const sum = fc.array(fc.oneof(product, monomial), { minLength: 2, maxLength: 3 }).map((ts) => add(...ts));
    const applied = { product: 0, sum: 0 };
    const options = { allowNegative: true };
    const check = (e: Expr, kind: "product" | "sum"): void => {
      const table = sortedAtomTable([e], options);
      let p;
      try {
        p = toPoly(e, table, options);
      } catch (err) {
        if (err instanceof LimitError) return;
        throw err;
      }
      const floor = e.kind === "add" ? sumCostFloor(e, options) : productCostFloor(e, options);
      if (floor > 0) applied[kind]++;
      expect(floor, print(e)).toBeLessThanOrEqual(costLowerBound(p, table));
    };
    fc.assert(
      fc.property(product, (e) => check(e, "product")),
      { seed: 8, numRuns: 300 },
    );
    fc.assert(
      fc.property(sum, (e) => check(e, "sum")),
      { seed: 9, numRuns: 300 },
    );
    // Terms that cancel between the terms of a sum, or within a product of sums of mixed signs.
    for (const text of ["(x + 1)^2 - (x - 1)^2", "(x + 1)*(x - 1) - x^2", "(x - y)*(x + y) + y^2", "x*(x + 1)^3 - (x + 1)^4", "(x - 1)*(x^2 + x + 1)"]) {
      const e = parse(text);
      check(e, e.kind === "add" ? "sum" : "product");
    }
    expect(applied.product).toBeGreaterThan(100);
    expect(applied.sum).toBeGreaterThan(30);
  });

  it("the cost floor of a lone plain sum times a monomial is the expansion's lower bound exactly", () => {
    // One plain sum to the first power times other factors (sharing its atoms or not): every term
    // of the sum is one term of the expansion, so the floor needs no polynomial and is exact.
    const inside = fc.constantFrom<Expr>(x, call("sin", [x]), pow(x, x));
    const monomial = fc
      .tuple(
        fc.integer({ min: -3, max: 3 }).filter((c) => c !== 0),
        inside,
        fc.integer({ min: -2, max: 3 }),
      )
      .map(([c, a, k]) => mul(num(c), pow(a, num(k))));
    const plainSum = fc.array(monomial, { minLength: 2, maxLength: 4 }).map((ts) => add(...ts));
    const outside = fc.constantFrom<Expr>(
      y,
      x,
      pow(x, num(-2)),
      pow(x, num(3)),
      call("sin", [x]),
      pow(y, num(-2)),
      call("exp", [y]),
      pow(y, num(Rational.HALF)),
      pow(call("log", [y]), num(-1)),
      pow(add(y, num(1)), num(-2)),
    );
    const product = fc
      .tuple(
        fc.integer({ min: -4, max: 4 }).filter((c) => c !== 0),
        plainSum,
        fc.array(outside, { minLength: 1, maxLength: 3 }),
      )
      .map(([c, s, others]) => mul(num(c), s, ...others));
    let exact = 0;
    fc.assert(
      fc.property(product, (e) => {
        if (e.kind !== "mul" || !e.args.some((f) => f.kind === "add")) return; // the sum folded away
        const options = { allowNegative: true };
        const table = sortedAtomTable([e], options);
        exact++;
        expect(productCostFloor(e, options), print(e)).toBe(costLowerBound(toPoly(e, table, options), table));
      }),
      { seed: 7, numRuns: 300 },
    );
    expect(exact).toBeGreaterThan(150);
  });
});
