/**
 * The public numeric functions: the same as `src/numeric/`, but taking a formula string or a node,
 * and with the variables defaulting to the free symbols sorted by name.
 */
import { freeSymbols } from "../core/traverse.js";
import * as compiled from "../numeric/compile.js";
import * as evaluation from "../numeric/evaluate.js";
import * as finite from "../numeric/finite-diff.js";
import * as optimisers from "../numeric/minimize.js";
import * as interop from "../numeric/mathjs-interop.js";
import { evaluateDerivatives } from "../calculus/diff.js";
import type { Expr } from "../core/node.js";
import { checkBindingNames, toExpr as parseInput, toVariableNames, type ExprInput } from "./input.js";
import type { Variable } from "./calculus.js";

/** The node for `input` with its inert derivatives carried out: numbers need a formula. */
function toExpr(input: ExprInput): Expr {
  return evaluateDerivatives(parseInput(input));
}

/**
 * The variables of a compiled function: `vars` checked as names (text that is not one variable
 * name is a ParseError, as for `diff`; a symbol node stands for its own name), by default (also
 * for null) the free symbols of `e` sorted by name.
 */
function variablesOf(e: Expr, vars: readonly Variable[] | undefined): string[] {
  return vars == null ? freeSymbols(e) : toVariableNames(vars);
}

export type { Scope, EvaluateOptions } from "../numeric/evaluate.js";
export type { CompiledFunction, CompiledValueAndGrad, CompiledValueAndGradInto, CompiledVector } from "../numeric/compile.js";
export type { DifferenceMethod, NumericGradientOptions, GradcheckOptions, GradcheckResult } from "../numeric/finite-diff.js";
export type { MinimizeMethod, MinimizeOptions, MinimizeResult } from "../numeric/minimize.js";
export { numericGradient } from "../numeric/finite-diff.js";

/**
 * The value of `input` at `scope` (an object or a Map of variable values), in float64 by IEEE
 * rules (`log(0)` is `-Infinity`, `sqrt(-1)` is `NaN`). With `{ strict: true }` a NaN or infinite
 * result is a DomainError naming the operation; with `{ precision: p }` every operation uses mathjs
 * BigNumbers of p digits and the result is rounded to a double (outside Node, `await loadMathjs()` first).
 *
 * @throws DomainError for a variable missing from `scope`; TypeError for a value that is not a number;
 * ParseError for a key of `scope` that is neither a variable name nor a symbol of `input` (`"pi"`,
 * `"e"`, `"x+1"`: it would be ignored).
 * @example
 * evaluate("sin(x) + y", { x: Math.PI / 6, y: 0.5 });   // => 1
 * evaluate("log(x)", { x: 0 });                          // => -Infinity
 * evaluate("log(x)", { x: 0 }, { strict: true });        // throws DomainError: log of zero: log(0)
 * evaluate("exp(x)", { x: 1 }, { precision: 50 });       // => 2.718281828459045
 */
export function evaluate(input: ExprInput, scope: evaluation.Scope = {}, options?: evaluation.EvaluateOptions): number {
  const e = toExpr(input);
  checkBindingNames(scope, e);
  return evaluation.evaluate(e, scope, options);
}

/**
 * A float64 function of the variables `vars` (default: the sorted free symbols), taking their
 * values as an array in that order. Generated once from the expression graph: each distinct
 * subexpression is computed once, and the code holds only generated names and numbers. Each
 * variable is a name (text) or a symbol node, as for `diff`.
 *
 * @throws ParseError for text in `vars` that is not one variable name (`"x+y"`, `"pi"`, `""`);
 *   TypeError for an entry that is neither a string nor a symbol.
 * @example
 * const f = compile("x^2 + y", ["x", "y"]);
 * f([3, 1]);                                    // => 10
 */
export function compile(input: ExprInput, vars?: readonly Variable[]): compiled.CompiledFunction {
  const e = toExpr(input);
  return compiled.compile(e, variablesOf(e, vars));
}

/**
 * A compiled function returning the value and the whole gradient (a Float64Array in the order of
 * `vars`, default the sorted free symbols), sharing every common subexpression between them (a
 * reverse sweep over the graph). Pass `out` to reuse a gradient array.
 *
 * @example
 * const f = valueAndGrad("(1-x)^2 + 100*(y-x^2)^2");
 * f([1, 1]);                                    // => { value: 0, gradient: Float64Array [0, 0] }
 * f([0, 0]);                                    // => { value: 1, gradient: Float64Array [-2, 0] }
 */
export function valueAndGrad(input: ExprInput, vars?: readonly Variable[]): compiled.CompiledValueAndGrad {
  const e = toExpr(input);
  return compiled.valueAndGrad(e, variablesOf(e, vars));
}

/**
 * As `valueAndGrad`, but writing the gradient into the caller's array and returning the value, so a
 * training loop allocates nothing per call.
 *
 * @example
 * const f = valueAndGradInto("x*y", ["x", "y"]);
 * const g = new Float64Array(2);
 * f([2, 3], g);                                 // => 6
 * g;                                            // => Float64Array [3, 2]
 */
export function valueAndGradInto(input: ExprInput, vars?: readonly Variable[]): compiled.CompiledValueAndGradInto {
  const e = toExpr(input);
  return compiled.valueAndGradInto(e, variablesOf(e, vars));
}

/**
 * A compiled vector-valued function: entry i of the result is `inputs[i]` at the point (one
 * graph, so subexpressions shared between entries are computed once).
 *
 * @example
 * const F = compileVector(["x + y", "x*y"], ["x", "y"]);
 * F([2, 3]);                                    // => Float64Array [5, 6]
 */
export function compileVector(inputs: readonly ExprInput[], vars: readonly Variable[]): compiled.CompiledVector {
  return compiled.compileVector(
    inputs.map((i) => toExpr(i)),
    toVariableNames(vars),
  );
}

/**
 * The compiled value-and-gradient code as the source of a standalone ES module exporting
 * `value(x)`, `valueAndGrad(x, gradient)` and `valueAndGradInto(x, gradient)`.
 *
 * @example
 * toJavaScript("x^2*y", ["x", "y"]).includes("export function valueAndGrad(x, gradient)");  // => true
 */
export function toJavaScript(input: ExprInput, vars?: readonly Variable[]): string {
  const e = toExpr(input);
  return compiled.toJavaScript(e, variablesOf(e, vars));
}

/**
 * Compares the symbolic gradient of `input`, evaluated at `point`, with a finite-difference
 * gradient (Richardson by default). `maxRelativeError` is about 1e-10 or less for a correct
 * gradient of a smooth function.
 *
 * @example
 * gradcheck("x*sin(y)", { x: 2, y: 1 }).maxRelativeError < 1e-9;  // => true
 * gradcheck("x*sin(y)", { x: 2, y: 1 }).vars;                      // => ["x", "y"]
 */
export function gradcheck(input: ExprInput, point: Readonly<Record<string, number>>, options?: finite.GradcheckOptions): finite.GradcheckResult {
  const vars = options?.vars;
  const e = toExpr(input);
  checkBindingNames(point, e);
  return finite.gradcheck(e, point, vars == null ? options : { ...options, vars: toVariableNames(vars) });
}

/**
 * Minimises `input` from `start` (an object of variable values) by gradient descent (`"gd"`, a
 * line search unless `lr` is given), `"momentum"` or `"newton"` (exact Hessian), using the
 * compiled value and gradient. Stops after `steps` updates or when the gradient norm is at most `tol`.
 *
 * @example
 * minimize("(x-3)^2 + 1", { x: 0 }, { method: "newton" }).converged;  // => true
 * minimize("x^2 + 3*x + 2", { x: 0 }, { method: "gd", lr: 0.5, steps: 5 }).value;  // => -0.25
 */
export function minimize(input: ExprInput, start: Readonly<Record<string, number>>, options?: optimisers.MinimizeOptions): optimisers.MinimizeResult {
  const e = toExpr(input);
  checkBindingNames(start, e);
  return optimisers.minimize(e, start, options);
}

/**
 * A mathjs expression node (OperatorNode, FunctionNode, SymbolNode, ConstantNode) with the value of
 * `input`; shared subexpressions become shared node objects. Outside Node, `await loadMathjs()` first.
 *
 * @example
 * toMathjs("x^2 + 1").toString();               // => "1 + x ^ 2"
 * toMathjs("sin(x)").evaluate({ x: 0 });        // => 0
 */
export function toMathjs(input: ExprInput): ReturnType<typeof interop.toMathjs> {
  return interop.toMathjs(toExpr(input));
}

export { fromMathjs } from "../numeric/mathjs-interop.js";
