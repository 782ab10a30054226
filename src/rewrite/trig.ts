/**
 * Trigonometric and hyperbolic candidates for `simplify` (after SymPy's `fu`/`trigsimp`):
 *
 * - `trigRational(e, prefer)`: in the rational layer of `e` (sums, products and powers; function
 *   arguments are left alone), tan/cot/sec/csc and their hyperbolic cousins become quotients of
 *   sin and cos (sinh and cosh); a double angle f(2*w) becomes products of functions of w when
 *   some function of w occurs too; even powers are reduced by sin^2 = 1 - cos^2 (`prefer` "cos")
 *   or cos^2 = 1 - sin^2 (`prefer` "sin"), and cosh^2 = 1 + sinh^2 likewise; the result is put
 *   over a common denominator and cancelled, treating sin(w), cos(w) as polynomial atoms.
 * - `productToSum(e)`: in a sum, each term's product of two sines or cosines of linear arguments
 *   becomes a sum (`sin(a)*sin(b)` is (cos(a - b) - cos(a + b))/2).
 *
 * Soundness: every rewrite is an identity wherever both sides are defined (the quotient forms
 * only exclude points where the original was undefined), and the rational steps are `cancel`'s.
 */
import { add, addAll, call, div, HALF, mulAll, num, ONE, pow, rebuild, sub, TWO, ZERO } from "../core/build.js";
import type { FunctionName } from "../core/functions.js";
import type { Expr } from "../core/node.js";
import { cancelTop, togetherRational } from "./rational.js";
import { exactHeadBits } from "./heads.js";
import { NodeMemo } from "../core/memo.js";

type Prefer = "sin" | "cos";
const PREFERS: readonly Prefer[] = ["cos", "sin"];

const TRIG = new Set<string>(["sin", "cos", "tan", "cot", "sec", "csc", "sinh", "cosh", "tanh", "coth", "sech", "csch"]);

const SQUARED = new Set<string>(["sin", "cos", "sinh", "cosh"]);

/** The functions `quotientForm` rewrites as quotients of sin and cos (sinh and cosh). */
const QUOTIENTS = new Set<string>(["tan", "cot", "sec", "csc", "tanh", "coth", "sech", "csch"]);

const TRIG_HEADS = exactHeadBits(TRIG);

/** True when the called functions (`headsOf`) include a circular or hyperbolic function. */
export function hasTrigHead(heads: number): boolean {
  return (heads & TRIG_HEADS) !== 0;
}

/**
 * True when `trigRational` may find an identity in the rational layer of `e`, which has a sum:
 * two different circular (or two different hyperbolic) functions of one argument, a double angle
 * of an argument present, or a square of sin/cos/sinh/cosh.
 */
export function hasTrigWork(e: Expr): boolean {
  // Per argument, the functions applied to it as bits of TRIG_BITS (no sets or strings built).
  const names = new Map<Expr, number>();
  // Both set by `go` (the casts stop TypeScript narrowing them to false).
  let sum = false as boolean;
  let square = false as boolean;
  const go = (x: Expr): void => {
    if (x.kind === "call") {
      const bit = TRIG_BITS.get(x.fn);
      if (bit === undefined) return;
      const u = x.args[0]!;
      names.set(u, (names.get(u) ?? 0) | bit);
      return;
    }
    if (x.kind === "add") sum = true;
    if (x.kind === "pow" && x.base.kind === "call" && SQUARED.has(x.base.fn) && x.exp.kind === "num" && x.exp.value.isInteger() && x.exp.value.num >= 2n)
      square = true;
    if (x.kind === "add" || x.kind === "mul" || x.kind === "pow") for (const a of x.args) go(a);
  };
  go(e);
  // Without a sum the rules (quotients, double angles) cover what a common denominator could do.
  if (names.size === 0 || !sum) return false;
  if (square) return true;
  for (const [u, bits] of names) {
    if (severalBits(bits & CIRCULAR_BITS) || severalBits(bits & ~CIRCULAR_BITS)) return true;
    if (halfIn(u, names) !== null) return true;
  }
  return false;
}

/** One bit per function of TRIG: the circular ones in CIRCULAR_BITS, the hyperbolic ones above. */
const TRIG_BITS = new Map<string, number>([...TRIG].map((fn, i) => [fn, 1 << i]));
const CIRCULAR_BITS = [...TRIG].reduce((bits, fn, i) => (fn.endsWith("h") ? bits : bits | (1 << i)), 0);

/** True when `bits` has two or more bits set. */
function severalBits(bits: number): boolean {
  return (bits & (bits - 1)) !== 0;
}

/** Rebuilds the rational layer of `e` with `leaf` applied to every other node. */
function mapLayer(e: Expr, leaf: (x: Expr) => Expr, memo: Map<Expr, Expr> = new Map()): Expr {
  const hit = memo.get(e);
  if (hit !== undefined) return hit;
  let out: Expr;
  if (e.kind === "add" || e.kind === "mul" || e.kind === "pow") {
    let changed = false as boolean; // set by the callback below (the cast stops TypeScript narrowing it to false)
    const args = e.args.map((a) => {
      const r = mapLayer(a, leaf, memo);
      if (r !== a) changed = true;
      return r;
    });
    const rebuilt = changed ? rebuild(e, args) : e;
    out = rebuilt.kind === "pow" ? leaf(rebuilt) : rebuilt;
  } else out = leaf(e);
  memo.set(e, out);
  return out;
}

export function quotientForm(fn: FunctionName, u: Expr): Expr | null {
  const f = (g: FunctionName): Expr => call(g, [u]);
  // The call stays where its denominator folds to an exact 0 (`cot(pi)`): no quotient exists.
  const ratio = (top: Expr, bottom: Expr): Expr | null => (bottom === ZERO ? null : div(top, bottom));
  switch (fn) {
    case "tan":
      return ratio(f("sin"), f("cos"));
    case "cot":
      return ratio(f("cos"), f("sin"));
    case "sec":
      return ratio(ONE, f("cos"));
    case "csc":
      return ratio(ONE, f("sin"));
    case "tanh":
      return ratio(f("sinh"), f("cosh"));
    case "coth":
      return ratio(f("cosh"), f("sinh"));
    case "sech":
      return ratio(ONE, f("cosh"));
    case "csch":
      return ratio(ONE, f("sinh"));
    default:
      return null;
  }
}

/**
 * Set while `trigRational` runs when a step depended on `prefer` (a cos/cosh double angle, or an
 * even power of sin, cos, sinh or cosh it met): otherwise both preferences give the same result.
 */
let preferConsulted = false;

function doubleAngle(fn: FunctionName, w: Expr, prefer: Prefer): Expr | null {
  if (fn === "cos" || fn === "cosh") preferConsulted = true;
  const f = (g: FunctionName): Expr => call(g, [w]);
  const sq = (g: FunctionName): Expr => pow(f(g), TWO);
  switch (fn) {
    case "sin":
      return mulAll([TWO, f("sin"), f("cos")]);
    case "cos":
      return prefer === "cos" ? sub(mulAll([TWO, sq("cos")]), ONE) : sub(ONE, mulAll([TWO, sq("sin")]));
    case "sinh":
      return mulAll([TWO, f("sinh"), f("cosh")]);
    case "cosh":
      return prefer === "cos" ? sub(mulAll([TWO, sq("cosh")]), ONE) : add(ONE, mulAll([TWO, sq("sinh")]));
    default:
      return null;
  }
}

const halves = new NodeMemo<Expr>();

/** `u/2` when that is an argument in `args` (so f(u) is a double angle of something present). */
function halfIn(u: Expr, args: { has(x: Expr): boolean }): Expr | null {
  let w = halves.get(u);
  if (w === undefined) halves.set(u, (w = mulAll([HALF, u])));
  return args.has(w) ? w : null;
}

/** The function whose even powers `reducePower` rewrites for `prefer`: sin and sinh, or cos and cosh. */
function disfavoured(fn: string, prefer: Prefer): boolean {
  return prefer === "cos" ? fn === "sin" || fn === "sinh" : fn === "cos" || fn === "cosh";
}

/** True when `reducePower(x, prefer)` rewrites the power `x`. */
function reduciblePower(x: Expr, prefer: Prefer): boolean {
  if (x.kind !== "pow" || x.base.kind !== "call" || x.exp.kind !== "num") return false;
  const k = x.exp.value;
  return k.isInteger() && k.num >= 2n && k.num <= 64n && disfavoured(x.base.fn, prefer);
}

/** `f(w)^k` (k >= 2) with the disfavoured square replaced through the Pythagorean identity. */
function reducePower(x: Expr, prefer: Prefer): Expr {
  if (x.kind !== "pow" || x.base.kind !== "call" || x.exp.kind !== "num") return x;
  if (SQUARED.has(x.base.fn) && x.exp.value.isInteger() && x.exp.value.num >= 2n) preferConsulted = true;
  if (!reduciblePower(x, prefer)) return x;
  const fn = x.base.fn;
  const k = x.exp.value;
  const w = x.base.args[0]!;
  const sq = (g: FunctionName): Expr => pow(call(g, [w]), TWO);
  let square: Expr;
  if (fn === "sin") square = sub(ONE, sq("cos"));
  else if (fn === "cos") square = sub(ONE, sq("sin"));
  else if (fn === "sinh") square = sub(sq("cosh"), ONE);
  else square = add(ONE, sq("sinh"));
  const n = Number(k.num);
  return mulAll([pow(x.base, num(n % 2)), pow(square, num(Math.floor(n / 2)))]);
}

/** Quotient functions (and sin, sinh) whose double angle expands the same way for both preferences. */
const PREFER_FREE_DOUBLES = new Set<string>(["sin", "sinh", "csc", "csch"]);

/**
 * The rational layer of one node as both runs of `trigRational` (prefer "cos", then "sin") see
 * it, surveyed once: which identities can fire for each preference, and the forms the two runs
 * share. `NodeFacts.trigLayer` keeps one per node for the two trig strategies.
 */
export class TrigLayer {
  /** Arguments of the layer's trig calls (`halfIn` finds the double angles among them). */
  readonly args: ReadonlySet<Expr>;
  /**
   * A quotient function (tan, cot, sec, csc and the hyperbolic cousins), a double angle of an
   * argument present or a negative numeric power: the common denominator and the cancellation
   * may change the layer whatever the preference.
   */
  private readonly changesAnyway: boolean;
  /** A power that `reducePower` rewrites, for each preference. */
  private readonly reducible: Record<Prefer, boolean> = { cos: false, sin: false };
  /** A term `f(u)^2` or `c*f(u)^2` of a sum of the layer with f a function `reducePower` rewrites, for each preference. */
  private readonly squareTerm: Record<Prefer, boolean> = { cos: false, sin: false };
  private readonly hasQuotient: boolean;
  private readonly hasDouble: boolean;
  /** An argument of those powers with another function of it in the layer, for each preference. */
  private readonly mixedArgument: Record<Prefer, boolean> = { cos: false, sin: false };
  /** A double angle whose expansion depends on the preference (of cos, cosh or a quotient of them). */
  private readonly preferredDouble: boolean;
  private quotients: Expr | undefined;
  /** The expanded form both preferences share when no double angle depends on the preference. */
  private shared: Expr | undefined;
  /** Whether the "cos" run took a step that depended on the preference; undefined until it ran. */
  cosRunConsulted: boolean | undefined;

  constructor(readonly node: Expr) {
    const calls: (Expr & { kind: "call" })[] = [];
    /** The arguments of the powers `reducePower` rewrites, for each preference. */
    const reducedArgs: Record<Prefer, Set<Expr>> = { cos: new Set(), sin: new Set() };
    let negativePower = false as boolean; // set by `survey` (the cast stops TypeScript narrowing it to false)
    const seen = new Set<Expr>();
    const survey = (x: Expr): void => {
      if (seen.has(x)) return;
      seen.add(x);
      if (x.kind === "call") {
        if (TRIG.has(x.fn)) calls.push(x);
        return;
      }
      if (x.kind === "pow") {
        if (x.exp.kind === "num" && x.exp.value.sign() < 0) negativePower = true;
        for (const prefer of PREFERS) {
          if (!reduciblePower(x, prefer)) continue;
          this.reducible[prefer] = true;
          reducedArgs[prefer].add(x.base.args[0]!);
        }
      }
      if (x.kind === "add")
        for (const t of x.args) {
          const square = t.kind === "mul" && t.args.length === 2 && t.args[0]!.kind === "num" ? t.args[1]! : t;
          if (square.kind !== "pow" || square.base.kind !== "call" || square.exp !== TWO) continue;
          for (const prefer of PREFERS) if (disfavoured(square.base.fn, prefer)) this.squareTerm[prefer] = true;
        }
      if (x.kind === "add" || x.kind === "mul" || x.kind === "pow") for (const a of x.args) survey(a);
    };
    survey(node);
    // The functions applied to each argument of the layer's trig calls (its keys are `args`).
    const functionsOf = new Map<Expr, Set<string>>();
    for (const c of calls) {
      const fns = functionsOf.get(c.args[0]!) ?? new Set();
      functionsOf.set(c.args[0]!, fns.add(c.fn));
    }
    const args = new Set(functionsOf.keys());
    this.args = args;
    for (const prefer of PREFERS) this.mixedArgument[prefer] = [...reducedArgs[prefer]].some((u) => functionsOf.get(u)!.size > 1);
    const doubles = calls.filter((c) => halfIn(c.args[0]!, args) !== null);
    this.hasQuotient = calls.some((c) => QUOTIENTS.has(c.fn));
    this.hasDouble = doubles.length > 0;
    this.changesAnyway = negativePower || this.hasDouble || this.hasQuotient;
    this.preferredDouble = doubles.some((c) => !PREFER_FREE_DOUBLES.has(c.fn));
  }

  /** False when `trigRational(node, prefer)` is the node itself: nothing to rewrite, no denominator to combine. */
  mayChange(prefer: Prefer): boolean {
    return this.changesAnyway || this.reducible[prefer];
  }

  /**
   * False when `trigRational(node, prefer)` costs more than the node. Without a quotient, a double
   * angle or a denominator, the run only replaces each power f(u)^k (k >= 2) of the disfavoured
   * function by f(u)^(k mod 2)*(1 - g(u)^2)^(k div 2) (common denominator and cancellation leave
   * the rest), which prints at least 2 tokens longer (1 at most comes back where the order of a
   * sum's terms, and so its leading minus, changes). It can combine with its neighbours only
   * where g(u) occurs already (u has another function in the layer), or where a sum's term
   * `c*f(u)^2` becomes `c - c*g(u)^2` and the constants merge.
   */
  mayGain(prefer: Prefer): boolean {
    return this.changesAnyway || (this.reducible[prefer] && (this.squareTerm[prefer] || this.mixedArgument[prefer]));
  }

  /** False when the "sin" run cannot gain, or would build the "cos" run's form (no step of that run depended on the preference). */
  sinRunMayDiffer(): boolean {
    return this.mayGain("sin") && this.cosRunConsulted !== false;
  }

  /** The layer with quotient functions as quotients of sin and cos (sinh and cosh) and double angles expanded for `prefer`. */
  expanded(prefer: Prefer): Expr {
    if (this.preferredDouble) return this.doublesExpanded(prefer);
    return (this.shared ??= this.doublesExpanded(prefer));
  }

  private doublesExpanded(prefer: Prefer): Expr {
    const quotients = (this.quotients ??= this.hasQuotient
      ? mapLayer(this.node, (x) => (x.kind === "call" ? (quotientForm(x.fn, x.args[0]!) ?? x) : x))
      : this.node);
    // The quotients' sines and cosines have the arguments of the calls they replace: no new double angle.
    if (!this.hasDouble) return quotients;
    return mapLayer(quotients, (x) => {
      if (x.kind !== "call" || !TRIG.has(x.fn)) return x;
      const w = halfIn(x.args[0]!, this.args);
      return w === null ? x : (doubleAngle(x.fn, w, prefer) ?? x);
    });
  }
}

/** `layer`: the survey of `e`'s layer, when the caller has one (both strategies share it). */
export function trigRational(e: Expr, prefer: Prefer, layer: TrigLayer = new TrigLayer(e)): Expr {
  if (!layer.mayChange(prefer)) return e;
  preferConsulted = false;
  let r = layer.expanded(prefer);
  for (let round = 0; round < 2; round++) {
    const reduced = mapLayer(r, (x) => reducePower(x, prefer));
    // `r` is then a cancelled form with no power to reduce: a common denominator and cancelling leave it.
    if (round > 0 && reduced === r) break;
    const next = cancelTop(togetherRational(reduced));
    if (next === r) break;
    r = next;
  }
  if (prefer === "cos") layer.cosRunConsulted = preferConsulted;
  return r;
}

/** The sum of `c*f(a)*g(b)` for a product of two sines/cosines, or null for another pair. */
function pairToSum(f: FunctionName, a: Expr, g: FunctionName, b: Expr): Expr | null {
  const plus = addAll([a, b]);
  let minus = sub(a, b);
  let sign = ONE;
  if (leadingNegative(minus)) {
    // cos is even and sin is odd: sin(a - b) = -sin(b - a).
    minus = sub(b, a);
    if (f !== g) sign = num(-1);
  }
  const h = (fn: FunctionName, u: Expr): Expr => call(fn, [u]);
  if (f === "sin" && g === "sin") return mulAll([HALF, sub(h("cos", minus), h("cos", plus))]);
  if (f === "cos" && g === "cos") return mulAll([HALF, addAll([h("cos", minus), h("cos", plus)])]);
  if (f === "sin" && g === "cos") return mulAll([HALF, addAll([h("sin", plus), mulAll([sign, h("sin", minus)])])]);
  if (f === "cos" && g === "sin") return mulAll([HALF, sub(h("sin", plus), mulAll([sign, h("sin", minus)]))]);
  return null;
}

/** True when the first term of `u` (canonical order, constant last) has a negative coefficient. */
function leadingNegative(u: Expr): boolean {
  const terms = u.kind === "add" ? u.args.filter((t) => t.kind !== "num") : [u];
  const t = terms[0];
  if (t === undefined) return u.kind === "num" && u.value.sign() < 0;
  return t.kind === "mul" && t.args[0]!.kind === "num" && t.args[0]!.value.sign() < 0;
}

export function productToSum(e: Expr): Expr {
  if (e.kind !== "add") return e;
  let changed = false as boolean; // set by the callback below (the cast stops TypeScript narrowing it to false)
  const terms = e.args.map((t) => {
    if (t.kind !== "mul") return t;
    const trig = t.args.filter((f) => f.kind === "call" && (f.fn === "sin" || f.fn === "cos"));
    if (trig.length !== 2) return t;
    const [p, q] = trig as [Expr & { kind: "call" }, Expr & { kind: "call" }];
    const s = pairToSum(p.fn, p.args[0]!, q.fn, q.args[0]!);
    if (s === null) return t;
    changed = true;
    return mulAll([...t.args.filter((f) => f !== p && f !== q), s]);
  });
  return changed ? addAll(terms) : e;
}
