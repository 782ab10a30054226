// Types of stats.mjs (for the TypeScript tests in test/bench/).
export declare const REL_TOL: number;
export declare const ABS_TOL: number;
export declare function median(xs: readonly number[]): number;
export interface PowerLaw {
  exponent: number;
  coefficient: number;
  points: number;
}
export declare function fitPowerLaw(points: readonly { x: number; y: number }[]): PowerLaw;
export declare function growthExponent(points: readonly { x: number; y: number }[], options?: { tail?: number; floor?: number }): number;
export declare function closeTo(got: unknown, want: number, rel?: number, abs?: number): boolean;
export interface Check {
  at: Record<string, number>;
  values: number[];
}
export interface Mismatch {
  check: number;
  index: number;
  got: unknown;
  want: unknown;
}
export declare function checkValues(
  values: readonly (readonly (number | string)[])[],
  checks: readonly Check[],
): { ok: boolean; firstMismatch: Mismatch | null };
export declare const OUTCOMES: readonly ["correct", "wrong", "error", "timeout"];
export type Outcome = (typeof OUTCOMES)[number];
export interface ProblemRecord {
  problem: { id: string; category: string; sympy_size: number | null };
  results: Record<string, { outcome: Outcome; medianMs?: number; size?: number }>;
}
export interface SummaryRow {
  group: string;
  system: string;
  problems: number;
  correct: number;
  wrong: number;
  error: number;
  timeout: number;
  medianMs: number;
  timeRatio: number;
  timeRatioN: number;
  sizeRatio: number;
  sizeRatioN: number;
}
export declare function summarize(
  records: readonly ProblemRecord[],
  systems: readonly string[],
  baseline: string,
  groupOf?: (r: ProblemRecord) => string,
): SummaryRow[];
export declare function fmt(x: unknown, digits?: number): string;
