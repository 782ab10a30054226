/**
 * The REPL's definitions: what a name may be, how a definition is shown, and what a call of a
 * defined name means.
 *
 * Semantics (the README's "Definitions"):
 * - `f = EXPR` defines `f` with EXPR's free symbols, sorted, as its parameters; `f(x, y) = EXPR`
 *   defines a function with those parameters. The body is EXPR with the definitions in force at
 *   that moment substituted, except the parameters: a later definition never changes an earlier one.
 * - A defined name stands for its body where the user writes it as an expression; `f(a, b)`
 *   substitutes the arguments for the parameters, and takes exactly that many arguments (a call is
 *   never read as a product). An inert derivative by a parameter in the body is carried out
 *   before the arguments are put in (`g(t) = d/dt(t^3)` makes `g(2)` 12).
 * - A defined name is never a variable: as the variable of diff/grad/hessian it is an error, and a
 *   binding `eval(e, x=1)` makes `x` a variable again inside `e` (the binding wins).
 */
import { sym } from "../core/build.js";
import { SymgradError } from "../core/errors.js";
import { CALLABLE_NAMES } from "../core/functions.js";
import type { Expr } from "../core/node.js";
import { substituteThroughDerivatives } from "../calculus/substitute-derivatives.js";
import { print } from "../print/plain.js";
import { COMMANDS_BY_NAME } from "./command-table.js";

/** A user definition: `name(params) = body`. */
export interface Definition {
  readonly name: string;
  readonly params: readonly string[];
  /** True for `f(x, y) = ...`; false for `f = ...` (params are then the body's free symbols). */
  readonly explicit: boolean;
  readonly body: Expr;
}

/** A mistake in how the REPL was used (not a library error); the caller gives it a position. */
export class CallError extends SymgradError {}

export const CONSTANT_NAMES: readonly string[] = ["pi", "e", "\u03C0"];

/** Why a user may not define `name`, or undefined when they may. */
export function reservedKind(name: string): string | undefined {
  if (CALLABLE_NAMES.includes(name)) return "a built-in function";
  if (COMMANDS_BY_NAME.has(name)) return "a command";
  if (CONSTANT_NAMES.includes(name)) return "a constant";
  if (name === "ans") return "the last result";
  return undefined;
}

export function showDefinition(d: Definition): string {
  return d.explicit ? `${d.name}(${d.params.join(", ")}) = ${print(d.body)}` : `${d.name} = ${print(d.body)}`;
}

/**
 * The body of `d` with `args` for its parameters. An inert derivative by a parameter is carried
 * out first: with `g(t) = d/dt(t^3)`, `g(2)` is 12 (as `subs` gives it).
 */
export function applyDefinition(d: Definition, args: readonly Expr[]): Expr {
  if (args.length !== d.params.length) {
    const takes = d.params.length === 0 ? "no arguments" : `${d.params.length} argument${d.params.length === 1 ? "" : "s"} (${d.params.join(", ")})`;
    const hint = d.params.length === 0 && args.length === 1 ? ` (for a product write ${d.name}*(...))` : "";
    throw new CallError(`${d.name} takes ${takes}, got ${args.length}${hint}`);
  }
  return substituteThroughDerivatives(d.body, new Map(d.params.map((p, i) => [sym(p), args[i]!])));
}

/** The error for a defined name used where a variable is needed. */
export function definedVariableError(name: string, d: Definition | undefined): CallError {
  if (d === undefined) return new CallError(`'${name}' is the last result, not a variable`);
  return new CallError(`'${name}' is defined (${showDefinition(d)}), not a variable: use another name, or :clear ${name}`);
}
