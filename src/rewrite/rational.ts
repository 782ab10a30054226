/**
 * Rational-function normal forms.
 *
 * - `together(e)`: every sum over a common denominator, keeping factors unexpanded:
 *   `1/x + 1/y` is `(x + y)/(x*y)`. The least common denominator takes, for each base, the largest
 *   negative numeric exponent among the terms.
 * - `cancel(e)`: `together`, then the numerator expanded as a polynomial (over atoms) and divided
 *   by every denominator factor that divides it, and by its gcd with each remaining factor.
 *   `(x^2 - 1)/(x - 1)` is `x + 1`.
 * Both apply bottom-up, inside function arguments too. Values are preserved wherever the input is
 * defined (a cancelled factor only removes points where the input was undefined).
 */
import { addAll, mulAll, num, pow, rebuild } from "../core/build.js";
import type { Expr } from "../core/node.js";
import { Rational } from "../core/rational.js";
import { mapBottomUp } from "../core/traverse.js";
import { AtomTable, atomPower, fromPoly, isPlainSum, isSimpleAtomFactor, sortedAtomTable, toPoly } from "../poly/convert.js";
import { provablyCoprime } from "../poly/coprime.js";
import { polyGcd } from "../poly/gcd.js";
import { constantValue, numericContent, polyDivExact, polyScale, variablesOf, type Poly } from "../poly/poly.js";
import { NodeMemo } from "../core/memo.js";
import { WorkMemo } from "./work-memo.js";
import { nothingCancels } from "./no-common-factor.js";

/**
 * Factors of a product term with numeric exponents: base -> exponent, where a factor that is not a
 * numeric power is its own base to the exponent 1. Invariant: the product of `base^exponent` over
 * the map, times the coefficient, is `t`. Two factors can share a key: a power with a symbolic
 * exponent `u = 2^x` is the key of both `u` and `u^(1/2)` (the builder keeps those apart, since
 * their bases 2 and 2^x differ), so exponents of one key add up (`u*u^(1/2)` is `u^(3/2)`, equal
 * wherever both sides are real).
 */
export function factorMap(t: Expr): [Rational, Map<Expr, Rational>] {
  const out = new Map<Expr, Rational>();
  let c = Rational.ONE;
  const factors = t.kind === "mul" ? t.args : [t];
  const addFactor = (base: Expr, k: Rational) => {
    const prev = out.get(base);
    out.set(base, prev === undefined ? k : prev.add(k));
  };
  for (const f of factors) {
    if (f.kind === "num") c = f.value;
    else if (f.kind === "pow" && f.exp.kind === "num") addFactor(f.base, f.exp.value);
    else addFactor(f, Rational.ONE);
  }
  return [c, out];
}

/** One sum over its common denominator (no recursion into the terms). */
export function togetherTop(e: Expr): Expr {
  if (e.kind !== "add") return e;
  const den = new Map<Expr, Rational>();
  for (const t of e.args) {
    for (const [b, k] of factorMap(t)[1]) {
      if (k.sign() < 0) {
        const prev = den.get(b);
        if (prev === undefined || k.cmp(prev) < 0) den.set(b, k);
      }
    }
  }
  if (den.size === 0) return e;
  const lift = [...den].map(([b, k]) => pow(b, num(k.neg())));
  const numerator = addAll(e.args.map((t) => mulAll([t, ...lift])));
  return mulAll([numerator, ...[...den].map(([b, k]) => pow(b, num(k)))]);
}

/** `togetherRational` results: the candidates of a node ask for its arguments' again and again. */
const togetherMemo = new NodeMemo<Expr>();

/** `together` through sums, products and powers only (function arguments are left alone). */
export function togetherRational(e: Expr): Expr {
  if (e.kind !== "add" && e.kind !== "mul" && e.kind !== "pow") return e;
  const hit = togetherMemo.get(e);
  if (hit !== undefined) return hit;
  const out = togetherUnmemoised(e);
  togetherMemo.set(e, out);
  return out;
}

function togetherUnmemoised(e: Expr): Expr {
  let changed = false as boolean; // set by the callback below (the cast stops TypeScript narrowing it to false)
  const args = e.args.map((a) => {
    const r = togetherRational(a);
    if (r !== a) changed = true;
    return r;
  });
  return togetherTop(changed ? rebuild(e, args) : e);
}

export function together(e: Expr): Expr {
  return mapBottomUp(e, togetherTop);
}

/** A denominator factor: atom^multiplicity, with its polynomial. */
interface DenFactor {
  poly: Poly;
  mult: number;
}

/** True for a sum, or a product or power with a sum factor or base. */
function hasSumInside(t: Expr): boolean {
  if (t.kind === "add") return true;
  if (t.kind === "pow") return t.base.kind === "add" || t.base.kind === "mul";
  return t.kind === "mul" && t.args.some(hasSumInside);
}

/** True for a non-constant product of simple atom factors (`isSimpleAtomFactor`) and a number. */
function isSimpleMonomial(e: Expr): boolean {
  if (e.kind === "mul") return e.args.every((f) => f.kind === "num" || isSimpleAtomFactor(f));
  return isSimpleAtomFactor(e);
}

/**
 * True for a product or power that `cancelTop` returns unchanged by the shape of its factors alone
 * (its first tests, below): besides powers with a symbolic exponent, a number over denominators
 * none of which is a sum with a sum inside a term. Only numbers divide a number, and there is
 * nothing to multiply out. Builds nothing, for the strategy table.
 */
export function isNumberOverFlatSums(e: Expr): boolean {
  for (const f of e.kind === "mul" ? e.args : [e]) {
    if (f.kind === "num" || (f.kind === "pow" && f.exp.kind !== "num")) continue;
    const ap = f.kind === "pow" ? atomPower(f) : null;
    if (ap === null || ap[1] >= 0) return false;
    if (ap[0].kind === "add" && ap[0].args.some(hasSumInside)) return false;
  }
  return true;
}

/** `cancelTop` results (the simplifier's candidates ask for one node's several times). */
const cancelled = new WorkMemo<Expr>();

/** `e` (a product or power, already combined) cancelled as a polynomial fraction. */
export function cancelTop(e: Expr): Expr {
  return cancelled.get(e, () => cancelUnmemoised(e));
}

function cancelUnmemoised(e: Expr): Expr {
  const t = togetherTop(e);
  if (t.kind !== "mul" && t.kind !== "pow") return t;
  // A number over expanded sums: nothing divides, nothing to multiply out.
  if (isNumberOverFlatSums(t)) return t;
  const numFactors: Expr[] = [];
  const denExprs: [Expr, number][] = [];
  const others: Expr[] = [];
  for (const f of t.kind === "mul" ? t.args : [t]) {
    const ap = f.kind === "pow" ? atomPower(f) : null;
    if (ap !== null && ap[1] < 0) denExprs.push([ap[0], -ap[1]]);
    else if (f.kind === "pow" && f.exp.kind !== "num") others.push(f);
    else numFactors.push(f);
  }
  if (denExprs.length === 0) return t;
  const numerator = mulAll(numFactors);
  if (numerator.kind !== "add" && !(numerator.kind === "mul" && numerator.args.some((f) => f.kind === "add"))) {
    if (!denExprs.some(([b]) => b.kind === "add")) return t;
  }
  // A monomial over sums with a constant term: only constants divide both, nothing cancels.
  if (isSimpleMonomial(numerator) && denExprs.every(([b]) => isPlainSum(b) && b.args[0]!.kind === "num")) return t;
  // Most fractions have nothing to cancel: proved on univariate images, without multiplying out.
  if (
    nothingCancels(
      numerator,
      denExprs.map(([b]) => b),
    )
  )
    return t;
  const table: AtomTable = sortedAtomTable([numerator, ...denExprs.map(([b]) => b)]);
  let N = toPoly(numerator, table);
  const dens: DenFactor[] = denExprs.map(([b, m]) => ({ poly: toPoly(b, table), mult: m }));
  let changed = false;
  for (let i = 0; i < dens.length; i++) {
    const d = dens[i]!;
    const dv = variablesOf(d.poly);
    if (dv.size === 0) continue;
    // A common factor needs a common variable.
    const nv = variablesOf(N);
    let shared = false;
    for (const v of dv) if (nv.has(v)) shared = true;
    if (!shared) continue;
    // A divisor of N would be a common factor: none when they are coprime.
    if (provablyCoprime(N, d.poly)) continue;
    while (d.mult > 0) {
      const q = polyDivExact(N, d.poly);
      if (q === null) break;
      N = q;
      d.mult--;
      changed = true;
    }
    if (d.mult === 0) continue;
    const g = polyGcd(N, d.poly);
    if (variablesOf(g).size > 0) {
      const rest = polyDivExact(d.poly, g)!;
      N = polyDivExact(N, g)!;
      dens.push({ poly: g, mult: d.mult - 1 });
      d.poly = rest;
      changed = true;
    }
  }
  const k = constantValue(N);
  if (!changed && k === null) return t;
  const content = numericContent(N);
  const numExpr = k !== null ? num(k) : mulAll([num(content), fromPoly(polyScale(N, content.inv()), table)]);
  const denParts: Expr[] = [];
  for (const d of dens) {
    if (d.mult === 0) continue;
    const c = constantValue(d.poly);
    const dc = c !== null ? num(c) : fromPoly(d.poly, table);
    denParts.push(pow(dc, num(-d.mult)));
  }
  return mulAll([numExpr, ...others, ...denParts]);
}

export function cancel(e: Expr): Expr {
  return mapBottomUp(e, cancelTop);
}
