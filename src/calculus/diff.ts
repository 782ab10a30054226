/**
 * Exact differentiation over the shared expression graph.
 *
 * Contract: `diffExpr(e, v)` is the derivative of `e` with respect to the symbol named `v`, in
 * canonical form, equal to the true derivative wherever `e` is differentiable. Each distinct node
 * of `e` is differentiated once per call (memoised), so the cost is linear in the number of
 * distinct nodes, and shared subexpressions stay shared in the result. The chain rule lives in
 * exactly one place (`differentiateCall`); outer derivatives come from `derivative-table.ts`.
 */
import { addAll, call, MINUS_ONE, mulAll, ONE, pow, sub, sym, ZERO } from "../core/build.js";
import { LimitError } from "../core/errors.js";
import { limits } from "../core/limits.js";
import type { Call, Expr } from "../core/node.js";
import { foldGraph, freeSymbolSet, substitute } from "../core/traverse.js";
import { compiledDerivativeTable, PLACEHOLDERS } from "./derivative-table.js";

/** d e / d v. */
export function diffExpr(e: Expr, v: string): Expr {
  const variable = sym(v);
  return foldGraph<Expr>(
    e,
    (node, d) => differentiateNode(node, variable, d),
    (node) => (freeSymbolSet(node).has(v) ? undefined : ZERO),
  );
}

/** The n-th derivative d^n e / d v^n. */
export function diffOrder(e: Expr, v: string, order: number): Expr {
  checkOrder(order);
  let out = e;
  for (let i = 0; i < order && out !== ZERO; i++) out = diffExpr(out, v);
  return out;
}

/** Throws unless `order` is a non-negative integer within `limits.maxOrder`. */
export function checkOrder(order: number): void {
  if (!Number.isInteger(order) || order < 0) throw new RangeError(`derivative order must be a non-negative integer, got ${order}`);
  if (order > limits.maxOrder) throw new LimitError("maxOrder", limits.maxOrder, `derivative of order ${order}`);
}

function differentiateNode(node: Expr, v: Expr, d: ReadonlyMap<Expr, Expr>): Expr {
  switch (node.kind) {
    case "num":
    case "const":
      return ZERO;
    case "sym":
      return node === v ? ONE : ZERO;
    case "add":
      return addAll(node.args.map((a) => d.get(a)!));
    case "mul": {
      // Product rule: sum over factors of (d factor) * (the other factors).
      const terms: Expr[] = [];
      const factors = node.args;
      for (let i = 0; i < factors.length; i++) {
        const di = d.get(factors[i]!)!;
        if (di === ZERO) continue;
        const others = factors.slice();
        others[i] = di;
        terms.push(mulAll(others));
      }
      return addAll(terms);
    }
    case "pow": {
      const b = node.base;
      const x = node.exp;
      const db = d.get(b)!;
      const dx = d.get(x)!;
      if (dx === ZERO) return mulAll([x, pow(b, sub(x, ONE)), db]); // power rule
      const log = call("log", [b]);
      if (db === ZERO) return mulAll([node, log, dx]); // exponential rule
      // General power: (b^x)' = b^x * (x' log b + x b'/b).
      return mulAll([node, addAll([mulAll([dx, log]), mulAll([x, db, pow(b, MINUS_ONE)])])]);
    }
    case "call":
      return differentiateCall(node, d);
  }
}

/** The chain rule: d f(u1, ..., un) = sum_i (df/dui)(u1, ..., un) * d ui. */
function differentiateCall(node: Call, d: ReadonlyMap<Expr, Expr>): Expr {
  const partials = compiledDerivativeTable()[node.fn];
  const bindings = new Map<Expr, Expr>();
  node.args.forEach((a, i) => bindings.set(PLACEHOLDERS[i]!, a));
  const terms: Expr[] = [];
  node.args.forEach((a, i) => {
    const da = d.get(a)!;
    if (da === ZERO) return;
    terms.push(mulAll([substitute(partials[i]!, bindings), da]));
  });
  return addAll(terms);
}
