import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { diffExpr } from "../../src/calculus/diff.js";
import { parse } from "../../src/parse/parser.js";
import { print } from "../../src/print/plain.js";
import { cost } from "../../src/rewrite/cost.js";
import { simplify } from "../../src/rewrite/simplify.js";
import { size } from "../data/size.mjs";
import { arbExpr } from "../support/arbitrary.js";

describe("cost is the printed size", () => {
  it("cost(e) === size(print(e)) for random canonical expressions", () => {
    fc.assert(
      fc.property(arbExpr(3), (e) => {
        expect(cost(e)).toBe(size(print(e)));
      }),
      { numRuns: 400, seed: 15 },
    );
  });

  it.each(["9 - x^2", "-x^2 - 1", "(-2)^(1/2)*x", "1/sqrt(x^2 + 1)", "x^(-y)", "-x*exp(-x)*(x - 2)", "-((x + 1)*(y + 1))", "x/(y + 1)/3", "(1 - log(x))/x^2"])(
    "cost(%s) is its printed size, and the print parses back",
    (text) => {
      const e = parse(text);
      expect(cost(e)).toBe(size(print(e)));
      expect(parse(print(e))).toBe(e);
    },
  );

  it("holds for simplified derivatives", () => {
    for (const f of ["sin(x)^3/(1 + x^2)", "exp(-x)*x^2", "atan(x)^2*sqrt(1 - x)", "log(cosh(x)) - x^3", "tan(x)^4"]) {
      const d = simplify(diffExpr(parse(f), "x"));
      expect(cost(d)).toBe(size(print(d)));
    }
  });
});
