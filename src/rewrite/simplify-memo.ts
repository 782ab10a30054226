/**
 * What `simplify` remembers across calls, per assumption set: for each node it simplified at
 * (its arguments simplified), the form chosen and the steps that built it; and for each
 * expression a call reached the fixpoint from (the input and every pass's result), that fixpoint.
 * Both hold nodes weakly and are dropped by `clearCaches`.
 */
import { registerCache } from "../core/memo.js";
import type { Expr } from "../core/node.js";
import type { Assumptions } from "./assumptions.js";

/** The memo tables of one assumption set. */
export interface SimplifyMemo {
  /** Node -> its chosen form and the steps that built it (`simplifyNode`). */
  readonly nodes: WeakMap<Expr, [Expr, readonly string[]]>;
  /** Expression -> the fixpoint a call reached from it. */
  readonly results: WeakMap<Expr, Expr>;
}

const memos = new Map<string, SimplifyMemo>();
registerCache(() => memos.clear());

/** Most assumption sets whose tables are kept (the oldest is dropped first). */
const MAX_CACHED_ASSUMPTIONS = 64;

/** The memo tables for `assume`. */
export function memoFor(assume: Assumptions): SimplifyMemo {
  const key = assumptionsKey(assume);
  let m = memos.get(key);
  if (m === undefined) {
    if (memos.size >= MAX_CACHED_ASSUMPTIONS) memos.delete(memos.keys().next().value!);
    memos.set(key, (m = { nodes: new WeakMap(), results: new WeakMap() }));
  }
  return m;
}

/** The key of an assumption set; "" for none, the common case, without building strings. */
function assumptionsKey(assume: Assumptions): string {
  for (const _ in assume) return JSON.stringify(Object.entries(assume).sort());
  return "";
}
