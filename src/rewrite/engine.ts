/**
 * The rule engine: applies the rules of `rules.ts` at one node (`rewriteTop`); the simplifier
 * (`simplify.ts`) walks the graph bottom-up and owns the passes and budgets.
 *
 * At a node (its arguments already rewritten) the rules whose left side has the node's kind
 * are tried in order; a rewrite is kept only when it lowers the cost (`cost.ts`), so the engine
 * cannot cycle. Rules are parsed once, on first use.
 */
import { compileBuiltIn } from "../core/built-in.js";
import { DomainError } from "../core/errors.js";
import type { Expr } from "../core/node.js";
import { rebuild } from "../core/build.js";
import { parse } from "../parse/parser.js";
import { isNonnegative, isPositive, type Assumptions } from "./assumptions.js";
import { cost } from "./cost.js";
import { instantiate, isWildcard, matchTop, mayMatchTop, type Bindings, type TopMatch } from "./pattern.js";
import { RULES, type Property, type Rule } from "./rules.js";
import { registerCache } from "../core/memo.js";
import { fillSlots, unionOfArgSets } from "../core/traverse.js";

export interface CompiledRule {
  readonly rule: Rule;
  /** Function names the left side calls: a subject lacking one cannot match. */
  readonly heads: readonly string[];
  readonly lhs: Expr;
  readonly rhs: Expr;
  readonly wildcards: ReadonlyMap<string, Expr>;
}

let compiled: CompiledRule[] | null = null;

function wildcardsOf(e: Expr, out: Map<string, Expr>): void {
  if (isWildcard(e)) out.set((e as { name: string }).name, e);
  for (const a of e.args) wildcardsOf(a, out);
}

/** Compiles one rule; throws when its left side is a bare wildcard (it would match anything). */
export function compileRule(rule: Rule): CompiledRule {
  const lhs = parse(rule.lhs);
  const rhs = parse(rule.rhs);
  if (isWildcard(lhs)) throw new Error(`rule ${rule.id}: the left side is a bare wildcard after canonicalisation`);
  const wildcards = new Map<string, Expr>();
  wildcardsOf(lhs, wildcards);
  const extra = new Map<string, Expr>();
  wildcardsOf(rhs, extra);
  for (const name of extra.keys()) if (!wildcards.has(name)) throw new Error(`rule ${rule.id}: ${name} is not bound by the left side`);
  return { rule, lhs, rhs, wildcards, heads: [...headsOf(lhs)] };
}

export function compiledRules(): readonly CompiledRule[] {
  compiled ??= compileBuiltIn(() => RULES.map(compileRule));
  return compiled;
}

let byKind: Map<string, readonly CompiledRule[]> | null = null;
const NO_RULES: readonly CompiledRule[] = [];

/** The compiled rules whose left side has the kind `kind`, in rule order. */
function rulesOfKind(kind: string): readonly CompiledRule[] {
  if (byKind === null) {
    const m = new Map<string, CompiledRule[]>();
    for (const r of compiledRules()) {
      let list = m.get(r.lhs.kind);
      if (list === undefined) m.set(r.lhs.kind, (list = []));
      list.push(r);
    }
    byKind = m;
  }
  return byKind.get(kind) ?? NO_RULES;
}

/** The epoch of the head slots on nodes (`Expr.heads`): a slot of another epoch is stale. */
let headsEpoch = 0;
registerCache(() => {
  headsEpoch++;
});

const headsIsCurrent = (node: Expr): boolean => node.headsEpoch === headsEpoch;
const headsOfArg = (node: Expr): ReadonlySet<string> => node.heads!;
const fillHeads = (node: Expr): void => {
  const h = unionOfArgSets(node.args, headsOfArg, node.kind === "call" ? node.fn : undefined);
  // The empty set and an argument's set are already canonical objects; a new union is made one.
  node.heads = h.size === 0 || node.args.some((a) => a.heads === h) ? h : canonicalHeads(h);
  node.headsEpoch = headsEpoch;
};

/** The function names called anywhere in `e` (cached in a slot per node). */
export function headsOf(e: Expr): ReadonlySet<string> {
  if (e.headsEpoch !== headsEpoch) fillSlots(e, headsIsCurrent, fillHeads);
  return e.heads!;
}

/**
 * One set object per combination of names, kept across `clearCaches` (a set is a function of its
 * names only), so `applicableRules`, cached per set object, finds the sets of a formula seen
 * before. Emptied when it holds MAX_HEAD_SETS combinations.
 */
const headSets = new Map<string, ReadonlySet<string>>();
const MAX_HEAD_SETS = 4096;

function canonicalHeads(s: ReadonlySet<string>): ReadonlySet<string> {
  const key = [...s].sort().join(",");
  const known = headSets.get(key);
  if (known !== undefined) return known;
  if (headSets.size >= MAX_HEAD_SETS) headSets.clear();
  headSets.set(key, s);
  return s;
}

function holds(p: Property, e: Expr, assume: Assumptions): boolean {
  return p === "positive" ? isPositive(e, assume) : isNonnegative(e, assume);
}

/** True when `heads` has every function that `r`'s left side calls (else `r` cannot match). */
function callsRuleHeads(r: CompiledRule, heads: ReadonlySet<string>): boolean {
  return r.heads.every((h) => heads.has(h));
}

/** The results of applying `r` at the top of `node` (every match, conditions checked). */
export function applyRule(r: CompiledRule, node: Expr, assume: Assumptions = {}): Expr[] {
  if (r.lhs.kind !== node.kind || !callsRuleHeads(r, headsOf(node))) return [];
  return rewritesOf(r, node, assume);
}

/** `applyRule` for a rule of `node`'s kind whose heads `node` calls (checked by the caller). */
function rewritesOf(r: CompiledRule, node: Expr, assume: Assumptions): Expr[] {
  if (!mayMatchTop(r.lhs, node)) return [];
  const out: Expr[] = [];
  for (const m of matchTop(r.lhs, node)) {
    const rewritten = rewriteAt(r, m, assume);
    if (rewritten !== null) out.push(rewritten);
  }
  return out;
}

/**
 * The first rewrite of `node` by `r` (in match order) that costs less than `c`, or at most `c`
 * for a tie rule; null if none. Only the matches up to it are instantiated.
 */
function firstCheaperRewrite(r: CompiledRule, node: Expr, assume: Assumptions, c: number): Expr | null {
  if (!mayMatchTop(r.lhs, node)) return null;
  for (const m of matchTop(r.lhs, node)) {
    const rewritten = rewriteAt(r, m, assume);
    if (rewritten === null) continue;
    const k = cost(rewritten);
    if (k < c || (k === c && r.rule.ties === true)) return rewritten;
  }
  return null;
}

/** The node rewritten at one match of `r` (its rest kept beside), or null where `r` does not apply. */
function rewriteAt(r: CompiledRule, m: TopMatch, assume: Assumptions): Expr | null {
  if (!conditionsHold(r, m.bindings, assume)) return null;
  const rewritten = instantiateDefined(r, m.bindings);
  if (rewritten === null) return null;
  return r.lhs.kind === "add" || r.lhs.kind === "mul" ? rebuild(r.lhs, [rewritten, m.rest]) : rewritten;
}

/**
 * The right side with the bindings, or null when building it divides by an exact zero: at a pole
 * (`csc(pi)` as `1/sin(pi)`) the rule does not apply, and the node stays as written.
 */
function instantiateDefined(r: CompiledRule, b: Bindings): Expr | null {
  try {
    return instantiate(r.rhs, b, r.wildcards);
  } catch (err) {
    if (err instanceof DomainError) return null;
    throw err;
  }
}

function conditionsHold(r: CompiledRule, b: Bindings, assume: Assumptions): boolean {
  if (r.rule.require === undefined) return true;
  for (const [name, p] of Object.entries(r.rule.require)) {
    const v = b.get(name);
    if (v === undefined || !holds(p, v, assume)) return false;
  }
  return true;
}

/** Per kind: heads set -> the rules of that kind whose heads are all in the set, in rule order. */
const rulesByHeads = new Map<string, WeakMap<ReadonlySet<string>, readonly CompiledRule[]>>();

/**
 * The rules that may apply to a node of `kind` calling the functions `heads`. Cached per set
 * object: `headsOf` returns one set object per combination of names (`canonicalHeads`), so
 * lookups miss only on a combination not seen before.
 */
function applicableRules(kind: string, heads: ReadonlySet<string>): readonly CompiledRule[] {
  let byHeads = rulesByHeads.get(kind);
  if (byHeads === undefined) rulesByHeads.set(kind, (byHeads = new WeakMap()));
  let rules = byHeads.get(heads);
  if (rules === undefined) {
    rules = rulesOfKind(kind).filter((r) => callsRuleHeads(r, heads));
    byHeads.set(heads, rules);
  }
  return rules;
}

/**
 * Rewrites `node` at its top until no rule lowers the cost (at most `limit` rewrites); a rule
 * marked `ties` also applies at equal cost.
 */
export function rewriteTop(node: Expr, assume: Assumptions, steps: string[], limit = 32): Expr {
  let current = node;
  for (let n = 0; n < limit; n++) {
    let next: Expr | null = null;
    const c = cost(current);
    for (const r of applicableRules(current.kind, headsOf(current))) {
      next = firstCheaperRewrite(r, current, assume, c);
      if (next !== null) {
        steps.push(r.rule.id);
        break;
      }
    }
    if (next === null) break;
    current = next;
  }
  return current;
}
