/**
 * fast-check arbitraries of canonical expressions, for property tests across the project.
 *
 * `arbExpr(depth)` draws nodes over the symbols x, y, z, small rationals, `pi`, `e`, sums,
 * products, powers (small integer and half-integer exponents, and occasionally a symbolic one)
 * and every function of `core/functions.ts`. Every value is built through `core/build.ts`, so it
 * is canonical; combinations the builder rejects (`0^-1`) are filtered out.
 */
import fc from "fast-check";
import { addAll, applied, call, constant, derivative, mulAll, num, pow, sym } from "../../src/core/build.js";
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
    {
      arbitrary: built(
        fc.tuple(
          sub,
          sub.filter((e) => e.kind !== "num"),
        ),
        ([b, e]) => pow(b, e),
      ),
      weight: 1,
    },
    // A symbolic power next to a fractional power of itself (`2^x*sqrt(2^x)`), times a subterm.
    {
      arbitrary: built(fc.tuple(sub, fc.constantFrom(...SYMBOLIC_POWERS), fc.constantFrom(...REPEAT_EXPONENTS)), ([t, u, k]) => mulAll([t, u, pow(u, num(k))])),
      weight: 1,
    },
    {
      arbitrary: built(
        fn.chain((f) =>
          fc.tuple(
            fc.constant(f),
            // The order of polygamma is a small non-negative integer.
            f === "polygamma"
              ? fc
                  .tuple(
                    fc.integer({ min: 0, max: 3 }).map((n) => num(n)),
                    sub,
                  )
                  .map(([n, u]) => [n, u])
              : fc.array(sub, { minLength: FUNCTION_ARITY[f], maxLength: FUNCTION_ARITY[f] }),
          ),
        ),
        ([f, args]) => call(f, args),
      ),
      weight: 2,
    },
  );
}

/** The undefined functions `arbCalculusExpr` applies (pass them as `undefinedFunctions`). */
export const UNDEFINED_FUNCTION_NAMES = ["f", "g", "phi", "F1", "rate", "d"] as const;

/**
 * Like `arbExpr`, with inert derivatives (by one to three of x, y, z, in any order) and undefined
 * functions of one or two arguments with derivative orders 0-4 in each, at any depth.
 */
export function arbCalculusExpr(depth = 3): fc.Arbitrary<Expr> {
  if (depth <= 0) return arbLeaf;
  const sub = arbCalculusExpr(depth - 1);
  const order = fc.integer({ min: 0, max: 4 });
  return fc.oneof(
    { arbitrary: arbExpr(depth - 1), weight: 2 },
    { arbitrary: built(fc.array(sub, { minLength: 2, maxLength: 3 }), (ts) => addAll(ts)), weight: 2 },
    { arbitrary: built(fc.array(sub, { minLength: 2, maxLength: 3 }), (fs) => mulAll(fs)), weight: 2 },
    { arbitrary: built(fc.tuple(sub, arbExponent), ([b, e]) => pow(b, e)), weight: 1 },
    { arbitrary: built(fc.tuple(sub, fc.array(arbSymbol, { minLength: 1, maxLength: 3 })), ([body, vars]) => derivative(body, vars)), weight: 2 },
    {
      arbitrary: built(fc.tuple(fc.constantFrom(...UNDEFINED_FUNCTION_NAMES), fc.array(fc.tuple(sub, order), { minLength: 1, maxLength: 2 })), ([name, args]) =>
        applied(
          name,
          args.map(([, k]) => k),
          args.map(([a]) => a),
        ),
      ),
      weight: 2,
    },
  );
}

/**
 * Powers whose exponent is symbolic: the builder keys a product's factors by base, so `u` and a
 * fractional power `u^(1/2)` of such a power stay two factors of one product (their bases differ:
 * `2` and `2^x`). Every pass that keys factors by base must treat the pair as one base.
 */
export const SYMBOLIC_POWERS: readonly Expr[] = [
  pow(num(2), sym("x")),
  pow(sym("x"), sym("y")),
  pow(sym("x"), sym("x")),
  pow(addAll([sym("x"), num(1)]), sym("y")),
  pow(call("sin", [sym("x")]), sym("y")),
  pow(num(3), mulAll([num(2), sym("y")])),
];

/** Exponents applied to a repeated base: integers and fractions with even and odd denominators. */
const REPEAT_EXPONENTS: readonly Rational[] = [1, 2, -1, [1, 2], [3, 2], [-1, 2], [1, 3], [-2, 3], [5, 4]].map((k) =>
  typeof k === "number" ? Rational.of(k, 1) : Rational.of(k[0]!, k[1]),
);

/**
 * Sums of products in which the same symbolic power appears several times under different
 * numeric exponents (`2^x*sqrt(2^x) - 2^x`, `x*(x^y)^(1/3)/x^y`), mixed with plain atoms.
 */
export function arbRepeatedBases(): fc.Arbitrary<Expr> {
  const base = fc.constantFrom(...SYMBOLIC_POWERS);
  const power = fc.tuple(base, fc.constantFrom(...REPEAT_EXPONENTS)).map(([b, k]) => attempt(() => pow(b, num(k))));
  const factor = fc.oneof({ arbitrary: power, weight: 4 }, { arbitrary: arbLeaf.map((l) => l as Expr | null), weight: 2 });
  const product = fc.array(factor, { minLength: 2, maxLength: 4 }).map((fs) => (fs.some((f) => f === null) ? null : attempt(() => mulAll(fs as Expr[]))));
  return fc
    .array(product, { minLength: 1, maxLength: 3 })
    .map((ts) => (ts.some((t) => t === null) ? null : attempt(() => addAll(ts as Expr[]))))
    .filter((e): e is Expr => e !== null);
}
