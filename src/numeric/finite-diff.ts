/**
 * Numeric derivatives by finite differences, and a check of symbolic gradients against them.
 *
 * The step trade-off: a difference quotient has a truncation error that shrinks with the step h
 * (O(h) forward, O(h^2) central, O(h^4) Richardson-extrapolated central) and a round-off error
 * that grows as h shrinks (about eps*|f|/h, from subtracting two nearly equal values of f, with
 * eps = 2^-52 the machine epsilon). The total is smallest where the two balance, at
 * h ~ eps^(1/2) (forward), eps^(1/3) (central) and eps^(1/5) (Richardson), times the scale of the
 * coordinate max(1, |x_i|) so that the step stays meaningful for large and small coordinates.
 * The best attainable errors are then about 1e-8, 1e-11 and 1e-13 relative for smooth f of
 * moderate curvature. Each step is adjusted so that x + h is exactly representable, which removes
 * the rounding of the step itself from the quotient.
 */
import type { Expr } from "../core/node.js";
import { optionWord } from "../parse/text-input.js";
import { gradientExprs } from "../calculus/gradient.js";
import { simplify } from "../rewrite/simplify.js";
import { evaluate } from "./evaluate.js";

/** A finite-difference scheme: one-sided, central, or central with a Richardson extrapolation. */
export type DifferenceMethod = "forward" | "central" | "richardson";

/** Options of `numericGradient`. */
export interface NumericGradientOptions {
  /** Default "central". */
  method?: DifferenceMethod;
  /**
   * Relative step: coordinate i uses step * max(1, |x_i|). Defaults: eps^(1/2) forward,
   * eps^(1/3) central, eps^(1/5) Richardson (whose second quotient uses half of it).
   */
  step?: number;
}

const EPS = Number.EPSILON;
const DEFAULT_STEP: Readonly<Record<DifferenceMethod, number>> = {
  forward: Math.sqrt(EPS),
  central: Math.cbrt(EPS),
  richardson: Math.pow(EPS, 1 / 5),
};

/**
 * The gradient of the float function `f` at `point` by finite differences: `"forward"`,
 * `"central"` (default) or `"richardson"`, each step chosen from the machine precision and the scale
 * of its coordinate (see the file comment). `f` receives a scratch Float64Array.
 *
 * @example
 * const g = numericGradient((x) => x[0] * x[0], [3], { method: "richardson" });
 * Math.abs(g[0] - 6) < 1e-9;                    // => true
 */
export function numericGradient(f: (x: Float64Array) => number, point: ArrayLike<number>, options: NumericGradientOptions = {}): Float64Array {
  const method = options.method ?? "central";
  optionWord("difference method", method, Object.keys(DEFAULT_STEP) as DifferenceMethod[]);
  const relative = options.step ?? DEFAULT_STEP[method];
  if (!(relative > 0) || !Number.isFinite(relative)) throw new RangeError(`step must be a positive finite number, got ${relative}`);
  const n = point.length;
  const x = Float64Array.from(point);
  const out = new Float64Array(n);
  const at = (i: number, xi: number): number => {
    x[i] = xi;
    const v = f(x);
    x[i] = point[i]!;
    return v;
  };
  // (x + h) - (x - h) computed exactly: both ends are representable and their distance is the step.
  const central = (i: number, h: number): number => {
    const hi = point[i]! + h;
    const lo = point[i]! - h;
    return (at(i, hi) - at(i, lo)) / (hi - lo);
  };
  const f0 = method === "forward" ? f(x) : 0;
  for (let i = 0; i < n; i++) {
    const h = relative * Math.max(1, Math.abs(point[i]!));
    if (method === "forward") {
      const hi = point[i]! + h;
      out[i] = (at(i, hi) - f0) / (hi - point[i]!);
    } else if (method === "central") {
      out[i] = central(i, h);
    } else {
      // Central differences are D(h) = f' + c h^2 + O(h^4); (4 D(h/2) - D(h)) / 3 cancels the h^2 term.
      out[i] = (4 * central(i, h / 2) - central(i, h)) / 3;
    }
  }
  return out;
}

/** Options of `gradcheck`. */
export interface GradcheckOptions {
  /** Variables in gradient order; default the own keys of `point`, in their order. */
  vars?: readonly string[];
  /** Difference method for the numeric side; default "richardson". */
  method?: DifferenceMethod;
  step?: number;
  /**
   * Check the partials as `gradient` returns them, simplified (default true), or the raw
   * canonical derivatives (false).
   */
  simplify?: boolean;
}

/**
 * The result of `gradcheck`: both gradients, in the order of `vars`, and their largest relative
 * difference.
 */
export interface GradcheckResult {
  /** max_i |symbolic_i - numeric_i| / max(1, |symbolic_i|, |numeric_i|): relative, absolute below 1. */
  maxRelativeError: number;
  symbolic: Float64Array;
  numeric: Float64Array;
  vars: string[];
  /** The symbolic partials that were evaluated, in `vars` order. */
  partials: Expr[];
}

/**
 * Compares the exact gradient of `e` that a user is shown (the partials of `gradientExprs`,
 * simplified as `gradient` returns them, evaluated in float64) with a Richardson
 * finite-difference gradient of `e` at `point`.
 */
export function gradcheck(e: Expr, point: Readonly<Record<string, number>>, options: GradcheckOptions = {}): GradcheckResult {
  const vars = [...(options.vars ?? Object.keys(point))];
  const x0 = vars.map((v) => {
    if (!Object.prototype.hasOwnProperty.call(point, v)) throw new TypeError(`the point has no value for '${v}'`);
    return point[v]!;
  });
  const scope = new Map<string, number>();
  const bind = (x: ArrayLike<number>) => vars.forEach((v, i) => scope.set(v, x[i]!));
  bind(x0);
  const partials = gradientExprs(e, vars).map((d) => (options.simplify === false ? d : simplify(d)));
  const symbolic = Float64Array.from(partials, (d) => evaluate(d, scope));
  const numeric = numericGradient(
    (x) => {
      bind(x);
      return evaluate(e, scope);
    },
    x0,
    { method: options.method ?? "richardson", ...(options.step !== undefined ? { step: options.step } : {}) },
  );
  let maxRelativeError = 0;
  for (let i = 0; i < vars.length; i++) {
    const s = symbolic[i]!;
    const m = numeric[i]!;
    const err = Math.abs(s - m) / Math.max(1, Math.abs(s), Math.abs(m));
    if (Number.isNaN(err) || err > maxRelativeError) maxRelativeError = err; // NaN stays
  }
  return { maxRelativeError, symbolic, numeric, vars, partials };
}
