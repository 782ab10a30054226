/**
 * The tan/sec (cot/csc) normal form, a simplify candidate for quotients of sines and cosines
 * (the higher derivatives of tan, sec, tanh and sech): after SymPy's habit of writing them so.
 *
 * `tanSecForm(e)`: tan, cot, sec, csc (and the hyperbolic cousins) become quotients of sin and
 * cos (`quotientForm`), the rational layer is multiplied out into monomials, and in each monomial
 * sin(u)^a*cos(u)^(-b) with b >= a >= 0 becomes tan(u)^a*sec(u)^(b-a) (cos over sin: cot and
 * csc; sinh, cosh likewise); then sec(u)^n = sec(u)^(n mod 2)*(1 + tan(u)^2)^(n div 2) (csc:
 * 1 + cot^2, sech: 1 - tanh^2, csch: coth^2 - 1), the result is multiplied out again and its
 * common factors pulled out (`factorTerms`). Every step is an identity wherever the denominator
 * function is non-zero, which the input needs too: a monomial is rewritten only when it divides
 * by that function.
 */
import { addAll, call, mulAll, num, pow, sub, termsOf, ONE, TWO } from "../core/build.js";
import type { FunctionName } from "../core/functions.js";
import type { Expr } from "../core/node.js";
import { expandShallow } from "./expand.js";
import { factorTerms } from "./sum-forms.js";
import { quotientForm } from "./trig.js";

/**
 * For a denominator function: the numerator function whose power it absorbs, the quotient and
 * the reciprocal (sin(u)^a/cos(u)^b = tan(u)^a*sec(u)^(b-a), cos(u)^a/sin(u)^b = cot(u)^a*csc(u)^(b-a)).
 */
const FORMS: Readonly<Record<string, { over: FunctionName; quotient: FunctionName; reciprocal: FunctionName }>> = {
  cos: { over: "sin", quotient: "tan", reciprocal: "sec" },
  sin: { over: "cos", quotient: "cot", reciprocal: "csc" },
  cosh: { over: "sinh", quotient: "tanh", reciprocal: "sech" },
  sinh: { over: "cosh", quotient: "coth", reciprocal: "csch" },
};
const COS: ReadonlySet<string> = new Set(Object.keys(FORMS));

/** `e` with `leaf` applied to every call of its rational layer (sums, products, powers). */
function mapCalls(e: Expr, leaf: (c: Expr) => Expr): Expr {
  if (e.kind === "call") return leaf(e);
  if (e.kind !== "add" && e.kind !== "mul" && e.kind !== "pow") return e;
  let changed = false as boolean; // set by the callback below (the cast stops TypeScript narrowing it to false)
  const args = e.args.map((a) => {
    const r = mapCalls(a, leaf);
    if (r !== a) changed = true;
    return r;
  });
  if (!changed) return e;
  if (e.kind === "add") return addAll(args);
  if (e.kind === "mul") return mulAll(args);
  return pow(args[0]!, args[1]!);
}

/** A monomial's factors with sin^a/cos^b (b >= a >= 0) written tan^a*sec^(b-a). */
function monomialToTan(t: Expr): Expr {
  const factors = t.kind === "mul" ? [...t.args] : [t];
  const exponent = (f: Expr): number | null => {
    if (f.kind === "call") return 1;
    if (f.kind === "pow" && f.base.kind === "call" && f.exp.kind === "num" && f.exp.value.isInteger()) return Number(f.exp.value.num);
    return null;
  };
  const callOf = (f: Expr): Expr | null => (f.kind === "call" ? f : f.kind === "pow" && f.base.kind === "call" ? f.base : null);
  let changed = false;
  for (let i = 0; i < factors.length; i++) {
    const c = callOf(factors[i]!);
    if (c === null || c.kind !== "call" || !COS.has(c.fn)) continue;
    const b = -(exponent(factors[i]!) ?? 0);
    if (b <= 0) continue;
    const u = c.args[0]!;
    const form = FORMS[c.fn]!;
    let a = 0;
    let j = -1;
    for (let k = 0; k < factors.length; k++) {
      const s = callOf(factors[k]!);
      if (s !== null && s.kind === "call" && s.fn === form.over && s.args[0] === u) {
        a = exponent(factors[k]!) ?? 0;
        j = k;
      }
    }
    if (a < 0 || a > b) continue;
    const replacement = mulAll([pow(call(form.quotient, [u]), num(a)), pow(call(form.reciprocal, [u]), num(b - a))]);
    factors[i] = replacement;
    if (j >= 0) factors[j] = ONE;
    changed = true;
  }
  return changed ? mulAll(factors) : t;
}

/** The square of a reciprocal function in its quotient: sec(u)^2 = 1 + tan(u)^2, ... */
const SQUARES: Readonly<Record<string, { quotient: FunctionName; square: (q2: Expr) => Expr }>> = {
  sec: { quotient: "tan", square: (q2) => addAll([ONE, q2]) },
  csc: { quotient: "cot", square: (q2) => addAll([ONE, q2]) },
  sech: { quotient: "tanh", square: (q2) => sub(ONE, q2) },
  csch: { quotient: "coth", square: (q2) => sub(q2, ONE) },
};

/** sec(u)^n as sec(u)^(n mod 2)*(1 + tan(u)^2)^(n div 2), csc, sech, csch likewise; other factors unchanged. */
function reduceSec(f: Expr): Expr {
  if (f.kind !== "pow" || f.base.kind !== "call" || SQUARES[f.base.fn] === undefined) return f;
  if (f.exp.kind !== "num" || !f.exp.value.isInteger() || f.exp.value.num < 2n) return f;
  const n = Number(f.exp.value.num);
  const u = f.base.args[0]!;
  const { quotient, square: squareOf } = SQUARES[f.base.fn]!;
  const square = squareOf(pow(call(quotient, [u]), TWO));
  return mulAll([pow(f.base, num(n % 2)), pow(square, num(Math.floor(n / 2)))]);
}

export function tanSecForm(e: Expr): Expr {
  const quotients = mapCalls(e, (c) => (c.kind === "call" ? (quotientForm(c.fn, c.args[0]!) ?? c) : c));
  const expanded = expandShallow(quotients);
  const tans = addAll(termsOf(expanded).map(monomialToTan));
  const reduced = addAll(termsOf(tans).map((t) => mulAll((t.kind === "mul" ? t.args : [t]).map(reduceSec))));
  const again = expandShallow(reduced);
  return again.kind === "add" ? factorTerms(again) : again;
}

/**
 * True when at least two terms of the sum `e` have, in their rational layer, a negative power of
 * sin, cos, sinh or cosh or a tan/sec-like call: a lone such term has nothing to combine with.
 */
export function hasTanSecTerms(e: Expr): boolean {
  if (e.kind !== "add") return false;
  let n = 0;
  for (const t of e.args) if (hasCosDenominator(t) && ++n === 2) return true;
  return false;
}

/** The tan/sec-like functions: quotients with a sin, cos, sinh or cosh denominator. */
const COS_QUOTIENTS = new Set<string>(["tan", "sec", "cot", "csc", "tanh", "sech", "coth", "csch"]);

function hasCosDenominator(e: Expr): boolean {
  if (e.kind === "call") return COS_QUOTIENTS.has(e.fn);
  if (e.kind === "pow" && e.base.kind === "call" && COS.has(e.base.fn) && e.exp.kind === "num" && e.exp.value.sign() < 0) return true;
  if (e.kind !== "add" && e.kind !== "mul" && e.kind !== "pow") return false;
  return e.args.some(hasCosDenominator);
}
