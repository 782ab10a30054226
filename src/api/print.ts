/** The public printers and inspectors: the same as `src/print/` and `src/core/`, but taking a formula string or a node. */
import * as traverse from "../core/traverse.js";
import * as latex from "../print/latex.js";
import * as plain from "../print/plain.js";
import { toExpr, type ExprInput } from "./input.js";

/**
 * The formula of `input` in the syntax `parse` reads (the same text as `String(e)`), with minimal
 * parentheses and the printer's display order; `parse(print(e)) === e` for every expression.
 *
 * @throws LimitError when the text would be longer than `limits.maxOutputLength`.
 * @example
 * print(parse("x*2 + 1/x^2"));  // => "2*x + 1/x^2"
 * print("(x^y)^z");             // => "(x^y)^z"
 */
export function print(input: ExprInput): string {
  return plain.print(toExpr(input));
}

/**
 * The LaTeX (math mode) source of `input`: fractions for negative powers, `\sqrt` for square
 * roots, function names as operators. Every output renders with KaTeX.
 *
 * @throws LimitError when the source would be longer than `limits.maxOutputLength`.
 * @example
 * toLatex(diff("sqrt(x^2+1)", "x"));  // => "\\frac{x}{\\sqrt{x^{2} + 1}}"
 * toLatex("theta2^2/2");              // => "\\frac{\\theta_{2}^{2}}{2}"
 */
export function toLatex(input: ExprInput): string {
  return latex.toLatex(toExpr(input));
}

/**
 * The names of the symbols `input` contains (constants such as `pi` are not symbols), sorted by
 * code unit. These are the default variables of `gradient`, `hessian`, `compile` and friends.
 *
 * @example
 * freeSymbols("y*sin(x) + pi*z");  // => ["x", "y", "z"]
 * freeSymbols("2*pi");             // => []
 */
export function freeSymbols(input: ExprInput): string[] {
  return traverse.freeSymbols(toExpr(input));
}
