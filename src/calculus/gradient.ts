/**
 * Gradients, Jacobians and Hessians as exact expression matrices. Variables default to the free
 * symbols of the input, sorted by name.
 */
import type { Expr } from "../core/node.js";
import { freeSymbolSet, freeSymbols } from "../core/traverse.js";
import { diffExpr } from "./diff.js";

/** [d e/d v for v of vars]. */
export function gradientExprs(e: Expr, vars: readonly string[] = freeSymbols(e)): Expr[] {
  return vars.map((v) => diffExpr(e, v));
}

/** Row i is the gradient of fs[i]. */
export function jacobianExprs(fs: readonly Expr[], vars?: readonly string[]): Expr[][] {
  const names = vars ?? sortedUnion(fs);
  return fs.map((f) => gradientExprs(f, names));
}

/**
 * The symmetric matrix of second partials. Entry (i, j) is computed for j >= i and shared with
 * (j, i): mixed partials of the expressions symgrad builds are equal wherever they are continuous.
 */
export function hessianExprs(e: Expr, vars: readonly string[] = freeSymbols(e)): Expr[][] {
  const first = gradientExprs(e, vars);
  const n = vars.length;
  const out: Expr[][] = Array.from({ length: n }, () => new Array<Expr>(n));
  for (let i = 0; i < n; i++) {
    for (let j = i; j < n; j++) {
      const h = diffExpr(first[i]!, vars[j]!);
      out[i]![j] = h;
      out[j]![i] = h;
    }
  }
  return out;
}

function sortedUnion(fs: readonly Expr[]): string[] {
  const all = new Set<string>();
  for (const f of fs) for (const s of freeSymbolSet(f)) all.add(s);
  return [...all].sort();
}
