// symgrad/lite: parsing, the calculus functions and the printers without the simplifier, for
// browser bundles (20 KB gzip instead of 38). Re-exports only; see `api/lite.ts`.
export type { Expr } from "./core/node.js";
export { Rational } from "./core/rational.js";
export { SymgradError, ParseError, DomainError, LimitError } from "./core/errors.js";
export { setLimits, resetLimits, DEFAULT_LIMITS, type Limits } from "./core/limits.js";
export { FUNCTION_NAMES, type FunctionName } from "./core/functions.js";
export { clearCaches } from "./core/memo.js";
export { parse, type ParseOptions, type CallSite, type SourceSpan } from "./parse/parser.js";
export { print, toLatex, freeSymbols } from "./api/print.js";
export { toExpr, type ExprInput } from "./api/input.js";
export { diff, gradient, jacobian, hessian, evaluateDerivatives, type LiteCalculusOptions } from "./api/lite.js";
export type { Gradient, Variable } from "./api/derivatives.js";
