// Types of translate.mjs (for the TypeScript tests in test/bench/).
export declare function matchingParen(s: string, open: number): number;
export declare function rewriteNames(
  s: string,
  rules?: { calls?: Record<string, (arg: string) => string>; names?: Record<string, string>; constants?: Record<string, string> },
): string;
export declare function toAlgebrite(expr: string): string;
export declare function fromAlgebrite(text: string): string;
