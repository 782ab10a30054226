/**
 * The functions an expression node can call. This list is the single source of truth: the
 * derivative table, the printers and the evaluators are typed `Record<FunctionName, ...>`, so a
 * function added here without a derivative or an evaluator is a compile error.
 */
export const FUNCTION_ARITY = {
  sin: 1,
  cos: 1,
  tan: 1,
  sec: 1,
  csc: 1,
  cot: 1,
  asin: 1,
  acos: 1,
  atan: 1,
  acot: 1,
  asec: 1,
  acsc: 1,
  atan2: 2,
  sinh: 1,
  cosh: 1,
  tanh: 1,
  sech: 1,
  csch: 1,
  coth: 1,
  asinh: 1,
  acosh: 1,
  atanh: 1,
  asech: 1,
  acsch: 1,
  acoth: 1,
  exp: 1,
  log: 1,
  cbrt: 1,
  abs: 1,
  sign: 1,
  erf: 1,
  min: 2,
  max: 2,
  heaviside: 1,
  floor: 1,
  ceil: 1,
  round: 1,
  gamma: 1,
  loggamma: 1,
  digamma: 1,
  polygamma: 2,
  beta: 2,
  erfc: 1,
  xlogy: 2,
} as const;

/**
 * The name of a built-in function (an element of `FUNCTION_NAMES`).
 */
export type FunctionName = keyof typeof FUNCTION_ARITY;

/**
 * The names of the built-in functions, each with its derivative, evaluators and printers (the
 * parser also reads `ln`, `log(u, b)`, `log10`, `log2` and `sqrt`, which it rewrites into these).
 *
 * @example
 * FUNCTION_NAMES.includes("atan2");             // => true
 * FUNCTION_NAMES.includes("sqrt");              // => false
 */
export const FUNCTION_NAMES = Object.keys(FUNCTION_ARITY) as FunctionName[];

export function isFunctionName(name: string): name is FunctionName {
  return Object.prototype.hasOwnProperty.call(FUNCTION_ARITY, name);
}

/**
 * `min` and `max` take two or more arguments where they are read (parser, mathjs); the node is
 * binary and nests to the right in canonical order (`max(x, y, z)` is `max(x, max(y, z))`), and
 * the printers show the flat list again.
 */
export const VARIADIC: ReadonlySet<FunctionName> = new Set<FunctionName>(["min", "max"]);

/**
 * Names the parser accepts as calls but rewrites into other nodes (sugar):
 * `ln(u)` = `log(u)`, `log(u, b)` = `log(u)/log(b)`, `log10(u)`, `log2(u)`, `sqrt(u)` = `u^(1/2)`,
 * `clamp(x, lo, hi)` = `min(max(x, lo), hi)`, `sigmoid(u)` = `1/(1 + exp(-u))`,
 * `softplus(u)` = `log(1 + exp(u))`, `relu(u)` = `max(0, u)`.
 * Each entry lists the accepted argument counts.
 */
export const SUGAR_ARITY: Readonly<Record<string, readonly number[]>> = Object.freeze({
  ln: [1],
  log: [1, 2],
  log10: [1],
  log2: [1],
  sqrt: [1],
  clamp: [3],
  sigmoid: [1],
  softplus: [1],
  relu: [1],
});

/**
 * Parity: f(-u) = -f(u) (odd) or f(-u) = f(u) (even) for every real u where either side is
 * defined. `acot` is not odd (acot(0) = pi/2). Used by exact values at construction
 * (`sin(-x)` is `-sin(x)`) and by simplify's parity candidate.
 */
export const ODD_FUNCTIONS: ReadonlySet<FunctionName> = new Set<FunctionName>([
  "sin",
  "tan",
  "cot",
  "csc",
  "asin",
  "acsc",
  "atan",
  "sinh",
  "tanh",
  "coth",
  "csch",
  "asinh",
  "atanh",
  "acsch",
  "acoth",
  "erf",
  "sign",
  "cbrt",
]);
export const EVEN_FUNCTIONS: ReadonlySet<FunctionName> = new Set<FunctionName>(["cos", "sec", "cosh", "sech", "abs"]);

/** Every name a user may call, for error suggestions and completion. */
export const CALLABLE_NAMES: readonly string[] = [...new Set([...FUNCTION_NAMES, ...Object.keys(SUGAR_ARITY)])].sort();
