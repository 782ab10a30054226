/**
 * The float64 meaning of every function and power, shared by `evaluate` and the code generator.
 *
 * Each function is given once, as a JavaScript template over argument atoms (`FLOAT_FUNCTIONS`);
 * the evaluator's functions are built from the same templates, so evaluating a node and running
 * generated code perform the same floating-point operations and give identical results.
 * Templates refer only to `Math.*` and the local helpers `erf` (`erf.ts`) and `sf`
 * (`special-float.ts`: gamma, loggamma, digamma, polygamma, beta, erfc, heaviside), never to
 * user text.
 *
 * Choices where the real function has several conventions:
 * - acot(x) = atan(1/x): range (-pi/2, pi/2], with acot(0) = pi/2 (and acot(-0) = -pi/2);
 *   odd, and discontinuous at 0 like its derivative -1/(1 + x^2) suggests.
 * - asec(x) = acos(1/x), acsc(x) = asin(1/x), asech(x) = acosh(1/x), acsch(x) = asinh(1/x),
 *   acoth(x) = atanh(1/x); sec, csc, cot, sech, csch, coth are reciprocals of cos, sin, tan,
 *   cosh, sinh, tanh.
 * - cbrt is the real cube root (cbrt(-8) = -2); u^(1/3) follows Math.pow (NaN for u < 0).
 * - sign(0) = 0; abs and sign are Math.abs and Math.sign.
 * - xlogy(u, v) = u*log(v), and 0 wherever u = 0 (as SciPy's xlogy): the limit of u*log(v) as
 *   u, v -> 0 along u = v^p, p > 0, which is how it arises (`d/dy (x^2)^y` at x = 0).
 * - heaviside(0) = 1/2; round(x) is Math.round (halves round up: round(-2.5) = -2).
 */
import type { FunctionName } from "../core/functions.js";
import type { Rational } from "../core/rational.js";
import { erf } from "./erf.js";
import { sf } from "./special-float.js";

export interface FloatFunction {
  /** JavaScript source of the value; `a` and `b` are atoms (names or parenthesised literals). */
  readonly emit: (a: string, b: string) => string;
  /**
   * Why the function is undefined (or infinite) at finite arguments, for strict evaluation;
   * `undefined` when the arguments are in its domain.
   */
  readonly undefinedAt?: (a: number, b: number) => string | undefined;
}

const outside = (fn: string, range: string) => `${fn} of a number outside ${range}`;

export const FLOAT_FUNCTIONS: Readonly<Record<FunctionName, FloatFunction>> = {
  sin: { emit: (a) => `Math.sin(${a})` },
  cos: { emit: (a) => `Math.cos(${a})` },
  tan: { emit: (a) => `Math.tan(${a})` },
  sec: { emit: (a) => `1 / Math.cos(${a})` },
  csc: { emit: (a) => `1 / Math.sin(${a})`, undefinedAt: (a) => (a === 0 ? "csc of zero" : undefined) },
  cot: { emit: (a) => `1 / Math.tan(${a})`, undefinedAt: (a) => (a === 0 ? "cot of zero" : undefined) },
  asin: { emit: (a) => `Math.asin(${a})`, undefinedAt: (a) => (Math.abs(a) > 1 ? outside("asin", "[-1, 1]") : undefined) },
  acos: { emit: (a) => `Math.acos(${a})`, undefinedAt: (a) => (Math.abs(a) > 1 ? outside("acos", "[-1, 1]") : undefined) },
  atan: { emit: (a) => `Math.atan(${a})` },
  acot: { emit: (a) => `Math.atan(1 / ${a})` },
  asec: { emit: (a) => `Math.acos(1 / ${a})`, undefinedAt: (a) => (Math.abs(a) < 1 ? "asec of a number inside (-1, 1)" : undefined) },
  acsc: { emit: (a) => `Math.asin(1 / ${a})`, undefinedAt: (a) => (Math.abs(a) < 1 ? "acsc of a number inside (-1, 1)" : undefined) },
  atan2: { emit: (a, b) => `Math.atan2(${a}, ${b})` },
  sinh: { emit: (a) => `Math.sinh(${a})` },
  cosh: { emit: (a) => `Math.cosh(${a})` },
  tanh: { emit: (a) => `Math.tanh(${a})` },
  sech: { emit: (a) => `1 / Math.cosh(${a})` },
  csch: { emit: (a) => `1 / Math.sinh(${a})`, undefinedAt: (a) => (a === 0 ? "csch of zero" : undefined) },
  coth: { emit: (a) => `1 / Math.tanh(${a})`, undefinedAt: (a) => (a === 0 ? "coth of zero" : undefined) },
  asinh: { emit: (a) => `Math.asinh(${a})` },
  acosh: { emit: (a) => `Math.acosh(${a})`, undefinedAt: (a) => (a < 1 ? "acosh of a number below 1" : undefined) },
  atanh: { emit: (a) => `Math.atanh(${a})`, undefinedAt: (a) => (Math.abs(a) >= 1 ? outside("atanh", "(-1, 1)") : undefined) },
  asech: { emit: (a) => `Math.acosh(1 / ${a})`, undefinedAt: (a) => (a <= 0 || a > 1 ? outside("asech", "(0, 1]") : undefined) },
  acsch: { emit: (a) => `Math.asinh(1 / ${a})`, undefinedAt: (a) => (a === 0 ? "acsch of zero" : undefined) },
  acoth: { emit: (a) => `Math.atanh(1 / ${a})`, undefinedAt: (a) => (Math.abs(a) <= 1 ? "acoth of a number inside [-1, 1]" : undefined) },
  exp: { emit: (a) => `Math.exp(${a})` },
  log: {
    emit: (a) => `Math.log(${a})`,
    undefinedAt: (a) => (a < 0 ? "log of a negative number" : a === 0 ? "log of zero" : undefined),
  },
  cbrt: { emit: (a) => `Math.cbrt(${a})` },
  abs: { emit: (a) => `Math.abs(${a})` },
  sign: { emit: (a) => `Math.sign(${a})` },
  erf: { emit: (a) => `erf(${a})` },
  min: { emit: (a, b) => `Math.min(${a}, ${b})` },
  max: { emit: (a, b) => `Math.max(${a}, ${b})` },
  heaviside: { emit: (a) => `sf.heaviside(${a})` },
  floor: { emit: (a) => `Math.floor(${a})` },
  ceil: { emit: (a) => `Math.ceil(${a})` },
  round: { emit: (a) => `Math.round(${a})` },
  gamma: { emit: (a) => `sf.gamma(${a})`, undefinedAt: (a) => (a <= 0 && Math.floor(a) === a ? "gamma at a pole (an integer <= 0)" : undefined) },
  loggamma: { emit: (a) => `sf.loggamma(${a})`, undefinedAt: (a) => (a <= 0 && Math.floor(a) === a ? "loggamma at a pole (an integer <= 0)" : undefined) },
  digamma: { emit: (a) => `sf.digamma(${a})`, undefinedAt: (a) => (a <= 0 && Math.floor(a) === a ? "digamma at a pole (an integer <= 0)" : undefined) },
  polygamma: {
    emit: (a, b) => `sf.polygamma(${a}, ${b})`,
    undefinedAt: (a, b) =>
      a < 0 || Math.floor(a) !== a
        ? "polygamma of an order that is not a non-negative integer"
        : b <= 0 && Math.floor(b) === b
          ? "polygamma at a pole (an integer <= 0)"
          : undefined,
  },
  beta: { emit: (a, b) => `sf.beta(${a}, ${b})`, undefinedAt: () => "beta at a pole of gamma" },
  erfc: { emit: (a) => `sf.erfc(${a})` },
  xlogy: {
    emit: (a, b) => `(${a} === 0 ? 0 : ${a} * Math.log(${b}))`,
    undefinedAt: (a, b) => (a === 0 ? undefined : b < 0 ? "xlogy of a negative number" : b === 0 ? "xlogy of zero" : undefined),
  },
};

type Fn2 = (a: number, b: number) => number;

/** Builds a float function from a template; `erf` and `sf` are the only free names templates may use. */
function instantiate(template: (a: string, b: string) => string): Fn2 {
  return new Function("erf", "sf", `"use strict";\nreturn (a, b) => ${template("a", "b")};`)(erf, sf) as Fn2;
}

/** The evaluator of each function, built from its template. */
export const FLOAT_EVALUATORS: Readonly<Record<FunctionName, Fn2>> = Object.fromEntries(
  Object.entries(FLOAT_FUNCTIONS).map(([name, f]) => [name, instantiate(f.emit)]),
) as Record<FunctionName, Fn2>;

/**
 * Powers with these exact rational exponents use cheaper, at least as accurate operations than
 * Math.pow; every other power is `Math.pow(base, exponent)`.
 */
const POW_TEMPLATES: ReadonlyMap<string, (b: string) => string> = new Map([
  ["2", (b: string) => `${b} * ${b}`],
  ["3", (b: string) => `${b} * ${b} * ${b}`],
  ["-1", (b: string) => `1 / ${b}`],
  ["-2", (b: string) => `1 / (${b} * ${b})`],
  ["1/2", (b: string) => `Math.sqrt(${b})`],
  ["-1/2", (b: string) => `1 / Math.sqrt(${b})`],
]);

const POW_EVALUATORS: ReadonlyMap<string, Fn2> = new Map([...POW_TEMPLATES].map(([k, t]) => [k, instantiate((a) => t(a))]));

/** JavaScript source of `b ^ r` for an exact exponent `r` (`b` an atom). */
export function emitRationalPower(b: string, r: Rational): string {
  const t = POW_TEMPLATES.get(r.toString());
  return t !== undefined ? t(b) : `Math.pow(${b}, ${literal(r.toNumber())})`;
}

/** The value of `b ^ r` for an exact exponent `r`, by the same operations as `emitRationalPower`. */
export function rationalPower(b: number, r: Rational): number {
  const f = POW_EVALUATORS.get(r.toString());
  return f !== undefined ? f(b, 0) : Math.pow(b, r.toNumber());
}

/** Why `b ^ x` is undefined or infinite at finite arguments, for strict evaluation. */
export function powerUndefinedAt(b: number, x: number): string | undefined {
  if (b === 0 && x < 0) return "division by zero";
  if (b < 0 && !Number.isInteger(x)) return x === 0.5 ? "square root of a negative number" : "power of a negative number to a non-integer exponent";
  return undefined;
}

/**
 * A JavaScript literal denoting exactly the double `v`, safe to place as an operand anywhere
 * (negative numbers and non-finite values are parenthesised; -0 keeps its sign).
 */
export function literal(v: number): string {
  if (Number.isNaN(v)) return "(0 / 0)";
  if (v === Infinity) return "(1 / 0)";
  if (v === -Infinity) return "(-1 / 0)";
  if (Object.is(v, -0)) return "(-0)";
  const s = String(v);
  return v < 0 ? `(${s})` : s;
}
