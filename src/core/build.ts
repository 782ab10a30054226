/**
 * The one place that creates expression nodes. Every public constructor here returns a node in
 * canonical form (see `node.ts`) and interns it, so structurally equal results are `===`.
 *
 * Two tiers: the public builders (`add`, `mul`, `pow`, `call`, ...) canonicalise their input; the
 * `intern*` functions are trusted and only for callers whose arguments are already canonical,
 * sorted and combined (they are not exported from the package).
 */
import { compareExpr } from "./compare.js";
import { DomainError, LimitError } from "./errors.js";
import { FUNCTION_ARITY, type FunctionName } from "./functions.js";
import { limits } from "./limits.js";
import { Add, Call, Const, Mul, Num, Pow, Sym, type ConstName, type Expr } from "./node.js";
import { bitLength, exactRoot, Rational } from "./rational.js";

const table = new Map<string, Expr>();

/** Rationals whose parts are below this magnitude need no size check. */
const SMALL = 1n << 64n;

/** Nodes created so far, and the count at which the innermost `withNodeBudget` stops. */
let created = 0;
let budgetEnd = Infinity;

function intern<T extends Expr>(key: string, make: () => T): T {
  const hit = table.get(key);
  if (hit !== undefined) return hit as T;
  const node = make();
  if (node.depth > limits.maxDepth) {
    throw new LimitError("maxDepth", limits.maxDepth, `expression nested ${node.depth} deep`);
  }
  if (++created > budgetEnd) {
    throw new LimitError("maxNodes", limits.maxNodes, "the operation created too many expression nodes");
  }
  table.set(key, node);
  return node;
}

/**
 * Runs `work` allowing it to create at most `limits.maxNodes` new nodes (a LimitError past that).
 * Nested budgets keep the tighter end.
 */
export function withNodeBudget<T>(work: () => T): T {
  const saved = budgetEnd;
  budgetEnd = Math.min(saved, created + limits.maxNodes);
  try {
    return work();
  } finally {
    budgetEnd = saved;
  }
}

/** Number of distinct nodes interned so far (for tests and limits). */
export function internedCount(): number {
  return table.size;
}

function idList(args: readonly Expr[]): string {
  let s = "";
  for (const a of args) s += a.id + ",";
  return s;
}

// ---------------------------------------------------------------- atoms

export function num(value: Rational | bigint | number): Num {
  const r = value instanceof Rational ? value : typeof value === "bigint" ? Rational.int(value) : rationalFromNumber(value);
  checkBits(r);
  return intern("n" + r.toString(), () => new Num(r));
}

/** The exact rational a finite double denotes in its shortest decimal form (0.1 is 1/10). */
export function rationalFromNumber(x: number): Rational {
  if (!Number.isFinite(x)) throw new DomainError(`not a finite number: ${x}`);
  if (Number.isInteger(x) && Math.abs(x) <= Number.MAX_SAFE_INTEGER) return Rational.int(BigInt(x));
  const text = String(Math.abs(x));
  const r = Rational.parseDecimal(text, 400);
  return x < 0 ? r.neg() : r;
}

export function sym(name: string): Sym {
  return intern("s" + name, () => new Sym(name));
}

export function constant(name: ConstName): Const {
  return intern("c" + name, () => new Const(name));
}

export const ZERO = num(0);
export const ONE = num(1);
export const MINUS_ONE = num(-1);
export const TWO = num(2);
export const HALF = num(Rational.HALF);
export const PI = constant("pi");
export const E = constant("e");

function checkBits(r: Rational): void {
  if (r.num < SMALL && r.num > -SMALL && r.den < SMALL) return;
  const bits = Math.max(bitLength(r.num < 0n ? -r.num : r.num), bitLength(r.den));
  if (bits > limits.maxIntegerBits) {
    throw new LimitError("maxIntegerBits", limits.maxIntegerBits, `a number of ${bits} bits`);
  }
}

// ---------------------------------------------------------------- trusted constructors

/** Trusted: `args` is a canonical, sorted, combined argument list of length >= 2. */
export function internAdd(args: readonly Expr[]): Add {
  return intern("a" + idList(args), () => new Add(args));
}
/** Trusted: `args` is a canonical, sorted, combined argument list of length >= 2. */
export function internMul(args: readonly Expr[]): Mul {
  return intern("m" + idList(args), () => new Mul(args));
}
/** Trusted: `base^exp` is already canonical. */
export function internPow(base: Expr, exp: Expr): Pow {
  return intern("p" + base.id + "," + exp.id, () => new Pow(base, exp));
}
/** Trusted: `fn(args)` is already canonical. */
export function internCall(fn: FunctionName, args: readonly Expr[]): Call {
  return intern("f" + fn + ":" + idList(args), () => new Call(fn, args));
}

// ---------------------------------------------------------------- decomposition helpers

/** Splits a term into its numeric coefficient and the rest: `3*x*y` -> [3, x*y], `x` -> [1, x]. */
export function splitCoefficient(t: Expr): [Rational, Expr] {
  if (t.kind === "num") return [t.value, ONE];
  if (t.kind === "mul" && t.args[0]!.kind === "num") {
    const c = (t.args[0] as Num).value;
    return [c, t.args.length === 2 ? t.args[1]! : internMul(t.args.slice(1))];
  }
  return [Rational.ONE, t];
}

/** Base and exponent of a factor: `x^3` -> [x, 3], `x` -> [x, 1]. */
export function baseAndExponent(f: Expr): [Expr, Expr] {
  return f.kind === "pow" ? [f.base, f.exp] : [f, ONE];
}

/** Order of terms in a sum: by the non-numeric part, then by coefficient. */
export function compareTerms(a: Expr, b: Expr): number {
  const [ca, ra] = splitCoefficient(a);
  const [cb, rb] = splitCoefficient(b);
  return compareExpr(ra, rb) || ca.cmp(cb);
}

/** Order of factors in a product: by base, then by exponent. */
export function compareFactors(a: Expr, b: Expr): number {
  const [ba, ea] = baseAndExponent(a);
  const [bb, eb] = baseAndExponent(b);
  return compareExpr(ba, bb) || compareExpr(ea, eb);
}

// ---------------------------------------------------------------- sums

export function add(...terms: Expr[]): Expr {
  return addAll(terms);
}

/** The canonical sum of `terms`: flattened, like terms collected, numbers folded, sorted. */
export function addAll(terms: readonly Expr[]): Expr {
  if (terms.length === 1) return terms[0]!;
  let constantPart = Rational.ZERO;
  const coefficients = new Map<Expr, Rational>();
  const collect = (t: Expr, scale: Rational): void => {
    if (t.kind === "num") {
      constantPart = constantPart.add(scale.mul(t.value));
    } else if (t.kind === "add") {
      for (const a of t.args) collect(a, scale);
    } else {
      const [c, rest] = splitCoefficient(t);
      const k = scale.mul(c);
      const prev = coefficients.get(rest);
      coefficients.set(rest, prev === undefined ? k : prev.add(k));
    }
  };
  for (const t of terms) collect(t, Rational.ONE);

  const pairs: [Expr, Rational][] = [];
  for (const [rest, c] of coefficients) if (!c.isZero()) pairs.push([rest, c]);
  pairs.sort((p, q) => compareExpr(p[0], q[0]));
  const args: Expr[] = [];
  if (!constantPart.isZero()) args.push(num(constantPart));
  for (const [rest, c] of pairs) args.push(scaleTerm(c, rest));
  if (args.length === 0) return ZERO;
  if (args.length === 1) return args[0]!;
  return internAdd(args);
}

/** `c * rest` where `rest` is a non-numeric, non-sum term without coefficient. */
function scaleTerm(c: Rational, rest: Expr): Expr {
  if (c.isOne()) return rest;
  const k = num(c);
  return rest.kind === "mul" ? internMul([k, ...rest.args]) : internMul([k, rest]);
}

export function neg(a: Expr): Expr {
  return mulAll([MINUS_ONE, a]);
}

export function sub(a: Expr, b: Expr): Expr {
  return addAll([a, neg(b)]);
}

// ---------------------------------------------------------------- products

export function mul(...factors: Expr[]): Expr {
  return mulAll(factors);
}

/** The canonical product of `factors`: flattened, powers of equal bases combined, sorted. */
export function mulAll(factors: readonly Expr[]): Expr {
  if (factors.length === 1) return factors[0]!;
  let coefficient = Rational.ONE;
  const exponents = new Map<Expr, Expr[]>();
  const collect = (f: Expr): void => {
    if (f.kind === "num") coefficient = coefficient.mul(f.value);
    else if (f.kind === "mul") for (const a of f.args) collect(a);
    else {
      const [b, e] = baseAndExponent(f);
      const list = exponents.get(b);
      if (list === undefined) exponents.set(b, [e]);
      else list.push(e);
    }
  };
  for (const f of factors) collect(f);
  if (coefficient.isZero()) return ZERO;
  checkBits(coefficient);

  const out: Expr[] = [];
  const again: Expr[] = [];
  for (const [b, es] of exponents) {
    const p = es.length === 1 ? (es[0] === ONE ? b : pow(b, es[0]!)) : pow(b, addAll(es));
    if (p.kind === "num") coefficient = coefficient.mul(p.value);
    else if (p.kind === "mul" || baseAndExponent(p)[0] !== b) again.push(p); // e*e is exp(2): merge anew
    else out.push(p);
  }
  if (again.length > 0) return mulAll([num(coefficient), ...out, ...again]);
  if (coefficient.isZero()) return ZERO;

  if (out.length === 1 && out[0]!.kind === "add" && !coefficient.isOne()) {
    // A number times a sum is distributed: 2*(x+1) is 2*x + 2.
    const k = num(coefficient);
    return addAll(out[0]!.args.map((t) => mulAll([k, t])));
  }
  out.sort(compareFactors);
  if (!coefficient.isOne()) out.unshift(num(coefficient));
  if (out.length === 0) return num(coefficient);
  if (out.length === 1) return out[0]!;
  return internMul(out);
}

export function div(a: Expr, b: Expr): Expr {
  return mulAll([a, pow(b, MINUS_ONE)]);
}

// ---------------------------------------------------------------- powers

export function pow(base: Expr, exponent: Expr): Expr {
  if (exponent.kind === "num") {
    const r = exponent.value;
    if (r.isZero()) return ONE; // x^0 = 1, including 0^0 = 1 as in Math.pow
    if (r.isOne()) return base;
    if (base.kind === "num") return numberPower(base.value, r);
    if (base.kind === "pow" && r.isInteger()) return pow(base.base, mulAll([base.exp, exponent]));
    if (base.kind === "mul") {
      if (r.isInteger()) return mulAll(base.args.map((f) => pow(f, exponent)));
      const first = base.args[0]!;
      if (first.kind === "num" && first.value.sign() > 0) {
        // (c*u)^r = c^r * u^r for c > 0.
        const rest = base.args.length === 2 ? base.args[1]! : internMul(base.args.slice(1));
        return mulAll([numberPower(first.value, r), pow(rest, exponent)]);
      }
    }
  } else if (base.kind === "num") {
    if (base.value.isOne()) return ONE;
  }
  if (base === E) return call("exp", [exponent]);
  // exp(u)^v = exp(u*v) for real u.
  if (base.kind === "call" && base.fn === "exp") return call("exp", [mulAll([base.args[0]!, exponent])]);
  return internPow(base, exponent);
}

/** b^r for rationals: exact where the result is rational, else a canonical irrational power. */
function numberPower(b: Rational, r: Rational): Expr {
  if (b.isZero()) {
    if (r.sign() < 0) throw new DomainError("division by zero (0 raised to a negative power)");
    return ZERO;
  }
  if (b.isOne()) return ONE;
  if (r.isInteger()) return num(integerPower(b, r.num));
  if (b.sign() < 0) return internPow(num(b), num(r)); // (-8)^(1/3) stays: not real in Math.pow
  if (!b.isInteger()) return mulAll([numberPower(Rational.int(b.num), r), numberPower(Rational.int(b.den), r.neg())]);
  // Positive integer base n, r = k + f with 0 < f < 1.
  const n = b.num;
  const k = r.floor();
  const f = r.sub(Rational.int(k));
  const whole = integerPower(b, k);
  const root = exactRoot(n, Number(f.den));
  if (root !== null) return num(whole.mul(integerPower(Rational.int(root), f.num)));
  const irrational = internPow(num(b), num(f));
  return whole.isOne() ? irrational : internMul([num(whole), irrational]);
}

function integerPower(b: Rational, k: bigint): Rational {
  const mag = k < 0n ? -k : k;
  const bits = Math.max(bitLength(b.num < 0n ? -b.num : b.num), bitLength(b.den));
  if (bits > 1 && Number(mag) * (bits - 1) > limits.maxIntegerBits) {
    throw new LimitError("maxIntegerBits", limits.maxIntegerBits, `a power of about ${Number(mag) * (bits - 1)} bits`);
  }
  if (b.isMinusOne()) return mag % 2n === 0n ? Rational.ONE : Rational.MINUS_ONE;
  if (b.isZero() && k < 0n) throw new DomainError("division by zero (0 raised to a negative power)");
  return b.powInt(Number(k));
}

export function sqrt(u: Expr): Expr {
  return pow(u, HALF);
}

// ---------------------------------------------------------------- function calls

const ZERO_AT_ZERO = new Set<FunctionName>(["sin", "tan", "asin", "atan", "sinh", "tanh", "asinh", "atanh", "erf", "cbrt", "abs", "sign"]);
const ONE_AT_ZERO = new Set<FunctionName>(["cos", "cosh", "sec", "sech", "exp"]);

/** The canonical call `fn(args)`, folding exact special values. */
export function call(fn: FunctionName, args: readonly Expr[]): Expr {
  if (args.length !== FUNCTION_ARITY[fn]) {
    throw new TypeError(`${fn} takes ${FUNCTION_ARITY[fn]} argument(s), got ${args.length}`);
  }
  const u = args[0]!;
  if (u === ZERO && args.length === 1) {
    if (ZERO_AT_ZERO.has(fn)) return ZERO;
    if (ONE_AT_ZERO.has(fn)) return ONE;
  }
  switch (fn) {
    case "exp":
      if (u === ONE) return E;
      if (u.kind === "call" && u.fn === "log") return u.args[0]!; // exp(log(v)) = v wherever log(v) is defined
      break;
    case "log":
      if (u === ONE) return ZERO;
      if (u === E) return ONE;
      if (u.kind === "call" && u.fn === "exp") return u.args[0]!; // log(exp(v)) = v for real v
      break;
    case "acos":
    case "acosh":
      if (u === ONE) return ZERO;
      break;
    case "abs":
      if (u.kind === "num") return num(u.value.abs());
      if (u.kind === "call" && (u.fn === "abs" || u.fn === "exp")) return u;
      if (u === PI || u === E) return u;
      break;
    case "sign":
      if (u.kind === "num") return num(u.value.sign());
      if (u === PI || u === E) return ONE;
      break;
    case "cbrt":
      if (u.kind === "num") {
        const v = u.value;
        const n = exactRoot(v.num < 0n ? -v.num : v.num, 3);
        const d = exactRoot(v.den, 3);
        if (n !== null && d !== null) return num(Rational.of(v.num < 0n ? -n : n, d));
      }
      break;
    default:
      break;
  }
  return internCall(fn, args);
}

/** `log(u, b)` = log(u)/log(b). */
export function logBase(u: Expr, b: Expr): Expr {
  return div(call("log", [u]), call("log", [b]));
}

/** Rebuilds `node` canonically with new arguments (same kind and function). */
export function rebuild(node: Expr, args: readonly Expr[]): Expr {
  switch (node.kind) {
    case "add":
      return addAll(args);
    case "mul":
      return mulAll(args);
    case "pow":
      return pow(args[0]!, args[1]!);
    case "call":
      return call(node.fn, args);
    default:
      return node;
  }
}
