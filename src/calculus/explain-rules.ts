/**
 * The rules of a step-by-step derivation, one application at a time: `applyRule(u, x)` rewrites
 * the inert derivative d/dx(u) by the one rule its top operation calls for, leaving the
 * derivatives of its parts inert (`children`). Every application is an identity wherever u is
 * differentiable, so a derivation of such steps ends in the derivative.
 *
 * The vocabulary (`Rule`), what each rule states:
 * - `constant`          d/dx(c) = 0 for c without x; also d/dx(0^v) = 0 (0^v is 0 where v > 0 and
 *                       not differentiable where it is not locally constant).
 * - `power`             d/dx(x^n) = n*x^(n-1) for n without x (also d/dx(x) = 1, cbrt(x) = x^(1/3)).
 * - `sum`               d/dx(u + v) = d/dx(u) + d/dx(v).
 * - `constant multiple` d/dx(c*u) = c*d/dx(u) for c without x.
 * - `product`           d/dx(u*v) = d/dx(u)*v + u*d/dx(v) (one term per factor).
 * - `quotient`          d/dx(u/v) = (d/dx(u)*v - u*d/dx(v))/v^2.
 * - `chain`             d/dx(f(u)) = f'(u)*d/dx(u); `via` names the rule of f' (power, exp, trig, ...).
 * - `exp`               d/dx(exp(x)) = exp(x), d/dx(a^x) = a^x*log(a) for a without x.
 * - `log`               d/dx(log(x)) = 1/x.
 * - `trig`              sin, cos, tan, sec, csc, cot of x.
 * - `inverse trig`      asin, acos, atan, acot, asec, acsc, atan2.
 * - `hyperbolic`        sinh ... coth and their inverses asinh ... acoth.
 * - `abs`               d/dx(abs(x)) = sign(x); d/dx(sign(x)) = 0 (wherever sign is differentiable).
 * - `special`           d/dx(erf(x)) = 2*exp(-x^2)/sqrt(pi); the piecewise and special functions
 *                       (max, heaviside, floor, gamma, ...) by their derivative-table entry.
 * - `rewrite`           u^v with x in both is rewritten exp(v*log(u)) (equal where u > 0, where u^v
 *                       is differentiable as a real function of both).
 * - `simplify`          the raw derivative brought to the simplified form `diff` returns.
 */
import { addAll, call, derivative, div, MINUS_ONE, mulAll, ONE, pow, sub, sym, TWO, ZERO } from "../core/build.js";
import type { FunctionName } from "../core/functions.js";
import type { Call, Expr, Mul, Pow } from "../core/node.js";
import { freeSymbolSet } from "../core/traverse.js";
import { outerDerivatives } from "./derivative-table.js";

/** The name of a derivation rule; the module comment states what each one says. */
export type Rule =
  | "constant"
  | "power"
  | "sum"
  | "constant multiple"
  | "product"
  | "quotient"
  | "chain"
  | "exp"
  | "log"
  | "trig"
  | "inverse trig"
  | "hyperbolic"
  | "abs"
  | "special"
  | "rewrite"
  | "simplify";

/** The rule that differentiates each function of x itself (and, in a chain, its outer part). */
export const FUNCTION_RULE: Readonly<Record<FunctionName, Rule>> = {
  sin: "trig",
  cos: "trig",
  tan: "trig",
  sec: "trig",
  csc: "trig",
  cot: "trig",
  asin: "inverse trig",
  acos: "inverse trig",
  atan: "inverse trig",
  acot: "inverse trig",
  asec: "inverse trig",
  acsc: "inverse trig",
  atan2: "inverse trig",
  sinh: "hyperbolic",
  cosh: "hyperbolic",
  tanh: "hyperbolic",
  sech: "hyperbolic",
  csch: "hyperbolic",
  coth: "hyperbolic",
  asinh: "hyperbolic",
  acosh: "hyperbolic",
  atanh: "hyperbolic",
  asech: "hyperbolic",
  acsch: "hyperbolic",
  acoth: "hyperbolic",
  exp: "exp",
  log: "log",
  cbrt: "power",
  abs: "abs",
  sign: "abs",
  erf: "special",
  // Piecewise and special functions (issue 13's set) are differentiated by their table entry.
  min: "special",
  max: "special",
  heaviside: "special",
  floor: "special",
  ceil: "special",
  round: "special",
  gamma: "special",
  loggamma: "special",
  digamma: "special",
  polygamma: "special",
  beta: "special",
  erfc: "special",
  xlogy: "special",
};

/** One rule applied to d/dx(u): `result` equals d/dx(u) and holds the inert `children`. */
export interface Application {
  readonly rule: Rule;
  /** For `chain`: the rule of the outer derivative. */
  readonly via?: Rule;
  readonly result: Expr;
  /** The inert derivatives in `result`, in the order the rule lists them. */
  readonly children: readonly Expr[];
}

/** d/dx(u) by the rule of u's top operation. */
export function applyRule(u: Expr, x: string): Application {
  const v = sym(x);
  const d = (w: Expr): Expr => (freeSymbolSet(w).has(x) ? derivative(w, [v]) : ZERO);
  if (!freeSymbolSet(u).has(x)) return { rule: "constant", result: ZERO, children: [] };
  if (u === v) return { rule: "power", result: ONE, children: [] };
  switch (u.kind) {
    case "add": {
      const children = u.args.map((t) => derivative(t, [v]));
      return { rule: "sum", result: addAll(children), children };
    }
    case "mul":
      return productRules(u, x, d);
    case "pow":
      return powerRules(u, x, d);
    case "call":
      return callRules(u, x, d);
    default:
      // Numbers, constants and other symbols have no x; inert derivatives are carried out before.
      throw new TypeError(`no derivation rule for ${String(u)}`);
  }
}

function productRules(u: Mul, x: string, d: (w: Expr) => Expr): Application {
  const constant: Expr[] = [];
  const dependent: Expr[] = [];
  for (const f of u.args) (freeSymbolSet(f).has(x) ? dependent : constant).push(f);
  const v = sym(x);
  if (constant.length > 0) {
    const rest = mulAll(dependent);
    const child = derivative(rest, [v]);
    return { rule: "constant multiple", result: mulAll([...constant, child]), children: [child] };
  }
  const below = dependent.filter((f) => f.kind === "pow" && isNegative(f.exp));
  if (below.length > 0 && below.length < dependent.length) {
    const numerator = mulAll(dependent.filter((f) => !below.includes(f)));
    const denominator = mulAll(below.map((f) => pow(f, MINUS_ONE)));
    const dn = d(numerator);
    const dd = d(denominator);
    const result = div(sub(mulAll([dn, denominator]), mulAll([numerator, dd])), pow(denominator, TWO));
    return { rule: "quotient", result, children: [dn, dd] };
  }
  const children = dependent.map((f) => d(f));
  const terms = dependent.map((f, i) => mulAll([children[i]!, ...u.args.filter((g) => g !== f)]));
  return { rule: "product", result: addAll(terms), children };
}

function powerRules(u: Pow, x: string, d: (w: Expr) => Expr): Application {
  const { base, exp } = u;
  const inBase = freeSymbolSet(base).has(x);
  const inExp = freeSymbolSet(exp).has(x);
  if (!inExp) {
    const outer = mulAll([exp, pow(base, sub(exp, ONE))]);
    if (base === sym(x)) return { rule: "power", result: outer, children: [] };
    const child = d(base);
    return { rule: "chain", via: "power", result: mulAll([outer, child]), children: [child] };
  }
  if (base === ZERO) {
    // 0^v is locally constant wherever it is differentiable (0 where v > 0), as in diff.
    return { rule: "constant", result: ZERO, children: [] };
  }
  if (!inBase) {
    const outer = mulAll([u, call("log", [base])]);
    if (exp === sym(x)) return { rule: "exp", result: outer, children: [] };
    const child = d(exp);
    return { rule: "chain", via: "exp", result: mulAll([outer, child]), children: [child] };
  }
  const child = d(call("exp", [mulAll([exp, call("log", [base])])]));
  return { rule: "rewrite", result: child, children: [child] };
}

function callRules(u: Call, x: string, d: (w: Expr) => Expr): Application {
  const partials = outerDerivatives(u.fn);
  const family = FUNCTION_RULE[u.fn];
  if (u.args.length === 1) {
    const outer = partials[0]!(u.args);
    if (u.args[0] === sym(x)) return { rule: family, result: outer, children: [] };
    const child = d(u.args[0]!);
    return { rule: "chain", via: family, result: mulAll([outer, child]), children: [child] };
  }
  const children: Expr[] = [];
  const terms: Expr[] = [];
  u.args.forEach((a, i) => {
    if (!freeSymbolSet(a).has(x)) return;
    const child = d(a);
    children.push(child);
    terms.push(mulAll([partials[i]!(u.args), child]));
  });
  return { rule: "chain", via: family, result: addAll(terms), children };
}

function isNegative(e: Expr): boolean {
  if (e.kind === "num") return e.value.isNegative();
  return e.kind === "mul" && e.args[0]!.kind === "num" && e.args[0]!.value.isNegative();
}

/** Every rule of the vocabulary, in the order documented above. */
export const RULE_NAMES: readonly Rule[] = [
  "constant",
  "power",
  "sum",
  "constant multiple",
  "product",
  "quotient",
  "chain",
  "exp",
  "log",
  "trig",
  "inverse trig",
  "hyperbolic",
  "abs",
  "special",
  "rewrite",
  "simplify",
];
