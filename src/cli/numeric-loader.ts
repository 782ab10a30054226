/**
 * Numeric evaluation, loaded on demand: its module graph (mathjs) costs more start-up time than
 * everything else the CLI needs. `evaluate` requires `loadNumeric()` to have resolved.
 */
import type { Expr } from "../core/node.js";
import type { Scope } from "../numeric/evaluate.js";

let evaluateFn: ((e: Expr, scope: Scope) => number) | undefined;

export async function loadNumeric(): Promise<void> {
  evaluateFn ??= (await import("../numeric/evaluate.js")).evaluate;
}

/** `evaluate` of numeric/evaluate.ts, once `loadNumeric` has resolved. */
export function evaluate(e: Expr, scope: Scope): number {
  if (evaluateFn === undefined) throw new Error("numeric evaluation used before loadNumeric()");
  return evaluateFn(e, scope);
}
