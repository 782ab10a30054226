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
import { toExpr, type ExprInput } from "./input.js";

export type { Scope, EvaluateOptions } from "../numeric/evaluate.js";
export type { CompiledFunction, CompiledValueAndGrad, CompiledValueAndGradInto, CompiledVector } from "../numeric/compile.js";
export type { DifferenceMethod, NumericGradientOptions, GradcheckOptions, GradcheckResult } from "../numeric/finite-diff.js";
export type { MinimizeMethod, MinimizeOptions, MinimizeResult } from "../numeric/minimize.js";
export { numericGradient } from "../numeric/finite-diff.js";

/** The value of `input` at `scope` in float64 (or at `options.precision` digits). */
export function evaluate(input: ExprInput, scope: evaluation.Scope = {}, options?: evaluation.EvaluateOptions): number {
  return evaluation.evaluate(toExpr(input), scope, options);
}

/** A compiled function of the variables `vars` (default: the sorted free symbols), in that order. */
export function compile(input: ExprInput, vars?: readonly string[]): compiled.CompiledFunction {
  const e = toExpr(input);
  return compiled.compile(e, vars ?? freeSymbols(e));
}

/** Value and whole gradient in one call, sharing every common subexpression. */
export function valueAndGrad(input: ExprInput, vars?: readonly string[]): compiled.CompiledValueAndGrad {
  const e = toExpr(input);
  return compiled.valueAndGrad(e, vars ?? freeSymbols(e));
}

/** As `valueAndGrad`, writing the gradient into the caller's array and returning the value. */
export function valueAndGradInto(input: ExprInput, vars?: readonly string[]): compiled.CompiledValueAndGradInto {
  const e = toExpr(input);
  return compiled.valueAndGradInto(e, vars ?? freeSymbols(e));
}

/** A vector-valued compiled function of several expressions. */
export function compileVector(inputs: readonly ExprInput[], vars: readonly string[]): compiled.CompiledVector {
  return compiled.compileVector(inputs.map((i) => toExpr(i)), vars);
}

/** The compiled value-and-gradient code as a standalone ES module source. */
export function toJavaScript(input: ExprInput, vars?: readonly string[]): string {
  const e = toExpr(input);
  return compiled.toJavaScript(e, vars ?? freeSymbols(e));
}

/** Compares the symbolic gradient with a Richardson finite difference at `point`. */
export function gradcheck(input: ExprInput, point: Readonly<Record<string, number>>, options?: finite.GradcheckOptions): finite.GradcheckResult {
  return finite.gradcheck(toExpr(input), point, options);
}

/** Minimises `input` from `start` (an object of variable values). */
export function minimize(input: ExprInput, start: Readonly<Record<string, number>>, options?: optimisers.MinimizeOptions): optimisers.MinimizeResult {
  return optimisers.minimize(toExpr(input), start, options);
}

/** A mathjs expression node with the same value. */
export function toMathjs(input: ExprInput): ReturnType<typeof interop.toMathjs> {
  return interop.toMathjs(toExpr(input));
}

export { fromMathjs } from "../numeric/mathjs-interop.js";
