/**
 * Built-in tables (the derivative table, the rewrite rules) are compiled from text on first use.
 * `compileBuiltIn` runs that compilation under the default limits and outside the caller's node
 * budget, so a caller's tight `setLimits` only limits the caller's own work: a table is the same
 * whatever the limits in force when it is first needed, and compiling it never fails for them.
 */
import { outsideNodeBudget } from "./build.js";
import { DEFAULT_LIMITS, limits } from "./limits.js";

export function compileBuiltIn<T>(work: () => T): T {
  const saved = { ...limits };
  Object.assign(limits, DEFAULT_LIMITS);
  try {
    return outsideNodeBudget(work);
  } finally {
    Object.assign(limits, saved);
  }
}
