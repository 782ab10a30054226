// Public API: re-exports only.
export { Rational } from "./core/rational.js";
export type { Expr } from "./core/node.js";
export { SymgradError, ParseError, DomainError, LimitError } from "./core/errors.js";
export { setLimits, resetLimits, DEFAULT_LIMITS, type Limits } from "./core/limits.js";
