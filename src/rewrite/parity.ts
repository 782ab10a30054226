/**
 * Normal forms of calls that the cost measure alone would not choose, tried as strategies
 * (`strategies.ts`): odd and even functions of a negated argument, and compositions of a
 * function with an inverse function written algebraically.
 */
import { call, mulAll, num } from "../core/build.js";
import { EVEN_FUNCTIONS, ODD_FUNCTIONS } from "../core/functions.js";
import type { Expr } from "../core/node.js";
import { mapBottomUp } from "../core/traverse.js";
import { highestDegreeTerm, isNegativeTerm } from "../print/layout.js";
import { applyRule, compiledRules, type CompiledRule } from "./engine.js";
import { exactHeadBits, headsOf } from "./heads.js";

/** True for an argument shown with a minus sign: `-u`, `-2*x`, `-3`, a sum led by a negative term of highest degree. */
function negatedLook(u: Expr): boolean {
  if (u.kind === "add") return isNegativeTerm(highestDegreeTerm(u.args));
  return isNegativeTerm(u);
}

/**
 * `f(u)` of an odd or even `f` with the sign of its argument taken outside: sin(-x) is -sin(x),
 * cos(1 - x) is cos(x - 1). `e` itself when f has no parity or the argument is already normal.
 */
export function parityForm(e: Expr): Expr {
  if (e.kind !== "call" || e.args.length !== 1) return e;
  const odd = ODD_FUNCTIONS.has(e.fn);
  if (!odd && !EVEN_FUNCTIONS.has(e.fn)) return e;
  const u = e.args[0]!;
  if (!negatedLook(u)) return e;
  const minus = num(-1);
  const v = mulAll([minus, u]);
  // The normal form must be a fixpoint: the negated argument does not look negated again.
  if (negatedLook(v)) return e;
  const f = call(e.fn, [v]);
  return odd ? mulAll([minus, f]) : f;
}

/** The inverse functions that rules marked `inverse` compose with. */
const INVERSES: readonly string[] = ["asin", "acos", "atan", "asinh", "acosh", "atanh"];
const INVERSE_HEADS = exactHeadBits(INVERSES);

let inverseRules: Map<string, CompiledRule[]> | null = null;

/** The rules marked `inverse`, by the function their left side calls at the top. */
function inverseRulesByFn(): Map<string, CompiledRule[]> {
  if (inverseRules === null) {
    inverseRules = new Map();
    for (const r of compiledRules()) {
      if (r.rule.inverse !== true || r.lhs.kind !== "call") continue;
      const list = inverseRules.get(r.lhs.fn) ?? [];
      list.push(r);
      inverseRules.set(r.lhs.fn, list);
    }
  }
  return inverseRules;
}

/** True when `e` calls an inverse function (so `inverseForms` may change it). */
export function callsInverse(e: Expr): boolean {
  return (headsOf(e) & INVERSE_HEADS) !== 0;
}

let compositions: Set<string> | null = null;

/** True when a rule marked `inverse` rewrites the call `e` itself (`cos(asin(u))`). */
function isInverseComposition(e: Expr): boolean {
  if (e.kind !== "call" || e.args.length !== 1 || e.args[0]!.kind !== "call") return false;
  if (compositions === null) {
    compositions = new Set();
    for (const [fn, rules] of inverseRulesByFn()) for (const r of rules) if (r.lhs.args[0]!.kind === "call") compositions.add(`${fn}(${r.lhs.args[0]!.fn}`);
  }
  return compositions.has(`${e.fn}(${e.args[0]!.fn}`);
}

/**
 * True when an inverse composition lies in the rational layer of `e` (`e` itself, or reached
 * through sums, products and powers only), where `inverseForms` can gain. A composition inside
 * the argument of a call of the layer gains nothing at `e`: that call was simplified before `e`,
 * with this strategy's candidate tried on it, and its rewritten form is again a call, which the
 * sums and products of `e` treat as an atom (only an exact copy of it beside it could combine).
 */
export function inverseCompositionInLayer(e: Expr): boolean {
  const seen = new Set<Expr>();
  const go = (x: Expr): boolean => {
    if (x.kind === "call") return isInverseComposition(x);
    if (x.kind !== "add" && x.kind !== "mul" && x.kind !== "pow") return false;
    if (seen.has(x)) return false;
    seen.add(x);
    return x.args.some(go);
  };
  return go(e);
}

/**
 * `e` with every composition `f(g(u))` of a rule marked `inverse` (`cos(asin(u))` is
 * sqrt(1 - u^2)) rewritten, wherever it occurs: the algebraic form is often longer alone but
 * cancels against the factors around it (the derivative of `sqrt(1 - x^2)`-like results).
 */
export function inverseForms(e: Expr): Expr {
  const rules = inverseRulesByFn();
  return mapBottomUp(e, (node) => {
    if (node.kind !== "call") return node;
    for (const r of rules.get(node.fn) ?? []) {
      const out = applyRule(r, node);
      if (out.length > 0) return out[0]!;
    }
    return node;
  });
}
