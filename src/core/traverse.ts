/**
 * Generic passes over the shared expression graph. They visit each distinct node once, and so
 * cost time linear in the number of distinct nodes; none recurses deeper than RECURSIVE_DEPTH
 * (shallow graphs by recursion, the cheaper way, deeper ones with an explicit stack).
 */
import { rebuild } from "./build.js";
import { DomainError } from "./errors.js";
import type { Expr } from "./node.js";
import { NodeMemo, registerCache } from "./memo.js";

/**
 * Calls `visit(node, results)` once per distinct node in post-order (arguments before the node),
 * where `results` maps every already-visited node to its value. Returns the root's value.
 * `shortcut(node)` may return a value to skip a subtree without visiting it. The order is that of
 * an explicit stack (a node's arguments last to first), by recursion for roots at most
 * RECURSIVE_DEPTH deep and by the stack beyond, so deep nesting cannot overflow the call stack.
 */
export function foldGraph<T>(
  root: Expr,
  visit: (node: Expr, results: ReadonlyMap<Expr, T>) => T,
  shortcut?: (node: Expr) => T | undefined,
  memo: Map<Expr, T> = new Map(),
): T {
  if (root.depth <= RECURSIVE_DEPTH) {
    if (!memo.has(root)) foldRecursively(root, visit, shortcut, memo);
    return memo.get(root)!;
  }
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

/**
 * Nodes at most this deep are traversed by recursion (cheaper than the explicit stack, and
 * shallow); `cost` uses the same bound.
 */
export const RECURSIVE_DEPTH = 200;

/**
 * `foldGraph` below a node not in `memo`, in the same order as its stack: the arguments last to
 * first (the stack pops the last one pushed first), each once.
 */
function foldRecursively<T>(
  node: Expr,
  visit: (node: Expr, results: ReadonlyMap<Expr, T>) => T,
  shortcut: ((node: Expr) => T | undefined) | undefined,
  memo: Map<Expr, T>,
): void {
  if (shortcut !== undefined) {
    const s = shortcut(node);
    if (s !== undefined) {
      memo.set(node, s);
      return;
    }
  }
  const args = node.args;
  for (let i = args.length - 1; i >= 0; i--) if (!memo.has(args[i]!)) foldRecursively(args[i]!, visit, shortcut, memo);
  memo.set(node, visit(node, memo));
}

/**
 * The value of `compute` at `root`, memoised in `memo` for every node it needs: `compute(node)`
 * runs once per node without a value, in post-order, so it may read its arguments' values from
 * `memo`. Iterative; unlike `foldGraph` it keeps no per-call table (the memo is the visited set).
 */
export function foldIntoMemo<T>(root: Expr, memo: NodeMemo<T>, compute: (node: Expr) => T): T {
  const known = memo.get(root);
  if (known !== undefined) return known;
  const stack: Expr[] = [root];
  while (stack.length > 0) {
    const node = stack[stack.length - 1]!;
    if (memo.get(node) !== undefined) {
      stack.pop();
      continue;
    }
    let pending = false;
    for (const a of node.args) {
      if (memo.get(a) === undefined) {
        stack.push(a);
        pending = true;
      }
    }
    if (pending) continue;
    stack.pop();
    memo.set(node, compute(node));
  }
  return memo.get(root)!;
}

const EMPTY: ReadonlySet<string> = new Set();
/** The epoch of the free-symbol slots on nodes (`Expr.free`): a slot of another epoch is stale. */
let freeEpoch = 0;
registerCache(() => {
  freeEpoch++;
});

/**
 * Fills a per-node slot over `e`: `fill(node)` runs once for every node below `e` (and `e`) whose
 * slot is not current (`isCurrent`), after all of that node's arguments, in post-order. Recursive
 * for shallow nodes and iterative beyond, so deep nesting cannot overflow the stack. The slot caches of `cost`, `headsOf` and
 * `freeSymbolSet` (each valid for one clearCaches epoch) are filled this way.
 */
export function fillSlots(e: Expr, isCurrent: (node: Expr) => boolean, fill: (node: Expr) => void): void {
  if (e.depth <= RECURSIVE_DEPTH) {
    if (!isCurrent(e)) fillRecursively(e, isCurrent, fill);
    return;
  }
  const stack: Expr[] = [e];
  while (stack.length > 0) {
    const node = stack[stack.length - 1]!;
    if (isCurrent(node)) {
      stack.pop();
      continue;
    }
    let pending = false;
    for (const a of node.args) {
      if (!isCurrent(a)) {
        stack.push(a);
        pending = true;
      }
    }
    if (pending) continue;
    stack.pop();
    fill(node);
  }
}

/** `fillSlots` below a node that is not current. */
function fillRecursively(node: Expr, isCurrent: (node: Expr) => boolean, fill: (node: Expr) => void): void {
  for (const a of node.args) if (!isCurrent(a)) fillRecursively(a, isCurrent, fill);
  fill(node);
}

/**
 * The union of the sets `setOf(a)` of the arguments `args`: the largest argument set itself when
 * the rest add nothing (so a parent shares its child's set), else a new Set.
 */
function unionOfArgSets(args: readonly Expr[], setOf: (a: Expr) => ReadonlySet<string>): ReadonlySet<string> {
  let largest = EMPTY;
  for (const a of args) {
    const s = setOf(a);
    if (s.size > largest.size) largest = s;
  }
  let merged: Set<string> | null = null;
  for (const a of args) {
    const s = setOf(a);
    if (s === largest) continue;
    for (const name of s) if (!(merged ?? largest).has(name)) (merged ??= new Set(largest)).add(name);
  }
  return merged ?? largest;
}

const freeIsCurrent = (node: Expr): boolean => node.freeEpoch === freeEpoch;
const freeOf = (node: Expr): ReadonlySet<string> => node.free!;
const fillFree = (node: Expr): void => {
  node.free = node.kind === "sym" ? new Set([node.name]) : unionOfArgSets(node.args, freeOf);
  node.freeEpoch = freeEpoch;
};

/** The names of the symbols in `e` (cached per node; nodes are immutable). */
export function freeSymbolSet(e: Expr): ReadonlySet<string> {
  if (e.freeEpoch !== freeEpoch) fillSlots(e, freeIsCurrent, fillFree);
  return e.free!;
}

/** The free symbols of `e`, sorted by name (code-unit order). */
export function freeSymbols(e: Expr): string[] {
  return [...freeSymbolSet(e)].sort();
}

/**
 * `node` rebuilt canonically with each argument replaced by its value in `results` (the node
 * itself when no argument changed). The step of every bottom-up rewriting pass.
 */
export function withMappedArgs(node: Expr, results: ReadonlyMap<Expr, Expr>): Expr {
  if (node.args.length === 0) return node;
  let changed = false as boolean; // set by the callback below (the cast stops TypeScript narrowing it to false)
  const args = node.args.map((a) => {
    const r = results.get(a)!;
    if (r !== a) changed = true;
    return r;
  });
  return changed ? rebuild(node, args) : node;
}

/**
 * `top` applied bottom-up over the graph: once per distinct compound node, after its arguments,
 * to the node rebuilt from their results (`withMappedArgs`); leaves stay as they are. The one
 * skeleton of every rewriting pass (expand, together, cancel, factor, the rules, simplify).
 */
export function mapBottomUp(e: Expr, top: (node: Expr) => Expr): Expr {
  return foldGraph<Expr>(e, (node, done) => (node.args.length === 0 ? node : top(withMappedArgs(node, done))));
}

/**
 * Replaces nodes by `map` (simultaneously), rebuilding everything above them canonically. Inside
 * an inert derivative d/dx(u) only replacements that neither mention nor introduce x are sound
 * (x is varied, every other symbol held fixed); others raise a DomainError.
 */
export function substitute(e: Expr, map: ReadonlyMap<Expr, Expr>): Expr {
  return foldGraph<Expr>(
    e,
    (node, results) => {
      const hit = map.get(node);
      if (hit !== undefined) return hit;
      const out = withMappedArgs(node, results);
      if (out !== node && node.kind === "deriv") checkDerivativeSubstitution(node, map);
      return out;
    },
    (node) => map.get(node),
  );
}

function checkDerivativeSubstitution(node: Expr, map: ReadonlyMap<Expr, Expr>): void {
  const vars = node.args.slice(1);
  for (const [key, value] of map) {
    for (const v of vars) {
      const name = (v as { name: string }).name;
      if (freeSymbolSet(key).has(name) || freeSymbolSet(value).has(name)) {
        throw new DomainError(
          `cannot substitute ${String(value)} for ${String(key)} inside the inert derivative ${String(node)}: carry it out first (evaluateDerivatives)`,
        );
      }
    }
  }
}
