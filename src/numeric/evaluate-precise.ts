/**
 * Arbitrary-precision evaluation with mathjs BigNumber, for checking float results.
 *
 * Contract: the value of `e` computed with `precision` significant decimal digits in every
 * operation, rounded to the nearest double at the end. Functions follow the same real-valued
 * conventions as `float-functions.ts` (acot(x) = atan(1/x), cbrt is the real cube root, powers of
 * negative numbers to non-integer exponents are NaN); erf, which mathjs lacks for BigNumber, is
 * summed here from its everywhere-positive series, and the gamma family comes from
 * `special-precise.ts`.
 */
import type { BigNumber, MathJsInstance } from "mathjs";
import { mathjs } from "./mathjs-lazy.js";
import { DomainError } from "../core/errors.js";
import type { FunctionName } from "../core/functions.js";
import type { Expr } from "../core/node.js";
import type { Rational } from "../core/rational.js";
import { foldGraph } from "../core/traverse.js";
import { describeFailure, lookup, undefinedFunctionError, type Scope } from "./evaluate.js";
import { bigBeta, bigDigamma, bigGamma, bigHeaviside, bigLoggamma, bigPolygamma } from "./special-precise.js";

const instances = new Map<number, MathJsInstance>();

/** A mathjs instance whose numbers are BigNumbers of `precision` digits (cached). */
export function bigMath(precision: number): MathJsInstance {
  if (!Number.isInteger(precision) || precision < 1 || precision > 10_000) {
    throw new RangeError(`precision must be an integer from 1 to 10000, got ${precision}`);
  }
  let m = instances.get(precision);
  if (m === undefined) {
    m = mathjs().create(mathjs().all, { number: "BigNumber", precision, predictable: true });
    instances.set(precision, m);
  }
  return m;
}

type Big = BigNumber;
type BigFn = (m: MathJsInstance, a: Big, b: Big) => Big;

const recip = (m: MathJsInstance, a: Big): Big => m.divide(m.bignumber(1), a) as Big;

const BIG_FUNCTIONS: Readonly<Record<FunctionName, BigFn>> = {
  sin: (m, a) => m.sin(a),
  cos: (m, a) => m.cos(a),
  tan: (m, a) => m.tan(a),
  sec: (m, a) => recip(m, m.cos(a)),
  csc: (m, a) => recip(m, m.sin(a)),
  cot: (m, a) => recip(m, m.tan(a)),
  asin: (m, a) => m.asin(a) as Big,
  acos: (m, a) => m.acos(a) as Big,
  atan: (m, a) => m.atan(a),
  acot: (m, a) => m.atan(recip(m, a)),
  asec: (m, a) => m.acos(recip(m, a)) as Big,
  acsc: (m, a) => m.asin(recip(m, a)) as Big,
  atan2: (_m, a, b) => atan2Big(a, b),
  sinh: (m, a) => m.sinh(a),
  cosh: (m, a) => m.cosh(a),
  tanh: (m, a) => m.tanh(a),
  sech: (m, a) => recip(m, m.cosh(a)),
  csch: (m, a) => recip(m, m.sinh(a)),
  coth: (m, a) => recip(m, m.tanh(a)),
  asinh: (m, a) => m.asinh(a),
  acosh: (m, a) => m.acosh(a) as Big,
  atanh: (m, a) => m.atanh(a) as Big,
  asech: (m, a) => m.acosh(recip(m, a)) as Big,
  acsch: (m, a) => m.asinh(recip(m, a)),
  acoth: (m, a) => m.atanh(recip(m, a)) as Big,
  exp: (m, a) => m.exp(a),
  log: (m, a) => m.log(a) as Big,
  cbrt: (m, a) => m.cbrt(a) as Big,
  abs: (m, a) => m.abs(a),
  sign: (m, a) => m.sign(a),
  erf: (m, a) => bigErf(m, a),
  min: (m, a, b) => (a.isNaN() || b.isNaN() ? m.bignumber(NaN) : a.lessThan(b) ? a : b),
  max: (m, a, b) => (a.isNaN() || b.isNaN() ? m.bignumber(NaN) : a.greaterThan(b) ? a : b),
  heaviside: (m, a) => bigHeaviside(m, a),
  floor: (_m, a) => a.floor(),
  ceil: (_m, a) => a.ceil(),
  round: (_m, a) => a.plus(0.5).floor(),
  gamma: (m, a) => bigGamma(m, a),
  loggamma: (m, a) => bigLoggamma(m, a),
  digamma: (m, a) => bigDigamma(m, a),
  polygamma: (m, a, b) => bigPolygamma(m, a, b),
  beta: (m, a, b) => bigBeta(m, a, b),
  erfc: (m, a) => bigErfc(m, a),
  xlogy: (m, a, b) => (a.isZero() ? a : (m.multiply(a, m.log(b) as Big) as Big)),
};

/**
 * erfc(x) = 1 - erf(x), with erf at enough extra digits that the difference keeps the
 * precision: erfc(x) < exp(-x^2), so x^2/ln(10) digits cancel.
 */
function bigErfc(m: MathJsInstance, x: Big): Big {
  if (x.isNaN()) return x;
  const one = m.bignumber(1);
  if (x.lessThan(1)) return one.minus(bigErf(m, x));
  if (x.greaterThan(27)) return m.bignumber(0); // below the smallest double
  const precision = (m.config as unknown as () => { precision: number })().precision;
  const digits = Math.min(10_000, Math.ceil((precision + x.times(x).toNumber() / Math.LN10 + 5) / 25) * 25);
  const hi = bigMath(digits);
  return m.bignumber(
    hi
      .bignumber(1)
      .minus(bigErf(hi, hi.bignumber(x.toString())))
      .toString(),
  );
}

/** atan2 through decimal.js's own static (mathjs types atan2 for plain numbers only). */
function atan2Big(a: Big, b: Big): Big {
  return (a.constructor as unknown as { atan2(y: Big, x: Big): Big }).atan2(a, b);
}

/** erf(x) = 2/sqrt(pi) exp(-x^2) sum_n (2x^2)^n x / (1*3*...*(2n+1)), all terms positive. */
export function bigErf(m: MathJsInstance, x: Big): Big {
  if (x.isNaN() || x.isZero()) return x;
  const precision = (m.config as unknown as () => { precision: number })().precision;
  const a = x.abs();
  const one = m.bignumber(x.isNegative() ? -1 : 1);
  // erfc(a) < exp(-a^2) is below the last digit once a^2 > (precision + 2) * ln(10).
  if (a.times(a).greaterThan((precision + 2) * Math.LN10)) return one;
  const q = a.times(a).times(2);
  const eps = m.bignumber(10).pow(-(precision + 3));
  let term = a;
  let sum = a;
  for (let n = 1; ; n++) {
    term = term.times(q).div(2 * n + 1);
    sum = sum.plus(term);
    if (term.lessThan(sum.times(eps))) break;
  }
  const pi = m.bignumber(m.pi as unknown as Big);
  const value = sum.times(a.times(a).neg().exp()).times(2).div(pi.sqrt());
  return x.isNegative() ? value.neg() : value;
}

function bigRational(m: MathJsInstance, r: Rational): Big {
  const n = m.bignumber(r.num.toString());
  return r.den === 1n ? n : n.div(m.bignumber(r.den.toString()));
}

export function evaluatePrecise(e: Expr, scope: Scope, precision: number, strict: boolean): number {
  const m = bigMath(precision);
  const big = foldGraph<Big>(e, (node, values) => {
    const arg = (i: number) => values.get(node.args[i]!)!;
    const r = bigNode(m, node, scope, arg);
    if (strict && node.args.length > 0 && !r.isFinite() && node.args.every((a) => values.get(a)!.isFinite())) {
      throw new DomainError(describeFailure(node, (i) => arg(i).toNumber(), r.toNumber()));
    }
    return r;
  });
  return big.toNumber();
}

function bigNode(m: MathJsInstance, node: Expr, scope: Scope, arg: (i: number) => Big): Big {
  switch (node.kind) {
    case "num":
      return bigRational(m, node.value);
    case "const":
      return node.name === "pi" ? m.bignumber(m.pi as unknown as Big) : m.bignumber(m.e as unknown as Big);
    case "sym":
      return m.bignumber(lookup(scope, node.name));
    case "add": {
      let s = arg(0);
      for (let i = 1; i < node.args.length; i++) s = s.plus(arg(i));
      return s;
    }
    case "mul": {
      let p = arg(0);
      for (let i = 1; i < node.args.length; i++) p = p.times(arg(i));
      return p;
    }
    case "pow": {
      const b = arg(0);
      if (node.exp.kind === "num" && node.exp.value.isInteger()) {
        if (b.isZero() && node.exp.value.isNegative()) return m.bignumber(Infinity);
        return b.pow(m.bignumber(node.exp.value.num.toString()));
      }
      const x = arg(1);
      if (b.isNegative() && !x.isInteger()) return m.bignumber(NaN);
      if (b.isZero() && x.isNegative()) return m.bignumber(Infinity);
      return b.pow(x);
    }
    case "call":
      return BIG_FUNCTIONS[node.fn](m, arg(0), node.args.length > 1 ? arg(1) : m.bignumber(0));
    case "deriv":
      throw new DomainError(`inert derivative reached the evaluator: ${String(node)}`); // evaluate carries them out
    case "apply":
      throw undefinedFunctionError(node);
  }
}
