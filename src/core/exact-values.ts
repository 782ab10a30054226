/**
 * Exact values and argument reductions of function calls, applied by `call` in `build.ts` at
 * construction, so that a derivative evaluated at a point is exact (`cos(pi)` is `-1`).
 *
 * Every reduction is an identity of real functions that holds wherever its input is defined:
 * - Trig functions of `w + c*pi` (c rational): c is reduced by the period (2 for sin, cos, sec,
 *   csc; 1 for tan, cot) and then by pi/2 with the cofunction (`sin(w + pi/2)` is `cos(w)`), so
 *   c ends in [0, 1/2). For w = 0 and c a multiple of 1/12 the value is a table entry (radicals
 *   of 2, 3 and 6); at a pole (`tan(pi/2)`, `cot(0)`) the call is left exactly as written.
 * - Parity: an odd function of a negated argument is negated (`sin(-x)` is `-sin(x)`), an even
 *   one drops the sign (`cos(-x)` is `cos(x)`). An argument counts as negated when it is a
 *   negative number, a product with a negative coefficient, or a sum all of whose terms
 *   (constant included) have negative coefficients; arguments with a pi part are reduced by the
 *   period rule instead.
 * - Inverse trig functions at the table values (`asin(1/2)` is `pi/6`, `acos(-1)` is `pi`,
 *   `acot(0)` is `pi/2`), with the float conventions of `numeric/float-functions.ts`
 *   (acot(x) = atan(1/x), asec(x) = acos(1/x), acsc(x) = asin(1/x)).
 * Nothing here is lazy about correctness: a value is folded only when it is exactly known.
 */
import { addAll, internCall, mulAll, num, PI, sqrt, ZERO } from "./build.js";
import { EVEN_FUNCTIONS, ODD_FUNCTIONS, type FunctionName } from "./functions.js";
import type { Expr } from "./node.js";
import { Rational } from "./rational.js";
import { foldSpecial, isSpecial } from "./special-values.js";

type Trig = "sin" | "cos" | "tan" | "cot" | "sec" | "csc";

/** f(w + pi) = sign * f(w), f(w + pi/2) = sign * cofunction(w). */
const SHIFT: Readonly<Record<Trig, { readonly byPi: 1 | -1; readonly period: 1 | 2; readonly co: Trig; readonly coSign: 1 | -1 }>> = {
  sin: { byPi: -1, period: 2, co: "cos", coSign: 1 },
  cos: { byPi: -1, period: 2, co: "sin", coSign: -1 },
  tan: { byPi: 1, period: 1, co: "cot", coSign: -1 },
  cot: { byPi: 1, period: 1, co: "tan", coSign: -1 },
  sec: { byPi: -1, period: 2, co: "csc", coSign: -1 },
  csc: { byPi: -1, period: 2, co: "sec", coSign: 1 },
};

/**
 * A value as a sum of `numerator/denominator * sqrt(radicand)` terms; `null` at a pole.
 * Rows are c = 0, 1/12, 2/12, ..., 6/12 (the angle c*pi).
 */
type Value = readonly (readonly [number, number, number])[] | null;
const S2 = 2;
const S3 = 3;
const S6 = 6;
const TRIG_VALUES: Readonly<Record<Trig, readonly Value[]>> = {
  sin: [
    [],
    [
      [1, 4, S6],
      [-1, 4, S2],
    ],
    [[1, 2, 1]],
    [[1, 2, S2]],
    [[1, 2, S3]],
    [
      [1, 4, S6],
      [1, 4, S2],
    ],
    [[1, 1, 1]],
  ],
  cos: [
    [[1, 1, 1]],
    [
      [1, 4, S6],
      [1, 4, S2],
    ],
    [[1, 2, S3]],
    [[1, 2, S2]],
    [[1, 2, 1]],
    [
      [1, 4, S6],
      [-1, 4, S2],
    ],
    [],
  ],
  tan: [
    [],
    [
      [2, 1, 1],
      [-1, 1, S3],
    ],
    [[1, 3, S3]],
    [[1, 1, 1]],
    [[1, 1, S3]],
    [
      [2, 1, 1],
      [1, 1, S3],
    ],
    null,
  ],
  cot: [
    null,
    [
      [2, 1, 1],
      [1, 1, S3],
    ],
    [[1, 1, S3]],
    [[1, 1, 1]],
    [[1, 3, S3]],
    [
      [2, 1, 1],
      [-1, 1, S3],
    ],
    [],
  ],
  sec: [
    [[1, 1, 1]],
    [
      [1, 1, S6],
      [-1, 1, S2],
    ],
    [[2, 3, S3]],
    [[1, 1, S2]],
    [[2, 1, 1]],
    [
      [1, 1, S6],
      [1, 1, S2],
    ],
    null,
  ],
  csc: [
    null,
    [
      [1, 1, S6],
      [1, 1, S2],
    ],
    [[2, 1, 1]],
    [[1, 1, S2]],
    [[2, 3, S3]],
    [
      [1, 1, S6],
      [-1, 1, S2],
    ],
    [[1, 1, 1]],
  ],
};

const TWELFTH = Rational.of(1, 12);
const HALF = Rational.HALF;

/** The table as nodes, and the inverse maps value -> c (for c in [0, 1/2]), built on first use. */
interface Tables {
  readonly values: Readonly<Record<Trig, readonly (Expr | null)[]>>;
  readonly angleOf: Readonly<Record<Trig, ReadonlyMap<Expr, Rational>>>;
}
let tables: Tables | null = null;

function built(): Tables {
  if (tables !== null) return tables;
  const values = {} as Record<Trig, (Expr | null)[]>;
  const angleOf = {} as Record<Trig, Map<Expr, Rational>>;
  for (const fn of Object.keys(TRIG_VALUES) as Trig[]) {
    values[fn] = TRIG_VALUES[fn].map((v) =>
      v === null ? null : addAll(v.map(([p, q, r]) => mulAll([num(Rational.of(p, q)), r === 1 ? num(1) : sqrt(num(r))]))),
    );
    const inverse = new Map<Expr, Rational>();
    values[fn].forEach((v, k) => {
      if (v !== null && !inverse.has(v)) inverse.set(v, TWELFTH.mul(Rational.of(k)));
    });
    angleOf[fn] = inverse;
  }
  tables = { values, angleOf };
  return tables;
}

/** `u` as `w + c*pi`: the rest and the rational coefficient of pi (0 when there is no pi term). */
function splitPi(u: Expr): [Expr, Rational] {
  const piCoefficient = (t: Expr): Rational | null => {
    if (t === PI) return Rational.ONE;
    if (t.kind === "mul" && t.args.length === 2 && t.args[1] === PI && t.args[0]!.kind === "num") return t.args[0]!.value;
    return null;
  };
  const whole = piCoefficient(u);
  if (whole !== null) return [ZERO, whole];
  if (u.kind === "add") {
    for (let i = 0; i < u.args.length; i++) {
      const c = piCoefficient(u.args[i]!);
      if (c !== null) return [addAll(u.args.filter((_, j) => j !== i)), c];
    }
  }
  return [u, Rational.ZERO];
}

function coefficientSign(t: Expr): number {
  if (t.kind === "num") return t.value.sign();
  if (t.kind === "mul" && t.args[0]!.kind === "num") return t.args[0]!.value.sign();
  return 1;
}

/** Whether `u` reads as a negated expression (see the module comment). */
function isNegated(u: Expr): boolean {
  if (u.kind === "add") return u.args.every((t) => coefficientSign(t) < 0);
  return coefficientSign(u) < 0;
}

function negate(e: Expr): Expr {
  return mulAll([num(-1), e]);
}

/** `x mod m` in [0, m) for a positive integer m. */
function modulo(x: Rational, m: number): Rational {
  const M = Rational.of(m);
  const q = x.div(M).floor();
  return x.sub(M.mul(Rational.int(q)));
}

/** f(pi - a) = sign * f(a). */
const REFLECT: Readonly<Record<Trig, 1 | -1>> = { sin: 1, cos: -1, tan: -1, cot: -1, sec: -1, csc: 1 };

/**
 * The exact value or reduced form of trig function `fn` at `u`, or undefined to keep `fn(u)`.
 * A numeric angle c*pi is brought into [0, pi/2] by the period, the shift by pi and the reflection
 * a -> pi - a, keeping the function. In `w + c*pi` with w symbolic, c is brought into
 * [-1/2, 1/2) by shifts of pi, and c = -1/2 becomes 0 through the cofunction
 * (`cos(2*x - pi/12)` stays, `sin(x + 4*pi/3)` is `-sin(x + pi/3)`, `sin(x + pi/2)` is `cos(x)`).
 */
function trigCall(fn: Trig, u: Expr): Expr | undefined {
  const [w, c] = splitPi(u);
  if (c.isZero()) return parity(fn, u);
  const shift = SHIFT[fn];
  if (w === ZERO) {
    let sign = 1;
    let k = modulo(c, shift.period);
    if (k.cmp(Rational.ONE) >= 0) {
      k = k.sub(Rational.ONE);
      sign *= shift.byPi;
    }
    if (k.cmp(HALF) > 0) {
      k = Rational.ONE.sub(k);
      sign *= REFLECT[fn];
    }
    const twelfths = k.div(TWELFTH);
    if (twelfths.isInteger()) {
      // The table has an entry for every twelfth in range; null marks a pole.
      const value = built().values[fn][Number(twelfths.num)];
      return value === null ? undefined : signed(sign, value!); // at a pole (tan(pi/2)) the call stays as written
    }
    return sign === 1 && k.equals(c) ? undefined : signed(sign, internCall(fn, [mulAll([num(k), PI])]));
  }
  // c = n + k with k in [-1/2, 1/2): f(w + c*pi) = byPi^n * f(w + k*pi).
  const n = c.add(HALF).floor();
  let k = c.sub(Rational.int(n));
  let sign = shift.byPi < 0 && n % 2n !== 0n ? -1 : 1;
  let f: Trig = fn;
  if (k.equals(HALF.neg())) {
    k = Rational.ZERO; // f(v - pi/2) = byPi * f(v + pi/2) = byPi * coSign * co(v)
    sign *= shift.byPi * shift.coSign;
    f = shift.co;
  }
  if (f === fn && k.equals(c)) return undefined;
  const reduced = k.isZero() ? w : addAll([w, mulAll([num(k), PI])]);
  return signed(sign, callFolded(f, reduced));
}

function signed(sign: number, e: Expr): Expr {
  return sign < 0 ? negate(e) : e;
}

/** `fn(u)` folded (the reductions here), without the arity check of the public builder. */
function callFolded(fn: FunctionName, u: Expr): Expr {
  return foldCall(fn, [u]) ?? internCall(fn, [u]);
}

function parity(fn: FunctionName, u: Expr): Expr | undefined {
  if (!(ODD_FUNCTIONS.has(fn) || EVEN_FUNCTIONS.has(fn)) || !isNegated(u)) return undefined;
  const f = callFolded(fn, negate(u));
  return EVEN_FUNCTIONS.has(fn) ? f : negate(f);
}

/** c*pi for the angle c of `v` in `table` over [0, 1/2], or for -v: -c ("odd") or 1 - c ("reflect"). */
function inverseTrig(table: Trig, v: Expr, negativeArgument: "odd" | "reflect"): Expr | undefined {
  const angles = built().angleOf[table];
  const c = angles.get(v);
  if (c !== undefined) return mulAll([num(c), PI]);
  // Only small constant arguments can be table values; others are not negated just to look them up.
  if (v.depth > 4 || v.kind === "sym" || v.kind === "call") return undefined;
  const d = angles.get(negate(v));
  if (d === undefined) return undefined;
  return mulAll([num(negativeArgument === "odd" ? d.neg() : Rational.ONE.sub(d)), PI]);
}

/** acot(v) = atan(1/v), in (-pi/2, pi/2]: the angle of v in the cot table, or minus that of -v. */
function inverseCot(v: Expr): Expr | undefined {
  if (v === ZERO) return mulAll([num(HALF), PI]);
  return inverseTrig("cot", v, "odd");
}

/** The exact value or reduced form of `fn(args)`, or undefined when the call stays as it is. */
export function foldCall(fn: FunctionName, args: readonly Expr[]): Expr | undefined {
  if (isSpecial(fn)) return foldSpecial(fn, args) ?? parity(fn, args[0]!);
  if (args.length !== 1) return undefined;
  const u = args[0]!;
  switch (fn) {
    case "sin":
    case "cos":
    case "tan":
    case "cot":
    case "sec":
    case "csc":
      return trigCall(fn, u);
    case "asin":
      return inverseTrig("sin", u, "odd") ?? parity(fn, u);
    case "acos":
      return inverseTrig("cos", u, "reflect");
    case "atan":
      return inverseTrig("tan", u, "odd") ?? parity(fn, u);
    case "acot":
      return inverseCot(u);
    case "asec":
      return inverseTrig("sec", u, "reflect");
    case "acsc":
      return inverseTrig("csc", u, "odd") ?? parity(fn, u);
    default:
      return parity(fn, u);
  }
}
