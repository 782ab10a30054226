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
 * Polynomial degree of a term for display order: the sum of the numeric exponents of its symbol
 * factors (a symbol alone counts 1, an inert derivative d/dx(u) the degree of u, any other factor
 * 0). A JS number while it is a small integer (the common case, cheap to sort by), otherwise an
 * exact Rational.
 */
function degreeOf(term: Expr): number | Rational {
  let n = 0;
  let r: Rational | null = null;
  const factors = term.kind === "mul" ? term.args : [term];
  for (const f of factors) {
    let e: Rational | null = null;
    if (f.kind === "sym") n++;
    else if (f.kind === "pow" && f.base.kind === "sym" && f.exp.kind === "num") e = f.exp.value;
    else if (f.kind === "deriv") {
      const d = degreeOf(f.args[0]!);
      e = typeof d === "number" ? Rational.int(BigInt(d)) : d;
    }
    if (e === null) continue;
    if (e.isInteger() && e.num <= 1_000_000n && e.num >= -1_000_000n) n += Number(e.num);
    else r = r === null ? e : r.add(e);
  }
  return r === null ? n : r.add(Rational.int(BigInt(n)));
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
  const coefficient = t.kind === "mul" ? t.args[0] : undefined;
  return coefficient?.kind === "num" && coefficient.value.isNegative();
}

/**
 * The terms of a sum in display order: highest degree first, ties in canonical order, the numeric
 * constant (canonically first) last; then, when that order starts with a negative term and some
 * term is positive, the first positive term is moved to the front (`9 - x^2`, `1 - log(x)`), so a
 * sum starts with a unary minus only when every term is negative.
 */
export function displayTerms(args: readonly Expr[]): Expr[] {
  const hasConstant = args[0]!.kind === "num";
  const start = hasConstant ? 1 : 0;
  const keyed: { term: Expr; degree: number | Rational; index: number }[] = [];
  for (let i = start; i < args.length; i++) keyed.push({ term: args[i]!, degree: degreeOf(args[i]!), index: i });
  keyed.sort((a, b) => compareDegrees(b.degree, a.degree) || a.index - b.index);
  const out = keyed.map((k) => k.term);
  if (hasConstant) out.push(args[0]!);
  if (isNegativeTerm(out[0]!)) {
    const i = out.findIndex((t) => !isNegativeTerm(t));
    if (i > 0) out.unshift(...out.splice(i, 1));
  }
  return out;
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

/** `displayTerms(args)[0]` in one pass, without sorting. */
export function firstDisplayedTerm(args: readonly Expr[]): Expr {
  const start = args[0]!.kind === "num" ? 1 : 0;
  if (start === args.length) return args[0]!;
  let best = args[start]!;
  let bestDegree = degreeOf(best);
  let positive: Expr | null = null;
  let positiveDegree: number | Rational = 0;
  for (let i = start; i < args.length; i++) {
    const t = args[i]!;
    const d = i === start ? bestDegree : degreeOf(t);
    if (i > start && compareDegrees(d, bestDegree) > 0) {
      best = t;
      bestDegree = d;
    }
    if (!isNegativeTerm(t) && (positive === null || compareDegrees(d, positiveDegree) > 0)) {
      positive = t;
      positiveDegree = d;
    }
  }
  if (!isNegativeTerm(best)) return best;
  if (positive !== null) return positive;
  return start === 1 && !isNegativeTerm(args[0]!) ? args[0]! : best;
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
