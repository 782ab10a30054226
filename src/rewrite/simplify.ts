/**
 * `simplify(e)`: the cheapest equivalent form found among candidate rewritings, by the cost of
 * `cost.ts` (the printed size).
 *
 * Bottom-up over the graph (each distinct node once per pass, memoised across calls in
 * `simplify-memo.ts`), at a node whose arguments are already simplified, the candidates are the
 * node itself, the node after the rules (`engine.ts`) and the forms the strategy table builds
 * (`strategies.ts`). The cheapest wins (`choice.ts`), the node itself on ties (unless the
 * strategy says ties are kept). Passes repeat until the result is unchanged (so `simplify` is
 * idempotent at the fixpoint) or a budget of the `Runner` (`budget.ts`) runs out; the result
 * never costs more than the input. Plain monomials and long multiplied-out polynomials are kept
 * without trying candidates.
 *
 * Soundness: every candidate equals the node wherever the node is defined.
 */
import type { Expr } from "../core/node.js";
import { mapBottomUp } from "../core/traverse.js";
import type { Assumptions } from "./assumptions.js";
import { Runner, type Budgets, type StopReason } from "./budget.js";
import { Choice } from "./choice.js";
import { cost } from "./cost.js";
import { rewriteTop } from "./engine.js";
import { isLongPolynomial, isPlainMonomial } from "./shape.js";
import { memoFor } from "./simplify-memo.js";
import { NodeFacts, strategiesFor } from "./strategies.js";

export { factorTerms } from "./sum-forms.js";

/**
 * Options of `simplify` and of the calculus functions' `simplify` option (`maxIterations`,
 * `maxSize` and `maxWork` are the budgets of `budget.ts`).
 */
export interface SimplifyOptions extends Partial<Pick<Budgets, "maxIterations" | "maxSize" | "maxWork">> {
  /** Facts about symbols that conditional rules may use, e.g. `{ x: "positive" }`. */
  assume?: Assumptions;
  /**
   * Wall-clock safety net in milliseconds (default `limits.simplifyTimeMs`); the result does not
   * depend on it unless it runs out (then `stoppedBy` is "time").
   */
  timeMs?: number;
}

/**
 * The result of `simplifyWithReport`: the simplified expression, why it stopped, the rewrites
 * applied and the polynomial work spent.
 */
export interface SimplifyReport {
  result: Expr;
  /** Why the call stopped: the fixpoint or the budget that ran out first (see `budget.ts`). */
  stoppedBy: StopReason;
  /** Names of the rewrites applied (rule ids and strategy ids). */
  steps: string[];
  /** Polynomial work (coefficient operations, see `withPolyBudget`) the call spent. */
  work: number;
}

export function simplify(e: Expr, options: SimplifyOptions = {}): Expr {
  return simplifyWithReport(e, options).result;
}

export function simplifyWithReport(e: Expr, options: SimplifyOptions = {}): SimplifyReport {
  const assume = options.assume ?? {};
  const memo = memoFor(assume);
  const known = memo.results.get(e);
  if (known !== undefined) return { result: known, stoppedBy: "fixpoint", steps: [], work: 0 };
  const { assume: _, ...budgets } = options;
  const run = new Runner(budgets);
  const steps: string[] = [];
  if (cost(e) > run.budgets.maxSize) return { result: e, stoppedBy: "size", steps, work: 0 };
  if (isLongPolynomial(e, run.budgets.longPolynomialTerms)) return { result: e, stoppedBy: "fixpoint", steps, work: 0 };
  const nodes = memo.nodes;
  const seen: Expr[] = [e];
  let current = e;
  run.within(() => {
    for (let i = 0; i < run.budgets.maxIterations; i++) {
      const next = mapBottomUp(current, (n) => {
        if (isPlainMonomial(n) || run.timeUp()) return n;
        const hit = nodes.get(n);
        if (hit !== undefined) {
          steps.push(...hit[1]);
          return hit[0];
        }
        const nodeSteps: string[] = [];
        const best = simplifyNode(n, run, assume, nodeSteps);
        if (!run.exhausted) nodes.set(n, [best, nodeSteps]);
        steps.push(...nodeSteps);
        return best;
      });
      if (run.timeUp()) {
        if (cost(next) <= cost(current)) current = next;
        run.stoppedBy = "time";
        return;
      }
      if (next === current) {
        run.stoppedBy = run.exhausted ? "work" : "fixpoint";
        return;
      }
      current = next;
      seen.push(current);
    }
  });
  if (cost(current) > cost(e)) current = e;
  if (run.stoppedBy === "fixpoint") for (const s of seen) memo.results.set(s, current);
  return { result: current, stoppedBy: run.stoppedBy, steps, work: run.work };
}

/** The cheapest candidate for one node whose arguments are simplified: the table walked once. */
function simplifyNode(n: Expr, run: Runner, assume: Assumptions, steps: string[]): Expr {
  const choice = new Choice(n);
  const ruleSteps: string[] = [];
  const ruled = rewriteTop(n, assume, ruleSteps);
  if (ruled !== n) choice.offer(ruled, ruleSteps, undefined);
  const facts = new NodeFacts(n, assume, choice.bestCost);
  for (const s of strategiesFor(n.kind)) {
    if ((s.maxCost !== undefined && choice.cost > s.maxCost) || (s.when !== undefined && !s.when(facts))) continue;
    const c = run.candidate(() => s.build(n, facts));
    if (c === null || c === n) continue;
    choice.offer(c, s.id, s.ties);
    if (s.rulesWithin === undefined || cost(c) >= choice.cost + s.rulesWithin) continue;
    const r = run.candidate(() => rewriteTop(c, assume, []));
    if (r !== null && r !== c) choice.offer(r, s.id, undefined);
  }
  choice.pushSteps(steps);
  return choice.best;
}
