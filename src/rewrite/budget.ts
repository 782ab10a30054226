/**
 * The budgets of one simplify call, as one object that also says why the call stopped (after
 * egg's `Runner`). The budgets that decide the result count work, not time, so results do not
 * depend on the machine or its load; the wall-clock `timeMs` is only a safety net.
 */
import { LimitError } from "../core/errors.js";
import { limits } from "../core/limits.js";
import { polyWorkLeft, withPolyBudget } from "../poly/poly.js";

export interface Budgets {
  /** Most bottom-up passes. */
  readonly maxIterations: number;
  /** Inputs whose cost exceeds this are returned unchanged. */
  readonly maxSize: number;
  /** Polynomial work (coefficient operations, `withPolyBudget`) of the whole call. */
  readonly maxWork: number;
  /** Polynomial work one candidate may spend. */
  readonly candidateWork: number;
  /** Most terms of a multiplied-out candidate. */
  readonly candidateTerms: number;
  /** Sums of more plain monomials than this are kept as they are (a multiplied-out polynomial). */
  readonly longPolynomialTerms: number;
  /** Wall-clock safety net in milliseconds. */
  readonly timeMs: number;
}

export const DEFAULT_BUDGETS: Budgets = Object.freeze({
  maxIterations: 8,
  maxSize: 200_000,
  maxWork: 300_000,
  candidateWork: 20_000,
  candidateTerms: 400,
  longPolynomialTerms: 16,
  timeMs: 1_000,
});

/**
 * Why a call stopped: the fixpoint (a pass changed nothing), or the budget that ran out first
 * ("work": the call's polynomial work; the result is still a valid simplification).
 */
export type StopReason = "fixpoint" | "iterations" | "size" | "time" | "work";

/** The state of one call under its budgets. */
export class Runner {
  readonly budgets: Budgets;
  stoppedBy: StopReason = "iterations";
  /** Set when the call's work budget ran out: results found since are not cached. */
  exhausted = false;
  /** Polynomial work spent, known once `within` returns. */
  work = 0;
  private readonly deadline: number;
  /** One candidate's budgets, built once per call (not per candidate). */
  private readonly perCandidate: { readonly maxTerms: number; readonly maxWork: number };
  private visits = 0;
  private late = false;

  constructor(budgets: Partial<Budgets>) {
    this.budgets = { ...DEFAULT_BUDGETS, timeMs: limits.simplifyTimeMs, ...budgets };
    this.deadline = performance.now() + this.budgets.timeMs;
    this.perCandidate = { maxTerms: this.budgets.candidateTerms, maxWork: this.budgets.candidateWork };
  }

  /** True once the deadline has passed (the clock is read every 64 calls); it stays true. */
  timeUp(): boolean {
    if (!this.late && (++this.visits & 63) === 0 && performance.now() > this.deadline) this.late = true;
    return this.late;
  }

  /** Runs `passes` under the call's work budget and records the work spent. */
  within(passes: () => void): void {
    const { candidateTerms, maxWork } = this.budgets;
    withPolyBudget({ maxTerms: candidateTerms, maxWork }, () => {
      try {
        passes();
      } finally {
        this.work = maxWork - polyWorkLeft();
      }
    });
  }

  /** `make()` under one candidate's budgets; null when it exceeds one (a LimitError). */
  candidate<T>(make: () => T | null): T | null {
    try {
      return withPolyBudget(this.perCandidate, make);
    } catch (err) {
      if (!(err instanceof LimitError)) throw err;
      if (polyWorkLeft() <= 0) this.exhausted = true;
      return null;
    }
  }
}
