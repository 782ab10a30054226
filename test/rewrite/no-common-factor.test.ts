// nothingCancels is a one-sided proof: true only when the numerator is not constant and shares no
// factor with any denominator base, checked here against the full polynomial gcd.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { add, call, mul, num, pow, sym } from "../../src/core/build.js";
import type { Expr } from "../../src/core/node.js";
import { Rational } from "../../src/core/rational.js";
import { parse } from "../../src/parse/parser.js";
import { print } from "../../src/print/plain.js";
import { sortedAtomTable, toPoly } from "../../src/poly/convert.js";
import { polyGcd } from "../../src/poly/gcd.js";
import { variablesOf } from "../../src/poly/poly.js";
import { nothingCancels } from "../../src/rewrite/no-common-factor.js";

const x = sym("x");
const y = sym("y");
const atom = fc.constantFrom<Expr>(x, y, call("sin", [x]), pow(x, num(Rational.HALF)), pow(add(x, num(1)), num(-1)));
const monomial = fc
  .tuple(
    fc.integer({ min: -3, max: 3 }).filter((c) => c !== 0),
    atom,
    fc.integer({ min: 0, max: 2 }),
  )
  .map(([c, a, k]) => mul(num(c), pow(a, num(k))));
const sum = fc.array(monomial, { minLength: 1, maxLength: 3 }).map((ts) => add(...ts));
/** Numerators: products and powers of sums, sums of such products. */
const numerator = fc.oneof(
  fc.array(fc.tuple(sum, fc.integer({ min: 1, max: 2 })), { minLength: 1, maxLength: 3 }).map((fs) => mul(...fs.map(([s, k]) => pow(s, num(k))))),
  fc.tuple(sum, sum, sum).map(([a, b, c]) => add(mul(a, b), c)),
);
const base = fc.oneof(sum, atom);

/** True when the full computation finds N constant or a non-constant gcd with some base. */
function somethingCancels(n: Expr, bases: readonly Expr[]): boolean {
  const table = sortedAtomTable([n, ...bases]);
  const N = toPoly(n, table);
  if (variablesOf(N).size === 0) return true;
  return bases.some((b) => {
    const d = toPoly(b, table);
    return variablesOf(d).size > 0 && variablesOf(polyGcd(N, d)).size > 0;
  });
}

describe("nothingCancels", () => {
  it("is true only when nothing cancels, and says so for most fractions without a common factor", () => {
    let proved = 0;
    let free = 0;
    fc.assert(
      fc.property(numerator, fc.array(base, { minLength: 1, maxLength: 2 }), fc.boolean(), (n0, bases, plant) => {
        // Half the time a denominator base is planted in the numerator, so that it must cancel.
        const n = plant && bases[0]!.kind !== "num" ? mul(n0, bases[0]!) : n0;
        if (bases.some((b) => b.kind === "num")) return;
        const cancels = somethingCancels(n, bases);
        const claim = nothingCancels(n, bases);
        if (claim) proved++;
        if (!cancels) free++;
        if (claim) expect(cancels, `${print(n)} over ${bases.map(print).join(", ")}`).toBe(false);
      }),
      { seed: 11, numRuns: 400 },
    );
    expect(proved).toBeGreaterThan(0.8 * free);
  });

  it.each([
    ["x^2 - 1", ["x - 1"], false],
    ["x^2 + 1", ["x - 1"], true],
    ["(x + 1)*(x + 2)", ["x + 3", "x"], true],
    ["x*y + x", ["x"], false],
    ["x*y + 1", ["x"], true],
    ["(x + 1)^2 - x^2 - 2*x", ["x - 1"], false],
    ["sin(x)^2 + sin(x)", ["sin(x) + 1"], false],
    ["sin(x) + cos(x)", ["sin(x)"], true],
  ])("nothingCancels(%s over %j) is %s", (n, bases, expected) => {
    expect(
      nothingCancels(
        parse(n),
        bases.map((b) => parse(b)),
      ),
    ).toBe(expected);
  });
});
