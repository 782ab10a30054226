/**
 * The calculus functions of `symgrad/lite`: those of `api/calculus.ts` without the simplifier.
 * Each result is the canonical derivative as the builder makes it, numbers folded and like terms
 * collected at construction (`x + x` is `2*x`, `cos(pi)` is `-1`), which is what
 * `diff(..., { simplify: false })` of `symgrad` returns; nothing is rewritten further. Passing a
 * result to `simplify` from `symgrad` gives the default `diff` result (for order 1).
 */
import type { Expr } from "../core/node.js";
import { diffWith, evaluateDerivativesWith, gradientWith, hessianWith, jacobianWith, type Gradient, type Variable } from "./derivatives.js";
import { toExpr, type ExprInput } from "./input.js";

/** Options of the lite `diff`, `gradient`, `jacobian` and `hessian`. */
export interface LiteCalculusOptions {
  /** Undefined functions the formula strings may call (`["f", "g"]`), as for `parse`. */
  undefinedFunctions?: readonly string[];
}

function read(input: ExprInput, options: LiteCalculusOptions): Expr {
  return toExpr(input, options.undefinedFunctions === undefined ? undefined : { undefinedFunctions: options.undefinedFunctions });
}

/** The derivative as built: returned as it is. */
const asBuilt = (e: Expr): Expr => e;

/**
 * `diff` of `symgrad` with `{ simplify: false }`: d input / d vars, not simplified.
 *
 * @example
 * diff("x^2*sin(x)", "x");        // => x^2*cos(x) + 2*x*sin(x)
 * diff("x^3*y^2", ["x", "y"]);    // => 6*x^2*y
 */
export function diff(input: ExprInput, vars: Variable | readonly Variable[], order = 1, options: LiteCalculusOptions = {}): Expr {
  return diffWith(read(input, options), vars, order, asBuilt);
}

/** `gradient` of `symgrad` with `{ simplify: false }`. */
export function gradient(input: ExprInput, vars?: readonly Variable[], options: LiteCalculusOptions = {}): Gradient {
  return gradientWith(read(input, options), vars, asBuilt);
}

/** `jacobian` of `symgrad` with `{ simplify: false }`. */
export function jacobian(inputs: readonly ExprInput[], vars?: readonly Variable[], options: LiteCalculusOptions = {}): Expr[][] {
  return jacobianWith(
    inputs.map((i) => read(i, options)),
    vars,
    asBuilt,
  );
}

/** `hessian` of `symgrad` with `{ simplify: false }`. */
export function hessian(input: ExprInput, vars?: readonly Variable[], options: LiteCalculusOptions = {}): Expr[][] {
  return hessianWith(read(input, options), vars, asBuilt);
}

/** `evaluateDerivatives` of `symgrad` with `{ simplify: false }`: every inert derivative carried out. */
export function evaluateDerivatives(input: ExprInput): Expr {
  return evaluateDerivativesWith(toExpr(input), asBuilt);
}
