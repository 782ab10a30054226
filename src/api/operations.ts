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
 * d^order y / dx^order for y defined implicitly by F(x, y) = 0, in terms of x and y:
 * `implicitDiff("x^2 + y^2 - 1", "y", "x")` is `-x/y`. A DomainError when F does not depend on y.
 */
export function implicitDiff(F: ExprInput, y: Variable, x: Variable, order = 1, options: CalculusOptions = {}): Expr {
  checkOrder(order);
  const e = read(F, options);
  const ys = toVariableName(y);
  const xs = toVariableName(x);
  if (order === 0) return toExpr(ys);
  return finish(withNodeBudget(() => implicitDerivatives(e, ys, xs, order)[order - 1]!), options);
}

/**
 * The Taylor polynomial of `f` in `x` around `a` of order `n` (terms up to (x - a)^n):
 * `taylor("exp(x)", "x", 0, 3)` is `x^3/6 + x^2/2 + x + 1`. Computed by truncated power-series
 * arithmetic over the expression graph, not by n derivatives of f (`calculus/taylor.ts`).
 * A non-integer or negative n is a RangeError, as for a derivative order.
 */
export function taylor(f: ExprInput, x: Variable, a: ValueInput, n: number, options: CalculusOptions = {}): Expr {
  checkOrder(n);
  const e = read(f, options);
  const v = toVariableName(x);
  const at = toValue(a, options);
  // The coefficients are simplified, the polynomial stays a sum of powers of (x - a).
  return withNodeBudget(() => taylorPolynomial(e, v, at, n, (c) => finish(c, options)));
}

/** The sum of the second partials; variables default to the sorted free symbols. */
export function laplacian(f: ExprInput, vars?: readonly Variable[], options: CalculusOptions = {}): Expr {
  const e = read(f, options);
  const names = vars?.map(toVariableName) ?? freeSymbols(e);
  return finish(withNodeBudget(() => laplacianExpr(e, names)), options);
}

/** sum_i d F[i] / d vars[i]; as many components as variables (DomainError otherwise). */
export function divergence(F: readonly ExprInput[], vars: readonly Variable[], options: CalculusOptions = {}): Expr {
  const fs = F.map((c) => read(c, options));
  const names = vars.map(toVariableName);
  return finish(withNodeBudget(() => divergenceExpr(fs, names)), options);
}

/** The 3 components of the curl of a 3-component field in 3 variables (DomainError otherwise). */
export function curl(F: readonly ExprInput[], vars: readonly Variable[], options: CalculusOptions = {}): Expr[] {
  const fs = F.map((c) => read(c, options));
  const names = vars.map(toVariableName);
  return withNodeBudget(() => curlExprs(fs, names)).map((c) => finish(c, options));
}

/**
 * The derivative of `f` along `direction` normalised to unit length (the textbook definition):
 * grad f . d/|d|. A direction of the wrong length or the zero vector is a DomainError.
 */
export function directionalDerivative(f: ExprInput, direction: readonly ValueInput[], vars: readonly Variable[], options: CalculusOptions = {}): Expr {
  const e = read(f, options);
  const d = direction.map((v) => toValue(v, options));
  const names = vars.map(toVariableName);
  return finish(withNodeBudget(() => directionalExpr(e, d, names)), options);
}
