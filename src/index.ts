// The public API of symgrad: re-exports only.
export type { Expr } from "./core/node.js";
export { Rational } from "./core/rational.js";
export { SymgradError, ParseError, DomainError, LimitError } from "./core/errors.js";
export { setLimits, resetLimits, DEFAULT_LIMITS, type Limits } from "./core/limits.js";
export { FUNCTION_NAMES, type FunctionName } from "./core/functions.js";
export { clearCaches } from "./core/memo.js";
export { parse, type ParseOptions, type CallSite, type SourceSpan } from "./parse/parser.js";
export { print, toLatex, freeSymbols } from "./api/print.js";
export { parseLatex, type LatexParseOptions } from "./parse/latex-parser.js";
export { toExpr, type ExprInput } from "./api/input.js";
export { diff, gradient, jacobian, hessian, derivative, evaluateDerivatives, type Gradient, type Variable } from "./api/calculus.js";
export { subs, type SubsBindings, type SubsOptions, type SubsValue } from "./api/subs.js";
export { implicitDiff, taylor, laplacian, divergence, curl, directionalDerivative, type ValueInput } from "./api/operations.js";
export {
  evaluate,
  compile,
  valueAndGrad,
  valueAndGradInto,
  compileVector,
  toJavaScript,
  numericGradient,
  gradcheck,
  minimize,
  toMathjs,
  fromMathjs,
  type Scope,
  type EvaluateOptions,
  type MinimizeOptions,
  type MinimizeResult,
  type GradcheckResult,
  type GradcheckOptions,
  type NumericGradientOptions,
  type DifferenceMethod,
  type MinimizeMethod,
  type CompiledFunction,
  type CompiledValueAndGrad,
  type CompiledValueAndGradInto,
  type CompiledVector,
} from "./api/numeric.js";
export { loadMathjs, useMathjs } from "./numeric/mathjs-lazy.js";
export { simplify, simplifyWithReport, expand, factor, cancel, together, type SimplifyOptions, type SimplifyReport } from "./api/algebra.js";
export type { CalculusOptions } from "./api/calculus.js";
export { explainDiff, type ExplainOptions, type Explanation, type Derivation, type Step, type StepCheck, type Rule } from "./api/explain.js";
export { formatSteps, stepsToLatex, stepsToJSON } from "./print/steps.js";
