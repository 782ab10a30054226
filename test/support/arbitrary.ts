/**
 * fast-check arbitraries of canonical expressions, for property tests across the project.
 *
 * `arbExpr(depth)` draws nodes over the symbols x, y, z, small rationals, `pi`, `e`, sums,
 * products, powers (small integer and half-integer exponents, and occasionally a symbolic one)
 * and every function of `core/functions.ts`. Every value is built through `core/build.ts`, so it
 * is canonical; combinations the builder rejects (`0^-1`) are filtered out.
 */
import fc from "fast-check";
import { addAll, call, constant, mulAll, num, pow, sym } from "../../src/core/build.js";
import { SymgradError } from "../../src/core/errors.js";
import { FUNCTION_ARITY, FUNCTION_NAMES, type FunctionName } from "../../src/core/functions.js";
import type { Expr } from "../../src/core/node.js";
import { Rational } from "../../src/core/rational.js";

export const SYMBOL_NAMES = ["x", "y", "z"] as const;

export const arbSymbol: fc.Arbitrary<Expr> = fc.constantFrom(...SYMBOL_NAMES).map((n) => sym(n));

/** Rationals p/q with |p| <= 12 and 1 <= q <= 6. */
export const arbRational: fc.Arbitrary<Rational> = fc
  .tuple(fc.integer({ min: -12, max: 12 }), fc.integer({ min: 1, max: 6 }))
  .map(([p, q]) => Rational.of(p, q));

export const arbNumber: fc.Arbitrary<Expr> = fc.oneof(
  { arbitrary: fc.integer({ min: -9, max: 9 }).map((n) => num(n)), weight: 3 },
  { arbitrary: arbRational.map((r) => num(r)), weight: 1 },
);

/** Exponents -3..3 and the half-integers -5/2..5/2 (0 and 1 included: the builder folds them). */
export const arbExponent: fc.Arbitrary<Expr> = fc.oneof(
  fc.integer({ min: -3, max: 3 }).map((n) => num(n)),
  fc.integer({ min: -5, max: 5 }).map((n) => num(Rational.of(2 * n + 1, 2))),
);

export const arbLeaf: fc.Arbitrary<Expr> = fc.oneof(
  { arbitrary: arbSymbol, weight: 4 },
  { arbitrary: arbNumber, weight: 2 },
  { arbitrary: fc.constantFrom(constant("pi"), constant("e")), weight: 1 },
);

/** The value of `build()`, or null when the builder rejects the combination with a typed error. */
function attempt(build: () => Expr): Expr | null {
  try {
    return build();
  } catch (e) {
    if (e instanceof SymgradError) return null;
    throw e;
  }
}

function built<T>(a: fc.Arbitrary<T>, build: (v: T) => Expr): fc.Arbitrary<Expr> {
  return a.map((v) => attempt(() => build(v))).filter((e): e is Expr => e !== null);
}

/** Canonical expressions nested at most `depth` operations deep (`depth` 0 gives leaves only). */
export function arbExpr(depth = 3): fc.Arbitrary<Expr> {
  if (depth <= 0) return arbLeaf;
  const sub = arbExpr(depth - 1);
  const operands = fc.array(sub, { minLength: 2, maxLength: 3 });
  const fn = fc.constantFrom<FunctionName>(...FUNCTION_NAMES);
  return fc.oneof(
    { arbitrary: arbLeaf, weight: 2 },
    { arbitrary: built(operands, (ts) => addAll(ts)), weight: 3 },
    { arbitrary: built(operands, (fs) => mulAll(fs)), weight: 3 },
    { arbitrary: built(fc.tuple(sub, arbExponent), ([b, e]) => pow(b, e)), weight: 3 },
    // A symbolic exponent; numeric ones come from arbExponent only, which keeps numbers small.
    { arbitrary: built(fc.tuple(sub, sub.filter((e) => e.kind !== "num")), ([b, e]) => pow(b, e)), weight: 1 },
    {
      arbitrary: built(
        fn.chain((f) =>
          fc.tuple(
            fc.constant(f),
            // The order of polygamma is a small non-negative integer.
            f === "polygamma"
              ? fc.tuple(fc.integer({ min: 0, max: 3 }).map((n) => num(n)), sub).map(([n, u]) => [n, u])
              : fc.array(sub, { minLength: FUNCTION_ARITY[f], maxLength: FUNCTION_ARITY[f] }),
          ),
        ),
        ([f, args]) => call(f, args),
      ),
      weight: 2,
    },
  );
}
