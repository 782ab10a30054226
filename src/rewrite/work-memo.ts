/**
 * Memo tables for the simplifier's computations that spend polynomial work (`cancelTop`, the
 * factor-terms expansion), so the candidates that ask for one node's result several times share it.
 *
 * Invariant: a hit changes nothing a fresh run would not. It charges the work the computation
 * cost and is used only under the same terms cap with at least that much work left, exactly where
 * the computation would have finished, leaving the budget as it would have; elsewhere it runs
 * again (and may run out as before). A run that throws, or ran without a budget (work not finite),
 * is not kept.
 */
import { NodeMemo } from "../core/memo.js";
import type { Expr } from "../core/node.js";
import { maxTerms, polyWorkLeft, spendWork } from "../poly/poly.js";

/** A result, the polynomial work it cost and the terms cap it ran under. */
interface Entry<T> {
  readonly result: T;
  readonly work: number;
  readonly cap: number;
}

export class WorkMemo<T> {
  private readonly entries = new NodeMemo<Entry<T>>();

  /** `compute()`, the result for `e`, or the remembered one where the invariant above allows. */
  get(e: Expr, compute: () => T): T {
    const cap = maxTerms();
    const hit = this.entries.get(e);
    if (hit !== undefined && hit.cap === cap && polyWorkLeft() >= hit.work) {
      spendWork(hit.work, 0);
      return hit.result;
    }
    const before = polyWorkLeft();
    const result = compute();
    const work = before - polyWorkLeft();
    if (Number.isFinite(work)) this.entries.set(e, { result, work, cap });
    return result;
  }
}
