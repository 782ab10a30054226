/** Every public function accepts a formula string or an expression node. */
import type { Expr } from "../core/node.js";
import { parse } from "../parse/parser.js";
import { variableName } from "../parse/text-input.js";
// Installs the plain-text formatter, so every node a public function returns prints as a formula.
import "../print/plain.js";

export type ExprInput = string | Expr;

/** The node for `input`: parsed when it is a string, itself otherwise. */
export function toExpr(input: ExprInput): Expr {
  if (typeof input === "string") return parse(input);
  if (input === null || typeof input !== "object" || typeof (input as { kind?: unknown }).kind !== "string") {
    throw new TypeError("expected a formula string or a symgrad expression");
  }
  return input;
}

/**
 * A variable given by name (user text: a ParseError when it is not one variable name) or as a
 * symbol node (another node, or another type, is a programming error: TypeError).
 */
export function toVariableName(v: string | Expr): string {
  if (typeof v === "string") return variableName(v);
  if (v === null || typeof v !== "object" || typeof (v as { kind?: unknown }).kind !== "string") {
    throw new TypeError("expected a variable name or a symbol");
  }
  if (v.kind !== "sym") throw new TypeError(`${String(v)} is not a variable`);
  return v.name;
}
