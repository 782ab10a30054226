/** `subs`: simultaneous substitution of values or expressions for variables. */
import { num, sym } from "../core/build.js";
import type { Expr } from "../core/node.js";
import { substituteThroughDerivatives } from "../calculus/substitute-derivatives.js";
import type { ParseOptions } from "../parse/parser.js";
import { toExpr, toVariableName, type ExprInput } from "./input.js";

/** What a variable may be replaced by: an exact number (a finite double is read exactly), a formula or a node. */
export type SubsValue = number | bigint | ExprInput;

/** Variable -> replacement, as an object (own properties only) or a Map keyed by name or symbol. */
export type SubsBindings = Readonly<Record<string, SubsValue>> | ReadonlyMap<string | Expr, SubsValue>;

/** Options of `subs`. */
export interface SubsOptions {
  /** Undefined functions the formula strings may call, as for `parse`. */
  undefinedFunctions?: readonly string[];
}

function replacement(v: SubsValue, name: string, options: ParseOptions | undefined): Expr {
  if (typeof v === "number") {
    if (!Number.isFinite(v)) throw new RangeError(`the value for '${name}' is not a finite number: ${v}`);
    return num(v);
  }
  if (typeof v === "bigint") return num(v);
  return toExpr(v, options);
}

/**
 * `input` with every variable in `bindings` replaced at once, rebuilt canonically, so exact values
 * fold. The result is not simplified. An inert derivative whose variable the substitution reaches
 * is carried out first (`subs("d/dt(t^3)", { t: 2 })` is 12, the derivative's value there); the
 * others stay inert.
 *
 * @throws DomainError when a replacement makes the expression undefined in exact arithmetic (`1/x` at 0).
 * @throws ParseError for a bad formula; TypeError for a key that is not a variable name.
 * @example
 * subs("x^2 + y", { x: 2, y: "z^2" });             // => z^2 + 4
 * subs("x + 2*y", { x: "y", y: "x" });             // => 2*x + y
 * subs(diff("sin(x)", "x"), { x: "pi" });          // => -1
 * subs("d/dt(t^3) + d/dx(x*t)", { t: 2 });         // => d/dx(2*x) + 12
 * subs("1/x", { x: 0 });                           // throws DomainError: division by zero (0 raised to a negative power)
 */
export function subs(input: ExprInput, bindings: SubsBindings, options: SubsOptions = {}): Expr {
  const parseOptions = options.undefinedFunctions === undefined ? undefined : { undefinedFunctions: options.undefinedFunctions };
  const e = toExpr(input, parseOptions);
  const given: unknown = bindings; // callers without types may pass anything
  if (given === null || typeof given !== "object") throw new TypeError("subs expects an object or a Map of variable -> value");
  const map = new Map<Expr, Expr>();
  const bind = (key: string | Expr, value: SubsValue) => {
    const name = toVariableName(key);
    map.set(sym(name), replacement(value, name, parseOptions));
  };
  if (bindings instanceof Map) for (const [k, v] of bindings as ReadonlyMap<string | Expr, SubsValue>) bind(k, v);
  else for (const k of Object.keys(bindings)) bind(k, (bindings as Readonly<Record<string, SubsValue>>)[k]!);
  return map.size === 0 ? e : substituteThroughDerivatives(e, map);
}
