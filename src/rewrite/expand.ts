/**
 * `expand(e)`: products and non-negative integer powers of sums multiplied out, everywhere in the
 * expression (inside function arguments too). Negative powers of symbols and functions are
 * distributed as Laurent monomials (`(x + 1)/x` is `1 + 1/x`); a negative power of a sum is kept
 * as a factor of each term. Throws LimitError past `limits.maxExpandTerms` terms.
 */
import { rebuild } from "../core/build.js";
import type { Expr } from "../core/node.js";
import { foldGraph } from "../core/traverse.js";
import { AtomTable, fromPoly, sortedAtomTable, toPoly } from "../poly/convert.js";
import type { Poly } from "../poly/poly.js";
import { cost } from "./cost.js";

export function expand(e: Expr): Expr {
  return foldGraph<Expr>(e, (node, done) => {
    if (node.args.length === 0) return node;
    let changed = false;
    const args = node.args.map((a) => {
      const r = done.get(a)!;
      if (r !== a) changed = true;
      return r;
    });
    const n = changed ? rebuild(node, args) : node;
    return expandTop(n);
  });
}

/** Multiplies out the top level of `e` (its arguments are already expanded). */
export function expandTop(e: Expr): Expr {
  if (e.kind !== "mul" && e.kind !== "pow") return e;
  if (e.kind === "pow" && e.base.kind !== "add") return e;
  if (e.kind === "mul" && !e.args.some((f) => f.kind === "add" || (f.kind === "pow" && f.base.kind === "add"))) return e;
  const options = { allowNegative: true };
  const table: AtomTable = sortedAtomTable([e], options);
  return fromPoly(toPoly(e, table, options), table);
}

/**
 * The sum `e` multiplied out as a polynomial over its atoms, without looking inside the atoms
 * (function arguments and non-integer power bases stay as they are).
 */
export function expandShallow(e: Expr): Expr;
/** As above, or null when the expansion cannot cost less than `below` (it is then not built). */
export function expandShallow(e: Expr, below: number): Expr | null;
export function expandShallow(e: Expr, below = Infinity): Expr | null {
  const options = { allowNegative: true };
  const table: AtomTable = sortedAtomTable([e], options);
  const p = toPoly(e, table, options);
  if (below !== Infinity && costLowerBound(p, table) >= below) return null;
  return fromPoly(p, table);
}

/**
 * A lower bound on the cost of `fromPoly(p, table)`: every term costs at least its atoms (and 1),
 * and the terms are joined by n - 1 operators.
 */
function costLowerBound(p: Poly, table: AtomTable): number {
  const atomCost = table.atoms.map(cost);
  let total = Math.max(0, p.size - 1);
  for (const t of p.values()) {
    let c = 0;
    for (let i = 0; i < t.mono.length; i++) if (t.mono[i] !== 0) c += atomCost[i]!;
    total += Math.max(1, c);
  }
  return total;
}
