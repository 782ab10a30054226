/**
 * The public calculus functions: strings or nodes in, canonical nodes out, simplified by default
 * (`{ simplify: false }` returns the raw canonical derivative).
 */
import { checkOrder } from "../calculus/diff.js";
import { derivative as inertDerivative, sym } from "../core/build.js";
import type { Expr } from "../core/node.js";
import { simplify, type SimplifyOptions } from "../rewrite/simplify.js";
import { toExpr, toVariableName, type ExprInput } from "./input.js";
import { checkAssumptions } from "../parse/text-input.js";
import { diffWith, evaluateDerivativesWith, gradientWith, hessianWith, jacobianWith, type Finish, type Gradient, type Variable } from "./derivatives.js";

export type { Gradient, Variable } from "./derivatives.js";

/**
 * Options of `diff`, `gradient`, `jacobian` and `hessian`.
 */
export interface CalculusOptions {
  /** Simplify each result (default true); an object passes options to `simplify`. */
  simplify?: boolean | SimplifyOptions;
  /** Undefined functions the formula strings may call (`["f", "g"]`), as for `parse`. */
  undefinedFunctions?: readonly string[];
}

function read(input: ExprInput, options: CalculusOptions): Expr {
  return toExpr(input, options.undefinedFunctions === undefined ? undefined : { undefinedFunctions: options.undefinedFunctions });
}

/** What `options.simplify` does to each result: simplify it (the default), with options, or nothing. */
function finisher(options: CalculusOptions): Finish {
  return (e) => {
    const s = options.simplify ?? true;
    if (s === false) return e;
    if (s !== true) checkAssumptions(s.assume);
    return simplify(e, s === true ? {} : s);
  };
}

/**
 * The derivative d input / d vars (order 1 by default), or for a list of variables the mixed
 * partial taken in the order given. Exact: the result is a canonical expression, simplified unless
 * `options.simplify` is false, and equal to the true derivative wherever the input is defined.
 *
 * @throws ParseError for a bad formula; TypeError when a variable is not a symbol name.
 * @throws RangeError for an order that is not an integer from 0 to `limits.maxOrder`, or an order with a list.
 * @throws LimitError when the work exceeds `limits.diffTimeMs` or `limits.maxNodes`.
 * @example
 * diff("x^2+3*x+2", "x");        // => 2*x + 3
 * diff("x^x", "x");              // => x^x*(log(x) + 1)
 * diff("x^3*y^2", "x", 2);       // => 6*x*y^2
 * diff("x^3*y^2", ["x", "y"]);   // => 6*x^2*y
 * diff("sinn(x)", "x");          // throws ParseError: unknown function 'sinn' (did you mean 'sin'?) at column 1
 */
export function diff(input: ExprInput, vars: Variable | readonly Variable[], order = 1, options: CalculusOptions = {}): Expr {
  return diffWith(read(input, options), vars, order, finisher(options));
}

/**
 * The gradient as an object `{ variable: partial }`, in the order of `vars` (default: the free
 * symbols sorted by name). Each partial is simplified unless `options.simplify` is false; any
 * variable name, even `__proto__`, is an ordinary own key.
 *
 * @example
 * gradient("x^2+y^2+3*x*y+2");           // => { x: 2*x + 3*y, y: 3*x + 2*y }
 * gradient("x*y*z", ["z", "x"]);         // => { z: x*y, x: y*z }
 */
export function gradient(input: ExprInput, vars?: readonly Variable[], options: CalculusOptions = {}): Gradient {
  return gradientWith(read(input, options), vars, finisher(options));
}

/**
 * The Jacobian matrix: row i is the gradient of `inputs[i]`, over `vars` (default: the sorted
 * union of the free symbols of all inputs).
 *
 * @example
 * jacobian(["x*y", "x+y^2"], ["x", "y"]);  // => [[y, x], [1, 2*y]]
 */
export function jacobian(inputs: readonly ExprInput[], vars?: readonly Variable[], options: CalculusOptions = {}): Expr[][] {
  return jacobianWith(
    inputs.map((i) => read(i, options)),
    vars,
    finisher(options),
  );
}

/**
 * The Hessian matrix of second partials, `H[i][j]` = d^2 input / d vars[i] d vars[j] (symmetric;
 * each distinct entry is computed once). Variables default to the sorted free symbols.
 *
 * @example
 * hessian("x^2*y + y^3");                // => [[2*y, 2*x], [2*x, 6*y]]
 */
export function hessian(input: ExprInput, vars?: readonly Variable[], options: CalculusOptions = {}): Expr[][] {
  return hessianWith(read(input, options), vars, finisher(options));
}

/**
 * The inert derivative d/dv(e) (of order n, or by each variable of a list in turn), not carried
 * out: it prints as `d/dx(u)`, and `diff`, `evaluateDerivatives`, `evaluate` and `compile` carry
 * it out.
 *
 * @throws TypeError when a variable is not a symbol name; RangeError for a bad order.
 * @example
 * derivative("x^2*sin(x)", "x");          // => d/dx(x^2*sin(x))
 * derivative("x^3", "x", 2);              // => d/dx(d/dx(x^3))
 * derivative("x^3*y", ["x", "y"]);        // => d/dy(d/dx(x^3*y))
 * parse("d/dx(x^3)") === derivative("x^3", "x");   // => true
 */
export function derivative(input: ExprInput, vars: Variable | readonly Variable[], order = 1): Expr {
  const e = toExpr(input);
  if (Array.isArray(vars)) {
    if (order !== 1) throw new RangeError("an order applies to a single variable; repeat the variable in the list instead");
    return inertDerivative(
      e,
      (vars as readonly Variable[]).map((v) => sym(toVariableName(v))),
    );
  }
  checkOrder(order);
  return inertDerivative(e, new Array<Expr>(order).fill(sym(toVariableName(vars as Variable))));
}

/**
 * `input` with every inert derivative carried out, simplified by default like `diff`'s result
 * (`input` itself when it has none).
 *
 * @example
 * evaluateDerivatives("x*d/dx(x^2) + d/dy(y)");   // => 2*x^2 + 1
 * evaluateDerivatives("d/dy(d/dx(x^2*y^3))");     // => 6*x*y^2
 */
export function evaluateDerivatives(input: ExprInput, options: CalculusOptions = {}): Expr {
  return evaluateDerivativesWith(toExpr(input), finisher(options));
}
