/**
 * Simplify's collection strategy: a sum collected by the powers of one symbol, with coefficients
 * in a single atom factored by the light factoring (`src/poly/rational-roots.ts`: square-free
 * parts split by rational roots). `factor` uses the same sum-to-product step with the full
 * factoring into irreducibles (`factor.ts`), which stays out of `diff`'s code this way.
 */
import { addAll, mulAll, num, pow } from "../core/build.js";
import type { Expr } from "../core/node.js";
import { fromPoly, isPlainSum, sortedAtomTable, toPoly, type AtomTable } from "../poly/convert.js";
import { cost } from "./cost.js";
import { costLowerBound } from "./expand.js";
import { coefficientsIn, degreeIn, polyFromTerms, variablesOf, type Poly } from "../poly/poly.js";
import { factorByRationalRoots } from "../poly/rational-roots.js";
import type { Factored } from "../poly/square-free.js";

/**
 * The sum `e` as the product its polynomial factors into by `factorize` (numeric content first),
 * or `e` itself when it is not a sum or has no factor. Exact: the product expands back to `e`.
 */
export function factorSumWith(e: Expr, factorize: (p: Poly) => Factored): Expr {
  if (e.kind !== "add") return e;
  const table = sortedAtomTable([e]);
  const p = toPoly(e, table);
  const { coefficient, factors } = factorize(p);
  if (factors.length === 0) return e;
  return mulAll([num(coefficient), ...factors.map(([f, k]) => pow(fromPoly(f, table), num(k)))]);
}

/** Most symbols `collectFactored` tries as the collection variable. */
const MAX_COLLECT_VARIABLES = 3;

/**
 * The sum `e` as a polynomial over its atoms, collected by the powers of one symbol with each
 * coefficient that has a single atom factored (`x^4*(log(x) + 1)^5 + 10*x^3*(log(x) + 1)^3 + ...`); the cheapest over
 * the first symbols tried, or `e` when there are fewer than two atoms. Exact: the result expands
 * back to the expansion of `e`. A symbol whose collected form must cost more than `below`
 * (`collectedCostFloor`) is not built: such a form loses to one of cost `below`, and the cheapest
 * of the others is the same.
 */
export function collectFactored(e: Expr, measure: (x: Expr) => number, below = Infinity): Expr {
  if (e.kind !== "add") return e;
  // A plain sum's polynomial has one monomial per term: without two terms that share a power of a
  // symbol there is nothing to collect, which is decided here without building the polynomial.
  if (isPlainSum(e) && !twoTermsShareASymbolPower(e)) return e;
  const table = sortedAtomTable([e]);
  // Only symbols are collection variables, and a coefficient needs another atom.
  if (table.atoms.length < 2 || !table.atoms.some((a) => a.kind === "sym")) return e;
  const p = toPoly(e, table);
  let best: Expr = e;
  let bestCost = measure(e);
  let tried = 0;
  table.atoms.forEach((atom, v) => {
    if (atom.kind !== "sym" || tried >= MAX_COLLECT_VARIABLES) return;
    tried++;
    const parts = [...coefficientsIn(p, v)];
    // Collecting pays only when some power of the symbol has a coefficient of several terms.
    if (parts.length < 2 || !parts.some(([k, c]) => k !== 0 && c.size >= 2)) return;
    // Only such coefficients in a single atom are factored (multivariate factoring costs too much),
    // of degree 2 or more: a linear one factors into its content alone, distributed back.
    const factorable = (k: number, c: Poly): boolean => k !== 0 && c.size >= 2 && univariateDegree(c) >= 2;
    if (below !== Infinity && collectedCostFloor(atom, v, parts, table, factorable) > below) return;
    const terms = parts.map(([k, c]) => {
      const coefficient = fromPoly(c, table);
      return mulAll([pow(atom, num(k)), factorable(k, c) ? factorSumWith(coefficient, factorByRationalRoots) : coefficient]);
    });
    const candidate = addAll(terms);
    const c = measure(candidate);
    if (c < bestCost) {
      best = candidate;
      bestCost = c;
    }
  });
  return best;
}

/**
 * A lower bound on the cost of the sum of `atom^k * c` over `parts` (k -> coefficient c, the
 * atom's index `v`), without building it; n terms have n - 1 operators between them. The
 * coefficient of k = 0 is spliced in term by term, and a term `atom^k*c` with a single-term c is
 * one monomial of the polynomial: each such term costs at least its `costLowerBound`. A term
 * `atom^k*c` with c of several terms costs at least `atom^k`, a `*` and c in parentheses
 * (`costLowerBound`), or, when c is factorable, at least 3 for its factored form: a univariate
 * polynomial of several terms is no monomial, so one of its factors is a sum.
 */
function collectedCostFloor(atom: Expr, v: number, parts: readonly [number, Poly][], table: AtomTable, factorable: (k: number, c: Poly) => boolean): number {
  let terms = 0;
  let total = 0;
  for (const [k, c] of parts) {
    if (k === 0) {
      terms += c.size;
      total += costLowerBound(c, table) - (c.size - 1);
      continue;
    }
    terms++;
    if (c.size === 1) total += costLowerBound(timesAtomPower(c, v, k), table);
    else total += cost(pow(atom, num(k))) + 1 + (factorable(k, c) ? FACTORED_SUM_FLOOR : costLowerBound(c, table));
  }
  return total + terms - 1;
}

/** The degree of `c` in its one variable; 0 when it has none or several. */
function univariateDegree(c: Poly): number {
  const vars = variablesOf(c);
  return vars.size === 1 ? degreeIn(c, vars.values().next().value!) : 0;
}

/** The least cost of a sum: two terms and an operator. */
const FACTORED_SUM_FLOOR = 3;

/** The single-term polynomial `c` (free of the atom v) times atom v to the power k. */
function timesAtomPower(c: Poly, v: number, k: number): Poly {
  const [t] = c.values();
  const mono = t!.mono.slice();
  while (mono.length <= v) mono.push(0);
  mono[v] = k;
  return polyFromTerms([{ mono, coef: t!.coef }]);
}

/**
 * True when two terms of the plain sum `e` have the same positive power of one symbol (`x` and
 * `3*x*y`, or `x^2*sin(x)` and `x^2`), the powers `toPoly` reads as powers of the symbol's atom.
 * Interning makes equal powers the same factor node.
 */
function twoTermsShareASymbolPower(e: Expr): boolean {
  const seen = new Set<Expr>();
  for (const t of e.args) {
    for (const f of t.kind === "mul" ? t.args : [t]) {
      const symbolPower = f.kind === "sym" || (f.kind === "pow" && f.base.kind === "sym" && f.exp.kind === "num" && f.exp.value.sign() > 0);
      if (!symbolPower) continue;
      if (seen.has(f)) return true;
      seen.add(f);
    }
  }
  return false;
}
