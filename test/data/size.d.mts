// Types of size.mjs (for the TypeScript tests and benchmarks that import it).
export declare function size(str: string): number;
