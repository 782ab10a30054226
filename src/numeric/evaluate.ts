/**
 * Numeric evaluation of an expression at a point.
 *
 * Contract: `evaluate(e, scope)` is the float64 value of `e` with every symbol bound by `scope`,
 * computed by exactly the floating-point operations that `compile(e, vars)` performs (see
 * `float-functions.ts`), so the two agree bit for bit. Sums add their terms left to right in
 * canonical order, products multiply left to right, numbers are the nearest doubles of the exact
 * rationals. Each distinct node is evaluated once per call and the traversal is iterative, so
 * shared subexpressions cost nothing extra and deep expressions cannot overflow the stack.
 *
 * Outside a function's real domain the result follows IEEE semantics (log(-1) is NaN, 1/0 is
 * Infinity). With `strict: true` a DomainError names the operation and its arguments instead, the
 * first time a node with finite arguments gives NaN or an infinity: "log of a negative number:
 * log(-1)". With `precision: p` the value is computed with p significant decimal digits
 * (mathjs BigNumber) and then rounded to a double.
 */
import { evaluateDerivatives } from "../calculus/diff.js";
import { DomainError } from "../core/errors.js";
import type { Applied, Expr } from "../core/node.js";
import { foldGraph } from "../core/traverse.js";
import { evaluatePrecise } from "./evaluate-precise.js";
import { FLOAT_EVALUATORS, FLOAT_FUNCTIONS, powerUndefinedAt, rationalPower } from "./float-functions.js";

/**
 * Values of variables: an object (own properties only, so names like `constructor` are ordinary)
 * or a Map from name to number.
 */
export type Scope = Readonly<Record<string, number>> | ReadonlyMap<string, number>;

/**
 * Options of `evaluate`.
 */
export interface EvaluateOptions {
  /** Throw a DomainError where the float result would be NaN or infinite (default false). */
  strict?: boolean;
  /** Significant decimal digits for an arbitrary-precision evaluation (mathjs BigNumber). */
  precision?: number;
}

/** The value bound to `name` in `scope`; own properties only, so `constructor` is not inherited. */
export function lookup(scope: Scope, name: string): number {
  let v: unknown;
  if (scope instanceof Map) {
    if (!scope.has(name)) throw new DomainError(`unbound variable '${name}'`);
    v = scope.get(name);
  } else {
    if (!Object.prototype.hasOwnProperty.call(scope, name)) throw new DomainError(`unbound variable '${name}'`);
    v = (scope as Record<string, unknown>)[name];
  }
  if (typeof v !== "number") throw new TypeError(`variable '${name}' is bound to a ${typeof v}, not a number`);
  return v;
}

/** The value of `input` at `scope`; inert derivatives are carried out first. */
export function evaluate(input: Expr, scope: Scope, options: EvaluateOptions = {}): number {
  const e = evaluateDerivatives(input);
  if (options.precision !== undefined) return evaluatePrecise(e, scope, options.precision, options.strict === true);
  const strict = options.strict === true;
  return foldGraph<number>(e, (node, values) => {
    const arg = (i: number) => values.get(node.args[i]!)!;
    const r = floatNode(node, scope, arg);
    if (strict && !Number.isFinite(r) && node.args.length > 0 && node.args.every((a) => Number.isFinite(values.get(a)!))) {
      throw new DomainError(describeFailure(node, arg, r));
    }
    return r;
  });
}

/** The float value of one node from the values of its arguments. */
function floatNode(node: Expr, scope: Scope, arg: (i: number) => number): number {
  switch (node.kind) {
    case "num":
      return node.value.toNumber();
    case "const":
      return node.name === "pi" ? Math.PI : Math.E;
    case "sym":
      return lookup(scope, node.name);
    case "add": {
      let s = arg(0);
      for (let i = 1; i < node.args.length; i++) s += arg(i);
      return s;
    }
    case "mul": {
      let p = arg(0);
      for (let i = 1; i < node.args.length; i++) p *= arg(i);
      return p;
    }
    case "pow":
      return node.exp.kind === "num" ? rationalPower(arg(0), node.exp.value) : Math.pow(arg(0), arg(1));
    case "call":
      return FLOAT_EVALUATORS[node.fn](arg(0), node.args.length > 1 ? arg(1) : 0);
    case "deriv":
      throw new DomainError(`inert derivative reached the evaluator: ${String(node)}`); // evaluate carries them out
    case "apply":
      throw undefinedFunctionError(node);
  }
}

/** Evaluating or compiling an undefined function (`f(x)` declared in `undefinedFunctions`) is refused. */
export function undefinedFunctionError(node: Applied): DomainError {
  return new DomainError(
    `cannot evaluate the undefined function '${node.name}': it has no definition (write its formula in the expression to evaluate or compile it)`,
  );
}

/** The strict-mode message for a node whose finite arguments gave `r` (NaN or infinite). */
export function describeFailure(node: Expr, arg: (i: number) => number, r: number): string {
  const n = (v: number) => String(v);
  switch (node.kind) {
    case "pow": {
      const b = arg(0);
      const x = arg(1);
      const reason = powerUndefinedAt(b, x) ?? (Number.isNaN(r) ? "undefined power" : "overflow");
      if (x === 0.5) return `${reason}: sqrt(${n(b)})`;
      if (x === -1) return `${reason}: 1/${n(b)}`;
      return `${reason}: (${n(b)})^(${n(x)})`;
    }
    case "call": {
      const args = node.args.map((_, i) => arg(i));
      const reason = FLOAT_FUNCTIONS[node.fn].undefinedAt?.(args[0]!, args[1] ?? 0) ?? (Number.isNaN(r) ? `${node.fn} is undefined` : "overflow");
      return `${reason}: ${node.fn}(${args.map(n).join(", ")})`;
    }
    case "add":
      return `${Number.isNaN(r) ? "undefined sum" : "overflow"}: ${node.args.map((_, i) => n(arg(i))).join(" + ")}`;
    case "mul":
      return `${Number.isNaN(r) ? "undefined product" : "overflow"}: ${node.args.map((_, i) => n(arg(i))).join(" * ")}`;
    default:
      return `not a finite number: ${n(r)}`;
  }
}
