/**
 * Implicit differentiation: for F(x, y) = 0 defining y as a function of x, the derivatives
 * d^k y / dx^k as expressions in x and y.
 *
 * Contract: `implicitDerivatives(F, y, x, n)` is [y', y'', ..., y^(n)] with y' = -F_x / F_y and
 * y^(k+1) = d/dx y^(k) + (d/dy y^(k)) * y' (the total derivative with y = y(x)), each simplified.
 * Valid wherever F_y is not zero. F without y (or with F_y identically 0) is a DomainError.
 */
import { mulAll, MINUS_ONE, pow, addAll, ZERO } from "../core/build.js";
import { DomainError } from "../core/errors.js";
import type { Expr } from "../core/node.js";
import { freeSymbolSet } from "../core/traverse.js";
import { simplify } from "../rewrite/simplify.js";
import { diffExpr } from "./diff.js";

export function implicitDerivatives(F: Expr, y: string, x: string, n: number): Expr[] {
  if (y === x) throw new DomainError(`implicitDiff needs two different variables, got '${x}' twice`);
  if (!freeSymbolSet(F).has(y)) throw new DomainError(`implicitDiff: the expression does not contain '${y}'`);
  const Fy = simplify(diffExpr(F, y));
  if (Fy === ZERO) throw new DomainError(`implicitDiff: the expression does not depend on '${y}' (its derivative in '${y}' is 0)`);
  const first = simplify(mulAll([MINUS_ONE, diffExpr(F, x), pow(Fy, MINUS_ONE)]));
  const out = [first];
  for (let k = 1; k < n; k++) {
    const prev = out[k - 1]!;
    out.push(simplify(addAll([diffExpr(prev, x), mulAll([diffExpr(prev, y), first])])));
  }
  return out;
}
