/**
 * The plain-text printer: `2*x + 3`, `x^2 - 2*x + 1`, `-1/x^2`, `x/sqrt(x^2 + 1)`.
 *
 * Contracts:
 * - `parse(print(e)) === e` for every canonical node `e`.
 * - Spacing as SymPy's `str`: spaces around binary `+` and `-`, none around `*`, `/`, `^`.
 * - Minimal parentheses, decided by `core/precedence.ts`; `^` is right-associative, so `x^y^z` is
 *   `x^(y^z)` and `(x^y)^z` keeps its parentheses.
 * - Display order comes from `layout.ts` (sums by degree, products as numerator / denominator).
 * - Time is linear in the size of the printed tree (pieces are pushed to one array and joined
 *   once); recursion depth is at most a small constant times the node depth.
 *
 * Importing this module installs `print` as the formatter of `String(expr)`.
 */
import { setFormatter, type Expr } from "../core/node.js";
import { PRECEDENCE } from "../core/precedence.js";
import { Rational } from "../core/rational.js";
import { boundedOutput, emitSumWith, fractionOf, isNegativeExponent, isNegativeNumber, viewIs, viewOf, type ProductView } from "./layout.js";

const SUM = PRECEDENCE.sum;
const PRODUCT = PRECEDENCE.product;
const UNARY = PRECEDENCE.unary;
const POWER = PRECEDENCE.power;
const ATOM = PRECEDENCE.atom;

/** The formula of `e` in the syntax the parser reads. */
export function print(e: Expr): string {
  const out = boundedOutput();
  emit(e, out);
  return out.join("");
}

setFormatter(print);

// ---------------------------------------------------------------- precedence of printed forms

/** Precedence of the loosest operator at the top of the printed form of `e`. */
function precOf(e: Expr): number {
  switch (e.kind) {
    case "num":
      return precOfRational(e.value);
    case "sym":
    case "const":
    case "call":
    case "apply":
      return ATOM;
    case "add":
      return SUM;
    case "mul":
      return PRODUCT;
    case "pow":
      return isNegativeExponent(e.exp) ? PRODUCT : precOfPower(e.base, viewOf(e.exp));
    case "deriv":
      return ATOM;
  }
}

function precOfRational(r: Rational): number {
  if (!r.isInteger()) return PRODUCT;
  return r.isNegative() ? UNARY : ATOM;
}

function precOfView(v: ProductView): number {
  if (v.factors.length === 0) return precOfRational(v.coefficient);
  if (v.factors.length === 1 && v.coefficient.isOne()) return precOf(v.factors[0]!);
  return PRODUCT;
}

/** Precedence of `base^exponent` with a positive exponent. */
function precOfPower(base: Expr, exponent: ProductView): number {
  if (viewIs(exponent, Rational.ONE)) return precOf(base);
  if (viewIs(exponent, Rational.HALF) && !isNegativeNumber(base)) return ATOM;
  return POWER;
}

/**
 * The arguments of a canonical `min`/`max` as one list: the node nests to the right
 * (`max(x, max(y, z))`) and prints flat (`max(x, y, z)`), which parses back to the same node.
 */
export function flatArguments(fn: "min" | "max", args: readonly Expr[]): Expr[] {
  const out: Expr[] = [];
  let rest: readonly Expr[] = args;
  for (;;) {
    out.push(rest[0]!);
    const last = rest[1]!;
    if (last.kind !== "call" || last.fn !== fn) {
      out.push(last);
      return out;
    }
    rest = last.args;
  }
}

/**
 * The derivative notation of an undefined function, read back by the lexer: none for `f(x)`,
 * primes for one argument (`f'(x)`, `f'''(x)`; from order 4 on `f'[4](x)`), and the orders per
 * argument in brackets for several (`f'[1,0](x, y)` is the partial in the first argument).
 */
export function derivativeSuffix(orders: readonly number[]): string {
  if (orders.every((k) => k === 0)) return "";
  if (orders.length === 1 && orders[0]! <= 3) return "'".repeat(orders[0]!);
  return `'[${orders.join(",")}]`;
}

// ---------------------------------------------------------------- emitters

function emit(e: Expr, out: string[]): void {
  switch (e.kind) {
    case "num":
      out.push(e.value.toString());
      return;
    case "sym":
    case "const":
      out.push(e.name);
      return;
    case "call": {
      out.push(e.fn, "(");
      const args = e.fn === "min" || e.fn === "max" ? flatArguments(e.fn, e.args) : e.args;
      for (let i = 0; i < args.length; i++) {
        if (i > 0) out.push(", ");
        emit(args[i]!, out);
      }
      out.push(")");
      return;
    }
    case "apply": {
      out.push(e.name, derivativeSuffix(e.orders), "(");
      for (let i = 0; i < e.args.length; i++) {
        if (i > 0) out.push(", ");
        emit(e.args[i]!, out);
      }
      out.push(")");
      return;
    }
    case "add":
      emitSum(e.args, out);
      return;
    case "mul":
      emitProduct(viewOf(e), out);
      return;
    case "pow":
      if (isNegativeExponent(e.exp)) emitProduct({ coefficient: Rational.ONE, factors: [e] }, out);
      else emitPower(e.base, viewOf(e.exp), out);
      return;
    case "deriv":
      emitDerivative(e.args, out);
      return;
  }
}

/** `d/dx(u)`; several variables nest, the first innermost: `d/dy(d/dx(u))` (the parser merges them back). */
function emitDerivative(args: readonly Expr[], out: string[]): void {
  for (let i = args.length - 1; i >= 1; i--) out.push("d/d", (args[i] as { name: string }).name, "(");
  emit(args[0]!, out);
  for (let i = 1; i < args.length; i++) out.push(")");
}

function emitWrapped(e: Expr, wrap: boolean, out: string[]): void {
  if (wrap) out.push("(");
  emit(e, out);
  if (wrap) out.push(")");
}

function emitView(v: ProductView, out: string[]): void {
  if (v.factors.length === 0) out.push(v.coefficient.toString());
  else if (v.factors.length === 1 && v.coefficient.isOne()) emit(v.factors[0]!, out);
  else emitProduct(v, out);
}

function emitSum(args: readonly Expr[], out: string[]): void {
  emitSumWith(args, out, emit, emitView);
}

/**
 * `[-] p*f1*...*fk / (q*g1*...*gm)`. The builder distributes a number over a single sum, so two
 * groupings the parser would build that way are avoided: a leading `-` (which the parser applies
 * to the first operand only) directly before a sum wraps the whole product, `-((x + 1)*(y + 1))`,
 * and `q` with a lone sum in the denominator divides separately, `x/(y + 1)/3`.
 */
function emitProduct(v: ProductView, out: string[]): void {
  const f = fractionOf(v);
  const wrapAll = f.negative && f.p === 1n && f.numerator.length > 0 && f.numerator[0]!.kind === "add";
  if (f.negative) out.push("-");
  if (wrapAll) out.push("(");
  let first = true;
  if (f.p !== 1n || f.numerator.length === 0) {
    out.push(f.p.toString());
    first = false;
  }
  for (const g of f.numerator) {
    if (!first) out.push("*");
    first = false;
    emitWrapped(g, precOf(g) < PRODUCT, out);
  }
  const count = (f.q !== 1n ? 1 : 0) + f.denominator.length;
  const only = f.denominator.length === 1 ? f.denominator[0]! : null;
  if (count === 2 && only !== null && only.base.kind === "add" && viewIs(only.exponent, Rational.ONE)) {
    // The parser multiplies `(q*(a + b))` out to `q*a + q*b`, so the number divides separately.
    out.push("/(");
    emit(only.base, out);
    out.push(")/", f.q.toString());
  } else if (count > 0) {
    out.push("/");
    const group = count > 1;
    if (group) out.push("(");
    first = true;
    if (f.q !== 1n) {
      out.push(f.q.toString());
      first = false;
    }
    for (const d of f.denominator) {
      if (!first) out.push("*");
      first = false;
      const p = precOfPower(d.base, d.exponent);
      const wrap = group ? p < PRODUCT : p <= PRODUCT;
      if (wrap) out.push("(");
      emitPower(d.base, d.exponent, out);
      if (wrap) out.push(")");
    }
    if (group) out.push(")");
  }
  if (wrapAll) out.push(")");
}

/** `base^exponent` for a positive exponent: `x`, `sqrt(x)`, `x^2`, `(x + 1)^(1/3)`, `x^y^z`. */
function emitPower(base: Expr, exponent: ProductView, out: string[]): void {
  if (viewIs(exponent, Rational.ONE)) {
    emit(base, out);
    return;
  }
  if (viewIs(exponent, Rational.HALF) && !isNegativeNumber(base)) {
    out.push("sqrt(");
    emit(base, out);
    out.push(")");
    return;
  }
  emitWrapped(base, precOf(base) < ATOM, out);
  out.push("^");
  const wrap = precOfView(exponent) < POWER;
  if (wrap) out.push("(");
  emitView(exponent, out);
  if (wrap) out.push(")");
}
