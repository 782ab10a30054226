/**
 * Generic passes over the shared expression graph. All of them are iterative (no recursion), visit
 * each distinct node once, and so cost time linear in the number of distinct nodes.
 */
import { rebuild } from "./build.js";
import type { Expr } from "./node.js";
import { NodeMemo } from "./memo.js";

/**
 * Calls `visit(node, results)` once per distinct node in post-order (arguments before the node),
 * where `results` maps every already-visited node to its value. Returns the root's value.
 * `shortcut(node)` may return a value to skip a subtree without visiting it.
 */
export function foldGraph<T>(
  root: Expr,
  visit: (node: Expr, results: ReadonlyMap<Expr, T>) => T,
  shortcut?: (node: Expr) => T | undefined,
  memo: Map<Expr, T> = new Map(),
): T {
  const stack: Expr[] = [root];
  while (stack.length > 0) {
    const node = stack[stack.length - 1]!;
    if (memo.has(node)) {
      stack.pop();
      continue;
    }
    if (shortcut !== undefined) {
      const s = shortcut(node);
      if (s !== undefined) {
        memo.set(node, s);
        stack.pop();
        continue;
      }
    }
    let pending = false;
    for (const a of node.args) {
      if (!memo.has(a)) {
        stack.push(a);
        pending = true;
      }
    }
    if (pending) continue;
    stack.pop();
    memo.set(node, visit(node, memo));
  }
  return memo.get(root)!;
}

const freeCache = new NodeMemo<ReadonlySet<string>>();
const EMPTY: ReadonlySet<string> = new Set();

/** The names of the symbols in `e` (cached per node; nodes are immutable). */
export function freeSymbolSet(e: Expr): ReadonlySet<string> {
  const hit = freeCache.get(e);
  if (hit !== undefined) return hit;
  return foldGraph<ReadonlySet<string>>(
    e,
    (node, results) => {
      let out: ReadonlySet<string>;
      if (node.kind === "sym") out = new Set([node.name]);
      else if (node.args.length === 0) out = EMPTY;
      else {
        let largest = EMPTY;
        for (const a of node.args) {
          const s = results.get(a)!;
          if (s.size > largest.size) largest = s;
        }
        let merged: Set<string> | null = null;
        for (const a of node.args) {
          const s = results.get(a)!;
          if (s === largest) continue;
          for (const name of s) {
            if (!largest.has(name)) {
              merged ??= new Set(largest);
              merged.add(name);
            }
          }
        }
        out = merged ?? largest;
      }
      freeCache.set(node, out);
      return out;
    },
    (node) => freeCache.get(node),
  );
}

/** The free symbols of `e`, sorted by name (code-unit order). */
export function freeSymbols(e: Expr): string[] {
  return [...freeSymbolSet(e)].sort();
}

/** Number of distinct nodes in the graph of `e`. */
export function countNodes(e: Expr): number {
  let n = 0;
  foldGraph<null>(e, () => {
    n++;
    return null;
  });
  return n;
}

/**
 * `node` rebuilt canonically with each argument replaced by its value in `results` (the node
 * itself when no argument changed). The step of every bottom-up rewriting pass.
 */
export function withMappedArgs(node: Expr, results: ReadonlyMap<Expr, Expr>): Expr {
  if (node.args.length === 0) return node;
  let changed = false;
  const args = node.args.map((a) => {
    const r = results.get(a)!;
    if (r !== a) changed = true;
    return r;
  });
  return changed ? rebuild(node, args) : node;
}

/** Replaces nodes by `map` (simultaneously), rebuilding everything above them canonically. */
export function substitute(e: Expr, map: ReadonlyMap<Expr, Expr>): Expr {
  return foldGraph<Expr>(e, (node, results) => map.get(node) ?? withMappedArgs(node, results), (node) => map.get(node));
}
