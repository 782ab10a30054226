/**
 * `simplify(e)`: the cheapest equivalent form found among candidate rewritings, by the cost of
 * `cost.ts` (an estimate of the printed size).
 *
 * Strategy, bottom-up over the graph (each distinct node once per pass, memoised across calls):
 * at a node whose arguments are already simplified, the candidates are the node itself, the node
 * after the rules (`engine.ts`), and, where they can apply: for sums the common-factor form
 * (`factorTerms`), the collection by powers of a symbol (`collectFactored`), the common
 * denominator cancelled and the multiplied-out form; for products and powers the sum content
 * pulled out, the cancelled fraction, the multiplied-out form and the coefficient distributed;
 * for layers with trigonometric or hyperbolic functions the sin/cos forms reduced by the
 * Pythagorean identity and the product-to-sum form (`trig.ts`). The cheapest wins, the node
 * itself on ties. Passes repeat until the result is unchanged (so `simplify` is idempotent at the
 * fixpoint) or a budget runs out; the result never costs more than the input. Plain monomials
 * and long multiplied-out polynomials are kept without trying candidates.
 *
 * Budgets are deterministic, so the result does not depend on the machine or its load: each
 * candidate may spend NODE_WORK polynomial work units and the whole call `maxWork`
 * (`withPolyBudget`), a multiplied-out candidate has at most MAX_CANDIDATE_TERMS terms, pattern
 * matching tries a bounded number of pairings (`pattern.ts`). The wall-clock `timeMs` is only a
 * safety net: when it runs out the report says "time".
 *
 * Soundness: every candidate equals the node wherever the node is defined.
 */
import { addAll, mulAll, num, pow, splitCoefficient } from "../core/build.js";
import { firstDisplayedTerm } from "../print/layout.js";
import { compareExpr } from "../core/compare.js";
import { LimitError } from "../core/errors.js";
import { limits } from "../core/limits.js";
import type { Expr } from "../core/node.js";
import { Rational, gcd } from "../core/rational.js";
import { foldGraph, withMappedArgs } from "../core/traverse.js";
import type { Assumptions } from "./assumptions.js";
import { cost } from "./cost.js";
import { headsOf, rewriteTop, type StoppedBy } from "./engine.js";
import { expandShallow } from "./expand.js";
import { collectFactored } from "./factor.js";
import { cancelTop, factorMap, togetherRational } from "./rational.js";
import { hasTrigHead, hasTrigWork, productToSum, trigRational } from "./trig.js";
import { polyWorkLeft, withPolyBudget } from "../poly/poly.js";
import { registerCache } from "../core/memo.js";

/**
 * Options of `simplify` and of the calculus functions' `simplify` option.
 */
export interface SimplifyOptions {
  /** Facts about symbols that conditional rules may use, e.g. `{ x: "positive" }`. */
  assume?: Assumptions;
  /**
   * Wall-clock safety net in milliseconds (default `limits.simplifyTimeMs`); the result does not
   * depend on it unless it runs out (then `stoppedBy` is "time").
   */
  timeMs?: number;
  /** Most bottom-up passes (default 8). */
  maxIterations?: number;
  /** Inputs whose cost exceeds this are returned unchanged (default 200000). */
  maxSize?: number;
  /** Polynomial work (coefficient operations) the whole call may spend (default 300000). */
  maxWork?: number;
}

/**
 * The result of `simplifyWithReport`: the simplified expression, why it stopped, the rewrites
 * applied and the polynomial work spent.
 */
export interface SimplifyReport {
  result: Expr;
  /** "work" when the polynomial work budget ran out (the result is still a valid simplification). */
  stoppedBy: StoppedBy | "work";
  /** Names of the rewrites applied (rule ids, and "factor-terms", "cancel", "expand"). */
  steps: string[];
  /** Polynomial work (coefficient operations, see `withPolyBudget`) the call spent. */
  work: number;
}

/** Most terms a multiplied-out candidate may have; larger expansions are skipped. */
const MAX_CANDIDATE_TERMS = 400;
/** Most polynomial work (coefficient operations) the algebraic candidates of one node may spend. */
const NODE_WORK = 20_000;
/** Default polynomial work of one simplify call. */
const TOTAL_WORK = 300_000;
/** Most distinct denominators a common-denominator candidate may combine. */
const MAX_DENOMINATORS = 8;
/** A candidate gets the rules only when it costs less than the best so far plus this. */
const RULE_SLACK = 24;
/** Sums costlier than this are not collected by powers of a symbol. */
const MAX_COLLECT_COST = 200;
/** Nodes costlier than this get no trigonometric candidates. */
const MAX_TRIG_COST = 80;
/**
 * Sums and products costlier than this get no candidates that convert the whole node to a
 * polynomial (multiplied out, common denominator, cancelled): their work grows with the square of
 * the node (n terms of n factors), and on a node this large they almost never print shorter.
 */
const MAX_ALGEBRA_COST = 1500;
/** A sum of monomials with more terms than this is kept as it is (no common-factor candidate). */
const MAX_MONOMIAL_SUM_FACTORING = 16;

const nodeCache = new Map<string, WeakMap<Expr, [Expr, readonly string[]]>>();
const resultCache = new Map<string, WeakMap<Expr, Expr>>();
registerCache(() => {
  nodeCache.clear();
  resultCache.clear();
});

/** Most assumption sets whose caches are kept (the oldest is dropped first). */
const MAX_CACHED_ASSUMPTIONS = 64;

function cacheFor<T>(caches: Map<string, WeakMap<Expr, T>>, key: string): WeakMap<Expr, T> {
  let m = caches.get(key);
  if (m === undefined) {
    if (caches.size >= MAX_CACHED_ASSUMPTIONS) caches.delete(caches.keys().next().value!);
    caches.set(key, (m = new WeakMap()));
  }
  return m;
}

export function simplify(e: Expr, options: SimplifyOptions = {}): Expr {
  return simplifyWithReport(e, options).result;
}

/** State of one simplify call. */
interface Run {
  readonly assume: Assumptions;
  /** Set when the call's total work budget ran out: results found since are not cached. */
  exhausted: boolean;
}

/** The cache key of an assumption set; "" for none, the common case, without building strings. */
function assumptionsKey(assume: Assumptions): string {
  for (const _ in assume) return JSON.stringify(Object.entries(assume).sort());
  return "";
}

export function simplifyWithReport(e: Expr, options: SimplifyOptions = {}): SimplifyReport {
  const assume = options.assume ?? {};
  const key = assumptionsKey(assume);
  const results = cacheFor(resultCache, key);
  const known = results.get(e);
  if (known !== undefined) return { result: known, stoppedBy: "fixpoint", steps: [], work: 0 };
  const steps: string[] = [];
  if (cost(e) > (options.maxSize ?? 200_000)) return { result: e, stoppedBy: "size", steps, work: 0 };
  if (isLongPolynomial(e)) return { result: e, stoppedBy: "fixpoint", steps, work: 0 };
  const deadline = performance.now() + (options.timeMs ?? limits.simplifyTimeMs);
  const maxIterations = options.maxIterations ?? 8;
  const nodes = cacheFor(nodeCache, key);
  const run: Run = { assume, exhausted: false };
  const seen: Expr[] = [e];
  let current = e;
  let stoppedBy = "iterations" as SimplifyReport["stoppedBy"];
  let visited = 0;
  const maxWork = options.maxWork ?? TOTAL_WORK;
  let work = 0;
  withPolyBudget({ maxTerms: MAX_CANDIDATE_TERMS, maxWork }, () => {
    try {
      passes();
    } finally {
      work = maxWork - polyWorkLeft();
    }
  });
  function passes(): void {
    for (let i = 0; i < maxIterations; i++) {
      let timedOut = false;
      const next = foldGraph<Expr>(current, (node, done) => {
        if (node.args.length === 0) return node;
        const mapped = withMappedArgs(node, done);
        const n = mapped;
        if (isPlainMonomial(n)) return n;
        if (timedOut || ((++visited & 63) === 0 && performance.now() > deadline)) {
          timedOut = true;
          return n;
        }
        const hit = nodes.get(n);
        if (hit !== undefined) {
          steps.push(...hit[1]);
          return hit[0];
        }
        const nodeSteps: string[] = [];
        const best = simplifyNode(n, run, nodeSteps);
        if (!run.exhausted) nodes.set(n, [best, nodeSteps]);
        steps.push(...nodeSteps);
        return best;
      });
      if (timedOut) {
        current = cost(next) <= cost(current) ? next : current;
        stoppedBy = "time";
        return;
      }
      if (next === current) {
        stoppedBy = run.exhausted ? "work" : "fixpoint";
        return;
      }
      current = next;
      seen.push(current);
    }
  }
  if (cost(current) > cost(e)) current = e;
  if (stoppedBy === "fixpoint") for (const s of seen) results.set(s, current);
  return { result: current, stoppedBy, steps, work };
}

function denominatorCount(e: Expr): number {
  const bases = new Set<Expr>();
  for (const t of e.kind === "add" ? e.args : [e]) {
    for (const [b, k] of factorMap(t)[1]) if (k.sign() < 0) bases.add(b);
  }
  return bases.size;
}

/**
 * True for `c*x^i*y^j...` with symbols and integer exponents (or one such power): no candidate is
 * cheaper, so simplify keeps it without trying any.
 */
function isPlainMonomial(e: Expr): boolean {
  if (e.kind === "pow") return e.base.kind === "sym" && e.exp.kind === "num" && e.exp.value.isInteger();
  if (e.kind !== "mul") return false;
  for (const f of e.args) {
    if (f.kind === "num" || f.kind === "sym") continue;
    if (f.kind === "pow" && f.base.kind === "sym" && f.exp.kind === "num" && f.exp.value.isInteger()) continue;
    return false;
  }
  return true;
}

/**
 * True for a sum of more than MAX_MONOMIAL_SUM_FACTORING plain monomials (a polynomial in
 * symbols, multiplied out): simplify keeps it as it is.
 */
function isLongPolynomial(e: Expr): boolean {
  if (e.kind !== "add" || e.args.length <= MAX_MONOMIAL_SUM_FACTORING) return false;
  for (const t of e.args) if (t.kind !== "num" && t.kind !== "sym" && !isPlainMonomial(t)) return false;
  return true;
}

/**
 * True for a sum of monomials: no term has a sum factor, a power of a sum or a negative or
 * fractional numeric power. Expansion, common denominators and cancellation leave it unchanged.
 */
function isMonomialSum(e: Expr): boolean {
  if (e.kind !== "add") return false;
  for (const t of e.args) {
    for (const f of t.kind === "mul" ? t.args : [t]) {
      if (f.kind === "add") return false;
      if (f.kind === "pow" && (f.base.kind === "add" || (f.exp.kind === "num" && !(f.exp.value.isInteger() && f.exp.value.sign() > 0)))) return false;
    }
  }
  return true;
}

/** True for a term with a sum factor or a positive integer power of a sum. */
function multipliesOut(t: Expr): boolean {
  if (t.kind === "pow") return t.base.kind === "add" && t.exp.kind === "num" && t.exp.value.isInteger() && t.exp.value.sign() > 0;
  return t.kind === "mul" && t.args.some((f) => f.kind === "add" || multipliesOut(f));
}

/** True when the product or power `e` has a sum factor or a power of a sum. */
function hasSumFactor(e: Expr): boolean {
  if (e.kind === "pow") return e.base.kind === "add";
  return e.args.some((a) => a.kind === "add" || (a.kind === "pow" && a.base.kind === "add"));
}

/** True when the product or power `e` has a factor with a negative numeric exponent. */
function hasDenominator(e: Expr): boolean {
  const negative = (f: Expr): boolean => f.kind === "pow" && f.exp.kind === "num" && f.exp.value.sign() < 0;
  return e.kind === "pow" ? negative(e) : e.args.some(negative);
}

/** The cheapest candidate for one node whose arguments are simplified. */
function simplifyNode(n: Expr, run: Run, steps: string[]): Expr {
  const assume = run.assume;
  let best = n;
  let bestCost = cost(n);
  let bestSteps: string[] = [];
  const consider = (name: string, make: () => Expr | null): Expr | null => {
    let c: Expr | null;
    try {
      c = withPolyBudget({ maxTerms: MAX_CANDIDATE_TERMS, maxWork: NODE_WORK }, make);
      if (c === null) return null;
    } catch (err) {
      if (err instanceof LimitError) {
        if (polyWorkLeft() <= 0) run.exhausted = true;
        return null;
      }
      throw err;
    }
    const k = cost(c);
    if (k < bestCost || (k === bestCost && best !== n && compareExpr(c, best) < 0)) {
      best = c;
      bestCost = k;
      bestSteps = [name];
    }
    return c;
  };
  const ruleSteps: string[] = [];
  const ruled = rewriteTop(n, assume, ruleSteps);
  if (ruled !== n && cost(ruled) < bestCost) {
    best = ruled;
    bestCost = cost(ruled);
    bestSteps = ruleSteps;
  }
  const withRules = (name: string, make: () => Expr | null): void => {
    const c = consider(name, make);
    // Rules rarely save more than a few tokens: far costlier candidates are not worth matching.
    if (c !== null && c !== n && cost(c) < bestCost + RULE_SLACK) consider(name, () => rewriteTop(c, assume, []));
  };
  if ((n.kind === "add" || n.kind === "mul" || n.kind === "pow") && bestCost <= MAX_TRIG_COST) {
    if (hasTrigHead(headsOf(n)) && hasTrigWork(n)) {
      withRules("trig-cos", () => trigRational(n, "cos"));
      withRules("trig-sin", () => trigRational(n, "sin"));
    }
    if (n.kind === "add" && (headsOf(n).has("sin") || headsOf(n).has("cos"))) withRules("product-to-sum", () => productToSum(n));
  }
  const algebra = bestCost <= MAX_ALGEBRA_COST;
  if (n.kind === "add") {
    const monomials = isMonomialSum(n);
    const fewDenominators = !monomials && denominatorCount(n) <= MAX_DENOMINATORS;
    if (fewDenominators || (monomials && n.args.length <= MAX_MONOMIAL_SUM_FACTORING)) {
      withRules("factor-terms", () => factorTerms(n));
    }
    if (n.args.length <= MAX_MONOMIAL_SUM_FACTORING && bestCost <= MAX_COLLECT_COST) {
      consider("collect-factored", () => collectFactored(n, cost));
    }
    if (!monomials && algebra) {
      if (fewDenominators) consider("together-cancel", () => cancelTop(togetherRational(n)));
      if (n.args.some(multipliesOut)) withRules("expand", () => expandShallow(n, bestCost + 1, RULE_SLACK));
    }
  } else if (n.kind === "mul" || n.kind === "pow") {
    const sums = hasSumFactor(n);
    if (sums) withRules("sum-content", () => pullSumContent(n));
    if (algebra && (sums || hasDenominator(n))) {
      consider("cancel", () => cancelTop(n));
      const t = togetherRational(n);
      if (t !== n) consider("together-cancel", () => cancelTop(t));
    }
    if (algebra && multipliesOut(n)) withRules("expand", () => expandShallow(n, bestCost + 1, RULE_SLACK));
    if (sums) consider("distribute-coefficient", () => distributeCoefficient(n));
  }
  steps.push(...bestSteps);
  return best;
}

/**
 * `c*q` for a sum `s`: q has coefficients with gcd 1 and c > 0, or, when `signed`, q's first
 * displayed term positive (so `-2*x + 4` is -2*(x - 2)).
 */
function sumContent(s: Expr, signed: boolean): [Rational, Expr] {
  let g = 0n;
  let l = 1n;
  for (const t of s.args) {
    const c = splitCoefficient(t)[0];
    g = gcd(g, c.num);
    l = (l / gcd(l, c.den)) * c.den;
  }
  let c = Rational.of(g, l);
  if (signed && splitCoefficient(firstDisplayedTerm(s.args))[0].sign() < 0) c = c.neg();
  if (c.isOne()) return [c, s];
  const k = num(c.inv());
  return [c, addAll(s.args.map((t) => mulAll([k, t])))];
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
  const k = e.args[0];
  let best: Expr = e;
  for (let i = 1; i < e.args.length; i++) {
    const f = e.args[i]!;
    if (f.kind !== "add") continue;
    const others = e.args.filter((_, j) => j !== 0 && j !== i);
    const candidate = mulAll([addAll(f.args.map((t) => mulAll([k, t]))), ...others]);
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
    const shift = b.exp.args[0].value;
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
 * gcd of the numeric coefficients. The remaining sum is the cheaper of itself and its expansion,
 * and the whole is cancelled against the pulled-out denominators.
 */
export function factorTerms(e: Expr): Expr {
  if (e.kind !== "add") return e;
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
  let g = 0n;
  let l = 1n;
  let allNegative = true;
  for (const [c] of maps) {
    g = gcd(g, c.num);
    l = (l / gcd(l, c.den)) * c.den;
    if (c.sign() > 0) allNegative = false;
  }
  let content = Rational.of(g, l);
  if (allNegative) content = content.neg();
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
  let innerBest = inner;
  if (inner.kind === "add") {
    try {
      const expanded = inner.args.some(multipliesOut) ? expandShallow(inner, cost(inner)) : null;
      if (expanded !== null && cost(expanded) < cost(inner)) innerBest = expanded;
    } catch (err) {
      if (!(err instanceof LimitError)) throw err;
    }
  }
  const plain = mulAll([...outer, innerBest]);
  if (innerBest.kind !== "add" || !pulled.some(([, k]) => k.sign() < 0)) return plain;
  const cancelled = cancelTop(plain);
  return cost(cancelled) < cost(plain) ? cancelled : plain;
}
