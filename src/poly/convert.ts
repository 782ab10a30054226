/**
 * Conversion between expressions and generalised polynomials.
 *
 * Any subexpression that is not a sum, a product, a number or an integer power is an atom (a
 * "variable" of the polynomial): `sin(x)`, `exp(x)`, `x^y`. A power with a non-integer rational
 * exponent `b^(p/q)` is the atom `b^(1/q)` to the power p, so `sqrt(x)^2` folds back to `x`.
 * Atoms are numbered by an `AtomTable` shared by all polynomials of one computation; the numbering
 * follows first appearance, so callers wanting a deterministic variable order create the table
 * with the atoms sorted (see `sortedAtomTable`).
 */
import { addAll, mulAll, num, pow } from "../core/build.js";
import { compareExpr } from "../core/compare.js";
import { LimitError } from "../core/errors.js";
import { limits } from "../core/limits.js";
import type { Expr } from "../core/node.js";
import { Rational } from "../core/rational.js";
import { polyAdd, polyConst, polyMul, polyPow, polyVar, sortedTerms, type Poly } from "./poly.js";

export class AtomTable {
  readonly atoms: Expr[] = [];
  private readonly index = new Map<Expr, number>();
  constructor(initial: readonly Expr[] = []) {
    for (const a of initial) this.indexOf(a);
  }
  indexOf(atom: Expr): number {
    let i = this.index.get(atom);
    if (i === undefined) {
      i = this.atoms.length;
      this.atoms.push(atom);
      this.index.set(atom, i);
    }
    return i;
  }
}

/** Splits a factor into an atom and an integer exponent: x^3 -> [x, 3], x^(3/2) -> [x^(1/2), 3]. */
export function atomPower(f: Expr): [Expr, number] | null {
  if (f.kind !== "pow" || f.exp.kind !== "num") return null;
  const r = f.exp.value;
  if (r.isInteger()) {
    if (r.num > BigInt(Number.MAX_SAFE_INTEGER) || r.num < -BigInt(Number.MAX_SAFE_INTEGER)) return null;
    return [f.base, Number(r.num)];
  }
  if (r.den > 1_000_000n || r.num > 1_000_000n || r.num < -1_000_000n) return null;
  return [pow(f.base, num(Rational.of(1n, r.den))), Number(r.num)];
}

export interface ToPolyOptions {
  /** Accept negative integer powers of atoms as negative exponents (Laurent polynomials). */
  allowNegative?: boolean;
}

/**
 * The polynomial of `e` over the atoms of `table`, expanding products and non-negative integer
 * powers of sums. A negative power of a sum is an atom (or, with `allowNegative`, so is its base
 * with a negative exponent). Throws LimitError past `limits.maxExpandTerms` terms.
 */
export function toPoly(e: Expr, table: AtomTable, options: ToPolyOptions = {}): Poly {
  const memo = new Map<Expr, Poly>();
  const go = (x: Expr): Poly => {
    const hit = memo.get(x);
    if (hit !== undefined) return hit;
    let out: Poly;
    switch (x.kind) {
      case "num":
        out = polyConst(x.value);
        break;
      case "add":
        out = x.args.reduce<Poly>((acc, t) => polyAdd(acc, go(t)), polyConst(Rational.ZERO));
        break;
      case "mul":
        out = x.args.reduce<Poly>((acc, f) => polyMul(acc, go(f)), polyConst(Rational.ONE));
        break;
      case "pow": {
        const ap = atomPower(x);
        if (ap === null) {
          out = polyVar(table.indexOf(x));
          break;
        }
        const [base, k] = ap;
        if (k >= 0) {
          if (base.kind === "add" || base.kind === "mul") {
            out = polyPow(go(base), k);
          } else out = polyVar(table.indexOf(base), k);
        } else if (options.allowNegative && base.kind !== "add") {
          out = polyVar(table.indexOf(base), k);
        } else if (options.allowNegative) {
          out = polyVar(table.indexOf(pow(base, num(-1))), -k);
        } else {
          out = polyVar(table.indexOf(x));
        }
        break;
      }
      default:
        out = polyVar(table.indexOf(x));
    }
    if (out.size > limits.maxExpandTerms) {
      throw new LimitError("maxExpandTerms", limits.maxExpandTerms, `an expansion of more than ${limits.maxExpandTerms} terms`);
    }
    memo.set(x, out);
    return out;
  };
  return go(e);
}

/** The canonical expression of `p` over the atoms of `table` (a sum of monomials). */
export function fromPoly(p: Poly, table: AtomTable): Expr {
  const terms: Expr[] = [];
  for (const t of sortedTerms(p)) {
    const factors: Expr[] = [num(t.coef)];
    t.mono.forEach((k, i) => {
      if (k !== 0) factors.push(pow(table.atoms[i]!, num(k)));
    });
    terms.push(mulAll(factors));
  }
  return terms.length === 0 ? num(0) : addAll(terms);
}

/** The atoms toPoly would use for `e`, sorted structurally (a deterministic variable order). */
export function sortedAtomTable(exprs: readonly Expr[], options: ToPolyOptions = {}): AtomTable {
  const scratch = new AtomTable();
  for (const e of exprs) toPolyAtomsOnly(e, scratch, options);
  return new AtomTable([...scratch.atoms].sort(compareExpr));
}

function toPolyAtomsOnly(e: Expr, table: AtomTable, options: ToPolyOptions): void {
  const seen = new Set<Expr>();
  const stack = [e];
  while (stack.length > 0) {
    const x = stack.pop()!;
    if (seen.has(x)) continue;
    seen.add(x);
    if (x.kind === "num") continue;
    if (x.kind === "add" || x.kind === "mul") {
      stack.push(...x.args);
      continue;
    }
    const ap = atomPower(x);
    if (ap === null) {
      table.indexOf(x);
      continue;
    }
    const [base, k] = ap;
    if (k >= 0 && (base.kind === "add" || base.kind === "mul")) stack.push(base);
    else if (k >= 0 || (options.allowNegative && base.kind !== "add")) table.indexOf(base);
    else if (options.allowNegative) table.indexOf(pow(base, num(-1)));
    else table.indexOf(x);
  }
}
