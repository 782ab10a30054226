/**
 * The deterministic structural order of canonical nodes. It depends only on structure (never on
 * creation ids), so canonical forms, and everything printed from them, are the same in every run.
 */
import type { Expr } from "./node.js";

const KIND_RANK = { num: 0, const: 1, sym: 2, call: 3, pow: 4, mul: 5, add: 6, deriv: 7, apply: 3.5 } as const;

/** Total order on nodes: by kind, then depth, then content; negative, zero (same node) or positive. */
export function compareExpr(a: Expr, b: Expr): number {
  if (a === b) return 0;
  if (a.kind !== b.kind) return KIND_RANK[a.kind] - KIND_RANK[b.kind];
  // Shallower first: a structural key that settles most comparisons of deep, different
  // subgraphs in O(1) (sorting the factors of d/dx sin(sin(...(x))) would otherwise walk both
  // chains on every comparison).
  if (a.depth !== b.depth) return a.depth - b.depth;
  switch (a.kind) {
    case "num":
      return a.value.cmp((b as typeof a).value);
    case "sym":
    case "const": {
      const bn = (b as typeof a).name;
      return a.name < bn ? -1 : a.name > bn ? 1 : 0;
    }
    case "call": {
      const bc = b as typeof a;
      if (a.fn !== bc.fn) return a.fn < bc.fn ? -1 : 1;
      return compareLists(a.args, bc.args);
    }
    case "pow":
      return compareExpr(a.base, (b as typeof a).base) || compareExpr(a.exp, (b as typeof a).exp);
    case "mul":
    case "add":
    case "deriv":
      return compareLists(a.args, b.args);
    case "apply": {
      const bp = b as typeof a;
      if (a.name !== bp.name) return a.name < bp.name ? -1 : 1;
      if (a.args.length !== bp.args.length) return a.args.length - bp.args.length;
      for (let i = 0; i < a.orders.length; i++) if (a.orders[i] !== bp.orders[i]) return a.orders[i]! - bp.orders[i]!;
      return compareLists(a.args, bp.args);
    }
  }
}

function compareLists(xs: readonly Expr[], ys: readonly Expr[]): number {
  return compareListsFrom(xs, 0, ys, 0);
}

/** compareLists of `xs.slice(i)` and `ys.slice(j)`, without copying them. */
function compareListsFrom(xs: readonly Expr[], i: number, ys: readonly Expr[], j: number): number {
  const n = Math.min(xs.length - i, ys.length - j);
  for (let k = 0; k < n; k++) {
    const c = compareExpr(xs[i + k]!, ys[j + k]!);
    if (c !== 0) return c;
  }
  return xs.length - i - (ys.length - j);
}

/**
 * A product of canonical factors that is not built as a node: `factors.slice(from)`, at least two
 * of them, in canonical order and combined, of depth `depth` (what its `Mul` node would have).
 */
export interface UnbuiltProduct {
  readonly factors: readonly Expr[];
  readonly from: number;
  readonly depth: number;
}

/** `compareExpr(p, b)` for the `Mul` node `p` stands for, without building it. */
export function compareUnbuiltTo(p: UnbuiltProduct, b: Expr): number {
  if (b.kind !== "mul") return KIND_RANK.mul - KIND_RANK[b.kind];
  if (p.depth !== b.depth) return p.depth - b.depth;
  return compareListsFrom(p.factors, p.from, b.args, 0);
}

/** `compareExpr` of the `Mul` nodes two unbuilt products stand for, without building them. */
export function compareUnbuilt(p: UnbuiltProduct, q: UnbuiltProduct): number {
  if (p.depth !== q.depth) return p.depth - q.depth;
  return compareListsFrom(p.factors, p.from, q.factors, q.from);
}
