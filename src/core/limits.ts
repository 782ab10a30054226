/**
 * Resource limits, set with `setLimits`. Every public entry point stays within these, so that
 * hostile input ends in a `LimitError` (naming the field to raise) rather than a stack overflow,
 * an endless loop or an out-of-memory crash.
 */
export interface Limits {
  /** Longest accepted expression string, in UTF-16 code units. */
  maxInputLength: number;
  /** Deepest nesting of an expression tree (parentheses, calls, powers). Bounds all recursion. */
  maxDepth: number;
  /** Largest integer (numerator or denominator) the exact arithmetic may create, in bits. */
  maxIntegerBits: number;
  /** Highest derivative order `diff` accepts. */
  maxOrder: number;
  /** Most terms an expansion may produce. */
  maxExpandTerms: number;
  /** Time budget of one derivative of order n or mixed partial, in milliseconds (checked between steps). */
  diffTimeMs: number;
  /** Time budget of one simplify call, in milliseconds. */
  simplifyTimeMs: number;
  /** Most distinct nodes a single operation may create. */
  maxNodes: number;
  /**
   * Longest printed form (plain text or LaTeX), in UTF-16 code units. A graph with shared
   * subexpressions prints as a tree, so its printed form can be exponentially longer than the graph.
   */
  maxOutputLength: number;
  /** Work budget of one public expand or factor call (coefficient operations, weighted by size). */
  maxPolyWork: number;
}

/**
 * The default of every limit (frozen). The README's table lists them with what each bounds.
 *
 * @example
 * DEFAULT_LIMITS.maxDepth;                      // => 2000
 */
export const DEFAULT_LIMITS: Readonly<Limits> = Object.freeze({
  maxInputLength: 1_000_000,
  maxDepth: 2_000,
  maxIntegerBits: 1_000_000,
  maxOrder: 1_000,
  maxExpandTerms: 200_000,
  diffTimeMs: 10_000,
  simplifyTimeMs: 1_000,
  maxNodes: 5_000_000,
  maxOutputLength: 5_000_000,
  maxPolyWork: 5_000_000,
});

/** The limits in force (a single mutable record read by the builder and the passes). */
export const limits: Limits = { ...DEFAULT_LIMITS };

/**
 * Changes some limits (the others keep their values) and returns the previous values of all of
 * them. Limits are process-wide; each must be a positive number.
 *
 * @throws TypeError for a value that is not a positive number.
 * @example
 * const before = setLimits({ maxOrder: 5 });
 * before.maxOrder;                              // => 1000
 * diff("x^9", "x", 6);                          // throws LimitError: derivative of order 6 (limit maxOrder = 5; raise it with setLimits({ maxOrder: ... }))
 * resetLimits();
 */
export function setLimits(changes: Partial<Limits>): Limits {
  const previous = { ...limits };
  for (const key of Object.keys(changes) as (keyof Limits)[]) {
    const v = changes[key];
    if (v === undefined) continue;
    if (typeof v !== "number" || !(v > 0)) throw new TypeError(`limit ${key} must be a positive number`);
    limits[key] = v;
  }
  return previous;
}

/**
 * Restores every limit to its default (`DEFAULT_LIMITS`).
 *
 * @example
 * setLimits({ maxDepth: 10 });
 * resetLimits();
 * parse("((((((((((x))))))))))");               // => x
 */
export function resetLimits(): void {
  Object.assign(limits, DEFAULT_LIMITS);
}
