/**
 * The bodies of the public calculus functions, with what happens to each derivative passed in as
 * `finish`: `symgrad` simplifies it (`api/calculus.ts`), `symgrad/lite` returns it as built
 * (`api/lite.ts`), so that the lite entry's bundle holds no simplifier. Expressions in, variables
 * checked here, canonical nodes out.
 */
import { checkOrder, diffExpr, diffOrder, evaluateDerivatives as carryOutDerivatives } from "../calculus/diff.js";
import { gradientExprs, hessianExprs, jacobianExprs } from "../calculus/gradient.js";
import { withNodeBudget, ZERO } from "../core/build.js";
import { LimitError } from "../core/errors.js";
import { limits } from "../core/limits.js";
import type { Expr } from "../core/node.js";
import { freeSymbols } from "../core/traverse.js";
import { toVariableName } from "./input.js";

/**
 * A variable: its name, or the symbol node (`parse("x")`).
 */
export type Variable = string | Expr;

/** A gradient keyed by variable name, in the order of the variables. */
export type Gradient = Record<string, Expr>;

/** What is done to each derivative before it is returned, and between the steps of a repeated one. */
export type Finish = (e: Expr) => Expr;

/** `diff` of the expression `e` (see `api/calculus.ts`), each result and step passed through `finish`. */
export function diffWith(e: Expr, vars: Variable | readonly Variable[], order: number, finish: Finish): Expr {
  let steps: string[];
  if (Array.isArray(vars)) {
    if (order !== 1) throw new RangeError("an order applies to a single variable; repeat the variable in the list instead");
    steps = (vars as readonly Variable[]).map(toVariableName);
  } else {
    const v = toVariableName(vars as Variable);
    if (order === 0 || order === 1) return finish(withNodeBudget(() => diffOrder(e, v, order)));
    checkOrder(order);
    steps = new Array<string>(order).fill(v);
  }
  // Repeated derivatives are finished (simplified) after every step: unsimplified, the product
  // rule makes the n-th derivative of x^x grow exponentially with n.
  // One node budget for all the steps together, so a high order cannot grow without bound.
  const deadline = performance.now() + limits.diffTimeMs;
  return withNodeBudget(() => {
    let out = e;
    for (const v of steps) {
      if (performance.now() > deadline) {
        throw new LimitError("diffTimeMs", limits.diffTimeMs, `derivative of order ${steps.length} ran out of time`);
      }
      out = finish(diffExpr(out, v));
      if (out === ZERO) break;
    }
    return out;
  });
}

/** `gradient` of `e`, each partial passed through `finish`. */
export function gradientWith(e: Expr, vars: readonly Variable[] | undefined, finish: Finish): Gradient {
  const names = vars?.map(toVariableName) ?? freeSymbols(e);
  const partials = withNodeBudget(() => gradientExprs(e, names));
  const out: Gradient = {};
  // defineProperty keeps names like "__proto__" as ordinary own keys.
  names.forEach((k, i) => Object.defineProperty(out, k, { value: finish(partials[i]!), enumerable: true, writable: true, configurable: true }));
  return out;
}

/** `jacobian` of `fs`, each entry passed through `finish`. */
export function jacobianWith(fs: readonly Expr[], vars: readonly Variable[] | undefined, finish: Finish): Expr[][] {
  const rows = withNodeBudget(() => jacobianExprs(fs, vars?.map(toVariableName)));
  return rows.map((row) => row.map((d) => finish(d)));
}

/** `hessian` of `e`, each entry passed through `finish`. */
export function hessianWith(e: Expr, vars: readonly Variable[] | undefined, finish: Finish): Expr[][] {
  const rows = withNodeBudget(() => hessianExprs(e, vars?.map(toVariableName)));
  return rows.map((row) => row.map((d) => finish(d)));
}

/** `evaluateDerivatives` of `e`: `e` itself when it has no inert derivative, else the result passed through `finish`. */
export function evaluateDerivativesWith(e: Expr, finish: Finish): Expr {
  const out = withNodeBudget(() => carryOutDerivatives(e));
  return out === e ? e : finish(out);
}
