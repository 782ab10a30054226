/**
 * The pattern language of the rewrite rules.
 *
 * A pattern is an expression in symgrad's own syntax, parsed once. Symbols whose name ends in `_`
 * (`a_`, `u_`, `n_`) are wildcards; every other node matches only itself. A wildcard matches any
 * expression, and all occurrences of one wildcard must match the same (`===`) node.
 *
 * Sums and products match modulo order. A product pattern matches a product whose factors
 * include the pattern's non-wildcard factors; its first bare wildcard factor takes the product of
 * the remaining factors (and the quotient of the numeric coefficients), so `a_*sin(u_)^2` matches
 * `-3*y*sin(x)^2` with a_ = -3*y. A sum pattern matches a sum containing its terms. At the top of
 * a rule the unmatched terms (or factors) are "the rest" and are kept beside the rewritten part.
 */
import { addAll, mulAll, num, termsOf, ZERO } from "../core/build.js";
import type { Expr } from "../core/node.js";
import { Rational } from "../core/rational.js";
import { substitute } from "../core/traverse.js";

export type Bindings = ReadonlyMap<string, Expr>;

export function isWildcard(p: Expr): boolean {
  return p.kind === "sym" && p.name.endsWith("_");
}

/** A match at the top of a rule: the bindings and the unmatched part of the subject. */
export interface TopMatch {
  bindings: Bindings;
  /** For a sum pattern the remaining sum (0 if none), for a product the remaining product (1). */
  rest: Expr;
}

/**
 * Most part-to-subject pairings one `matchTop` tries (sums and products match modulo order, which
 * is exponential in the worst case); past it the remaining pairings are skipped, so a match may
 * be missed but the search is bounded and deterministic.
 */
export const MAX_MATCH_ATTEMPTS = 1000;
let attemptsLeft = Infinity;

/** Every way `pattern` matches the whole of `subject`, extending `b`. */
export function match(pattern: Expr, subject: Expr, b: Bindings): Bindings[] {
  if (isWildcard(pattern)) {
    const name = (pattern as { name: string }).name;
    const bound = b.get(name);
    if (bound !== undefined) return bound === subject ? [b] : [];
    const out = new Map(b);
    out.set(name, subject);
    return [out];
  }
  switch (pattern.kind) {
    case "num":
    case "sym":
    case "const":
    case "apply":
      return pattern === subject ? [b] : [];
    case "call":
      if (subject.kind !== "call" || subject.fn !== pattern.fn) return [];
      return matchList(pattern.args, subject.args, b);
    case "pow":
      if (subject.kind !== "pow") return [];
      return matchList(pattern.args, subject.args, b);
    case "mul":
      return matchProduct(pattern, subject, b, false).map((m) => m.bindings);
    case "add":
      return matchSum(pattern, subject, b, false).map((m) => m.bindings);
    case "deriv":
      return pattern === subject ? [b] : [];
  }
}

function matchList(ps: readonly Expr[], ss: readonly Expr[], b: Bindings): Bindings[] {
  let states: Bindings[] = [b];
  for (let i = 0; i < ps.length; i++) {
    const next: Bindings[] = [];
    for (const s of states) next.push(...match(ps[i]!, ss[i]!, s));
    if (next.length === 0) return [];
    states = next;
  }
  return states;
}

/** Assigns each pattern part to a distinct subject part; yields bindings and unused indices. */
function assign(parts: readonly Expr[], subjects: readonly Expr[], b: Bindings, limit = 16): [Bindings, number[]][] {
  const out: [Bindings, number[]][] = [];
  const used = new Array<boolean>(subjects.length).fill(false);
  const go = (i: number, cur: Bindings): void => {
    if (out.length >= limit) return;
    if (i === parts.length) {
      out.push([cur, subjects.map((_, j) => j).filter((j) => !used[j])]);
      return;
    }
    for (let j = 0; j < subjects.length; j++) {
      if (used[j]) continue;
      if (--attemptsLeft < 0) return;
      for (const nb of match(parts[i]!, subjects[j]!, cur)) {
        used[j] = true;
        go(i + 1, nb);
        used[j] = false;
      }
    }
  };
  go(0, b);
  return out;
}

/** Bare wildcards last, so that they meet bindings made by the structured parts. */
function orderParts(parts: readonly Expr[]): Expr[] {
  return [...parts.filter((p) => !isWildcard(p)), ...parts.filter(isWildcard)];
}

export function matchProduct(pattern: Expr, subject: Expr, b: Bindings, top: boolean): TopMatch[] {
  const [pc, pf] = splitProduct(pattern);
  const [sc, sf] = splitProduct(subject);
  const restVar = pf.find(isWildcard);
  const fixed = pf.filter((p) => p !== restVar);
  const ratio = sc.div(pc);
  const out: TopMatch[] = [];
  for (const [nb, unused] of assign(orderParts(fixed), sf, b)) {
    const bound = restVar === undefined ? undefined : nb.get((restVar as { name: string }).name);
    const same = bound === undefined ? undefined : isProductOf(bound, ratio, sf, unused);
    if (same !== undefined) {
      if (same) out.push({ bindings: nb, rest: num(1) });
      continue;
    }
    const remaining = mulAll([num(ratio), ...unused.map((j) => sf[j]!)]);
    if (restVar !== undefined) {
      for (const m of match(restVar, remaining, nb)) out.push({ bindings: m, rest: num(1) });
    } else if (top) out.push({ bindings: nb, rest: remaining });
    else if (unused.length === 0 && ratio.isOne()) out.push({ bindings: nb, rest: num(1) });
  }
  return out;
}

export function matchSum(pattern: Expr, subject: Expr, b: Bindings, top: boolean): TopMatch[] {
  // A sum's numeric constant is a term too, so a bare wildcard can match it.
  const pt = termsOf(pattern);
  const st = termsOf(subject);
  const out: TopMatch[] = [];
  for (const [nb, unused] of assign(orderParts(pt), st, b)) {
    // The distinct terms of a canonical sum never cancel: the rest is 0 exactly when none is left.
    if (top) out.push({ bindings: nb, rest: addAll(unused.map((j) => st[j]!)) });
    else if (unused.length === 0) out.push({ bindings: nb, rest: ZERO });
  }
  return out;
}

function splitProduct(e: Expr): [Rational, readonly Expr[]] {
  if (e.kind === "num") return [e.value, []];
  if (e.kind !== "mul") return [Rational.ONE, [e]];
  return e.args[0]!.kind === "num" ? [e.args[0]!.value, e.args.slice(1)] : [Rational.ONE, e.args];
}

/** Parts of rationals below this magnitude pass the builder's size check (`num` cannot throw). */
const SMALL_PART = 1n << 64n;

/**
 * Whether `v` is `mulAll([num(c), ...unused.map((j) => factors[j])])`, decided without building
 * it, or undefined when that takes building (a number times a lone sum, which distributes, or a
 * large `c`). `factors` are the non-numeric factors of a canonical product (or one non-product):
 * sorted and of distinct bases, so any subsequence multiplies to itself, and the product is the
 * number alone, the factor alone (c = 1) or the product node of `[num(c) unless 1, ...factors]`.
 */
function isProductOf(v: Expr, c: Rational, factors: readonly Expr[], unused: readonly number[]): boolean | undefined {
  if (c.num >= SMALL_PART || -c.num >= SMALL_PART || c.den >= SMALL_PART) return undefined;
  if (unused.length === 0 || c.isZero()) return v.kind === "num" && v.value.equals(c);
  const one = c.isOne();
  if (unused.length === 1) {
    const f = factors[unused[0]!]!;
    if (one) return v === f;
    if (f.kind === "add") return undefined;
  }
  const offset = one ? 0 : 1;
  if (v.kind !== "mul" || v.args.length !== unused.length + offset) return false;
  if (!one && !(v.args[0]!.kind === "num" && v.args[0]!.value.equals(c))) return false;
  for (let i = 0; i < unused.length; i++) if (v.args[i + offset] !== factors[unused[i]!]) return false;
  return true;
}

/**
 * A necessary condition for `matchTop(pattern, subject)` to find a match, checked without bindings
 * or allocation: every non-wildcard part of the pattern has a part of the subject of its shape
 * (same kind, function, numbers, symbols and constants; wildcards match anything), and the subject
 * has at least as many parts as `matchTop` must assign distinct subject parts to. False means no
 * match; true means `matchTop` has to decide.
 */
export function mayMatchTop(pattern: Expr, subject: Expr): boolean {
  if (pattern.kind === "add") return subject.kind === "add" && mayMatchSum(pattern, subject);
  if (pattern.kind === "mul") return subject.kind === "mul" && mayMatchProduct(pattern, subject);
  return mayMatch(pattern, subject);
}

function mayMatch(pattern: Expr, subject: Expr): boolean {
  if (isWildcard(pattern)) return true;
  switch (pattern.kind) {
    case "num":
    case "sym":
    case "const":
    case "apply":
      return pattern === subject;
    case "call": {
      if (subject.kind !== "call" || subject.fn !== pattern.fn) return false;
      for (let i = 0; i < pattern.args.length; i++) if (!mayMatch(pattern.args[i]!, subject.args[i]!)) return false;
      return true;
    }
    case "pow":
      return subject.kind === "pow" && mayMatch(pattern.base, subject.base) && mayMatch(pattern.exp, subject.exp);
    case "mul":
      return mayMatchProduct(pattern, subject);
    case "add":
      return mayMatchSum(pattern, subject);
    case "deriv":
      return pattern === subject;
  }
}

/**
 * The factors of a product pattern that `matchProduct` assigns to distinct subject factors: all
 * but its number and its first bare wildcard. Computed once per pattern node (patterns are the
 * rules' left sides and their parts, a fixed set).
 */
const assignedFactors = new Map<Expr, readonly Expr[]>();

function assignedFactorsOf(pattern: Expr): readonly Expr[] {
  let parts = assignedFactors.get(pattern);
  if (parts === undefined) {
    const pf = splitProduct(pattern)[1];
    const restVar = pf.find(isWildcard);
    parts = pf.filter((p) => p !== restVar);
    assignedFactors.set(pattern, parts);
  }
  return parts;
}

/**
 * See `matchProduct`: the factors other than the first bare wildcard go to distinct factors. So
 * every such part needs a factor of its shape, and (the parts together) at least as many factors
 * of some part's shape as there are parts: `exp(a_)*exp(b_)` needs two exp factors.
 */
function mayMatchProduct(pattern: Expr, subject: Expr): boolean {
  const parts = assignedFactorsOf(pattern);
  const factors: readonly Expr[] = subject.kind === "mul" ? subject.args : subject.kind === "num" ? [] : [subject];
  const first = factors.length > 0 && factors[0]!.kind === "num" ? 1 : 0;
  if (factors.length - first < parts.length) return false;
  if (parts.length > 31) return true; // beyond the bit set below; matchTop decides
  let matched = 0; // parts with a factor of their shape
  let shaped = 0; // factors of some part's shape
  let partHit = 0; // bit i: part i has a factor (parts are few: a rule's left side)
  for (let i = first; i < factors.length; i++) {
    let any = false;
    for (let j = 0; j < parts.length; j++) {
      if (!mayMatch(parts[j]!, factors[i]!)) continue;
      any = true;
      if ((partHit & (1 << j)) === 0) {
        partHit |= 1 << j;
        matched++;
      }
    }
    if (any) shaped++;
  }
  return matched === parts.length && shaped >= parts.length;
}

/** See `matchSum`: every term of the pattern goes to a distinct term of the subject. */
function mayMatchSum(pattern: Expr, subject: Expr): boolean {
  const pt = termsOf(pattern);
  if (subject.kind !== "add") return pt.length === 1 && mayMatch(pt[0]!, subject);
  const st = subject.args;
  if (st.length < pt.length) return false;
  for (const p of pt) {
    let found = false;
    for (let i = 0; i < st.length && !found; i++) found = mayMatch(p, st[i]!);
    if (!found) return false;
  }
  return true;
}

/** Every top-level match of `pattern` in `subject` (sums and products keep a rest). */
export function matchTop(pattern: Expr, subject: Expr): TopMatch[] {
  const saved = attemptsLeft;
  attemptsLeft = MAX_MATCH_ATTEMPTS;
  try {
    return matchTopUnbounded(pattern, subject);
  } finally {
    attemptsLeft = saved;
  }
}

function matchTopUnbounded(pattern: Expr, subject: Expr): TopMatch[] {
  const empty: Bindings = new Map();
  if (pattern.kind === "add") return subject.kind === "add" ? matchSum(pattern, subject, empty, true) : [];
  if (pattern.kind === "mul") return subject.kind === "mul" ? matchProduct(pattern, subject, empty, true) : [];
  return match(pattern, subject, empty).map((bindings) => ({ bindings, rest: num(1) }));
}

/** `template` with every wildcard replaced by its binding, rebuilt canonically. */
export function instantiate(template: Expr, b: Bindings, wildcards: ReadonlyMap<string, Expr>): Expr {
  const map = new Map<Expr, Expr>();
  for (const [name, node] of wildcards) {
    const v = b.get(name);
    if (v !== undefined) map.set(node, v);
  }
  return substitute(template, map);
}
