/**
 * `simplify(e)`: the cheapest equivalent form found among candidate rewritings, by the cost of
 * `cost.ts` (an estimate of the printed size).
 *
 * Strategy, bottom-up over the graph (each distinct node once per pass, memoised across calls):
 * at a node whose arguments are already simplified, the candidates are the node itself, the node
 * after the rules (`engine.ts`), and for sums and products the common-factor form (common
 * factors and common denominators pulled out of a sum, the remaining sum multiplied out), the
 * cancelled fraction (`cancel`) and the multiplied-out form; the cheapest wins, the node itself
 * on ties. Passes repeat until the result is unchanged (so `simplify` is idempotent at the
 * fixpoint) or a budget runs out; the result never costs more than the input.
 *
 * Soundness: every candidate equals the node wherever the node is defined.
 */
import { addAll, mulAll, num, pow, rebuild } from "../core/build.js";
import { compareExpr } from "../core/compare.js";
import { LimitError } from "../core/errors.js";
import { limits } from "../core/limits.js";
import type { Expr } from "../core/node.js";
import { Rational, gcd } from "../core/rational.js";
import { foldGraph } from "../core/traverse.js";
import type { Assumptions } from "./assumptions.js";
import { cost } from "./cost.js";
import { rewriteTop, type StoppedBy } from "./engine.js";
import { expandShallow } from "./expand.js";
import { cancelTop, factorMap, togetherRational } from "./rational.js";
import { withPolyDeadline } from "../poly/poly.js";

export interface SimplifyOptions {
  /** Facts about symbols that conditional rules may use, e.g. `{ x: "positive" }`. */
  assume?: Assumptions;
  /** Time budget in milliseconds (default `limits.simplifyTimeMs`). */
  timeMs?: number;
  /** Most bottom-up passes (default 8). */
  maxIterations?: number;
  /** Inputs whose cost exceeds this are returned unchanged (default 200000). */
  maxSize?: number;
}

export interface SimplifyReport {
  result: Expr;
  stoppedBy: StoppedBy;
  /** Names of the rewrites applied (rule ids, and "factor-terms", "cancel", "expand"). */
  steps: string[];
}

/** Most terms a multiplied-out candidate may have; larger expansions are skipped. */
const MAX_CANDIDATE_TERMS = 400;
/** Most milliseconds the algebraic candidates of one node may take. */
const NODE_TIME_MS = 25;
/** Most distinct denominators a common-denominator candidate may combine. */
const MAX_DENOMINATORS = 8;

const nodeCache = new Map<string, WeakMap<Expr, [Expr, readonly string[]]>>();
const resultCache = new Map<string, WeakMap<Expr, Expr>>();

function cacheFor<T>(caches: Map<string, WeakMap<Expr, T>>, key: string): WeakMap<Expr, T> {
  let m = caches.get(key);
  if (m === undefined) caches.set(key, (m = new WeakMap()));
  return m;
}

export function simplify(e: Expr, options: SimplifyOptions = {}): Expr {
  return simplifyWithReport(e, options).result;
}

export function simplifyWithReport(e: Expr, options: SimplifyOptions = {}): SimplifyReport {
  const assume = options.assume ?? {};
  const key = JSON.stringify(Object.entries(assume).sort());
  const results = cacheFor(resultCache, key);
  const known = results.get(e);
  if (known !== undefined) return { result: known, stoppedBy: "fixpoint", steps: [] };
  const steps: string[] = [];
  if (cost(e) > (options.maxSize ?? 200_000)) return { result: e, stoppedBy: "size", steps };
  const deadline = performance.now() + (options.timeMs ?? limits.simplifyTimeMs);
  const maxIterations = options.maxIterations ?? 8;
  const nodes = cacheFor(nodeCache, key);
  const savedTerms = limits.maxExpandTerms;
  limits.maxExpandTerms = Math.min(savedTerms, MAX_CANDIDATE_TERMS);
  const seen: Expr[] = [e];
  let current = e;
  let stoppedBy: StoppedBy = "iterations";
  try {
    for (let i = 0; i < maxIterations; i++) {
      let timedOut = false;
      const next = foldGraph<Expr>(current, (node, done) => {
        if (node.args.length === 0) return node;
        let changed = false;
        const args = node.args.map((a) => {
          const r = done.get(a)!;
          if (r !== a) changed = true;
          return r;
        });
        const n = changed ? rebuild(node, args) : node;
        if (performance.now() > deadline) {
          timedOut = true;
          return n;
        }
        const hit = nodes.get(n);
        if (hit !== undefined) {
          steps.push(...hit[1]);
          return hit[0];
        }
        const nodeSteps: string[] = [];
        incomplete = false;
        const best = simplifyNode(n, assume, nodeSteps, deadline);
        if (!incomplete) nodes.set(n, [best, nodeSteps]);
        steps.push(...nodeSteps);
        return best;
      });
      if (timedOut) {
        current = cost(next) <= cost(current) ? next : current;
        stoppedBy = "time";
        break;
      }
      if (next === current) {
        stoppedBy = "fixpoint";
        break;
      }
      current = next;
      seen.push(current);
    }
  } finally {
    limits.maxExpandTerms = savedTerms;
  }
  if (cost(current) > cost(e)) current = e;
  if (stoppedBy === "time") return { result: current, stoppedBy, steps };
  if (stoppedBy === "fixpoint") for (const s of seen) results.set(s, current);
  return { result: current, stoppedBy, steps };
}

/** The cheapest candidate for one node whose arguments are simplified. */
function simplifyNode(n: Expr, assume: Assumptions, steps: string[], deadline: number): Expr {
  return withPolyDeadline(Math.min(deadline, performance.now() + NODE_TIME_MS), () => simplifyNodeUntimed(n, assume, steps));
}

function denominatorCount(e: Expr): number {
  const bases = new Set<Expr>();
  for (const t of e.kind === "add" ? e.args : [e]) {
    for (const [b, k] of factorMap(t)[1]) if (k.sign() < 0) bases.add(b);
  }
  return bases.size;
}

/** Set when a candidate ran out of time: such a node's result is not cached across calls. */
let incomplete = false;

function simplifyNodeUntimed(n: Expr, assume: Assumptions, steps: string[]): Expr {
  let best = n;
  let bestCost = cost(n);
  let bestSteps: string[] = [];
  const consider = (name: string, make: () => Expr): Expr | null => {
    let c: Expr;
    try {
      c = make();
    } catch (err) {
      if (err instanceof LimitError) {
        if (err.limit === "simplifyTimeMs") incomplete = true;
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
  if (n.kind === "add" && denominatorCount(n) <= MAX_DENOMINATORS) {
    const f = consider("factor-terms", () => factorTerms(n));
    if (f !== null && f !== n) {
      consider("factor-terms", () => {
        const r: string[] = [];
        return rewriteTop(f, assume, r);
      });
    }
    consider("cancel", () => cancelTop(n));
    consider("together-cancel", () => cancelTop(togetherRational(n)));
    consider("expand", () => expandShallow(n));
  } else if (n.kind === "mul" || n.kind === "pow") {
    consider("cancel", () => cancelTop(n));
    consider("together-cancel", () => cancelTop(togetherRational(n)));
    if (n.args.some((a) => a.kind === "add" || (a.kind === "pow" && a.base.kind === "add"))) consider("expand", () => expandShallow(n));
  }
  steps.push(...bestSteps);
  return best;
}

/**
 * A sum with its common factors pulled out: for each base, the lowest exponent over the terms
 * when it is negative in some term (a common denominator) or positive in every term; and the
 * gcd of the numeric coefficients. The remaining sum is the cheaper of itself and its expansion,
 * and the whole is cancelled against the pulled-out denominators.
 */
export function factorTerms(e: Expr): Expr {
  if (e.kind !== "add") return e;
  const maps = e.args.map(factorMap);
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
      const expanded = expandShallow(inner);
      if (cost(expanded) < cost(inner)) innerBest = expanded;
    } catch (err) {
      if (!(err instanceof LimitError)) throw err;
      if (err.limit === "simplifyTimeMs") incomplete = true;
    }
  }
  const plain = mulAll([...outer, innerBest]);
  const cancelled = cancelTop(mulAll([...outer, innerBest]));
  return cost(cancelled) < cost(plain) ? cancelled : plain;
}
