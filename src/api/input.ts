/** Every public function accepts a formula string or an expression node. */
import type { Expr } from "../core/node.js";
import { parse, type ParseOptions } from "../parse/parser.js";
import { variableName } from "../parse/text-input.js";
// Installs the plain-text formatter, so every node a public function returns prints as a formula.
import "../print/plain.js";

/**
 * A formula string (parsed with `parse`) or an expression.
 */
export type ExprInput = string | Expr;

/**
 * The expression for `input`: parsed (with `options`) when it is a string, itself when it is
 * already an expression. Every public function taking an `ExprInput` calls this.
 *
 * @throws TypeError for anything else.
 * @example
 * toExpr("x+x");                                // => 2*x
 * toExpr(parse("y")) === parse("y");            // => true
 */
export function toExpr(input: ExprInput, options?: ParseOptions): Expr {
  if (typeof input === "string") return parse(input, options);
  if (!looksLikeExpr(input)) throw new TypeError("expected a formula string or a symgrad expression");
  return input;
}

/** True for an object with a string `kind`; callers without types may pass anything. */
function looksLikeExpr(v: unknown): v is Expr {
  return v !== null && typeof v === "object" && typeof (v as { kind?: unknown }).kind === "string";
}

/**
 * A variable given by name (user text: a ParseError when it is not one variable name) or as a
 * symbol node (another node, or another type, is a programming error: TypeError).
 */
export function toVariableName(v: string | Expr): string {
  if (typeof v === "string") return variableName(v);
  if (!looksLikeExpr(v)) throw new TypeError("expected a variable name or a symbol");
  if (v.kind !== "sym") throw new TypeError(`${String(v)} is not a variable`);
  return v.name;
}

/**
 * The names of a list of variables, each given as for `toVariableName`: text that is not one
 * variable name is a ParseError (its position is in that name); a list that is not an array, or
 * an entry that is neither a string nor a symbol, is a TypeError.
 */
export function toVariableNames(vars: readonly (string | Expr)[]): string[] {
  if (!Array.isArray(vars)) throw new TypeError("variables must be an array of names");
  return vars.map(toVariableName);
}
