import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  add,
  addAll,
  call,
  div,
  E,
  HALF,
  MINUS_ONE,
  mul,
  mulAll,
  neg,
  num,
  ONE,
  PI,
  pow,
  scaleSum,
  splitCoefficient,
  sqrt,
  sub,
  sym,
  TWO,
  ZERO,
} from "../../src/core/build.js";
import { DomainError, LimitError } from "../../src/core/errors.js";
import { canonicalViolations } from "../../src/core/invariants.js";
import { setLimits } from "../../src/core/limits.js";
import type { Expr } from "../../src/core/node.js";
import { Rational } from "../../src/core/rational.js";

const x = sym("x");
const y = sym("y");
const q = (n: number, d = 1) => num(Rational.of(n, d));

function canonical(e: Expr): Expr {
  expect(canonicalViolations(e)).toEqual([]);
  return e;
}

describe("canonical construction", () => {
  it("interns: equal structure is the same object", () => {
    expect(add(x, y)).toBe(add(y, x));
    expect(mul(x, y, TWO)).toBe(mul(TWO, y, x));
    expect(sym("x")).toBe(x);
    expect(num(Rational.of(2, 4))).toBe(HALF);
  });

  it.each<[string, () => Expr, () => Expr]>([
    ["x + x = 2*x", () => add(x, x), () => mul(TWO, x)],
    ["x - x = 0", () => sub(x, x), () => ZERO],
    ["numbers fold", () => add(q(1, 2), q(1, 3), x), () => add(x, q(5, 6))],
    ["x*x^2 = x^3", () => mul(x, pow(x, q(2))), () => pow(x, q(3))],
    ["x*x^-1 = 1", () => mul(x, pow(x, MINUS_ONE)), () => ONE],
    ["x/x = 1", () => div(x, x), () => ONE],
    ["2*(x+1) distributes", () => mul(TWO, add(x, ONE)), () => add(mul(TWO, x), TWO)],
    ["-(x - y) = y - x", () => neg(sub(x, y)), () => sub(y, x)],
    ["(x^2)^3 = x^6", () => pow(pow(x, q(2)), q(3)), () => pow(x, q(6))],
    ["(2*x)^2 = 4*x^2", () => pow(mul(TWO, x), TWO), () => mul(q(4), pow(x, TWO))],
    ["(4*x)^(1/2) = 2*sqrt(x)", () => sqrt(mul(q(4), x)), () => mul(TWO, sqrt(x))],
    ["sqrt(4) = 2", () => sqrt(q(4)), () => TWO],
    ["8^(2/3) = 4", () => pow(q(8), q(2, 3)), () => q(4)],
    ["2^(3/2) = 2*sqrt(2)", () => pow(TWO, q(3, 2)), () => mul(TWO, sqrt(TWO))],
    ["2^(-1/2) = sqrt(2)/2", () => pow(TWO, q(-1, 2)), () => mul(HALF, sqrt(TWO))],
    ["sqrt(2)*sqrt(2) = 2", () => mul(sqrt(TWO), sqrt(TWO)), () => TWO],
    ["e^x = exp(x)", () => pow(E, x), () => call("exp", [x])],
    ["exp(x)^2 = exp(2*x)", () => pow(call("exp", [x]), TWO), () => call("exp", [mul(TWO, x)])],
    ["exp(1) = e", () => call("exp", [ONE]), () => E],
    ["exp(log(x)) = x", () => call("exp", [call("log", [x])]), () => x],
    ["log(exp(x)) = x", () => call("log", [call("exp", [x])]), () => x],
    ["sin(0) = 0", () => call("sin", [ZERO]), () => ZERO],
    ["cos(0) = 1", () => call("cos", [ZERO]), () => ONE],
    ["abs(-3/2) = 3/2", () => call("abs", [q(-3, 2)]), () => q(3, 2)],
    ["cbrt(-8) = -2", () => call("cbrt", [q(-8)]), () => q(-2)],
    ["(-1)^3 = -1", () => pow(MINUS_ONE, q(3)), () => MINUS_ONE],
    ["0*x = 0", () => mul(ZERO, x), () => ZERO],
    ["x^0 = 1", () => pow(x, ZERO), () => ONE],
    ["e*e*exp(2) = exp(4)", () => mul(E, E, call("exp", [TWO])), () => call("exp", [q(4)])],
    ["1^x = 1", () => pow(ONE, x), () => ONE],
    // Like terms whose non-numeric part is a product, with and without a coefficient.
    ["x*y + 2*x*y = 3*x*y", () => add(mul(x, y), mul(TWO, x, y)), () => mul(q(3), x, y)],
    ["2*x*y + x*y = 3*x*y", () => add(mul(TWO, x, y), mul(x, y)), () => mul(q(3), x, y)],
    ["2*x*y - 2*x*y = 0", () => add(mul(TWO, x, y), mul(q(-2), x, y)), () => ZERO],
    ["3*x*y - 2*x*y = x*y", () => add(mul(q(3), x, y), mul(q(-2), x, y)), () => mul(x, y)],
    ["x*y*2 + x*y^2 + 3*x*y stays two terms", () => add(mul(x, y, TWO), mul(x, pow(y, TWO)), mul(q(3), x, y)), () => add(mul(q(5), x, y), mul(x, pow(y, TWO)))],
  ])("%s", (_name, build, expected) => {
    expect(canonical(build())).toBe(expected());
  });

  it("keeps sound forms unevaluated", () => {
    expect(canonical(pow(q(-8), q(1, 3))).kind).toBe("pow");
    expect(canonical(sqrt(TWO)).kind).toBe("pow");
  });

  it.each([
    // [built, canonical]: roots of even powers keep the real value as abs forms, never merge to x.
    ["(x^2)^(1/2)", () => sqrt(pow(x, TWO)), () => call("abs", [x])],
    ["(x^4)^(1/3)", () => pow(pow(x, q(4)), q(1, 3)), () => pow(call("abs", [x]), q(4, 3))],
    ["(x^2)^(5/6)", () => pow(pow(x, TWO), q(5, 6)), () => pow(call("abs", [x]), q(5, 3))],
    ["(x^4)^(3/4)", () => pow(pow(x, q(4)), q(3, 4)), () => pow(call("abs", [x]), q(3))],
    ["(x^10)^(1/5)", () => pow(pow(x, q(10)), q(1, 5)), () => pow(x, TWO)],
    ["abs(x)^2", () => pow(call("abs", [x]), TWO), () => pow(x, TWO)],
    ["abs(x)^-4", () => pow(call("abs", [x]), q(-4)), () => pow(x, q(-4))],
    ["sqrt(x^2*y^2)", () => sqrt(mul(pow(x, TWO), pow(y, TWO))), () => mul(call("abs", [x]), call("abs", [y]))],
    ["sqrt(x^2*y)", () => sqrt(mul(pow(x, TWO), y)), () => pow(mul(pow(x, TWO), y), HALF)],
    ["(x^2)^y", () => pow(pow(x, TWO), y), () => pow(pow(x, TWO), y)],
    // u beside abs(u): u's exponent in [0, 2), the even rest moved into the abs.
    ["x^2*abs(x)", () => mul(pow(x, TWO), call("abs", [x])), () => pow(call("abs", [x]), q(3))],
    ["x^3*abs(x)", () => mul(pow(x, q(3)), call("abs", [x])), () => mul(x, pow(call("abs", [x]), q(3)))],
    ["x^2/abs(x)", () => div(pow(x, TWO), call("abs", [x])), () => call("abs", [x])],
    ["abs(x)/x^2", () => div(call("abs", [x]), pow(x, TWO)), () => pow(call("abs", [x]), MINUS_ONE)],
    ["abs(x)/x", () => div(call("abs", [x]), x), () => div(x, call("abs", [x]))],
    ["x*abs(x)", () => mul(x, call("abs", [x])), () => mul(x, call("abs", [x]))],
    ["x^y*abs(x)^3 (symbolic: apart)", () => mul(pow(x, y), pow(call("abs", [x]), q(3))), () => mul(pow(x, y), pow(call("abs", [x]), q(3)))],
    // exp by the argument without its rational factor.
    ["exp(2*x)*exp(x)", () => mul(call("exp", [mul(TWO, x)]), call("exp", [x])), () => call("exp", [mul(q(3), x)])],
    ["exp(x)*exp(-x)", () => mul(call("exp", [x]), call("exp", [neg(x)])), () => ONE],
    ["exp(2*x + 2)*exp(x + 1)", () => mul(call("exp", [add(mul(TWO, x), TWO)]), call("exp", [add(x, ONE)])), () => call("exp", [add(mul(q(3), x), q(3))])],
    ["e*exp(2)", () => mul(E, call("exp", [TWO])), () => call("exp", [q(3)])],
    ["exp(x)*exp(y) stays", () => mul(call("exp", [x]), call("exp", [y])), () => mul(call("exp", [x]), call("exp", [y]))],
    ["exp(log(x)/2)", () => call("exp", [mul(HALF, call("log", [x]))]), () => sqrt(x)],
    // A positive numeric base: the rational term of a symbolic exponent is taken out.
    ["2^(x + 1)", () => pow(TWO, add(x, ONE)), () => mul(TWO, pow(TWO, x))],
    ["2^(x + 1/2)", () => pow(TWO, add(x, HALF)), () => mul(sqrt(TWO), pow(TWO, x))],
    ["sqrt(2)*sqrt(2)*2^x", () => mul(sqrt(TWO), sqrt(TWO), pow(TWO, x)), () => mul(TWO, pow(TWO, x))],
    ["(-2)^(x + 1) stays", () => pow(q(-2), add(x, ONE)), () => pow(q(-2), add(x, ONE))],
    ["2^(x + 64) splits (64 bits)", () => pow(TWO, add(x, q(64))), () => mul(q(2 ** 64), pow(TWO, x))],
    ["2^(x + 65) stays (a large b^c is not split off)", () => pow(TWO, add(x, q(65))), () => pow(TWO, add(x, q(65)))],
    ["2^(x + 1000000) stays (no LimitError)", () => pow(TWO, add(x, q(1000000))), () => pow(TWO, add(x, q(1000000)))],
    ["(x^3)^(1/3)", () => pow(pow(x, q(3)), q(1, 3)), () => pow(pow(x, q(3)), q(1, 3))],
    ["0^(x^2 + 1)", () => pow(ZERO, add(pow(x, TWO), ONE)), () => ZERO],
    ["0^exp(x)", () => pow(ZERO, call("exp", [x])), () => ZERO],
    ["0^x", () => pow(ZERO, x), () => pow(ZERO, x)],
    ["0^(x^2)", () => pow(ZERO, pow(x, TWO)), () => pow(ZERO, pow(x, TWO))],
  ])("builds %s canonically", (_text, build, expected) => {
    expect(canonical(build())).toBe(expected());
  });

  it("refuses 0 to an evidently negative power, as it refuses 0^-1", () => {
    expect(() => pow(ZERO, sub(ZERO, add(pow(x, TWO), ONE)))).toThrow(new DomainError("division by zero (0 raised to a negative power)"));
    expect(() => div(ONE, pow(ZERO, call("exp", [x])))).toThrow(DomainError); // 1/0
    expect(canonical(div(ONE, pow(ZERO, x)))).toBe(pow(ZERO, mul(num(-1), x))); // sign unknown: 0^(-x) stays
  });

  it("orders deterministically by structure", () => {
    const s = canonical(add(call("sin", [x]), y, x, PI, q(3)));
    expect(s.args[0]).toBe(q(3));
    const p = canonical(mul(call("sin", [x]), y, x, PI));
    expect(p.args.map((a) => a.kind)).toEqual(["const", "sym", "sym", "call"]);
  });

  it("throws typed errors for division by zero and integer blow-ups", () => {
    expect(() => div(ONE, ZERO)).toThrow(DomainError);
    // A power too large to compute stays a power; exact products of numbers are still bounded.
    const huge = pow(q(10), pow(q(10), q(10)));
    expect(huge.kind).toBe("pow");
    expect(canonicalViolations(huge)).toEqual([]);
    expect(pow(huge, TWO)).toBe(pow(q(10), num(20_000_000_000)));
    expect(() => mul(num(1n << 600_000n), num(1n << 600_000n))).toThrow(LimitError);
    const before = setLimits({ maxDepth: 50 });
    try {
      let e: Expr = x;
      expect(() => {
        for (let i = 0; i < 60; i++) e = call("sin", [e]);
      }).toThrow(LimitError);
    } finally {
      setLimits(before);
    }
  });
});

describe("sums collect like terms", () => {
  // Terms c * (a product of some of a few factors), so that equal non-numeric parts are frequent:
  // with and without a coefficient, of one factor or several.
  const FACTORS = [x, y, pow(y, TWO), call("sin", [x]), sqrt(x)];
  const arbTerm = fc.tuple(fc.integer({ min: -3, max: 3 }), fc.subarray(FACTORS, { minLength: 0, maxLength: 4 })).map(([c, fs]) => mulAll([num(c), ...fs]));
  const arbTerms = fc.array(arbTerm, { minLength: 1, maxLength: 12 });

  it("adds the coefficients of each non-numeric part, in any order and grouping", () => {
    fc.assert(
      fc.property(arbTerms, fc.nat(), (terms, cut) => {
        const sum = canonical(addAll(terms));
        expect(addAll([...terms].reverse())).toBe(sum);
        const k = cut % (terms.length + 1);
        expect(addAll([addAll(terms.slice(0, k)), addAll(terms.slice(k))])).toBe(sum); // addAll([]) is 0
        // Reference: the coefficients summed per non-numeric part, each part built as a node.
        const byRest = new Map<Expr, Rational>();
        for (const t of terms) {
          const [c, rest] = splitCoefficient(t);
          byRest.set(rest, (byRest.get(rest) ?? Rational.ZERO).add(c));
        }
        const collected = [...byRest].filter(([, c]) => !c.isZero()).map(([rest, c]) => mulAll([num(c), rest]));
        expect(addAll(collected)).toBe(sum);
      }),
    );
  });

  it("scaleSum(c, s) is the sum of the terms times c, built by addAll", () => {
    const arbScale = fc.tuple(fc.integer({ min: -6, max: 6 }), fc.integer({ min: 1, max: 4 })).filter(([p]) => p !== 0);
    fc.assert(
      fc.property(arbTerms, arbScale, (terms, [p, q]) => {
        const s = addAll(terms);
        if (s.kind !== "add") return;
        const c = Rational.of(BigInt(p), BigInt(q));
        const scaled = canonical(scaleSum(c, s));
        expect(scaled).toBe(addAll(s.args.map((t) => mulAll([num(c), t]))));
        expect(scaled).toBe(mulAll([num(c), s]));
      }),
    );
  });
});
