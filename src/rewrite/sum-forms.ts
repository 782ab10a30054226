/**
 * Candidate forms of sums and of products with sum factors, for the simplifier's strategy table
 * (`strategies.ts`). Each function returns a node equal to its argument wherever the argument is
 * defined (or the argument itself when it does not apply); none of them compares costs except
 * where its contract says it picks the cheaper of two forms it builds.
 */
import { addAll, call, coefficientOf, mulAll, num, pow, scaleSum } from "../core/build.js";
import { LimitError } from "../core/errors.js";
import type { Add, Expr } from "../core/node.js";
import { Rational, gcd } from "../core/rational.js";
import { highestDegreeTerm, isNegativeExponent, isNegativeTerm } from "../print/layout.js";
import { cost } from "./cost.js";
import { expandShallow } from "./expand.js";
import { rewriteTop } from "./engine.js";
import { headsOf } from "./heads.js";
import { cancelTop, factorMap } from "./rational.js";
import { WorkMemo } from "./work-memo.js";
import { multipliesOut } from "./shape.js";

/**
 * `c*q` for a sum `s`: q has coefficients with gcd 1 and c > 0, or, when `signed`, q's term of
 * highest degree positive (so `-2*x + 4` is -2*(x - 2)).
 */
function sumContent(s: Add, signed: boolean): [Rational, Expr] {
  let g = 0n;
  let l = 1n;
  for (const t of s.args) {
    const c = coefficientOf(t);
    g = gcd(g, c.num);
    l = (l / gcd(l, c.den)) * c.den;
  }
  let c = Rational.of(g, l);
  if (signed && coefficientOf(highestDegreeTerm(s.args)).sign() < 0) c = c.neg();
  if (c.isOne()) return [c, s];
  return [c, scaleSum(c.inv(), s)];
}

/**
 * The numeric content of every sum factor and sum power base pulled into the coefficient:
 * (c*q)^k = c^k * q^k for an integer k (any sign of c) and for a rational k when c > 0.
 */
export function pullSumContent(e: Expr): Expr {
  // Numbers are gathered apart: a number times a lone sum would be distributed again.
  const numbers: Expr[] = [];
  const rest: Expr[] = [];
  // While every content is 1 the factors are e's own, and so is their product.
  let pulled = false;
  for (const f of e.kind === "mul" ? e.args : [e]) {
    if (f.kind === "add") {
      const [c, q] = sumContent(f, true);
      if (!c.isOne()) pulled = true;
      numbers.push(num(c));
      rest.push(q);
    } else if (f.kind === "pow" && f.base.kind === "add" && f.exp.kind === "num") {
      const [c, q] = sumContent(f.base, f.exp.value.isInteger());
      if (!c.isOne()) pulled = true;
      numbers.push(pow(num(c), f.exp));
      rest.push(pow(q, f.exp));
    } else if (f.kind === "num") numbers.push(f);
    else rest.push(f);
  }
  if (!pulled) return e;
  return mulAll([mulAll(numbers), ...rest]);
}

/**
 * The numeric coefficient of a product multiplied into one of its sum factors (the cheapest
 * choice): `7*(2*x + 1)*u` is (14*x + 7)*u. The product keeps another factor, so the builder does
 * not distribute the number back.
 */
export function distributeCoefficient(e: Expr): Expr {
  if (e.kind !== "mul" || e.args[0]!.kind !== "num" || e.args.length < 3) return e;
  const k = e.args[0]!;
  let best: Expr = e;
  for (let i = 1; i < e.args.length; i++) {
    const f = e.args[i]!;
    if (f.kind !== "add") continue;
    const others = e.args.filter((_, j) => j !== 0 && j !== i);
    const candidate = mulAll([scaleSum(k.value, f), ...others]);
    if (cost(candidate) < cost(best)) best = candidate;
  }
  return best;
}

/**
 * `factorMap` of a term, with each power whose exponent is a sum with a numeric constant split
 * into a symbolic and a numeric part: x^(x - 4) is (x^x)^1 * x^(-4), so that terms x^x and
 * x^(x - 1) share the factor x^(x - 1).
 */
function splitExponents(t: Expr): [Rational, Map<Expr, Rational>] {
  const [c, m] = factorMap(t);
  for (const [b, k] of [...m]) {
    if (b.kind !== "pow" || !k.isOne() || b.exp.kind !== "add" || b.exp.args[0]!.kind !== "num") continue;
    const shift = b.exp.args[0]!.value;
    m.delete(b);
    const symbolic = pow(b.base, addAll(b.exp.args.slice(1)));
    m.set(symbolic, (m.get(symbolic) ?? Rational.ZERO).add(Rational.ONE));
    m.set(b.base, (m.get(b.base) ?? Rational.ZERO).add(shift));
  }
  return [c, m];
}

/**
 * A sum with its common factors pulled out: for each base, the lowest exponent over the terms
 * when it is negative in some term (a common denominator) or positive in every term; and the
 * gcd of the numeric coefficients. The remaining sum is the cheapest of itself, its expansion and
 * (when small) its form after the rules at its top, and the whole is cancelled against the
 * pulled-out denominators.
 */
export function factorTerms(e: Expr): Expr {
  if (e.kind !== "add") return e;
  const { bases, content } = pullableParts(e);
  if (!bases) {
    if (content.isOne()) return e;
    // Only a number: the rest is e over it, and a number times a sum is distributed again, so
    // the result is e unless the rest has a cheaper form.
    const rest = mulAll([num(content.inv()), e]);
    const best = cheapestRest(rest);
    return best === rest ? e : mulAll([num(content), best]);
  }
  const maps = e.args.map(splitExponents);
  const common = new Map<Expr, Rational>();
  const present = new Map<Expr, number>();
  for (const [, m] of maps) {
    for (const [b, k] of m) {
      present.set(b, (present.get(b) ?? 0) + 1);
      const prev = common.get(b);
      common.set(b, prev === undefined || k.cmp(prev) < 0 ? k : prev);
    }
  }
  const pulled: [Expr, Rational][] = [];
  for (const [b, k] of common) {
    const everywhere = present.get(b) === maps.length;
    if (k.sign() < 0 || everywhere) {
      const kk = everywhere ? k : k.sign() < 0 ? k : Rational.ZERO;
      if (!kk.isZero()) pulled.push([b, kk]);
    }
  }
  if (pulled.length === 0 && content.isOne()) return e;
  // Divide exponent-wise (not by multiplying with b^-k, which would not recombine exp(u)*exp(-u)).
  const pulledMap = new Map(pulled);
  const inner = addAll(
    maps.map(([c, m]) => {
      const factors: Expr[] = [num(c.div(content))];
      for (const [b, k] of m) factors.push(pow(b, num(k.sub(pulledMap.get(b) ?? Rational.ZERO))));
      for (const [b, k] of pulled) if (!m.has(b)) factors.push(pow(b, num(k.neg())));
      return mulAll(factors);
    }),
  );
  const outer = [num(content), ...pulled.map(([b, k]) => pow(b, num(k)))];
  const innerBest = cheapestRest(inner);
  const plain = mulAll([...outer, innerBest]);
  if (innerBest.kind !== "add" || !pulled.some(([, k]) => k.sign() < 0)) return plain;
  const cancelled = cancelTop(plain);
  return cost(cancelled) < cost(plain) ? cancelled : plain;
}

/** Remaining sums costlier than this do not get the rules in `factorTerms`. */
const MAX_RULED_INNER = 60;

/**
 * The cheapest of the sum `s` (what remains of a sum after `factorTerms` pulled its common part
 * out), its expansion, and, when it is small and has function calls, its form after the rules at
 * its top: the remaining sum may hold an identity its terms hid (an angle sum, a Pythagorean
 * pair). `s` itself when it is not a sum or neither form is cheaper.
 */
function cheapestRest(s: Expr): Expr {
  if (s.kind !== "add") return s;
  let best: Expr = s;
  if (s.args.some(multipliesOut)) best = cheaperExpansion(s) ?? s;
  if (cost(s) <= MAX_RULED_INNER && headsOf(s) !== 0) {
    const ruled = rewriteTop(s, {}, []);
    if (cost(ruled) < cost(best)) best = ruled;
  }
  return best;
}

/**
 * `cheaperExpansion` results: distributeExp re-factors sums whose remaining sum the factor-terms
 * strategy has expanded already. A run past the terms cap is kept (as null); one stopped by
 * another limit (the work budget) is not.
 */
const expansions = new WorkMemo<Expr | null>();

/** The shallow expansion of the sum `s` when it costs less than `s` (and stays within the terms cap), else null. */
function cheaperExpansion(s: Expr): Expr | null {
  try {
    return expansions.get(s, () => {
      try {
        const expanded = expandShallow(s, cost(s));
        return expanded !== null && cost(expanded) < cost(s) ? expanded : null;
      } catch (err) {
        if (err instanceof LimitError && err.limit === "maxExpandTerms") return null;
        throw err;
      }
    });
  } catch (err) {
    if (err instanceof LimitError) return null;
    throw err;
  }
}

/** The base of a factor as `factorMap` keys it: a numeric power's base, else the factor. */
function baseOf(f: Expr): Expr {
  return f.kind === "pow" && f.exp.kind === "num" ? f.base : f;
}

/**
 * What `factorTerms` can pull out of the sum `e`, read from its terms' factors without building
 * anything. `bases` is false when no term has a negative numeric power or a power whose exponent
 * is a sum with a constant (`splitExponents`) and no base is a factor of every term: then no base
 * is pulled out. `content` is the gcd of the coefficients (over the lcm of their denominators),
 * negated when every coefficient is negative: the number pulled out.
 */
export function pullableParts(e: Expr): { bases: boolean; content: Rational } {
  let g = 0n;
  let l = 1n;
  let allNegative = true;
  let bases = false;
  for (const t of e.args) {
    const c = coefficientOf(t);
    g = gcd(g, c.num);
    l = (l / gcd(l, c.den)) * c.den;
    if (c.sign() > 0) allNegative = false;
    if (bases) continue;
    for (const f of t.kind === "mul" ? t.args : [t]) {
      if (f.kind === "pow" && (f.exp.kind === "num" ? f.exp.value.sign() < 0 : f.exp.kind === "add" && f.exp.args[0]!.kind === "num")) bases = true;
    }
  }
  const content = allNegative ? Rational.of(g, l).neg() : Rational.of(g, l);
  if (bases) return { bases, content };
  const first = e.args[0]!;
  for (const f of first.kind === "mul" ? first.args : [first]) {
    if (f.kind === "num") continue;
    const b = baseOf(f);
    if (e.args.every((t) => (t.kind === "mul" ? t.args : [t]).some((h) => h.kind !== "num" && baseOf(h) === b))) return { bases: true, content };
  }
  return { bases: false, content };
}

/**
 * False when `factorTerms(e)` is `e`, decided without building anything: no base can be pulled
 * out (`pullableParts`) and either the content is 1 or the remaining sum has no cheaper form to
 * offer (no term multiplies out, no function call for the rules).
 */
export function mayFactorTerms(e: Expr): boolean {
  if (e.kind !== "add") return false;
  const { bases, content } = pullableParts(e);
  return bases || (!content.isOne() && (e.args.some(multipliesOut) || headsOf(e) !== 0));
}

/**
 * A product with a negative coefficient whose sign is taken into one sum factor (or an odd power
 * of a sum): `-x*(x - 2)` is x*(2 - x). The cheapest choice; `e` itself when it has none.
 */
export function negateSumFactor(e: Expr): Expr {
  if (e.kind !== "mul" || e.args[0]!.kind !== "num" || !e.args[0]!.value.isNegative()) return e;
  const k = num(e.args[0]!.value.neg());
  let best: Expr = e;
  let bestCost = cost(e);
  for (let i = 1; i < e.args.length; i++) {
    const f = e.args[i]!;
    let negated: Expr;
    if (f.kind === "add") negated = negateSum(f);
    else if (f.kind === "pow" && f.base.kind === "add" && f.exp.kind === "num" && f.exp.value.isInteger() && f.exp.value.num % 2n !== 0n) {
      negated = pow(negateSum(f.base), f.exp);
    } else continue;
    const candidate = mulAll([k, negated, ...e.args.filter((_, j) => j !== 0 && j !== i)]);
    const c = cost(candidate);
    if (c < bestCost) {
      best = candidate;
      bestCost = c;
    }
  }
  return best;
}

/**
 * A product with no negative coefficient and a sum factor (or odd power of a sum) whose every
 * term is negative, with that sign taken outside: `x^2*(-3*y - 2)` is `-x^2*(3*y + 2)`. The same
 * cost, but the minus is free as a term of a sum (`z - x^2*(3*y + 2)`), so the strategy keeps it
 * with ties "sign-aside". Returns `e` when there is no such factor.
 */
export function pullSumSign(e: Expr): Expr {
  if (e.kind !== "mul" || (e.args[0]!.kind === "num" && e.args[0]!.value.isNegative())) return e;
  // The minus needs a plain numerator factor to stand before (`-x*(3*y + 2)/z`): beside a lone sum
  // over a denominator the printer writes `-((3*y + 2)/z)`, which reads worse than `(-3*y - 2)/z`.
  if (!e.args.some((f) => f.kind !== "num" && f.kind !== "add" && !(f.kind === "pow" && (f.base.kind === "add" || isNegativeExponent(f.exp))))) return e;
  for (let i = 0; i < e.args.length; i++) {
    const f = e.args[i]!;
    if (f.kind === "add" && f.args.every(isNegativeTerm)) return mulAll([num(-1), negateSum(f), ...e.args.filter((_, j) => j !== i)]);
    if (
      f.kind === "pow" &&
      f.base.kind === "add" &&
      f.exp.kind === "num" &&
      f.exp.value.isInteger() &&
      f.exp.value.num % 2n !== 0n &&
      f.base.args.every(isNegativeTerm)
    )
      return mulAll([num(-1), pow(negateSum(f.base), f.exp), ...e.args.filter((_, j) => j !== i)]);
  }
  return e;
}

function negateSum(s: Add): Expr {
  return scaleSum(Rational.MINUS_ONE, s);
}

/** `t*exp(a)` with the exp factors of the term `t` merged into one: exp(b)*exp(a) is exp(a + b). */
function timesExp(t: Expr, a: Expr): Expr {
  const exponents: Expr[] = [a];
  const rest: Expr[] = [];
  for (const f of t.kind === "mul" ? t.args : [t]) {
    if (f.kind === "call" && f.fn === "exp") exponents.push(f.args[0]!);
    else rest.push(f);
  }
  return mulAll([...rest, call("exp", [addAll(exponents)])]);
}

/**
 * The exp factors of a product multiplied into its sum factor, merging with the terms' own exp
 * factors (exp(u)*exp(v) = exp(u + v) for real u, v), and the sum re-factored (`factorTerms`)
 * when that is cheaper: `exp(-z)*(exp(z + y) + exp(z + w))` is exp(w) + exp(y). The cheapest
 * choice over the sum factors; `e` itself when it has no exp factor or no sum factor.
 */
export function distributeExp(e: Expr): Expr {
  if (e.kind !== "mul") return e;
  const exps: Expr[] = [];
  const others: Expr[] = [];
  for (const f of e.args) {
    if (f.kind === "call" && f.fn === "exp") exps.push(f.args[0]!);
    else others.push(f);
  }
  if (exps.length === 0) return e;
  const a = addAll(exps);
  let best: Expr = e;
  let bestCost = cost(e);
  for (let i = 0; i < others.length; i++) {
    const s = others[i]!;
    if (s.kind !== "add") continue;
    const merged = addAll(s.args.map((t) => timesExp(t, a)));
    const refactored = factorTerms(merged);
    const rest = others.filter((_, j) => j !== i);
    for (const inner of refactored === merged ? [merged] : [merged, refactored]) {
      const candidate = mulAll([...rest, inner]);
      const c = cost(candidate);
      if (c < bestCost) {
        best = candidate;
        bestCost = c;
      }
    }
  }
  return best;
}
