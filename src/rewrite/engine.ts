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
import { headsOf } from "./heads.js";

export interface CompiledRule {
  readonly rule: Rule;
  /** The functions the left side calls, as head bits (`heads.ts`): a subject lacking one cannot match. */
  readonly heads: number;
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
  return { rule, lhs, rhs, wildcards, heads: headsOf(lhs) };
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

function holds(p: Property, e: Expr, assume: Assumptions): boolean {
  return p === "positive" ? isPositive(e, assume) : isNonnegative(e, assume);
}

/** False when `heads` (`headsOf`) lacks a function that `r`'s left side calls (`r` cannot match). */
function callsRuleHeads(r: CompiledRule, heads: number): boolean {
  return (r.heads & ~heads) === 0;
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

/**
 * Per kind: head bits -> the rules of that kind that pass `callsRuleHeads`, in rule order. Kept
 * across `clearCaches` (a function of the bits only); emptied past MAX_HEAD_COMBINATIONS entries.
 */
const rulesByHeads = new Map<string, Map<number, readonly CompiledRule[]>>();
const MAX_HEAD_COMBINATIONS = 4096;

/** The rules that may apply to a node of `kind` calling the functions `heads` (`headsOf`). */
function applicableRules(kind: string, heads: number): readonly CompiledRule[] {
  let byHeads = rulesByHeads.get(kind);
  if (byHeads === undefined) rulesByHeads.set(kind, (byHeads = new Map<number, readonly CompiledRule[]>()));
  let rules = byHeads.get(heads);
  if (rules === undefined) {
    if (byHeads.size >= MAX_HEAD_COMBINATIONS) byHeads.clear();
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
