/**
 * The cheapest form of one node found so far while the simplify driver (`simplify.ts`) walks
 * its candidates, and the steps that built it. Ties go to the node itself, unless the strategy
 * that offers the candidate keeps ties (`Strategy.ties`); between two candidates, to the first by
 * `compareExpr`, so the choice does not depend on the order of the table.
 */
import { compareExpr } from "../core/compare.js";
import type { Expr } from "../core/node.js";
import { isNegativeTerm } from "../print/layout.js";
import { cost } from "./cost.js";
import type { Strategy } from "./strategies.js";

/** Steps of a candidate that took none (shared: never pushed to). */
const NO_STEPS: readonly string[] = [];

export class Choice {
  best: Expr;
  cost: number;
  /** A strategy id, or the rule ids of the rules' form. */
  steps: string | readonly string[] = NO_STEPS;
  /** `cost`, for `NodeFacts` (bound once per node). */
  readonly bestCost = (): number => this.cost;

  constructor(readonly n: Expr) {
    this.best = n;
    this.cost = cost(n);
  }

  /**
   * Keeps `c` when it is cheaper, or ties and wins the tie: against a candidate by `compareExpr`,
   * against the node itself only with `ties` (with "sign-aside" a leading minus is not counted:
   * it is free as a term of a sum).
   */
  offer(c: Expr, steps: string | readonly string[], ties: Strategy["ties"]): void {
    const k = cost(c);
    const n = this.n;
    const tie = k === this.cost || (ties === "sign-aside" && this.best === n && unsigned(c, k) <= unsigned(n, this.cost));
    if (k < this.cost || (tie && (this.best !== n ? compareExpr(c, this.best) < 0 : ties !== undefined))) {
      this.best = c;
      this.cost = k;
      this.steps = steps;
    }
  }

  /** Appends the steps of the kept form to `out`. */
  pushSteps(out: string[]): void {
    if (typeof this.steps === "string") out.push(this.steps);
    else if (this.steps !== NO_STEPS) out.push(...this.steps);
  }
}

/** The cost of `x` (costing `k`) without a leading minus. */
function unsigned(x: Expr, k: number): number {
  return isNegativeTerm(x) ? k - 1 : k;
}
