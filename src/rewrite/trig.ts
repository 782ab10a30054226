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

/** Arguments of the trig/hyperbolic calls in the rational layer of `e`. */
function layerArguments(e: Expr, out: Set<Expr>): Set<Expr> {
  if (e.kind === "call") {
    if (TRIG.has(e.fn)) out.add(e.args[0]!);
  } else if (e.kind === "add" || e.kind === "mul" || e.kind === "pow") for (const a of e.args) layerArguments(a, out);
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

/** Nodes whose `trigRational` result does not depend on `prefer` (recorded by a "cos" run). */
const preferIrrelevant = new WeakSet<Expr>();

/** False when a "cos" run of `trigRational(e)` showed the "sin" run would build the same form. */
export function trigPreferMatters(e: Expr): boolean {
  return !preferIrrelevant.has(e);
}

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

/**
 * False when `trigRational(e, prefer)` is `e` itself: the rational layer has no quotient function
 * (tan, cot, sec, csc and their hyperbolic cousins), no double angle of an argument present, no
 * power that `reducePower` rewrites and no negative numeric power, so the common denominator and
 * the cancellation leave it as it is.
 */
function trigRationalMayChange(e: Expr, prefer: Prefer, args: ReadonlySet<Expr>): boolean {
  const seen = new Set<Expr>();
  const go = (x: Expr): boolean => {
    if (seen.has(x)) return false;
    seen.add(x);
    if (x.kind === "call") return TRIG.has(x.fn) && (QUOTIENTS.has(x.fn) || halfIn(x.args[0]!, args) !== null);
    if (x.kind === "pow" && ((x.exp.kind === "num" && x.exp.value.sign() < 0) || reduciblePower(x, prefer))) return true;
    if (x.kind === "add" || x.kind === "mul" || x.kind === "pow") for (const a of x.args) if (go(a)) return true;
    return false;
  };
  return go(e);
}

export function trigRational(e: Expr, prefer: Prefer): Expr {
  const args = layerArguments(e, new Set());
  if (!trigRationalMayChange(e, prefer, args)) return e;
  preferConsulted = false;
  const r = trigRationalSteps(e, prefer, args);
  // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- the steps set preferConsulted; TypeScript does not see writes made by called functions
  if (prefer === "cos" && !preferConsulted) preferIrrelevant.add(e);
  return r;
}

function trigRationalSteps(e: Expr, prefer: Prefer, args: ReadonlySet<Expr>): Expr {
  let r = mapLayer(e, (x) => {
    if (x.kind !== "call") return x;
    return quotientForm(x.fn, x.args[0]!) ?? x;
  });
  r = mapLayer(r, (x) => {
    if (x.kind !== "call" || !TRIG.has(x.fn)) return x;
    const w = halfIn(x.args[0]!, args);
    return w === null ? x : (doubleAngle(x.fn, w, prefer) ?? x);
  });
  for (let round = 0; round < 2; round++) {
    const reduced = mapLayer(r, (x) => reducePower(x, prefer));
    const next = cancelTop(togetherRational(reduced));
    if (next === r) break;
    r = next;
  }
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
