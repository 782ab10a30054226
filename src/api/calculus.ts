/**
 * The public calculus functions: strings or nodes in, canonical (and by default simplified)
 * nodes out.
 */
import { diffExpr, diffOrder } from "../calculus/diff.js";
import { gradientExprs, hessianExprs, jacobianExprs } from "../calculus/gradient.js";
import { withNodeBudget } from "../core/build.js";
import type { Expr } from "../core/node.js";
import { freeSymbols } from "../core/traverse.js";
import { toExpr, toVariableName, type ExprInput } from "./input.js";

export type Variable = string | Expr;

/** A gradient keyed by variable name, in the order of the variables. */
export type Gradient = Record<string, Expr>;

/**
 * d e / d v (order 1 by default), or the mixed partial d/d vs[k] ... d/d vs[0] e for a list,
 * taken in the order given.
 */
export function diff(input: ExprInput, vars: Variable | readonly Variable[], order = 1): Expr {
  return withNodeBudget(() => diffUnbudgeted(toExpr(input), vars, order));
}

function diffUnbudgeted(e: Expr, vars: Variable | readonly Variable[], order: number): Expr {
  if (Array.isArray(vars)) {
    if (order !== 1) throw new RangeError("an order applies to a single variable; repeat the variable in the list instead");
    let out = e;
    for (const v of vars as readonly Variable[]) out = diffExpr(out, toVariableName(v));
    return out;
  }
  return diffOrder(e, toVariableName(vars as Variable), order);
}

/** The gradient as an object { variable: partial }; variables default to the sorted free symbols. */
export function gradient(input: ExprInput, vars?: readonly Variable[]): Gradient {
  const e = toExpr(input);
  const names = vars?.map(toVariableName);
  const partials = withNodeBudget(() => gradientExprs(e, names));
  const out: Gradient = {};
  const keys = names ?? freeSymbols(e);
  // defineProperty keeps names like "__proto__" as ordinary own keys.
  keys.forEach((k, i) => Object.defineProperty(out, k, { value: partials[i], enumerable: true, writable: true, configurable: true }));
  return out;
}

/** Row i is the gradient of fs[i]; variables default to the sorted union of free symbols. */
export function jacobian(inputs: readonly ExprInput[], vars?: readonly Variable[]): Expr[][] {
  const fs = inputs.map(toExpr);
  return withNodeBudget(() => jacobianExprs(fs, vars?.map(toVariableName)));
}

/** The Hessian matrix of second partials. */
export function hessian(input: ExprInput, vars?: readonly Variable[]): Expr[][] {
  const e = toExpr(input);
  return withNodeBudget(() => hessianExprs(e, vars?.map(toVariableName)));
}
