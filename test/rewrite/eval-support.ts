/**
 * Test support: a small float evaluator and random expressions, for the soundness properties of
 * the rewrite passes. `numericallyEqual` fails on a difference beyond tolerance at any point where
 * both sides are finite, and on a point where one side is finite and the other is not only when
 * the original (left) side is the finite one and stable nearby.
 */
import fc from "fast-check";
import { add, call, div, mul, num, pow, sub, sym } from "../../src/core/build.js";
import type { FunctionName } from "../../src/core/functions.js";
import type { Expr } from "../../src/core/node.js";
import { sf } from "../../src/numeric/special-float.js";

type Scope = Record<string, number>;

const F: Record<FunctionName, (a: number, b?: number) => number> = {
  xlogy: (a, b) => (a === 0 ? 0 : a * Math.log(b!)),
  sin: Math.sin,
  cos: Math.cos,
  tan: Math.tan,
  sec: (a) => 1 / Math.cos(a),
  csc: (a) => 1 / Math.sin(a),
  cot: (a) => 1 / Math.tan(a),
  asin: Math.asin,
  acos: Math.acos,
  atan: Math.atan,
  acot: (a) => Math.atan(1 / a),
  asec: (a) => Math.acos(1 / a),
  acsc: (a) => Math.asin(1 / a),
  atan2: (a, b) => Math.atan2(a, b!),
  sinh: Math.sinh,
  cosh: Math.cosh,
  tanh: Math.tanh,
  sech: (a) => 1 / Math.cosh(a),
  csch: (a) => 1 / Math.sinh(a),
  coth: (a) => 1 / Math.tanh(a),
  asinh: Math.asinh,
  acosh: Math.acosh,
  atanh: Math.atanh,
  asech: (a) => Math.acosh(1 / a),
  acsch: (a) => Math.asinh(1 / a),
  acoth: (a) => Math.atanh(1 / a),
  exp: Math.exp,
  log: Math.log,
  cbrt: Math.cbrt,
  abs: Math.abs,
  sign: Math.sign,
  erf: (a) => {
    const t = 1 / (1 + 0.3275911 * Math.abs(a));
    const y = 1 - ((((1.061405429 * t - 1.453152027) * t + 1.421413741) * t - 0.284496736) * t + 0.254829592) * t * Math.exp(-a * a);
    return a >= 0 ? y : -y;
  },
  min: (a, b) => Math.min(a, b!),
  max: (a, b) => Math.max(a, b!),
  heaviside: (a) => (a > 0 ? 1 : a < 0 ? 0 : a === 0 ? 0.5 : NaN),
  floor: Math.floor,
  ceil: Math.ceil,
  round: Math.round,
  gamma: (a) => sf.gamma(a),
  loggamma: (a) => sf.loggamma(a),
  digamma: (a) => sf.digamma(a),
  polygamma: (a, b) => sf.polygamma(a, b!),
  beta: (a, b) => sf.beta(a, b!),
  erfc: (a) => sf.erfc(a),
};

/**
 * The largest magnitude of any subexpression's value (the scale of rounding errors); Infinity
 * when some subexpression underflows to a subnormal, where float64 keeps too few digits to
 * compare (`log(1/(exp(t) + 1)^n)` near e^-743).
 */
export function evalScale(e: Expr, scope: Scope): number {
  const v = Math.abs(evalExpr(e, scope));
  if (v !== 0 && v < 1e-290) return Infinity;
  let m = v;
  for (const a of e.args) m = Math.max(m, evalScale(a, scope));
  return Number.isFinite(m) ? m : Infinity;
}

export function evalExpr(e: Expr, scope: Scope): number {
  switch (e.kind) {
    case "apply":
      return NaN;
    case "num":
      return e.value.toNumber();
    case "sym":
      return scope[e.name] ?? NaN;
    case "const":
      return e.name === "pi" ? Math.PI : Math.E;
    case "add":
      return e.args.reduce((s, a) => s + evalExpr(a, scope), 0);
    case "mul":
      return e.args.reduce((s, a) => s * evalExpr(a, scope), 1);
    case "pow": {
      const b = evalExpr(e.base, scope);
      const x = evalExpr(e.exp, scope);
      // Odd-denominator rational powers of negatives are real (cbrt-like); Math.pow gives NaN.
      if (b < 0 && e.exp.kind === "num" && e.exp.value.den % 2n === 1n && !e.exp.value.isInteger()) {
        const r = Math.pow(-b, x);
        return e.exp.value.num % 2n === 0n ? r : -r;
      }
      return Math.pow(b, x);
    }
    case "call": {
      const args = e.args.map((a) => evalExpr(a, scope));
      return F[e.fn](args[0]!, args[1]);
    }
    case "deriv":
      throw new Error(`evalExpr: carry out the inert derivative first: ${String(e)}`);
  }
}

export const VARS = ["x", "y", "z"];

/** Points with negative, small and moderate coordinates. */
export function samplePoints(count: number, seed: number): Scope[] {
  let s = seed >>> 0;
  const rnd = () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
  const out: Scope[] = [];
  for (let i = 0; i < count; i++) {
    const p: Scope = {};
    for (const v of ["x", "y", "z", "a", "b", "c", "t", "w"]) p[v] = (rnd() * 2 - 1) * (i % 3 === 0 ? 0.9 : 3.5);
    out.push(p);
  }
  return out;
}

const POINTS = samplePoints(24, 12345);

function close(a: number, b: number, scale: number): boolean {
  return Math.abs(a - b) <= 1e-7 * Math.max(1, Math.abs(a), Math.abs(b), scale);
}

/**
 * Left and right agree at every sample point where both are finite (and of moderate size), and
 * at least one point was comparable unless both sides are undefined everywhere sampled.
 */
export function numericallyEqual(left: Expr, right: Expr, points: readonly Scope[] = POINTS): boolean {
  for (const p of points) {
    const a = evalExpr(left, p);
    const b = evalExpr(right, p);
    if (Number.isFinite(a) && Number.isFinite(b) && Math.abs(a) < 1e8 && Math.abs(b) < 1e8) {
      const scale = Math.max(evalScale(left, p), evalScale(right, p));
      if (scale > 1e12) continue;
      if (!close(a, b, scale)) return false;
    } else if (Number.isFinite(a) && Math.abs(a) < 1e6 && !Number.isFinite(b)) {
      return false;
    }
  }
  return true;
}

const x = sym("x");
const y = sym("y");

/** Random expressions: rational functions of x and y with some function calls. */
export const exprArb: fc.Arbitrary<Expr> = fc
  .letrec<{ e: Expr }>((tie) => ({
    e: fc.oneof(
      { depthSize: "small", withCrossShrink: true },
      fc.constantFrom<Expr>(x, y, num(1), num(2), num(-3)),
      fc.tuple(tie("e"), tie("e")).map(([a, b]) => add(a, b)),
      fc.tuple(tie("e"), tie("e")).map(([a, b]) => sub(a, b)),
      fc.tuple(tie("e"), tie("e")).map(([a, b]) => mul(a, b)),
      fc.tuple(tie("e"), tie("e")).map(([a, b]) => (b.kind === "num" && b.value.isZero() ? a : div(a, b))),
      fc.tuple(tie("e"), fc.integer({ min: 2, max: 3 })).map(([a, k]) => pow(a, num(k))),
      tie("e").map((a) => call("sin", [a])),
      tie("e").map((a) => call("exp", [a])),
      // A symbolic power beside a fractional power of itself: 2^x*sqrt(2^x), x^y*(x^y)^(-1/3).
      fc
        .tuple(tie("e"), fc.constantFrom<Expr>(pow(num(2), x), pow(x, y), pow(add(x, num(1)), y)), fc.constantFrom(1, -1, 3))
        .map(([a, u, k]) => mul(a, mul(u, pow(u, div(num(k), num(k === 3 ? 2 : 3)))))),
    ),
  }))
  .e.filter((e) => e.depth <= 8);
