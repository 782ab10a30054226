/**
 * Vector calculus over exact expressions: Laplacian, divergence, curl and the directional
 * derivative. Inputs are canonical nodes and variable names; results are not simplified here.
 * Shapes are checked: a divergence needs as many components as variables, a curl exactly 3 of
 * each, a direction as many components as variables and not the zero vector (DomainError).
 */
import { addAll, mulAll, pow, num, sub, ZERO } from "../core/build.js";
import { DomainError } from "../core/errors.js";
import type { Expr } from "../core/node.js";
import { Rational } from "../core/rational.js";
import { diffExpr } from "./diff.js";

/** sum_i d^2 f / d vars[i]^2. */
export function laplacianExpr(f: Expr, vars: readonly string[]): Expr {
  return addAll(vars.map((v) => diffExpr(diffExpr(f, v), v)));
}

/** sum_i d F[i] / d vars[i]. */
export function divergenceExpr(F: readonly Expr[], vars: readonly string[]): Expr {
  if (F.length !== vars.length) throw new DomainError(`divergence needs as many components as variables: ${F.length} components, ${vars.length} variables`);
  return addAll(F.map((c, i) => diffExpr(c, vars[i]!)));
}

/** The curl of a 3-component field in the variables (x, y, z) = vars. */
export function curlExprs(F: readonly Expr[], vars: readonly string[]): [Expr, Expr, Expr] {
  if (F.length !== 3) throw new DomainError(`curl needs a field of 3 components, got ${F.length}`);
  if (vars.length !== 3) throw new DomainError(`curl needs 3 variables, got ${vars.length}`);
  const [P, Q, R] = F as [Expr, Expr, Expr];
  const [x, y, z] = vars as [string, string, string];
  return [sub(diffExpr(R, y), diffExpr(Q, z)), sub(diffExpr(P, z), diffExpr(R, x)), sub(diffExpr(Q, x), diffExpr(P, y))];
}

/** grad f . (direction / |direction|): the rate of change of f along the unit vector of `direction`. */
export function directionalExpr(f: Expr, direction: readonly Expr[], vars: readonly string[]): Expr {
  if (direction.length !== vars.length) throw new DomainError(`the direction has ${direction.length} components but there are ${vars.length} variables`);
  const normSquared = addAll(direction.map((d) => pow(d, num(2))));
  if (normSquared === ZERO) throw new DomainError("the direction is the zero vector");
  const inverseNorm = pow(normSquared, num(Rational.of(-1, 2)));
  return mulAll([inverseNorm, addAll(direction.map((d, i) => mulAll([d, diffExpr(f, vars[i]!)])))]);
}
