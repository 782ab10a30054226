/**
 * The public calculus operations beyond derivatives: implicit differentiation, Taylor polynomials
 * and vector calculus. Strings or nodes in, canonical nodes out, simplified by default
 * (`{ simplify: false }` returns the raw canonical result).
 */
import { checkOrder } from "../calculus/diff.js";
import { implicitDerivatives } from "../calculus/implicit.js";
import { taylorPolynomial } from "../calculus/taylor.js";
import { curlExprs, directionalExpr, divergenceExpr, laplacianExpr } from "../calculus/vector.js";
import { num, withNodeBudget } from "../core/build.js";
import type { Expr } from "../core/node.js";
import { freeSymbols } from "../core/traverse.js";
import { simplify } from "../rewrite/simplify.js";
import type { CalculusOptions, Variable } from "./calculus.js";
import { toExpr, toVariableName, type ExprInput } from "./input.js";

/** A number (a double is read exactly) or a formula or node. */
export type ValueInput = number | bigint | ExprInput;

function finish(e: Expr, options: CalculusOptions): Expr {
  const s = options.simplify ?? true;
  if (s === false) return e;
  return simplify(e, s === true ? {} : s);
}

function read(input: ExprInput, options: CalculusOptions): Expr {
  return toExpr(input, options.undefinedFunctions === undefined ? undefined : { undefinedFunctions: options.undefinedFunctions });
}

function toValue(v: ValueInput, options: CalculusOptions = {}): Expr {
  return typeof v === "number" || typeof v === "bigint" ? num(v) : read(v, options);
}

/**
 * d^order y / dx^order for y defined implicitly by F(x, y) = 0, in terms of x and y (valid where
 * dF/dy is not 0).
 *
 * @throws DomainError when F does not depend on y; RangeError for a bad order.
 * @example
 * implicitDiff("x^2 + y^2 - 1", "y", "x");         // => -x/y
 * implicitDiff("x^2 + y^2 - 1", "y", "x", 2);      // => -1/y - x^2/y^3
 * implicitDiff("x^2 + 1", "y", "x");               // throws DomainError: implicitDiff: the expression does not contain 'y'
 */
export function implicitDiff(F: ExprInput, y: Variable, x: Variable, order = 1, options: CalculusOptions = {}): Expr {
  checkOrder(order);
  const e = read(F, options);
  const ys = toVariableName(y);
  const xs = toVariableName(x);
  if (order === 0) return toExpr(ys);
  return finish(
    withNodeBudget(() => implicitDerivatives(e, ys, xs, order)[order - 1]!),
    options,
  );
}

/**
 * The Taylor polynomial of `f` in `x` around `a` of order `n` (terms up to (x - a)^n), by
 * truncated power-series arithmetic over the expression graph, not by n derivatives of f.
 *
 * @throws RangeError for a non-integer or negative n, as for a derivative order.
 * @example
 * taylor("exp(x)", "x", 0, 3);                     // => x^3/6 + x^2/2 + x + 1
 * taylor("cos(x)", "x", "pi", 4);                  // => (x - pi)^2/2 - (x - pi)^4/24 - 1
 */
export function taylor(f: ExprInput, x: Variable, a: ValueInput, n: number, options: CalculusOptions = {}): Expr {
  checkOrder(n);
  const e = read(f, options);
  const v = toVariableName(x);
  const at = toValue(a, options);
  // The coefficients are simplified, the polynomial stays a sum of powers of (x - a).
  return withNodeBudget(() => taylorPolynomial(e, v, at, n, (c) => finish(c, options)));
}

/**
 * The Laplacian, the sum of the second partials; variables default to the sorted free symbols.
 *
 * @example
 * laplacian("x^2*y + y^3");                        // => 8*y
 */
export function laplacian(f: ExprInput, vars?: readonly Variable[], options: CalculusOptions = {}): Expr {
  const e = read(f, options);
  const names = vars?.map(toVariableName) ?? freeSymbols(e);
  return finish(
    withNodeBudget(() => laplacianExpr(e, names)),
    options,
  );
}

/**
 * The divergence sum_i d F[i] / d vars[i].
 *
 * @throws DomainError unless there are as many components as variables.
 * @example
 * divergence(["x*y", "y*z", "z*x"], ["x", "y", "z"]);   // => x + y + z
 */
export function divergence(F: readonly ExprInput[], vars: readonly Variable[], options: CalculusOptions = {}): Expr {
  const fs = F.map((c) => read(c, options));
  const names = vars.map(toVariableName);
  return finish(
    withNodeBudget(() => divergenceExpr(fs, names)),
    options,
  );
}

/**
 * The 3 components of the curl of a 3-component field in 3 variables.
 *
 * @throws DomainError for another number of components or variables.
 * @example
 * curl(["y", "-x", "0"], ["x", "y", "z"]);         // => [0, 0, -2]
 * curl(["y", "x"], ["x", "y"]);                    // throws DomainError: curl needs a field of 3 components, got 2
 */
export function curl(F: readonly ExprInput[], vars: readonly Variable[], options: CalculusOptions = {}): Expr[] {
  const fs = F.map((c) => read(c, options));
  const names = vars.map(toVariableName);
  return withNodeBudget(() => curlExprs(fs, names)).map((c) => finish(c, options));
}

/**
 * The derivative of `f` along `direction` normalised to unit length (the textbook definition):
 * grad f . d/|d|.
 *
 * @throws DomainError for a direction of the wrong length or the zero vector.
 * @example
 * directionalDerivative("x^2 + y^2", [1, 1], ["x", "y"]);  // => sqrt(2)*(x + y)
 * directionalDerivative("x*y", [0, 0], ["x", "y"]);        // throws DomainError: the direction is the zero vector
 */
export function directionalDerivative(f: ExprInput, direction: readonly ValueInput[], vars: readonly Variable[], options: CalculusOptions = {}): Expr {
  const e = read(f, options);
  const d = direction.map((v) => toValue(v, options));
  const names = vars.map(toVariableName);
  return finish(
    withNodeBudget(() => directionalExpr(e, d, names)),
    options,
  );
}
