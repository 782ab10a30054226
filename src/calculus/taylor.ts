/**
 * Taylor polynomials by truncated power-series arithmetic.
 *
 * Contract: `taylorCoefficients(e, x, a, n)` is [c0, ..., cn] with
 * e = sum_k ck (x - a)^k + O((x - a)^(n+1)), each ck canonical (not simplified). It never
 * differentiates `e` as a whole: every distinct node of `e` gets its series once (memoised over
 * the graph), from its arguments' series:
 * - sums add coefficients; products convolve them (truncated at n);
 * - `u^r` for a number r by the binomial series around u(a) (exact when r is a non-negative
 *   integer), a symbolic exponent as exp(r*log(u));
 * - a call f(u) by composition: with u = u0 + d (d without constant term), f(u) = sum_k
 *   f^(k)(u0)/k! d^k, where the derivatives f^(k) are of the single function f of one fresh
 *   symbol (for atan2 and the other two-argument functions, the partials are composed in both
 *   arguments), simplified at each step, so the work is n derivatives of `f(t)`, not of `e`.
 * The expansion stops with a LimitError("diffTimeMs") past `limits.diffTimeMs`.
 * A coefficient that needs a value where the expression is not analytic (`log(x)` or `sqrt(x)` at
 * 0) comes out as whatever the builder makes of it: an exact division by zero is a DomainError.
 */
import { addAll, applied, call, mulAll, num, ONE, pow, sub, sym, ZERO } from "../core/build.js";
import { DomainError, LimitError } from "../core/errors.js";
import { limits } from "../core/limits.js";
import type { Applied, Call, Expr } from "../core/node.js";
import { Rational } from "../core/rational.js";
import { foldGraph, freeSymbolSet, substitute } from "../core/traverse.js";
import { simplify } from "../rewrite/simplify.js";
import { diffExpr, evaluateDerivatives } from "./diff.js";

type Series = readonly Expr[];

/** The symbol the outer functions are differentiated in; no input can contain it. */
const T = sym("\u0000taylor");
const T2 = sym("\u0000taylor2");

function constantSeries(c: Expr, n: number): Series {
  const out: Expr[] = new Array<Expr>(n + 1).fill(ZERO);
  out[0] = c;
  return out;
}

function addSeries(terms: readonly Series[], n: number): Series {
  const out: Expr[] = [];
  for (let k = 0; k <= n; k++) out.push(addAll(terms.map((s) => s[k]!)));
  return out;
}

/** When the running expansion must stop (`limits.diffTimeMs` after it started). */
let deadline = Infinity;

function checkDeadline(n: number): void {
  if (performance.now() > deadline) throw new LimitError("diffTimeMs", limits.diffTimeMs, `Taylor expansion of order ${n} ran out of time`);
}

function mulSeries(p: Series, q: Series, n: number): Series {
  checkDeadline(n);
  const out: Expr[] = [];
  for (let k = 0; k <= n; k++) {
    const terms: Expr[] = [];
    for (let i = 0; i <= k; i++) {
      if (p[i] === ZERO || q[k - i] === ZERO) continue;
      terms.push(mulAll([p[i]!, q[k - i]!]));
    }
    out.push(addAll(terms));
  }
  return out;
}

function scaleSeries(s: Series, c: Expr): Series {
  return s.map((t) => mulAll([c, t]));
}

/** sum_k weights[k] d^k for a series d without constant term, truncated at n. */
function compose(weights: readonly Expr[], d: Series, n: number): Series {
  let result = constantSeries(weights[0]!, n);
  let power = constantSeries(ONE, n);
  for (let k = 1; k <= n; k++) {
    power = mulSeries(power, d, n);
    if (weights[k] !== ZERO) result = addSeries([result, scaleSeries(power, weights[k]!)], n);
  }
  return result;
}

/** f^(k)(t)/k! at t = at, for k = 0..n, where `f` is an expression in T. */
function scaledDerivatives(f: Expr, at: Expr, n: number): Expr[] {
  const out: Expr[] = [];
  let d = f;
  let factorial = Rational.ONE;
  const point = new Map([[T, at]]);
  for (let k = 0; k <= n; k++) {
    checkDeadline(n);
    if (k > 0) {
      d = simplify(diffExpr(d, T.name));
      factorial = factorial.mul(Rational.of(k));
    }
    out.push(mulAll([num(factorial.inv()), substitute(d, point)]));
  }
  return out;
}

/** The series of `u^r` for a rational r, around u0 = u[0] (binomial series). */
function powerSeries(u: Series, r: Rational, n: number): Series {
  const u0 = u[0]!;
  if (r.isInteger() && r.sign() >= 0) {
    let out = constantSeries(ONE, n);
    for (let k = 0n; k < r.num; k++) out = mulSeries(out, u, n);
    return out;
  }
  // u^r = u0^r (1 + d/u0)^r, binomial coefficients C(r, k).
  const d = [ZERO, ...u.slice(1).map((c) => mulAll([c, pow(u0, num(-1))]))];
  const weights: Expr[] = [];
  let c = Rational.ONE;
  for (let k = 0; k <= n; k++) {
    if (k > 0) c = c.mul(r.sub(Rational.of(k - 1))).div(Rational.of(k));
    weights.push(num(c));
  }
  return scaleSeries(compose(weights, d, n), pow(u0, num(r)));
}

function callSeries(node: Call, args: readonly Series[], n: number): Series {
  if (args.length === 1) {
    const u = args[0]!;
    const weights = scaledDerivatives(call(node.fn, [T]), u[0]!, n);
    return compose(weights, [ZERO, ...u.slice(1)], n);
  }
  // Two arguments: the bivariate Taylor expansion sum_{i+j<=n} f_(i,j)(u0, v0)/(i! j!) du^i dv^j.
  const [u, v] = args as [Series, Series];
  const du: Series = [ZERO, ...u.slice(1)];
  const dv: Series = [ZERO, ...v.slice(1)];
  const at = new Map([
    [T, u[0]!],
    [T2, v[0]!],
  ]);
  const duPowers: Series[] = [constantSeries(ONE, n)];
  const dvPowers: Series[] = [constantSeries(ONE, n)];
  for (let k = 1; k <= n; k++) {
    duPowers.push(mulSeries(duPowers[k - 1]!, du, n));
    dvPowers.push(mulSeries(dvPowers[k - 1]!, dv, n));
  }
  const terms: Series[] = [];
  let inU = call(node.fn, [T, T2]);
  let iFactorial = Rational.ONE;
  // An argument without the variable has no increments: its partials are never needed (the
  // order of polygamma has none).
  const maxI = du.every((c) => c === ZERO) ? 0 : n;
  const maxJ = dv.every((c) => c === ZERO) ? 0 : n;
  for (let i = 0; i <= maxI; i++) {
    if (i > 0) {
      inU = simplify(diffExpr(inU, T.name));
      iFactorial = iFactorial.mul(Rational.of(i));
    }
    let mixed = inU;
    let jFactorial = Rational.ONE;
    for (let j = 0; j <= maxJ && i + j <= n; j++) {
      checkDeadline(n);
      if (j > 0) {
        mixed = simplify(diffExpr(mixed, T2.name));
        jFactorial = jFactorial.mul(Rational.of(j));
      }
      const weight = mulAll([num(iFactorial.mul(jFactorial).inv()), substitute(mixed, at)]);
      if (weight !== ZERO) terms.push(scaleSeries(mulSeries(duPowers[i]!, dvPowers[j]!, n), weight));
    }
  }
  return terms.length === 0 ? constantSeries(ZERO, n) : addSeries(terms, n);
}

/**
 * An undefined function of one argument that depends on x: sum_k f^(k)(u0)/k! d^k, with the
 * derivatives as `Applied` nodes (`taylor(f(x), x, 0, 2)` is `f(0) + f'(0)*x + f''(0)*x^2/2`).
 * With several such arguments a DomainError (mixed partials are not expanded).
 */
function appliedSeries(node: Applied, args: readonly Series[], n: number): Series {
  const moving = args.map((s, i) => (s.slice(1).some((c) => c !== ZERO) ? i : -1)).filter((i) => i >= 0);
  const at = args.map((s) => s[0]!);
  if (moving.length === 0) return constantSeries(applied(node.name, node.orders, at), n);
  if (moving.length > 1) throw new DomainError(`taylor of '${node.name}' with several arguments depending on the variable is not supported`);
  const i = moving[0]!;
  const weights: Expr[] = [];
  let factorial = Rational.ONE;
  for (let k = 0; k <= n; k++) {
    if (k > 0) factorial = factorial.mul(Rational.of(k));
    weights.push(
      mulAll([
        num(factorial.inv()),
        applied(
          node.name,
          node.orders.map((o, j) => (j === i ? o + k : o)),
          at,
        ),
      ]),
    );
  }
  return compose(weights, [ZERO, ...args[i]!.slice(1)], n);
}

/** [c0, ..., cn]: the Taylor coefficients of `e` in powers of (x - a) (see the module contract). */
export function taylorCoefficients(e: Expr, x: string, a: Expr, n: number): Expr[] {
  if (freeSymbolSet(a).has(x)) throw new DomainError(`the expansion point must not contain '${x}'`);
  const variable = sym(x);
  const saved = deadline;
  deadline = Math.min(saved, performance.now() + limits.diffTimeMs);
  try {
    return [...seriesOf(e, variable, a, n)];
  } finally {
    deadline = saved;
  }
}

function seriesOf(e: Expr, variable: Expr, a: Expr, n: number): Series {
  const x = (variable as { name: string }).name;
  return foldGraph<Series>(
    e,
    (node, done) => {
      const args = node.args.map((c) => done.get(c)!);
      switch (node.kind) {
        case "sym":
          return node === variable ? [a, ONE, ...new Array<Expr>(Math.max(0, n - 1)).fill(ZERO)].slice(0, n + 1) : constantSeries(node, n);
        case "num":
        case "const":
          return constantSeries(node, n);
        case "add":
          return addSeries(args, n);
        case "mul":
          return args.reduce((p, q) => mulSeries(p, q, n));
        case "pow":
          if (node.exp.kind === "num") return powerSeries(args[0]!, node.exp.value, n);
          // b^u = exp(u*log(b)).
          return callSeries(call("exp", [T]) as Call, [mulSeries(args[1]!, callSeries(call("log", [T]) as Call, [args[0]!], n), n)], n);
        case "call":
          return callSeries(node, args, n);
        case "apply":
          return appliedSeries(node, args, n);
        case "deriv":
          // An inert derivative is carried out first: its series is that of the derivative.
          return seriesOf(evaluateDerivatives(node), variable, a, n);
      }
    },
    (node) => (freeSymbolSet(node).has(x) ? undefined : constantSeries(node, n)),
  );
}

/**
 * The Taylor polynomial sum_k ck (x - a)^k of order n, each coefficient passed through `finish`
 * (the polynomial itself is left expanded in powers of x - a).
 */
export function taylorPolynomial(e: Expr, x: string, a: Expr, n: number, finish: (c: Expr) => Expr = simplify): Expr {
  const coefficients = taylorCoefficients(e, x, a, n).map(finish);
  const h = sub(sym(x), a);
  return addAll(coefficients.map((c, k) => mulAll([c, pow(h, num(k))])));
}
