/** Every public function accepts a formula string or an expression node. */
import type { Expr } from "../core/node.js";
import { parse, type ParseOptions } from "../parse/parser.js";
// Installs the plain-text formatter, so every node a public function returns prints as a formula.
import "../print/plain.js";

export type ExprInput = string | Expr;

/** The node for `input`: parsed (with `options`) when it is a string, itself otherwise. */
export function toExpr(input: ExprInput, options?: ParseOptions): Expr {
  if (typeof input === "string") return parse(input, options);
  if (input === null || typeof input !== "object" || typeof (input as { kind?: unknown }).kind !== "string") {
    throw new TypeError("expected a formula string or a symgrad expression");
  }
  return input;
}

/** A variable given by name or as a symbol node. */
export function toVariableName(v: string | Expr): string {
  if (typeof v === "string") {
    const e = parse(v);
    if (e.kind !== "sym") throw new TypeError(`'${v}' is not a variable name`);
    return e.name;
  }
  if (v.kind !== "sym") throw new TypeError(`${String(v)} is not a variable`);
  return v.name;
}
