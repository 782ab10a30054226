// Types of cases.mjs (for the TypeScript tests in test/bench/).
export interface SymbenchCase {
  id: string;
  what: string;
  kind: "expand" | "diff";
  base: string;
  variable?: string;
  terms?: number;
  slow?: boolean;
}
export declare const CASES: readonly SymbenchCase[];
export declare const GINAC_TARGETS: Record<string, number>;
export declare function toSympySyntax(formula: string): string;
export declare function ginshScript(c: SymbenchCase, repeats: number): string;
export declare function parseGinshTimes(output: string): number[];
export declare function sympyScript(c: SymbenchCase, repeats: number, budgetMs: number): string;
export declare function median(xs: readonly number[]): number;
export declare function formatMs(ms: number): string;
export declare function formatRatio(ours: number, theirs: number): string;
