/** Every public function accepts a formula string or an expression node. */
import { ParseError } from "../core/errors.js";
import type { Expr } from "../core/node.js";
import { freeSymbols } from "../core/traverse.js";
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

/** Keys already found to be variable names by `checkBindingNames`; bounded, cleared when full. */
const checkedNames = new Set<string>();
const MAX_CHECKED_NAMES = 4096;

/**
 * Checks the keys of a binding object or Map (`evaluate`'s scope, `gradcheck`'s point,
 * `minimize`'s start) for `e`: each is a variable name, or a symbol of `e` (a node may carry any
 * name, `sym("x'")` or a mathjs SymbolNode's). Any other key would be ignored while the formula
 * reads a constant or a function (`{ pi: 3 }`, `{ e: 2 }`, `{ "x+1": 2 }`), so it is refused:
 * the ParseError of `variableName` (positioned in the key), or a TypeError for a key with spaces
 * around a name or one that is not a string.
 */
export function checkBindingNames(bindings: object, e: Expr): void {
  const keys = bindings instanceof Map ? [...(bindings as Map<unknown, unknown>).keys()] : Object.keys(bindings);
  let symbols: ReadonlySet<string> | undefined;
  for (const key of keys) {
    if (typeof key === "string" && checkedNames.has(key)) continue;
    if (typeof key !== "string") throw new TypeError(`a binding's name must be a string, got ${typeof key}`);
    let name: string | undefined;
    let refusal: ParseError | undefined;
    try {
      name = variableName(key);
    } catch (err) {
      if (!(err instanceof ParseError)) throw err;
      refusal = err;
    }
    if (name === key) {
      if (checkedNames.size >= MAX_CHECKED_NAMES) checkedNames.clear();
      checkedNames.add(key);
      continue;
    }
    if ((symbols ??= new Set(freeSymbols(e))).has(key)) continue;
    if (refusal === undefined) throw new TypeError(`binding name ${JSON.stringify(key)} has spaces around the variable name '${name!}'`);
    throw new ParseError(`binding name '${key}': ${refusal.reason}`, refusal.source, refusal.start, refusal.end, refusal.expected, refusal.found);
  }
}
