/**
 * Step-by-step derivations: `explain(e, vars)` differentiates `e` by each of `vars` in turn the
 * way a textbook does, one rule per step (the rules are in `explain-rules.ts`).
 *
 * Contracts:
 * - Every step's `expr` is the whole expression after the step: the expression before it with
 *   the step's `parts` (inert derivatives d/dx(u)) replaced by their `results`. Each replacement is
 *   an identity wherever the input is differentiable, so carrying out the inert derivatives of
 *   any step's `expr` gives the same function (the tests check this numerically on the corpus).
 * - One step applies one rule, to every pending derivative of its level that the rule applies to
 *   ("the power rule on each term"), so a sum of 2000 terms takes a handful of steps, not 2000.
 * - A pending derivative whose body is not small (more than `INLINE_MAX` nodes with x) is
 *   derived in its own nested group (`Step.group`), and the parent step substitutes the group's
 *   result. A derivative already derived by a group earlier in the explanation is not derived
 *   again: a step with `reused: true` refers to it.
 * - The last step of each derivative (each variable) is `simplify`: the raw result becomes the
 *   form `diff` returns, so the explanation's `result` is `diff(e, vars)` itself (`===`).
 * Cost: every step rebuilds the expression of its level once, and the levels are small except
 * the top one, so a derivation costs about (number of steps) times (size of the derivative).
 */
import { derivative, sym } from "../core/build.js";
import { LimitError } from "../core/errors.js";
import { limits } from "../core/limits.js";
import type { Deriv, Expr } from "../core/node.js";
import { freeSymbolSet, substitute } from "../core/traverse.js";
import { simplify, type SimplifyOptions } from "../rewrite/simplify.js";
import { diffExpr, evaluateDerivatives } from "./diff.js";
import type { StepCheck } from "./explain-check.js";
import { applyRule, type Application, type Rule } from "./explain-rules.js";

export type { Rule } from "./explain-rules.js";

/** Bodies with at most this many distinct nodes containing x are derived inline in their level. */
const INLINE_MAX = 4;

/** One step of a derivation: one rule applied to some inert derivatives (or the final simplification). */
export interface Step {
  readonly rule: Rule;
  /** For `chain`: the rule of the outer derivative (`trig` for sin(u), `power` for u^n, ...). */
  readonly via?: Rule;
  /** What the step rewrites: inert derivatives d/dx(u) (for `simplify`, the raw result). */
  readonly parts: readonly Expr[];
  /** What each part becomes, in the order of `parts`. */
  readonly results: readonly Expr[];
  /** The whole expression after the step. */
  readonly expr: Expr;
  /** The derivation of `parts[0]` when it takes several steps: a nested group. */
  readonly group?: Derivation;
  /** The parts were derived earlier in the explanation (by a group); this step refers to them. */
  readonly reused?: boolean;
  /** With `{ verify: true }`: the numeric check of this step against the one before. */
  readonly check?: StepCheck;
}

/** A derivation of one inert derivative: where it starts, its steps, and what it ends in. */
export interface Derivation {
  /** What is derived: an inert derivative d/dx(u). */
  readonly start: Expr;
  readonly steps: readonly Step[];
  /** The `expr` of the last step (`start` when there is none). */
  readonly result: Expr;
  /** With `{ verify: true }`: every step of the derivation, groups included, checked ok. */
  readonly verified?: boolean;
}

/** What `explainDiff` returns: the derivation of the input's derivative, with the input and variables. */
export interface Explanation extends Derivation {
  /** The input. */
  readonly expr: Expr;
  /** The variables in the order the derivatives are taken. */
  readonly variables: readonly string[];
}

/**
 * The derivation of d/d vars[k-1] ... d/d vars[0] of `input`. With one variable the steps are the
 * derivation itself; with several, each top-level step is one derivative, derived in its group.
 * Inert derivatives in `input` are carried out first: `start` is the derivative of that.
 */
export function explain(input: Expr, vars: readonly string[], simplifyOptions: SimplifyOptions = {}): Explanation {
  const e = evaluateDerivatives(input);
  const start = derivative(
    e,
    vars.map((v) => sym(v)),
  );
  if (vars.length === 0) {
    // Order 0: `diff` returns the simplified input.
    const target = simplify(e, simplifyOptions);
    const steps: Step[] = target === e ? [] : [{ rule: "simplify", parts: [e], results: [target], expr: target }];
    return { expr: input, variables: vars, start, steps, result: target };
  }
  if (vars.length === 1) {
    const d = deriveOnce(e, vars[0]!, simplifyOptions);
    return { expr: input, variables: vars, start, steps: d.steps, result: d.result };
  }
  const steps: Step[] = [];
  let current = e;
  // The same time limit as `diff` of order n, checked between the derivatives.
  const deadline = performance.now() + limits.diffTimeMs;
  vars.forEach((v, k) => {
    if (performance.now() > deadline) {
      throw new LimitError("diffTimeMs", limits.diffTimeMs, `explanation of a derivative of order ${vars.length} ran out of time`);
    }
    const d = deriveOnce(current, v, simplifyOptions);
    current = d.result;
    const first = d.steps[0];
    steps.push({
      rule: first?.rule ?? "constant",
      ...(first?.via !== undefined ? { via: first.via } : {}),
      parts: [d.start],
      results: [d.result],
      expr: derivative(
        current,
        vars.slice(k + 1).map((w) => sym(w)),
      ),
      group: d,
    });
  });
  return { expr: input, variables: vars, start, steps, result: current };
}

/** d/dv(e) derived and then simplified to `diff`'s form. */
function deriveOnce(e: Expr, v: string, simplifyOptions: SimplifyOptions): Derivation {
  const part = derivative(e, [sym(v)]);
  const raw = new Explainer(v).derive(part);
  const target = simplify(diffExpr(e, v), simplifyOptions);
  if (raw.result === target) return raw;
  const steps = [...raw.steps, { rule: "simplify" as const, parts: [raw.result], results: [target], expr: target }];
  return { start: part, steps, result: target };
}

/** What a group derived: its result and the rule it began with. */
interface Derived {
  readonly result: Expr;
  readonly rule: Rule;
  readonly via: Rule | undefined;
}

class Explainer {
  private readonly applications = new Map<Expr, Application>();
  /** Derivatives derived by a group so far, for `reused` steps. */
  private readonly derived = new Map<Expr, Derived>();

  constructor(private readonly x: string) {}

  private application(p: Expr): Application {
    let a = this.applications.get(p);
    if (a === undefined) {
      a = applyRule((p as Deriv).body, this.x);
      this.applications.set(p, a);
    }
    return a;
  }

  private readonly largeness = new Map<Expr, boolean>();

  /** Whether the body of the inert derivative `p` has more than INLINE_MAX nodes containing x. */
  private large(p: Expr): boolean {
    let known = this.largeness.get(p);
    if (known === undefined) this.largeness.set(p, (known = this.countsMore(p)));
    return known;
  }

  private countsMore(p: Expr): boolean {
    let count = 0;
    const seen = new Set<Expr>();
    const stack = [(p as Deriv).body];
    while (stack.length > 0) {
      const n = stack.pop()!;
      if (seen.has(n) || !freeSymbolSet(n).has(this.x)) continue;
      seen.add(n);
      if (++count > INLINE_MAX) return true;
      for (const a of n.args) stack.push(a);
    }
    return false;
  }

  /** The derivation of the inert derivative `part`, at its own level. */
  derive(part: Expr): Derivation {
    const steps: Step[] = [];
    let expr = part;
    let pending: Expr[] = [part];
    while (pending.length > 0) {
      const p = pending[0]!;
      const known = this.derived.get(p);
      if (known !== undefined) {
        const parts = pending.filter((q) => this.derived.has(q) && this.derived.get(q)!.rule === known.rule);
        const results = parts.map((q) => this.derived.get(q)!.result);
        expr = replace(expr, parts, results);
        steps.push({ rule: known.rule, ...(known.via !== undefined ? { via: known.via } : {}), parts, results, expr, reused: true });
        const done = new Set(parts);
        pending = pending.filter((q) => !done.has(q));
        continue;
      }
      if (p !== part && this.large(p)) {
        const group = this.derive(p);
        const first = group.steps[0]!;
        this.derived.set(p, { result: group.result, rule: first.rule, via: first.via });
        expr = replace(expr, [p], [group.result]);
        steps.push({ rule: first.rule, ...(first.via !== undefined ? { via: first.via } : {}), parts: [p], results: [group.result], expr, group });
        pending.shift();
        continue;
      }
      const a = this.application(p);
      // p, and every other pending derivative of this level that the same rule applies to.
      const parts = pending.filter((q) => q === p || (!this.derived.has(q) && !this.large(q) && sameRule(this.application(q), a)));
      const results = parts.map((q) => this.application(q).result);
      expr = replace(expr, parts, results);
      steps.push({ rule: a.rule, ...(a.via !== undefined ? { via: a.via } : {}), parts, results, expr });
      const done = new Set(parts);
      const rest = pending.filter((q) => !done.has(q));
      const queued = new Set(rest);
      for (const q of parts) {
        for (const c of this.application(q).children) {
          if (!queued.has(c)) {
            queued.add(c);
            rest.push(c);
          }
        }
      }
      pending = rest;
    }
    return { start: part, steps, result: expr };
  }
}

function sameRule(a: Application, b: Application): boolean {
  return a.rule === b.rule && a.via === b.via;
}

function replace(e: Expr, parts: readonly Expr[], results: readonly Expr[]): Expr {
  return substitute(e, new Map(parts.map((p, i) => [p, results[i]!])));
}
