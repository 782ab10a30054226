/**
 * The outer derivatives of every function, as data in symgrad's own syntax. For a function of
 * one argument `u` the entry is d f(u) / du; for `atan2(u, v)` it lists the partials in u and v.
 * `null` marks an argument the function is not differentiable in (the order of `polygamma`):
 * differentiating with respect to a variable that occurs there is a DomainError.
 * The table is typed `Record<FunctionName, ...>`, so a function without a derivative does not
 * compile. The formulas are parsed once, on first use, by `compiledDerivativeTable` (under the
 * default limits, outside the caller's budgets: see `core/built-in.ts`).
 */
import { rebuild, sym } from "../core/build.js";
import { compileBuiltIn } from "../core/built-in.js";
import { DomainError } from "../core/errors.js";
import type { FunctionName } from "../core/functions.js";
import type { Expr } from "../core/node.js";
import { freeSymbolSet } from "../core/traverse.js";
import { parse } from "../parse/parser.js";

export const DERIVATIVE_TABLE: Readonly<Record<FunctionName, readonly (string | null)[]>> = {
  sin: ["cos(u)"],
  cos: ["-sin(u)"],
  tan: ["tan(u)^2 + 1"],
  sec: ["tan(u)*sec(u)"],
  csc: ["-cot(u)*csc(u)"],
  cot: ["-cot(u)^2 - 1"],
  asin: ["1/sqrt(1 - u^2)"],
  acos: ["-1/sqrt(1 - u^2)"],
  atan: ["1/(u^2 + 1)"],
  acot: ["-1/(u^2 + 1)"],
  asec: ["1/(u^2*sqrt(1 - 1/u^2))"],
  acsc: ["-1/(u^2*sqrt(1 - 1/u^2))"],
  atan2: ["v/(u^2 + v^2)", "-u/(u^2 + v^2)"],
  sinh: ["cosh(u)"],
  cosh: ["sinh(u)"],
  tanh: ["1 - tanh(u)^2"],
  sech: ["-tanh(u)*sech(u)"],
  csch: ["-coth(u)*csch(u)"],
  coth: ["1 - coth(u)^2"],
  asinh: ["1/sqrt(u^2 + 1)"],
  acosh: ["1/(sqrt(u - 1)*sqrt(u + 1))"],
  atanh: ["1/(1 - u^2)"],
  asech: ["-1/(u*sqrt(1 - u^2))"],
  acsch: ["-1/(u^2*sqrt(1 + 1/u^2))"],
  acoth: ["1/(1 - u^2)"],
  exp: ["exp(u)"],
  log: ["1/u"],
  cbrt: ["1/(3*cbrt(u)^2)"],
  abs: ["sign(u)"],
  sign: ["0"],
  erf: ["2*exp(-u^2)/sqrt(pi)"],
  // Piecewise: one-sided derivatives are averaged at ties and jumps through heaviside(0) = 1/2;
  // floor, ceil, round and heaviside have derivative 0 away from their jumps (no delta terms).
  max: ["heaviside(u - v)", "heaviside(v - u)"],
  min: ["heaviside(v - u)", "heaviside(u - v)"],
  heaviside: ["0"],
  floor: ["0"],
  ceil: ["0"],
  round: ["0"],
  gamma: ["gamma(u)*digamma(u)"],
  loggamma: ["digamma(u)"],
  digamma: ["polygamma(1, u)"],
  // The order of polygamma is a non-negative integer: it has no derivative (null).
  polygamma: [null, "polygamma(u + 1, v)"],
  beta: ["beta(u, v)*(digamma(u) - digamma(u + v))", "beta(u, v)*(digamma(v) - digamma(u + v))"],
  erfc: ["-2*exp(-u^2)/sqrt(pi)"],
  // xlogy(u, v) = u*log(v), 0 where u = 0. The differentiator uses the linear form
  // xlogy(du, v) + u*dv/v instead of log(v)*du, so repeated derivatives stay 0 where u and v are.
  xlogy: ["log(v)", "u/v"],
};

/** The placeholder symbols of the table formulas, by argument position. */
export const PLACEHOLDERS: readonly Expr[] = [sym("u"), sym("v")];

let compiled: Record<FunctionName, readonly (Expr | null)[]> | null = null;

/** The table with every formula parsed into a canonical node (done once per process). */
export function compiledDerivativeTable(): Readonly<Record<FunctionName, readonly (Expr | null)[]>> {
  compiled ??= compileBuiltIn(() => {
    const out = {} as Record<FunctionName, readonly (Expr | null)[]>;
    for (const fn of Object.keys(DERIVATIVE_TABLE) as FunctionName[]) {
      out[fn] = DERIVATIVE_TABLE[fn].map((text) => (text === null ? null : parse(text)));
    }
    return out;
  });
  return compiled;
}

/** A table formula as a function of the call's arguments: the formula with u (and v) replaced. */
export type OuterDerivative = (args: readonly Expr[]) => Expr;

let instantiators: Record<FunctionName, readonly OuterDerivative[]> | null = null;

/**
 * The partials of `fn` as functions of its arguments, compiled once from the parsed table: the
 * same canonical nodes as substituting the arguments for u and v, without walking the formula
 * and keeping a map on every use of the chain rule.
 */
export function outerDerivatives(fn: FunctionName): readonly OuterDerivative[] {
  if (instantiators === null) {
    const table = compiledDerivativeTable();
    const out = {} as Record<FunctionName, readonly OuterDerivative[]>;
    for (const name of Object.keys(table) as FunctionName[]) out[name] = table[name].map((t) => (t === null ? notDifferentiable(name) : instantiator(t)));
    instantiators = out;
  }
  return instantiators[fn];
}

/** The partial of an argument `fn` has no derivative in: asking for it is a DomainError. */
function notDifferentiable(fn: FunctionName): OuterDerivative {
  return () => {
    throw new DomainError(`${fn} is not differentiable in its order (a non-negative integer): it must not depend on the variable`);
  };
}

/** `template` as a function of the placeholders' values; subtrees without a placeholder are kept. */
function instantiator(template: Expr): OuterDerivative {
  const position = PLACEHOLDERS.indexOf(template);
  if (position >= 0) return (args) => args[position]!;
  const free = freeSymbolSet(template);
  if (!PLACEHOLDERS.some((p) => p.kind === "sym" && free.has(p.name))) return () => template;
  const parts = template.args.map(instantiator);
  return (args) =>
    rebuild(
      template,
      parts.map((part) => part(args)),
    );
}
