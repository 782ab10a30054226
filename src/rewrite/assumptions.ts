/**
 * What the caller assumes about symbols (`{ x: "positive" }`), and the sign facts derivable from
 * it. The checks are conservative: `false` means "not known", never "known false".
 */
import { isEvidentlyPositive } from "../core/evident-sign.js";
import type { Expr } from "../core/node.js";
import type { Property } from "./rules.js";

export type Assumptions = Readonly<Record<string, Property>>;

/**
 * Whether `e` is > 0 given the assumptions: the builder's evident positivity (`evident-sign.ts`)
 * with the symbols assumed positive counted as positive.
 */
export function isPositive(e: Expr, assume: Assumptions): boolean {
  return isEvidentlyPositive(e, (name) => Object.prototype.hasOwnProperty.call(assume, name) && assume[name] === "positive");
}

export function isNonnegative(e: Expr, assume: Assumptions): boolean {
  switch (e.kind) {
    case "num":
      return e.value.sign() >= 0;
    case "const":
      return true;
    case "sym":
      return Object.prototype.hasOwnProperty.call(assume, e.name) && (assume[e.name] === "positive" || assume[e.name] === "nonnegative");
    case "add":
    case "mul":
      return e.args.every((a) => isNonnegative(a, assume));
    case "pow": {
      if (e.exp.kind === "num" && e.exp.value.isInteger() && e.exp.value.num % 2n === 0n) return true;
      if (e.exp.kind === "num" && e.exp.value.sign() < 0) return isPositive(e.base, assume);
      return isNonnegative(e.base, assume);
    }
    case "call":
      return e.fn === "exp" || e.fn === "abs" || e.fn === "cosh" || isPositive(e, assume);
    case "deriv":
    case "apply":
      return false;
  }
}
