/**
 * Memo tables keyed by node that live across calls: the cost of a node, its free symbols, its
 * function heads, simplified forms. A memoised value is a pure function of its node (and of the
 * options in the table's key), so dropping a table never changes a result, only what the next
 * call pays. `clearCaches` drops them all (memory, and benchmarks that time formulas not seen yet).
 */
import type { Expr } from "./node.js";

const clearers: (() => void)[] = [];

/** Registers `clear`, which `clearCaches` calls to drop a table kept outside a `NodeMemo`. */
export function registerCache(clear: () => void): void {
  clearers.push(clear);
}

/** A weak node-keyed table whose entries `clearCaches` drops. */
export class NodeMemo<V> {
  private table = new WeakMap<Expr, V>();
  constructor() {
    registerCache(() => {
      this.table = new WeakMap();
    });
  }
  get(e: Expr): V | undefined {
    return this.table.get(e);
  }
  set(e: Expr, v: V): void {
    this.table.set(e, v);
  }
}

/**
 * Drops every memoised value of every table (simplified forms, costs, free symbols). Results never
 * change, only what the next call pays: interned nodes stay, so equal expressions stay `===`.
 *
 * @example
 * const d = diff("x^3", "x");
 * clearCaches();
 * diff("x^3", "x") === d;                       // => true
 */
export function clearCaches(): void {
  for (const clear of clearers) clear();
}
