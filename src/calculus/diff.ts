/**
 * Exact differentiation over the shared expression graph.
 *
 * Contract: `diffExpr(e, v)` is the derivative of `e` with respect to the symbol named `v`, in
 * canonical form, equal to the true derivative wherever `e` is differentiable. Each distinct node
 * of `e` that contains `v` is differentiated once per call (memoised); nodes without `v` are never
 * visited, and a node with many arguments finds the ones containing `v` through a cached index, so
 * a gradient over many variables costs about the size of the graph, not that size per variable.
 * Shared subexpressions stay shared in the result. The chain rule lives in exactly one place
 * (`differentiateCall`); outer derivatives come from `derivative-table.ts`.
 *
 * Two shapes keep the work near-linear where flat canonical products would make it quadratic:
 * - A chain of single-argument rules (f(g(h(x)))) multiplies factor onto factor. Derivatives are
 *   held as `PendingProduct`s, lists of factors, and built into one canonical product only when a
 *   sum, a product rule or the caller needs them: a chain n deep costs one product of n factors,
 *   not n products of 1..n factors.
 * - The product rule on many factors splits them in halves, d(L*R) = d(L)*R + L*d(R), instead of
 *   writing n terms of n factors each.
 * - The derivative of a sum of n terms is built as one canonical sum of their derivatives' terms
 *   (`PendingSum`), not as n sums merged: d/dx of a large expanded polynomial sorts its terms once.
 */
import { addAll, anyDerivativeCreated, applied, call, internMul, MINUS_ONE, mulAll, ONE, pow, sub, sym, ZERO } from "../core/build.js";
import { canBeZeroButNotNegative } from "../core/evident-sign.js";
import { LimitError } from "../core/errors.js";
import { limits } from "../core/limits.js";
import type { Applied, Call, Deriv, Expr, Mul } from "../core/node.js";
import { foldGraph, foldIntoMemo, freeSymbolSet, withMappedArgs } from "../core/traverse.js";
import { outerDerivatives } from "./derivative-table.js";
import { NodeMemo } from "../core/memo.js";

/** The product rule writes at most this many factors' terms side by side before splitting in halves. */
const FLAT_PRODUCT_RULE_MAX = 8;
/** Nodes with at least this many arguments index their arguments by free symbol (cached per node). */
const INDEXED_ARGS_MIN = 16;

/**
 * `factors[0] * ... * factors[k-1] * rest`, not yet built. `rest` is never ZERO (see `times`).
 * `built` caches the canonical product once `materialise` has made it.
 */
class PendingProduct {
  built: Expr | undefined = undefined;
  constructor(
    readonly factors: readonly Expr[],
    readonly rest: Derivative,
  ) {}
}

/**
 * `terms[0] + ... + terms[k-1]`, not yet built: a sum's derivative collects its arguments' terms
 * into one canonical sum instead of building each argument's sum and merging them. Canonical sums
 * do not depend on grouping (`addAll([addAll(a), addAll(b)])` is `addAll([...a, ...b])`: like
 * terms are collected by adding exact coefficients), so the result is the same node.
 */
class PendingSum {
  built: Expr | undefined = undefined;
  constructor(readonly terms: readonly Expr[]) {}
}

/** A derivative during one `diffExpr` call: a canonical node, or a product or sum still to be built. */
type Derivative = Expr | PendingProduct | PendingSum;

/** The sum of `terms` (canonical nodes), pending when there are several. */
function sumOf(terms: Expr[]): Derivative {
  if (terms.length === 0) return ZERO;
  return terms.length === 1 ? terms[0]! : new PendingSum(terms);
}

/** The product of `factors` and `rest`; ZERO when `rest` is. */
function times(factors: readonly Expr[], rest: Derivative): Derivative {
  if (rest === ZERO) return ZERO;
  if (rest === ONE) return mulAll(factors);
  return new PendingProduct(factors, rest);
}

/** The canonical node of a derivative, built once per pending product. */
function materialise(d: Derivative): Expr {
  if (d instanceof PendingSum) return (d.built ??= addAll(d.terms));
  if (!(d instanceof PendingProduct)) return d;
  if (d.built !== undefined) return d.built;
  const all: Expr[] = [];
  let cursor: Derivative = d;
  while (cursor instanceof PendingProduct && cursor.built === undefined) {
    for (const f of cursor.factors) all.push(f);
    cursor = cursor.rest;
  }
  all.push(cursor instanceof PendingProduct ? cursor.built! : materialise(cursor));
  d.built = mulAll(all);
  return d.built;
}

/** d e / d v; inert derivatives in `e` are carried out first. */
export function diffExpr(input: Expr, v: string): Expr {
  const e = containsDerivative(input) ? evaluateDerivatives(input) : input;
  if (!freeSymbolSet(e).has(v)) return ZERO;
  const variable = sym(v);
  // Post-order over the nodes containing v; every node in `memo` has its derivative. A node is
  // on the stack with its dependent arguments once they are pushed (null before): when it is on
  // top again, everything pushed above it has been differentiated.
  const memo = new Map<Expr, Derivative>();
  const stack: Expr[] = [e];
  const pushed: (readonly Expr[] | null)[] = [null];
  while (stack.length > 0) {
    const top = stack.length - 1;
    const node = stack[top]!;
    if (memo.has(node)) {
      stack.pop();
      pushed.pop();
      continue;
    }
    let dependent = pushed[top] ?? null;
    if (dependent === null) {
      dependent = argsContaining(node, v);
      pushed[top] = dependent;
      let waiting = false;
      for (const a of dependent) {
        if (!memo.has(a)) {
          stack.push(a);
          pushed.push(null);
          waiting = true;
        }
      }
      if (waiting) continue;
    }
    stack.pop();
    pushed.pop();
    memo.set(node, differentiateNode(node, variable, dependent, memo));
  }
  return materialise(memo.get(e)!);
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

const NONE: readonly Expr[] = Object.freeze([]);
const argIndexCache = new NodeMemo<ReadonlyMap<string, readonly Expr[]>>();

/** The arguments of `node` that contain the symbol `v`, in argument order. */
function argsContaining(node: Expr, v: string): readonly Expr[] {
  const args = node.args;
  if (args.length < INDEXED_ARGS_MIN) return args.filter((a) => freeSymbolSet(a).has(v));
  let index = argIndexCache.get(node);
  if (index === undefined) {
    const built = new Map<string, Expr[]>();
    for (const a of args) {
      for (const name of freeSymbolSet(a)) {
        const list = built.get(name);
        if (list === undefined) built.set(name, [a]);
        else list.push(a);
      }
    }
    index = built;
    argIndexCache.set(node, index);
  }
  return index.get(v) ?? NONE;
}

/**
 * The derivative of `node`, given the derivatives in `d` of its arguments listed in `dependent`
 * (those containing the variable; every other argument has derivative 0).
 */
function differentiateNode(node: Expr, v: Expr, dependent: readonly Expr[], d: ReadonlyMap<Expr, Derivative>): Derivative {
  // A pending sum is built before any other use: its terms may cancel to ZERO, which the rules test.
  const of = (a: Expr): Derivative => {
    const da = d.get(a) ?? ZERO;
    return da instanceof PendingSum ? materialise(da) : da;
  };
  switch (node.kind) {
    case "num":
    case "const":
      return ZERO;
    case "sym":
      return node === v ? ONE : ZERO;
    case "add": {
      // The i-th terms of the arguments' derivatives, for each i in turn: the arguments are in
      // canonical order, and so, mostly, are the terms one rule writes for each (the product
      // rule's term for its first factor, ...), so the sum's sort finds long sorted runs. The
      // order of the terms never changes the canonical sum, only the cost of sorting them.
      const columns: Expr[][] = [[]];
      for (const a of dependent) {
        const da = d.get(a) ?? ZERO;
        if (!(da instanceof PendingSum) || da.built !== undefined) {
          columns[0]!.push(materialise(da));
          continue;
        }
        const ts = da.terms;
        for (let i = 0; i < ts.length; i++) (columns[i] ??= []).push(ts[i]!);
      }
      return sumOf(columns.length === 1 ? columns[0]! : columns.flat());
    }
    case "mul":
      return productRule(node, dependent, (a) => materialise(of(a)));
    case "pow": {
      const b = node.base;
      const x = node.exp;
      const db = of(b);
      const dx = of(x);
      if (dx === ZERO) return times([x, pow(b, sub(x, ONE))], db); // power rule
      // 0^x is 0 where x > 0, undefined where x < 0, and 1 at 0 only: wherever it is
      // differentiable it is locally constant, so its derivative is 0 (not 0^x*log(0)).
      if (b === ZERO) return ZERO;
      // Exponential rule. Where b >= 0 can be 0, b^x*log(b) is 0*log(0) there although b^x is
      // locally 0 (x > 0): xlogy(b^x, b) is that product, and 0 where b^x is.
      if (db === ZERO && canBeZeroButNotNegative(b)) return times([call("xlogy", [node, b])], dx);
      const log = call("log", [b]);
      if (db === ZERO) return times([node, log], dx);
      // General power: (b^x)' = b^x * (x' log b + x b'/b).
      return times([node], addAll([mulAll([materialise(dx), log]), mulAll([x, materialise(db), pow(b, MINUS_ONE)])]));
    }
    case "call":
      return differentiateCall(node, of);
    case "deriv": // not reached: diffExpr carries inert derivatives out first
      return diffExpr(carryOut(node), v.kind === "sym" ? v.name : "");
    case "apply":
      return differentiateApplied(node, of);
  }
}

/** The chain rule for an undefined function: d f(u1, ..., un) = sum_i (D_i f)(u1, ..., un) * d ui. */
function differentiateApplied(node: Applied, d: (a: Expr) => Derivative): Derivative {
  const partial = (i: number): Expr =>
    applied(
      node.name,
      node.orders.map((k, j) => (j === i ? k + 1 : k)),
      node.args,
    );
  return chainRule(node.args, partial, d);
}

/** sum_i outer(i) * d(args[i]) over the arguments whose derivative is not 0 (outer built only for those). */
function chainRule(args: readonly Expr[], outer: (i: number) => Expr, d: (a: Expr) => Derivative): Derivative {
  if (args.length === 1) return times([outer(0)], d(args[0]!));
  const terms: Expr[] = [];
  args.forEach((a, i) => {
    const da = d(a);
    if (da !== ZERO) terms.push(mulAll([outer(i), materialise(da)]));
  });
  return sumOf(terms);
}

/**
 * Product rule for `node` = (factors without v) * f1 * ... * fk, with f1..fk the `dependent`
 * factors: the constant part times the derivative of f1 * ... * fk.
 */
function productRule(node: Mul, dependent: readonly Expr[], d: (f: Expr) => Expr): Derivative {
  if (dependent.length <= FLAT_PRODUCT_RULE_MAX) {
    // Sum over factors of (d factor) * (the other factors).
    const terms: Expr[] = [];
    for (const f of dependent) {
      const df = d(f);
      if (df === ZERO) continue;
      terms.push(mulAll(node.args.map((g) => (g === f ? df : g))));
    }
    return sumOf(terms);
  }
  const dependentSet = new Set(dependent);
  const constant = node.args.filter((g) => !dependentSet.has(g));
  const derivative = splitProductRule(dependent, 0, dependent.length, d);
  return constant.length === 0 ? derivative : times(constant, derivative);
}

/**
 * d(fs[lo] * ... * fs[hi-1]) with the halves L, R: d(L)*R + L*d(R). `fs` is a subsequence of a
 * canonical product's factors, so any run of it is itself a canonical product (sorted, distinct
 * bases, no number); the recursion costs O(n log n) factor slots for n factors.
 */
function splitProductRule(fs: readonly Expr[], lo: number, hi: number, d: (f: Expr) => Expr): Expr {
  if (hi - lo === 1) return d(fs[lo]!);
  if (hi - lo <= FLAT_PRODUCT_RULE_MAX) {
    const run = fs.slice(lo, hi);
    const terms: Expr[] = [];
    for (let i = 0; i < run.length; i++) {
      const df = d(run[i]!);
      if (df === ZERO) continue;
      const others = run.slice();
      others[i] = df;
      terms.push(mulAll(others));
    }
    return addAll(terms);
  }
  const mid = (lo + hi) >>> 1;
  const left = canonicalRun(fs, lo, mid);
  const right = canonicalRun(fs, mid, hi);
  return addAll([mulAll([splitProductRule(fs, lo, mid, d), right]), mulAll([left, splitProductRule(fs, mid, hi, d)])]);
}

/** The product fs[lo] * ... * fs[hi-1] of a run of canonical factors (see `splitProductRule`). */
function canonicalRun(fs: readonly Expr[], lo: number, hi: number): Expr {
  return hi - lo === 1 ? fs[lo]! : internMul(fs.slice(lo, hi));
}

/** The chain rule: d f(u1, ..., un) = sum_i (df/dui)(u1, ..., un) * d ui. */
function differentiateCall(node: Call, d: (a: Expr) => Derivative): Derivative {
  if (node.fn === "xlogy") return differentiateXlogy(node, d);
  const partials = outerDerivatives(node.fn);
  return chainRule(node.args, (i) => partials[i]!(node.args), d);
}

/**
 * d xlogy(u, v) = xlogy(du, v) + u*dv/v: linear in u, so the first term is 0 wherever du is (its
 * table form log(v)*du would be 0*log(0) at v = 0, where every derivative of (x^2)^y in y is 0).
 */
function differentiateXlogy(node: Call, d: (a: Expr) => Derivative): Derivative {
  const [u, v] = node.args as [Expr, Expr];
  const du = materialise(d(u));
  const dv = materialise(d(v));
  const terms: Expr[] = [];
  if (du !== ZERO) terms.push(call("xlogy", [du, v]));
  if (dv !== ZERO) terms.push(mulAll([u, dv, pow(v, MINUS_ONE)]));
  return sumOf(terms);
}

// ---------------------------------------------------------------- inert derivatives

const hasDerivative = new NodeMemo<boolean>();

/** Whether `e` contains an inert derivative node (cached per node). */
export function containsDerivative(e: Expr): boolean {
  if (!anyDerivativeCreated()) return false;
  return foldIntoMemo(e, hasDerivative, (node) => node.kind === "deriv" || node.args.some((a) => hasDerivative.get(a)!));
}

/** `e` with every inert derivative carried out (innermost first); `e` itself when it has none. */
export function evaluateDerivatives(e: Expr): Expr {
  if (!containsDerivative(e)) return e;
  return foldGraph<Expr>(
    e,
    (node, done) => {
      if (!hasDerivative.get(node)) return node;
      const rebuilt = node.kind === "deriv" ? node : withMappedArgs(node, done);
      return rebuilt.kind === "deriv" ? carryOut(rebuilt, done.get(rebuilt.args[0]!)) : rebuilt;
    },
    (node) => (containsDerivative(node) ? undefined : node),
  );
}

/** The derivative `node` stands for; `body` is its body with inner derivatives carried out. */
function carryOut(node: Deriv, body: Expr = evaluateDerivatives(node.body)): Expr {
  let out = body;
  for (const v of node.vars) out = diffExpr(out, v.name);
  return out;
}
