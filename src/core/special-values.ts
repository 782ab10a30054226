/**
 * Canonical forms and exact values of the piecewise and special functions, applied by `call` in
 * `build.ts` (through `foldCall` of `exact-values.ts`):
 * - `min`, `max`: nested calls of the same function are flattened, duplicates dropped
 *   (`max(x, x)` is `x`), numbers folded to one, and the list is nested to the right in canonical
 *   order, so `max(y, max(x, 1), 3)` is `max(3, max(x, y))`. `beta(u, v)` has its two arguments
 *   in canonical order (it is symmetric).
 * - `atan2` of constants on the axes or at tabulated angles (`atan2(1, -1)` is `3*pi/4`).
 * - `heaviside`, `sign`, `abs` of a constant of known sign (`heaviside(sqrt(2))` is `1`,
 *   `heaviside(0)` is `1/2`); `floor`, `ceil`, `round` of numbers (`round` rounds half up, as
 *   `Math.round`: `round(-5/2)` is `-2`), and of a call that is already an integer
 *   (`floor(ceil(x))` is `ceil(x)`).
 * - `gamma` at positive integers and half-integers up to 1000 (`gamma(5)` is `24`,
 *   `gamma(1/2)` is `sqrt(pi)`); at its poles (0, -1, ...) it stays. `loggamma` at positive
 *   integers is `log((n-1)!)`; `polygamma(0, u)` is `digamma(u)`; `beta` of positive integers
 *   is rational; `erfc(0)` is `1`; `xlogy(0, v)` and `xlogy(u, 1)` are `0`.
 */
import { compareExpr } from "./compare.js";
import { addAll, call, internCall, MINUS_ONE, mulAll, num, ONE, PI, pow, sqrt, ZERO } from "./build.js";
import type { FunctionName } from "./functions.js";
import type { Expr } from "./node.js";
import { Rational } from "./rational.js";

/** The functions folded here. */
const SPECIAL = new Set<FunctionName>([
  "atan2",
  "min",
  "max",
  "heaviside",
  "sign",
  "abs",
  "floor",
  "ceil",
  "round",
  "gamma",
  "loggamma",
  "polygamma",
  "beta",
  "erfc",
  "xlogy",
]);

/**
 * xlogy(u, v) is 0 where u = 0 (by definition) or v = 1, and a nonzero number times log(v).
 * It is linear in u, so factors of a product u other than v, powers of v and xlogy(w, v) move out
 * (`xlogy(2*y*(x^2)^y, x^2)` is `2*y*xlogy((x^2)^y, x^2)`): equal wherever they are finite.
 */
function foldXlogy(u: Expr, v: Expr): Expr | undefined {
  if (u === ZERO || v === ONE) return ZERO;
  if (u.kind === "num") return mulAll([u, call("log", [v])]);
  if (u.kind !== "mul") return undefined;
  const inside = u.args.filter((f) => f === v || (f.kind === "pow" && f.base === v) || (f.kind === "call" && f.fn === "xlogy" && f.args[1] === v));
  if (inside.length === 0 || inside.length === u.args.length) return undefined;
  const outside = u.args.filter((f) => !inside.includes(f));
  return mulAll([...outside, call("xlogy", [mulAll(inside), v])]);
}

/** Exact factorials and gamma values are built only for arguments up to this size. */
const MAX_EXACT_ARGUMENT = 1000n;

export function isSpecial(fn: FunctionName): boolean {
  return SPECIAL.has(fn);
}

/**
 * The sign of a constant expression when it follows from its structure alone (numbers, pi, e,
 * radicals of positive numbers, products, sums of terms of one sign); undefined otherwise.
 */
export function knownSign(e: Expr): -1 | 0 | 1 | undefined {
  switch (e.kind) {
    case "num":
      return e.value.sign();
    case "const":
      return 1;
    case "pow":
      return e.base.kind === "num" && e.base.value.sign() > 0 && knownSign(e.exp) !== undefined ? 1 : undefined;
    case "mul": {
      let s: -1 | 0 | 1 = 1;
      for (const f of e.args) {
        const t = knownSign(f);
        if (t === undefined) return undefined;
        s = (s * t) as -1 | 0 | 1;
      }
      return s;
    }
    case "add": {
      const first = knownSign(e.args[0]!);
      if (first === undefined || first === 0) return undefined;
      for (const t of e.args) if (knownSign(t) !== first) return undefined;
      return first;
    }
    case "call":
      return e.fn === "exp" && knownSign(e.args[0]!) !== undefined ? 1 : undefined;
    default:
      return undefined;
  }
}

/** The flat, deduplicated, sorted arguments of nested `fn` calls, numbers folded into one. */
function minMax(fn: "min" | "max", args: readonly Expr[]): Expr {
  const items: Expr[] = [];
  let best: Rational | undefined;
  const stack = [...args];
  while (stack.length > 0) {
    const a = stack.pop()!;
    if (a.kind === "call" && a.fn === fn) stack.push(...a.args);
    else if (a.kind === "num") best = best === undefined || (fn === "max" ? a.value.cmp(best) > 0 : a.value.cmp(best) < 0) ? a.value : best;
    else items.push(a);
  }
  items.sort(compareExpr);
  const list: Expr[] = best === undefined ? [] : [num(best)];
  for (const a of items) if (list[list.length - 1] !== a) list.push(a);
  let acc = list[list.length - 1]!;
  for (let i = list.length - 2; i >= 0; i--) acc = internCall(fn, [list[i]!, acc]);
  return acc;
}

function factorial(n: bigint): bigint {
  let f = 1n;
  for (let k = 2n; k <= n; k++) f *= k;
  return f;
}

/** Γ(r) for a positive integer or a half-integer r with |r| <= 1000; undefined at poles and elsewhere. */
function exactGamma(r: Rational): Expr | undefined {
  if (r.isInteger()) return r.num > 0n && r.num <= MAX_EXACT_ARGUMENT ? num(factorial(r.num - 1n)) : undefined;
  if (r.den !== 2n) return undefined;
  // r = n + 1/2: Γ(n + 1/2) = (2n)! / (4^n n!) sqrt(pi), and Γ(1/2 - n) = (-4)^n n! / (2n)! sqrt(pi).
  const n = r.floor();
  const m = n < 0n ? -n : n;
  if (m > MAX_EXACT_ARGUMENT) return undefined;
  const ratio = Rational.of(factorial(2n * m), 4n ** m * factorial(m));
  const c = n >= 0n ? ratio : (m % 2n === 0n ? Rational.ONE : Rational.MINUS_ONE).div(ratio);
  return mulAll([num(c), sqrt(PI)]);
}

/**
 * atan2(y, x) of constants of known sign, when the angle is exactly known: on the axes
 * (`atan2(0, 1)` is 0, `atan2(1, 0)` is pi/2, `atan2(0, -1)` is pi, `atan2(0, 0)` is 0 as in
 * Math.atan2), else atan(y/x) shifted by the quadrant when that atan folds (`atan2(1, 1)` is pi/4).
 */
function exactAtan2(y: Expr, x: Expr): Expr | undefined {
  const sy = knownSign(y);
  const sx = knownSign(x);
  if (sy === undefined || sx === undefined) return undefined;
  const halfPi = mulAll([num(Rational.HALF), PI]);
  if (sx === 0) return sy === 0 ? ZERO : sy > 0 ? halfPi : mulAll([MINUS_ONE, halfPi]);
  if (sy === 0) return sx > 0 ? ZERO : PI;
  const angle = call("atan", [mulAll([y, pow(x, MINUS_ONE)])]);
  if (angle.kind === "call") return undefined;
  return sx > 0 ? angle : addAll([angle, sy > 0 ? PI : mulAll([MINUS_ONE, PI])]);
}

const INTEGER_VALUED = new Set<FunctionName>(["floor", "ceil", "round", "sign", "heaviside"]);

/** The canonical form or exact value of special function `fn(args)`; undefined keeps the call. */
export function foldSpecial(fn: FunctionName, args: readonly Expr[]): Expr | undefined {
  const u = args[0]!;
  switch (fn) {
    case "min":
    case "max":
      return minMax(fn, args);
    case "atan2":
      return exactAtan2(u, args[1]!);
    case "beta": {
      const v = args[1]!;
      if (u.kind === "num" && v.kind === "num" && u.value.isInteger() && v.value.isInteger()) {
        const a = u.value.num;
        const b = v.value.num;
        if (a > 0n && b > 0n && a + b <= MAX_EXACT_ARGUMENT) return num(Rational.of(factorial(a - 1n) * factorial(b - 1n), factorial(a + b - 1n)));
      }
      return compareExpr(u, v) > 0 ? internCall("beta", [v, u]) : undefined;
    }
    case "heaviside": {
      const s = knownSign(u);
      return s === undefined ? undefined : num(s > 0 ? Rational.ONE : s < 0 ? Rational.ZERO : Rational.HALF);
    }
    case "sign": {
      const s = knownSign(u);
      return s === undefined ? undefined : num(s);
    }
    case "abs": {
      const s = knownSign(u);
      return s === undefined ? undefined : s < 0 ? mulAll([MINUS_ONE, u]) : u;
    }
    case "floor":
    case "ceil":
    case "round":
      if (u.kind === "num") {
        const r = u.value;
        const f = fn === "floor" ? r.floor() : fn === "ceil" ? -r.neg().floor() : r.add(Rational.HALF).floor();
        return num(f);
      }
      return u.kind === "call" && INTEGER_VALUED.has(u.fn) ? u : undefined;
    case "gamma":
      return u.kind === "num" ? exactGamma(u.value) : undefined;
    case "loggamma":
      if (u.kind === "num" && u.value.isInteger() && u.value.num > 0n && u.value.num <= MAX_EXACT_ARGUMENT)
        return call("log", [num(factorial(u.value.num - 1n))]);
      return undefined;
    case "polygamma":
      return u === ZERO ? call("digamma", [args[1]!]) : undefined;
    case "erfc":
      return u === ZERO ? ONE : undefined;
    case "xlogy":
      return foldXlogy(u, args[1]!);
    default:
      return undefined;
  }
}
