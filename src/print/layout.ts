/**
 * Display layout shared by the plain-text and LaTeX printers: the order in which a sum's terms are
 * shown and how a product splits into a signed numerator and a denominator.
 *
 * Nothing here builds nodes: a negated term or an inverted factor is described by a view (a
 * rational coefficient and a list of factors), so printing never touches the intern table and
 * cannot hit a node budget.
 */
import { LimitError } from "../core/errors.js";
import { limits } from "../core/limits.js";
import type { Expr } from "../core/node.js";
import { Rational } from "../core/rational.js";

/**
 * An empty piece list for a printer whose `push` throws a LimitError("maxOutputLength") as soon as
 * the pieces total more than `limits.maxOutputLength` code units, before the output is allocated.
 */
export function boundedOutput(): string[] {
  const out: string[] = [];
  const max = limits.maxOutputLength;
  let size = 0;
  out.push = (...pieces: string[]): number => {
    for (let i = 0; i < pieces.length; i++) size += pieces[i]!.length;
    if (size > max) throw new LimitError("maxOutputLength", max, `a printed form longer than ${max} characters`);
    for (let i = 0; i < pieces.length; i++) out[out.length] = pieces[i]!;
    return out.length;
  };
  return out;
}

/** The product `coefficient * factors[0] * ...`; an empty `factors` is the number itself. */
export interface ProductView {
  readonly coefficient: Rational;
  readonly factors: readonly Expr[];
}

/** A denominator factor `base^exponent` with the exponent already negated (so positive). */
export interface Inverted {
  readonly base: Expr;
  readonly exponent: ProductView;
}

/** A product laid out for display: `[-] p * numerator / (q * denominator)`. */
export interface Fraction {
  readonly negative: boolean;
  /** Absolute value of the coefficient's numerator (1n when it is not shown). */
  readonly p: bigint;
  /** The coefficient's denominator (1n when it is not shown). */
  readonly q: bigint;
  /** Factors with non-negative exponents in canonical order, except that sums come last. */
  readonly numerator: readonly Expr[];
  /** Factors with negative exponents, inverted, in canonical order. */
  readonly denominator: readonly Inverted[];
}

const NO_FACTORS: readonly Expr[] = Object.freeze([]);

/** `e` as a product view: `3*x*y` is (3, [x, y]), `5` is (5, []), `x` is (1, [x]). */
export function viewOf(e: Expr): ProductView {
  if (e.kind === "num") return { coefficient: e.value, factors: NO_FACTORS };
  if (e.kind === "mul") {
    const first = e.args[0]!;
    if (first.kind === "num") return { coefficient: first.value, factors: e.args.slice(1) };
    return { coefficient: Rational.ONE, factors: e.args };
  }
  return { coefficient: Rational.ONE, factors: [e] };
}

export function negateView(v: ProductView): ProductView {
  return { coefficient: v.coefficient.neg(), factors: v.factors };
}

/** True when the view is the number `r`. */
export function viewIs(v: ProductView, r: Rational): boolean {
  return v.factors.length === 0 && v.coefficient.equals(r);
}

/**
 * True for an exponent shown in a denominator: a negative number or a product with a negative
 * coefficient (`x^(-2)` is `1/x^2`, `x^(-y)` is `1/x^y`).
 */
export function isNegativeExponent(exp: Expr): boolean {
  if (exp.kind === "num") return exp.value.isNegative();
  return exp.kind === "mul" && exp.args[0]!.kind === "num" && exp.args[0]!.value.isNegative();
}

/** A numeric power base that is shown as `(-1)^(1/2)` rather than as a square root. */
export function isNegativeNumber(e: Expr): boolean {
  return e.kind === "num" && e.value.isNegative();
}

/** Splits the product `v` into numerator and denominator. Linear in the number of factors. */
export function fractionOf(v: ProductView): Fraction {
  const numerator: Expr[] = [];
  const sums: Expr[] = [];
  const denominator: Inverted[] = [];
  for (const f of v.factors) {
    if (f.kind === "pow" && isNegativeExponent(f.exp)) {
      denominator.push({ base: f.base, exponent: negateView(viewOf(f.exp)) });
    } else if (f.kind === "add") {
      sums.push(f);
    } else {
      numerator.push(f);
    }
  }
  for (const s of sums) numerator.push(s);
  const c = v.coefficient;
  return { negative: c.isNegative(), p: c.num < 0n ? -c.num : c.num, q: c.den, numerator, denominator };
}

/**
 * Polynomial degree of a term: the sum of the numeric exponents of its symbol factors (a symbol
 * alone counts 1, an inert derivative d/dx(u) the degree of u, any other factor 0). With `sums`
 * (the display order), a sum factor counts the highest degree of its terms and a power of a sum
 * with a numeric exponent that times the exponent, so a polynomial in `x - a` is ordered by its
 * powers (`(x - 1)^3/2 + (x - 1)^2 + x`). With `atoms`, a function call counts as a symbol does
 * (`cot(u)^4` has degree 4): the display order of a polynomial in one call (`displayDegrees`).
 * A JS number while it is a small integer (the common case, cheap to sort
 * by), otherwise an exact Rational.
 */
function degreeOf(term: Expr, sums = false, atoms = false): number | Rational {
  let n = 0;
  let r: Rational | null = null;
  const factors = term.kind === "mul" ? term.args : [term];
  for (const f of factors) {
    let e: Rational | null = null;
    if (f.kind === "sym" || (atoms && f.kind === "call")) n++;
    else if (f.kind === "pow" && (f.base.kind === "sym" || (atoms && f.base.kind === "call")) && f.exp.kind === "num") e = f.exp.value;
    else if (f.kind === "deriv") e = asRational(degreeOf(f.args[0]!, sums, atoms));
    else if (sums && f.kind === "add") e = asRational(sumDegree(f, atoms));
    else if (sums && f.kind === "pow" && f.base.kind === "add" && f.exp.kind === "num") e = asRational(sumDegree(f.base, atoms)).mul(f.exp.value);
    if (e === null) continue;
    if (e.isInteger() && e.num <= 1_000_000n && e.num >= -1_000_000n) n += Number(e.num);
    else r = r === null ? e : r.add(e);
  }
  return r === null ? n : r.add(Rational.int(BigInt(n)));
}

/** The highest display degree of the terms of the sum `s` (0 for its constant). */
function sumDegree(s: Expr, atoms: boolean): number | Rational {
  let best: number | Rational = 0;
  for (const t of s.args) {
    if (t.kind === "num") continue;
    const d = degreeOf(t, true, atoms);
    if (compareDegrees(d, best) > 0) best = d;
  }
  return best;
}

function asRational(d: number | Rational): Rational {
  return typeof d === "number" ? Rational.int(BigInt(d)) : d;
}

function compareDegrees(a: number | Rational, b: number | Rational): number {
  if (typeof a === "number" && typeof b === "number") return a - b;
  const ra = typeof a === "number" ? Rational.int(BigInt(a)) : a;
  const rb = typeof b === "number" ? Rational.int(BigInt(b)) : b;
  return ra.cmp(rb);
}

/** True when a term of a sum shows a minus sign (a negative number or coefficient). */
export function isNegativeTerm(t: Expr): boolean {
  if (t.kind === "num") return t.value.isNegative();
  return t.kind === "mul" && t.args[0]!.kind === "num" && t.args[0]!.value.isNegative();
}

/** A term of a sum with its display degree; `degree` is null for the numeric constant. */
interface Keyed {
  readonly term: Expr;
  readonly degree: number | Rational | null;
  readonly index: number;
}

function sameDegree(a: number | Rational | null, b: number | Rational | null): boolean {
  return a === null || b === null ? a === b : compareDegrees(a, b) === 0;
}

/**
 * Moves the first positive term of the leading degree group of `order` (the terms of the first
 * term's degree; the constant is a group of its own) to the front, which keeps the degree order.
 * False, and `order` unchanged, when that group has no positive term.
 */
function leadWithPositive(order: Keyed[]): boolean {
  const degree = order[0]!.degree;
  for (let i = 0; i < order.length && sameDegree(order[i]!.degree, degree); i++) {
    if (isNegativeTerm(order[i]!.term)) continue;
    if (i > 0) order.unshift(...order.splice(i, 1));
    return true;
  }
  return false;
}

/**
 * The display degrees of the terms `args[start..]` of a sum: in the symbols (`degreeOf` with
 * sums), or, for a polynomial in one function call (every term a number times a power of the
 * same call), the powers of that call: `384*cot(u)^4 + 448*cot(u)^2 + 80`. Other sums keep calls
 * out of the degree (`x + sin(x)^2`, `sin(x) - exp(x)`).
 */
function displayDegrees(args: readonly Expr[], start: number): (number | Rational)[] {
  const degrees: (number | Rational)[] = [];
  let atom: Expr | undefined;
  let inOneCall = start < args.length;
  for (let i = start; i < args.length; i++) {
    const t = args[i]!;
    degrees.push(degreeOf(t, true));
    if (!inOneCall) continue;
    const power = t.kind === "mul" && t.args.length === 2 && t.args[0]!.kind === "num" ? t.args[1]! : t;
    const base = power.kind === "pow" && power.exp.kind === "num" ? power.base : power;
    if (base.kind !== "call" || (atom !== undefined && base !== atom)) inOneCall = false;
    atom = base;
  }
  if (!inOneCall || args.length - start < 2) return degrees;
  for (let i = start; i < args.length; i++) degrees[i - start] = degreeOf(args[i]!, true, true);
  return degrees;
}

/**
 * The terms of a sum in display order. The terms go in degree order, ties in canonical order:
 * highest degree first with the numeric constant last (`x^2 + 3*x + 2`), and a positive term
 * leads whenever there is one, by the first of these that applies:
 * 1. a positive term of the highest degree leads (`sin(x) - exp(x)`);
 * 2. otherwise, the order is reversed (the constant, then lowest degree first) when a positive
 *    term then leads (`9 - x^2`, `1 - log(x)`, `x - x^3/6 + x^5/120 - x^7/5040`);
 * 3. otherwise (both ends negative) the first positive term of the descending order is moved to
 *    the front (`2*x - x^2 - 1`).
 * So a sum starts with a unary minus exactly when every term is negative (the cost measure counts
 * on this), and its degree order is kept except in case 3.
 */
export function displayTerms(args: readonly Expr[]): Expr[] {
  const hasConstant = args[0]!.kind === "num";
  const start = hasConstant ? 1 : 0;
  const degrees = displayDegrees(args, start);
  const keyed: Keyed[] = [];
  for (let i = start; i < args.length; i++) keyed.push({ term: args[i]!, degree: degrees[i - start]!, index: i });
  const constant: Keyed[] = hasConstant ? [{ term: args[0]!, degree: null, index: 0 }] : [];
  const byDegree = (sign: number) => (a: Keyed, b: Keyed) => sign * compareDegrees(a.degree!, b.degree!) || a.index - b.index;
  const descending = [...keyed.sort(byDegree(-1)), ...constant];
  if (leadWithPositive(descending)) return descending.map((k) => k.term);
  const ascending = [...constant, ...keyed.sort(byDegree(1))];
  if (leadWithPositive(ascending)) return ascending.map((k) => k.term);
  const i = descending.findIndex((k) => !isNegativeTerm(k.term));
  if (i > 0) descending.unshift(...descending.splice(i, 1));
  return descending.map((k) => k.term);
}

/**
 * The first term of highest degree (the constant when it is the only term): the term a sum's sign
 * is normalised by when a content is pulled out (`-2*x + 2` is -2*(x - 1)).
 */
export function highestDegreeTerm(args: readonly Expr[]): Expr {
  const start = args[0]!.kind === "num" ? 1 : 0;
  if (start === args.length) return args[0]!;
  let best = args[start]!;
  let bestDegree = degreeOf(best);
  for (let i = start + 1; i < args.length; i++) {
    const d = degreeOf(args[i]!);
    if (compareDegrees(d, bestDegree) > 0) {
      best = args[i]!;
      bestDegree = d;
    }
  }
  return best;
}

/**
 * True when a sum with the terms `args` prints with a leading minus: its first displayed term is
 * negative exactly when every term is (a non-negative term leads whenever there is one, see
 * `displayTerms`).
 */
export function startsWithMinus(args: readonly Expr[]): boolean {
  for (const t of args) if (!isNegativeTerm(t)) return false;
  return true;
}

/** `displayTerms(args)[0]` in one pass, without sorting. */
export function firstDisplayedTerm(args: readonly Expr[]): Expr {
  const start = args[0]!.kind === "num" ? 1 : 0;
  if (start === args.length) return args[0]!;
  const constant = start === 1 ? args[0]! : null;
  // The first term (by canonical index) of the highest degree, the first positive term of the
  // highest and of the lowest degree; `positive` is the first positive term of the descending order.
  const degrees = displayDegrees(args, start);
  let high = args[start]!;
  let highDegree = degrees[0]!;
  let lowDegree = highDegree;
  let positiveHigh: Expr | null = null;
  let positiveLow: Expr | null = null;
  let positive: Expr | null = null;
  let positiveDegree: number | Rational = 0;
  for (let i = start; i < args.length; i++) {
    const t = args[i]!;
    const d = degrees[i - start]!;
    if (compareDegrees(d, highDegree) > 0) {
      high = t;
      highDegree = d;
      positiveHigh = null;
    }
    if (compareDegrees(d, lowDegree) < 0) {
      lowDegree = d;
      positiveLow = null;
    }
    if (isNegativeTerm(t)) continue;
    if (positiveHigh === null && compareDegrees(d, highDegree) === 0) positiveHigh = t;
    if (positiveLow === null && compareDegrees(d, lowDegree) === 0) positiveLow = t;
    if (positive === null || compareDegrees(d, positiveDegree) > 0) {
      positive = t;
      positiveDegree = d;
    }
  }
  if (!isNegativeTerm(high)) return high;
  if (positiveHigh !== null) return positiveHigh;
  if (constant !== null ? !isNegativeTerm(constant) : positiveLow !== null) return constant ?? positiveLow!;
  return positive ?? high;
}

/**
 * Writes a sum in display order with both printers' sign convention: the first term as it is,
 * each later one as " + term" or, when its coefficient is negative, " - " and its magnitude.
 */
export function emitSumWith(
  args: readonly Expr[],
  out: string[],
  emitTerm: (t: Expr, out: string[]) => void,
  emitMagnitude: (v: ProductView, out: string[]) => void,
): void {
  const terms = displayTerms(args);
  for (let i = 0; i < terms.length; i++) {
    const t = terms[i]!;
    if (i === 0) {
      emitTerm(t, out);
      continue;
    }
    const v = viewOf(t);
    const negative = v.coefficient.isNegative();
    out.push(negative ? " - " : " + ");
    if (!negative) emitTerm(t, out);
    else emitMagnitude(negateView(v), out);
  }
}
