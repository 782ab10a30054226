/**
 * Nested radicals merged into one power: `(u^a)^b` is `u^(a*b)` for rational a and b when the
 * denominator of a is even, since u^a is then defined (real) only where u >= 0, and on u >= 0
 * powers of powers multiply (`sqrt(sqrt(u))` is u^(1/4)). Merged inside a product, the power
 * combines with the other powers of u (`sqrt(sqrt(u))*sqrt(u)` is u^(3/4)).
 */
import { mulAll, num, pow } from "../core/build.js";
import type { Expr } from "../core/node.js";

/** `(u^a)^b` with rational a of even denominator and rational b, merged; null for other nodes. */
function merged(f: Expr): Expr | null {
  if (f.kind !== "pow" || f.exp.kind !== "num") return null;
  const inner = f.base;
  if (inner.kind !== "pow" || inner.exp.kind !== "num" || inner.exp.value.den % 2n !== 0n) return null;
  return pow(inner.base, num(inner.exp.value.mul(f.exp.value)));
}

/** True when `e`, or a factor of the product `e`, is a nested radical `merged` rewrites. */
export function hasNestedRadical(e: Expr): boolean {
  if (e.kind === "mul") return e.args.some((f) => merged(f) !== null);
  return merged(e) !== null;
}

/**
 * `e` with every nested radical factor merged (the product rebuilt, so like powers combine);
 * null when `e` has none.
 */
export function mergeNestedRadicals(e: Expr): Expr | null {
  if (e.kind !== "mul") return merged(e);
  const factors = e.args.map((f) => merged(f) ?? f);
  return factors.some((f, i) => f !== e.args[i]) ? mulAll(factors) : null;
}
