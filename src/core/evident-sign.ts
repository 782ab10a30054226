/**
 * Signs evident from structure, for every real value of the variables where the expression is
 * defined. One source for the builder (which knows nothing of its symbols) and for the rewrite
 * conditions (which may know that some symbols are positive, `rewrite/assumptions.ts`). The checks
 * are conservative: `false` means "not known", never "known false".
 */
import type { Expr } from "./node.js";

/** Whether the caller knows the symbol `name` to be > 0. */
export type PositiveSymbol = (name: string) => boolean;

const NO_POSITIVE_SYMBOL: PositiveSymbol = () => false;

/**
 * True when `e` is > 0: positive numbers, pi and e, symbols `positiveSymbol` names, exp and cosh,
 * abs of such, sums of such (a sum may also hold terms that are only nonnegative, so `x^2 + 1`
 * is positive), products of such, powers of a positive base.
 */
export function isEvidentlyPositive(e: Expr, positiveSymbol: PositiveSymbol = NO_POSITIVE_SYMBOL): boolean {
  switch (e.kind) {
    case "num":
      return e.value.sign() > 0;
    case "const":
      return true;
    case "sym":
      return positiveSymbol(e.name);
    case "add": {
      let strict = false;
      for (const t of e.args) {
        if (isEvidentlyPositive(t, positiveSymbol)) strict = true;
        else if (!isEvidentlyNonnegativeTerm(t, positiveSymbol)) return false;
      }
      return strict;
    }
    case "mul":
      return e.args.every((f) => isEvidentlyPositive(f, positiveSymbol));
    case "pow":
      return isEvidentlyPositive(e.base, positiveSymbol);
    case "call":
      return e.fn === "exp" || e.fn === "cosh" || (e.fn === "abs" && isEvidentlyPositive(e.args[0]!, positiveSymbol));
    case "deriv":
    case "apply":
      return false;
  }
}

/** Whether `e` is an even integer (a number). */
export function isEvenInteger(e: Expr): boolean {
  return e.kind === "num" && e.value.isInteger() && e.value.num % 2n === 0n;
}

/**
 * A factor that is >= 0 (where it is defined): an even power, abs, a power of abs with a numeric
 * exponent, or an evidently positive factor (`2^y`, `exp(u)`).
 */
export function isEvidentlyNonnegative(f: Expr, positiveSymbol: PositiveSymbol = NO_POSITIVE_SYMBOL): boolean {
  if (f.kind === "call" && f.fn === "abs") return true;
  if (f.kind === "pow" && (isEvenInteger(f.exp) || (f.base.kind === "call" && f.base.fn === "abs" && f.exp.kind === "num"))) return true;
  return isEvidentlyPositive(f, positiveSymbol);
}

/** A term >= 0: a nonnegative factor, or a positive multiple of a product of such. */
export function isEvidentlyNonnegativeTerm(t: Expr, positiveSymbol: PositiveSymbol = NO_POSITIVE_SYMBOL): boolean {
  if (t.kind === "mul") return t.args.every((f) => (f.kind === "num" ? f.value.sign() > 0 : isEvidentlyNonnegative(f, positiveSymbol)));
  return isEvidentlyNonnegative(t, positiveSymbol);
}

/**
 * Whether `e` is >= 0 wherever it is defined, and may be 0 (not evidently positive): an even
 * power, abs, a sum or product of such (`x^2 + y^2`, `x^2*abs(y)`). The differentiator writes
 * `d/dy b^y` as `xlogy(b^y, b)` for such bases, so the derivative is 0 where b is, not 0*log(0).
 */
export function canBeZeroButNotNegative(e: Expr): boolean {
  if (isEvidentlyPositive(e)) return false;
  return e.kind === "add" ? e.args.every((t) => isEvidentlyNonnegativeTerm(t)) : isEvidentlyNonnegativeTerm(e);
}
