// Types of families.mjs (for the TypeScript tests in test/bench/).
export interface FamilyProblem {
  expr: string;
  vars: string[];
  order?: number;
  checks: { at: Record<string, number>; values: number[] }[];
}
export interface Family {
  id: string;
  title: string;
  make(n: number): FamilyProblem;
  sizes: number[];
  quick: number[];
}
export declare const FAMILIES: readonly Family[];
