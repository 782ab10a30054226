/**
 * Local minimisation of an expression from a starting point, on compiled value-and-gradient code.
 *
 * Methods (each step uses the exact gradient from `valueAndGrad`):
 * - "gd": x <- x - lr * g. Without `lr`, the step length comes from a backtracking (Armijo) line
 *   search: the first of t, t/2, t/4, ... with f(x - t g) <= f(x) - 1e-4 t |g|^2, where t starts at
 *   twice the previous accepted length (1 at the start).
 * - "momentum": heavy ball, v <- momentum * v - lr * g, x <- x + v (defaults lr 0.01, momentum 0.9).
 * - "newton": d solves H d = -g with the exact symbolic Hessian (`hessianExprs`, compiled); where H
 *   is not positive definite, H + lambda I with the smallest lambda = 1e-8 * 10^k (k >= 0) that is.
 *   Without `lr` the step is x + t d with the Armijo line search from t = 1; with `lr`, x + lr d.
 * `clipNorm` rescales the gradient (gd, momentum) or the Newton step to that Euclidean norm when
 * it is longer. The run stops when |g| <= tol (converged), after `steps` updates, when the value
 * or gradient stops being finite, or when the line search finds no decrease.
 */
import { hessianExprs } from "../calculus/gradient.js";
import type { Expr } from "../core/node.js";
import { optionWord } from "../parse/text-input.js";
import { compile, compileVector, valueAndGradInto } from "./compile.js";

/** The update rule of `minimize`: gradient descent, gradient descent with momentum, or Newton's method. */
export type MinimizeMethod = "gd" | "momentum" | "newton";
const METHODS: readonly MinimizeMethod[] = ["gd", "momentum", "newton"];

/**
 * Options of `minimize`.
 */
export interface MinimizeOptions {
  /** Default "gd". */
  method?: MinimizeMethod;
  /** Fixed learning rate; when absent gd and newton use a line search, momentum uses 0.01. */
  lr?: number;
  /** Most updates: default 1000 (gd, momentum) or 100 (newton). */
  steps?: number;
  /** Rescale the gradient (or Newton step) to this norm when it is longer. */
  clipNorm?: number;
  /** Converged when the gradient norm is at most this; default 1e-10. */
  tol?: number;
  /** Momentum coefficient for "momentum"; default 0.9. */
  momentum?: number;
}

/**
 * The result of `minimize`: the final point, its value, the number of updates and whether the
 * gradient norm at the point is within the tolerance.
 */
export interface MinimizeResult {
  /** The final point, keyed by variable (own properties, any name). */
  x: Record<string, number>;
  value: number;
  /** Number of updates made. */
  iterations: number;
  /** Whether the gradient norm at `x` is at most `tol`. */
  converged: boolean;
}

const ARMIJO = 1e-4;
const MIN_STEP = 1e-20;

function norm(v: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < v.length; i++) s += v[i]! * v[i]!;
  return Math.sqrt(s);
}

function positive(name: string, v: number | undefined): void {
  if (v !== undefined && !(v > 0 && Number.isFinite(v))) throw new RangeError(`${name} must be a positive finite number, got ${v}`);
}

export function minimize(e: Expr, start: Readonly<Record<string, number>>, options: MinimizeOptions = {}): MinimizeResult {
  const method = options.method ?? "gd";
  optionWord("method", method, METHODS);
  positive("lr", options.lr);
  positive("clipNorm", options.clipNorm);
  const steps = options.steps ?? (method === "newton" ? 100 : 1000);
  if (!Number.isInteger(steps) || steps < 0) throw new RangeError(`steps must be a non-negative integer, got ${steps}`);
  const tol = options.tol ?? 1e-10;
  const mu = options.momentum ?? 0.9;

  const vars = Object.keys(start);
  const x = Float64Array.from(vars, (v) => {
    const value = start[v];
    if (typeof value !== "number") throw new TypeError(`start value of '${v}' is not a number`);
    return value;
  });
  const n = vars.length;
  const fg = valueAndGradInto(e, vars);
  const f = compile(e, vars);
  const hessian = method === "newton" ? hessianFunction(e, vars) : null;
  const g = new Float64Array(n);
  const d = new Float64Array(n);
  const velocity = new Float64Array(n);
  const trial = new Float64Array(n);
  let t = 1;
  let iterations = 0;

  /** Armijo backtracking along d from x (value fx, slope g.d < 0); false when no decrease is found. */
  const lineSearch = (fx: number, slope: number, t0: number): boolean => {
    for (t = t0; t >= MIN_STEP; t *= 0.5) {
      for (let i = 0; i < n; i++) trial[i] = x[i]! + t * d[i]!;
      if (f(trial) <= fx + ARMIJO * t * slope) {
        x.set(trial);
        return true;
      }
    }
    return false;
  };

  for (; iterations < steps; iterations++) {
    const value = fg(x, g);
    const gn = norm(g);
    if (!Number.isFinite(value) || !Number.isFinite(gn) || gn <= tol) break;
    if (method === "newton") {
      newtonDirection(hessian!(x), g, d);
    } else {
      for (let i = 0; i < n; i++) d[i] = -g[i]!;
    }
    const dn = norm(d);
    if (options.clipNorm !== undefined && dn > options.clipNorm) {
      const s = options.clipNorm / dn;
      for (let i = 0; i < n; i++) d[i] = d[i]! * s;
    }
    if (method === "momentum") {
      const lr = options.lr ?? 0.01;
      for (let i = 0; i < n; i++) {
        velocity[i] = mu * velocity[i]! + lr * d[i]!;
        x[i] = x[i]! + velocity[i]!;
      }
    } else if (options.lr !== undefined) {
      for (let i = 0; i < n; i++) x[i] = x[i]! + options.lr * d[i]!;
    } else {
      let slope = 0;
      for (let i = 0; i < n; i++) slope += g[i]! * d[i]!;
      if (!lineSearch(value, slope, method === "newton" ? 1 : Math.min(1e10, 2 * t))) break;
    }
  }

  const value = fg(x, g);
  const out: Record<string, number> = {};
  vars.forEach((v, i) => Object.defineProperty(out, v, { value: x[i], enumerable: true, writable: true, configurable: true }));
  return { x: out, value, iterations, converged: norm(g) <= tol };
}

/** The Hessian of e as a function of x, row-major n*n, compiled once with shared subexpressions. */
function hessianFunction(e: Expr, vars: readonly string[]): (x: ArrayLike<number>) => Float64Array {
  const h = hessianExprs(e, vars);
  const entries = compileVector(h.flat(), vars);
  const out = new Float64Array(vars.length * vars.length);
  return (x) => entries(x, out);
}

/** Solves (H + lambda I) d = -g by Cholesky with the smallest lambda in {0, 1e-8 * 10^k} that works. */
function newtonDirection(h: Float64Array, g: Float64Array, d: Float64Array): void {
  const n = g.length;
  let scale = 1e-300;
  for (let i = 0; i < n; i++) scale = Math.max(scale, Math.abs(h[i * n + i]!));
  const l = new Float64Array(n * n);
  for (let lambda = 0; ; lambda = lambda === 0 ? 1e-8 * scale : lambda * 10) {
    if (cholesky(h, lambda, l, n)) break;
    if (!Number.isFinite(lambda)) {
      for (let i = 0; i < n; i++) d[i] = -g[i]!;
      return;
    }
  }
  // L y = -g, then L^T d = y.
  for (let i = 0; i < n; i++) {
    let s = -g[i]!;
    for (let k = 0; k < i; k++) s -= l[i * n + k]! * d[k]!;
    d[i] = s / l[i * n + i]!;
  }
  for (let i = n - 1; i >= 0; i--) {
    let s = d[i]!;
    for (let k = i + 1; k < n; k++) s -= l[k * n + i]! * d[k]!;
    d[i] = s / l[i * n + i]!;
  }
}

/** L with L L^T = H + lambda I (lower triangle of `l`), or false when that is not positive definite. */
function cholesky(h: Float64Array, lambda: number, l: Float64Array, n: number): boolean {
  l.fill(0);
  for (let j = 0; j < n; j++) {
    let s = h[j * n + j]! + lambda;
    for (let k = 0; k < j; k++) s -= l[j * n + k]! * l[j * n + k]!;
    if (!(s > 0)) return false;
    const ljj = Math.sqrt(s);
    l[j * n + j] = ljj;
    for (let i = j + 1; i < n; i++) {
      let t = h[i * n + j]!;
      for (let k = 0; k < j; k++) t -= l[i * n + k]! * l[j * n + k]!;
      l[i * n + j] = t / ljj;
    }
  }
  return true;
}
