/**
 * Straight-line JavaScript for the value and the gradient of an expression graph.
 *
 * Contract of the emitted statements (`Emitter.lines`):
 * - They read only the parameter `x` (variable `vars[i]` is `x[i]`), `Math` and the local helper
 *   `erf`; every name they declare is generated (`tN` for values, `aN` for adjoints, `pN` for
 *   partials). No symbol name, and no other text from the expression, ever enters the code:
 *   numbers are written as the literal of the nearest double of their exact rational.
 * - Every distinct node is computed once, into one `const` (common-subexpression elimination
 *   over the interned graph); subgraphs without variables are folded to a literal at generation.
 * - Values use exactly the floating-point operations of `evaluate` (`float-functions.ts`).
 * - The gradient is a reverse sweep over the same graph: after the forward pass, each node's
 *   adjoint (d root / d node) is the sum of its parents' adjoints times the local partials, and a
 *   node is finished before its arguments because nodes are visited in reverse post-order. The
 *   local partial of a call is the derivative-table entry (`calculus/derivative-table.ts`) with
 *   the argument substituted, emitted through the same CSE, so `tanh' = 1 - tanh^2` reuses the
 *   value already computed. The cost of value and gradient is a small constant times the value.
 */
import { sym, ZERO } from "../core/build.js";
import { DomainError } from "../core/errors.js";
import type { Expr } from "../core/node.js";
import { Rational } from "../core/rational.js";
import { foldGraph, freeSymbolSet } from "../core/traverse.js";
import { outerDerivatives } from "../calculus/derivative-table.js";
import { evaluate, undefinedFunctionError } from "./evaluate.js";
import { emitRationalPower, FLOAT_FUNCTIONS, literal } from "./float-functions.js";

/** Checks that `vars` is a list of distinct strings; returns name -> index. */
export function variableIndex(vars: readonly string[]): Map<string, number> {
  if (!Array.isArray(vars)) throw new TypeError("variables must be an array of names");
  const index = new Map<string, number>();
  vars.forEach((v, i) => {
    if (typeof v !== "string") throw new TypeError(`variable ${i} is not a string`);
    if (index.has(v)) throw new TypeError(`variable '${v}' is listed twice`);
    index.set(v, i);
  });
  return index;
}

const ATOM = /^[\w.]+$|^\([^()]*\)$/;

/** Product of code factors (each an atom, or a product itself); "1" factors are dropped. */
function product(factors: readonly string[]): string {
  const kept = factors.filter((f) => f !== "1");
  return kept.length === 0 ? "1" : kept.join(" * ");
}

/**
 * A term of generated code with its sign kept apart: its value is `-code` when `neg`, else
 * `code`. Signs are folded into sums as subtractions instead of multiplications by -1; this is
 * exact, since IEEE rounding is symmetric in sign: x * (-c) === -(x * c) and x + (-y) === x - y.
 */
interface Term {
  readonly code: string;
  readonly neg: boolean;
}

const NEGATIVE_LITERAL = /^\(-([^()\s]+)\)$/;

/** `product` of the factors with the sign of `neg` and of every negative literal factor `(-c)` moved into the term's sign. */
function signedProduct(neg: boolean, factors: readonly string[]): Term {
  const kept: string[] = [];
  for (const f of factors) {
    const m = NEGATIVE_LITERAL.exec(f);
    if (m !== null) {
      neg = !neg;
      kept.push(m[1]!);
    } else kept.push(f);
  }
  return { code: product(kept), neg };
}

/**
 * Left-to-right sum of signed terms: `a - b + c`. A leading negative term followed by a positive
 * one is written `b - a` (exact: addition commutes); otherwise it is written `-a`.
 */
function signedSum(terms: readonly Term[]): string {
  const ts = terms.length >= 2 && terms[0]!.neg && !terms[1]!.neg ? [terms[1]!, terms[0]!, ...terms.slice(2)] : terms;
  return ts.map((t, i) => (i === 0 ? (t.neg ? `-${t.code}` : t.code) : `${t.neg ? " - " : " + "}${t.code}`)).join("");
}

/** `u` when `e` is the product (-1)*u, else undefined. */
function negatedOperand(e: Expr): Expr | undefined {
  if (e.kind !== "mul" || e.args.length !== 2) return undefined;
  const k = e.args[0]!;
  return k.kind === "num" && k.value.isMinusOne() ? e.args[1] : undefined;
}

function dependsOnVariables(e: Expr): boolean {
  return freeSymbolSet(e).size > 0;
}

export class Emitter {
  /** Emitted statements, in execution order. */
  readonly lines: string[] = [];
  /** The atom (temp name or literal) holding each emitted node's value. */
  private readonly atoms = new Map<Expr, string>();
  /** Nodes that depend on variables, in the order emitted (arguments before the node). */
  private readonly order: Expr[] = [];
  private next = 0;

  constructor(private readonly index: ReadonlyMap<string, number>) {}

  private temp(prefix: string, code: string): string {
    const name = `${prefix}${this.next++}`;
    this.lines.push(`  const ${name} = ${code};`);
    return name;
  }

  /** The atom of `e`'s value, emitting whatever of its graph is not emitted yet. */
  atom(e: Expr): string {
    return foldGraph<string>(
      e,
      (node, atoms) => this.visit(node, atoms),
      (node) => (dependsOnVariables(node) ? undefined : literal(evaluate(node, {}))),
      this.atoms,
    );
  }

  private visit(node: Expr, atoms: ReadonlyMap<Expr, string>): string {
    const arg = (i: number) => atoms.get(node.args[i]!)!;
    let code: string;
    switch (node.kind) {
      case "num":
        return literal(node.value.toNumber());
      case "const":
        return literal(node.name === "pi" ? Math.PI : Math.E);
      case "sym": {
        const i = this.index.get(node.name);
        if (i === undefined) throw new DomainError(`unbound variable '${node.name}': it is not among the compiled variables`);
        code = `x[${i}]`;
        break;
      }
      case "add":
        code = signedSum(
          node.args.map((t) => {
            const u = negatedOperand(t);
            const a = u === undefined ? undefined : atoms.get(u);
            return a === undefined ? { code: atoms.get(t)!, neg: false } : { code: a, neg: true };
          }),
        );
        break;
      case "mul":
        code = signedSum([
          signedProduct(
            false,
            node.args.map((_, i) => arg(i)),
          ),
        ]);
        break;
      case "pow":
        code = node.exp.kind === "num" ? emitRationalPower(arg(0), node.exp.value) : `Math.pow(${arg(0)}, ${arg(1)})`;
        break;
      case "call":
        code = FLOAT_FUNCTIONS[node.fn].emit(arg(0), node.args.length > 1 ? arg(1) : "0");
        break;
      case "deriv":
        throw new DomainError(`an inert derivative is not compiled: carry it out first (evaluateDerivatives): ${String(node)}`);
      case "apply":
        throw undefinedFunctionError(node);
    }
    this.order.push(node);
    return this.temp("t", code);
  }

  /**
   * Emits the reverse sweep of `root` (whose value must be emitted already) and returns, per
   * variable, the atom of d root / d variable ("0" when it does not occur).
   */
  gradient(root: Expr, vars: readonly string[]): string[] {
    const order = this.order.slice();
    const contributions = new Map<Expr, Term[]>();
    const contribute = (child: Expr, term: Term) => {
      if (!dependsOnVariables(child)) return;
      const list = contributions.get(child);
      if (list === undefined) contributions.set(child, [term]);
      else list.push(term);
    };
    if (dependsOnVariables(root)) contributions.set(root, [{ code: "1", neg: false }]);
    const adjoints = new Map<Expr, Term>();
    for (let k = order.length - 1; k >= 0; k--) {
      const node = order[k]!;
      const terms = contributions.get(node);
      if (terms === undefined) continue;
      contributions.delete(node);
      const a = this.adjoint(terms);
      adjoints.set(node, a);
      this.propagate(node, a, contribute);
    }
    return vars.map((v) => {
      const a = adjoints.get(sym(v));
      return a === undefined ? "0" : signedSum([a]);
    });
  }

  /** The sum of `terms` as an atom with a sign; a sum of negative terms only is kept negated. */
  private adjoint(terms: readonly Term[]): Term {
    if (terms.length === 1 && ATOM.test(terms[0]!.code)) return terms[0]!;
    if (terms.every((t) => t.neg)) return { code: this.temp("a", signedSum(terms.map((t) => ({ code: t.code, neg: false })))), neg: true };
    return { code: this.temp("a", signedSum(terms)), neg: false };
  }

  /** Adds adjoint * (d node / d argument) to each argument that depends on the variables. */
  private propagate(node: Expr, a: Term, contribute: (child: Expr, term: Term) => void): void {
    const at = (e: Expr) => this.atoms.get(e)!;
    switch (node.kind) {
      case "add":
        for (const t of node.args) contribute(t, a);
        return;
      case "mul": {
        const hasCoefficient = node.args[0]!.kind === "num";
        const k = hasCoefficient ? at(node.args[0]!) : "1";
        const factors = hasCoefficient ? node.args.slice(1) : node.args;
        const n = factors.length;
        if (n <= 4) {
          factors.forEach((f, i) => {
            if (!dependsOnVariables(f)) return;
            contribute(f, signedProduct(a.neg, [a.code, k, ...factors.filter((_, j) => j !== i).map(at)]));
          });
          return;
        }
        // Prefix and suffix products make the n partials cost O(n) instead of O(n^2).
        const prefix: string[] = ["1"];
        for (let i = 1; i < n; i++) prefix.push(i === 1 ? at(factors[0]!) : this.temp("p", `${prefix[i - 1]} * ${at(factors[i - 1]!)}`));
        const suffix: string[] = new Array<string>(n);
        suffix[n - 1] = "1";
        for (let i = n - 2; i >= 0; i--) suffix[i] = i === n - 2 ? at(factors[n - 1]!) : this.temp("p", `${at(factors[i + 1]!)} * ${suffix[i + 1]}`);
        factors.forEach((f, i) => {
          if (dependsOnVariables(f)) contribute(f, signedProduct(a.neg, [a.code, k, prefix[i]!, suffix[i]!]));
        });
        return;
      }
      case "pow": {
        const b = node.base;
        const x = node.exp;
        const t = at(node);
        if (x.kind === "num") {
          const r = x.value;
          const s = r.toString();
          const divided = (term: Term, divisor: string): Term => ({ code: `${term.code} / ${divisor}`, neg: term.neg });
          if (s === "1/2") contribute(b, divided(signedProduct(a.neg, [a.code, "0.5"]), t));
          else if (s === "-1") contribute(b, signedProduct(a.neg, [a.code, "(-1)", t, t]));
          else if (s === "-1/2") contribute(b, divided(signedProduct(a.neg, [a.code, "(-0.5)", t]), at(b)));
          else {
            const rm1 = r.sub(Rational.ONE);
            const p = rm1.isOne() ? at(b) : this.temp("p", emitRationalPower(at(b), rm1));
            contribute(b, signedProduct(a.neg, [a.code, literal(r.toNumber()), p]));
          }
          return;
        }
        if (dependsOnVariables(b)) contribute(b, signedProduct(a.neg, [a.code, at(x), this.temp("p", `Math.pow(${at(b)}, ${at(x)} - 1)`)]));
        if (dependsOnVariables(x)) {
          const log = dependsOnVariables(b) ? this.temp("p", `Math.log(${at(b)})`) : literal(Math.log(evaluate(b, {})));
          contribute(x, signedProduct(a.neg, [a.code, t, log]));
        }
        return;
      }
      case "call": {
        const partials = outerDerivatives(node.fn);
        node.args.forEach((u, i) => {
          if (!dependsOnVariables(u)) return;
          const partial = partials[i]!(node.args);
          if (partial === ZERO) return;
          contribute(u, signedProduct(a.neg, [a.code, this.atom(partial)]));
        });
        return;
      }
      default:
        return;
    }
  }
}
