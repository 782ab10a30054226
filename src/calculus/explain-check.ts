/**
 * Numeric checks of a derivation: each step's expression (inert derivatives carried out) must
 * equal the expression before it at random points where both are real.
 *
 * Contract: `checkStep(before, after)` samples up to `MAX_POINTS` deterministic pseudo-random
 * points (coordinates in (-3, 3), (0, 3) and (1, 4), so that log, sqrt, acosh and asec find their
 * domains) until `WANTED_POINTS` points give both sides a finite value. Each point where `before`
 * is not finite halves the ranges toward 0 (toward 1 for (1, 4)), down to a sixteenth, so that a
 * polynomial of degree 2000 is sampled where it does not overflow. A point where the two
 * differ by more than a relative 1e-8 in float64 is re-evaluated at 30 digits before it counts as
 * a failure; a point where `before` is finite and `after` is not also fails (a step must not
 * shrink the domain). `points` says how many points were compared (0: no point of the real domain
 * was found, nothing was checked).
 */
import { SymgradError } from "../core/errors.js";
import type { Expr } from "../core/node.js";
import { freeSymbols } from "../core/traverse.js";
import { evaluate } from "../numeric/evaluate.js";
import { evaluateDerivatives } from "./diff.js";
import type { Derivation, Step } from "./explain.js";

const WANTED_POINTS = 4;
const MAX_POINTS = 24;
const RANGES: readonly (readonly [number, number])[] = [
  [-3, 3],
  [0, 3],
  [1, 4],
];

/** The numeric check of one step against the step before it (with `{ verify: true }`). */
export interface StepCheck {
  /** Points at which both sides were real and compared. */
  readonly points: number;
  /** The largest relative difference seen (float64, or 30 digits where float64 disagreed). */
  readonly maxError: number;
  /** No compared point disagreed. */
  readonly ok: boolean;
}

/** `d` with a numeric `check` on every step, groups included, and `verified` when all are ok. */
export function checkDerivation<D extends Derivation>(d: D): D & { verified: boolean } {
  let before = evaluateDerivatives(d.start);
  let verified = true;
  const steps = d.steps.map((s): Step => {
    const after = evaluateDerivatives(s.expr);
    const check = checkStep(before, after);
    before = after;
    const group = s.group === undefined ? undefined : checkDerivation(s.group);
    if (!check.ok || (group !== undefined && !group.verified)) verified = false;
    return { ...s, check, ...(group !== undefined ? { group } : {}) };
  });
  return { ...d, steps, verified };
}

function value(e: Expr, at: Record<string, number>, precision?: number): number {
  try {
    return precision === undefined ? evaluate(e, at) : evaluate(e, at, { precision });
  } catch (err) {
    if (err instanceof SymgradError) return NaN;
    throw err;
  }
}

/** Compares `before` and `after` (inert derivatives carried out) at random real points (see the module contract). */
export function checkStep(before: Expr, after: Expr): StepCheck {
  const names = [...new Set([...freeSymbols(before), ...freeSymbols(after)])];
  let seed = 0x9e3779b9;
  const random = () => {
    seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0;
    return seed / 2 ** 32;
  };
  let points = 0;
  let maxError = 0;
  let scale = 1;
  for (let i = 0; i < MAX_POINTS && points < WANTED_POINTS; i++) {
    const [lo, hi] = RANGES[i % RANGES.length]!;
    const origin = Math.max(lo, Math.min(hi, lo < 0 ? 0 : lo));
    const at: Record<string, number> = {};
    for (const n of names) at[n] = origin + (lo + (hi - lo) * random() - origin) * scale;
    const a = value(before, at);
    if (!Number.isFinite(a)) {
      scale = Math.max(scale / 2, 1 / 16);
      continue;
    }
    const b = value(after, at);
    if (!Number.isFinite(b)) return { points: points + 1, maxError: Infinity, ok: false };
    points++;
    let err = relative(a, b);
    if (err > 1e-8) err = relative(value(before, at, 30), value(after, at, 30));
    if (!(err <= 1e-8)) return { points, maxError: err, ok: false };
    maxError = Math.max(maxError, err);
  }
  return { points, maxError, ok: true };
}

function relative(a: number, b: number): number {
  return Math.abs(a - b) / Math.max(1, Math.abs(a), Math.abs(b));
}
