/**
 * Substitution into an expression that holds inert derivatives.
 *
 * Putting a value for the variable of d/dt(u) is not a rewrite of u (d/dt(t^3) at t = 2 is 12,
 * not a derivative by the number 2), so `substitute` refuses it. Here every inert derivative that
 * the substitution would reach in that way is carried out first, and the substitution is made in
 * the result: the value of the derivative at the point, as SymPy's `Subs(Derivative(...)).doit()`
 * gives. Derivatives the substitution leaves alone, or reaches only in their body without touching
 * their variables, stay inert.
 *
 * Contract: `substituteThroughDerivatives(e, map)` equals `substitute(evaluateDerivatives(e), map)`
 * wherever both are defined, never throws for a derivative's variable, and equals
 * `substitute(e, map)` when that does not throw.
 */
import type { Deriv, Expr } from "../core/node.js";
import { foldGraph, freeSymbolSet, substitute, withMappedArgs } from "../core/traverse.js";
import { containsDerivative, evaluateDerivatives } from "./diff.js";

/**
 * Whether substituting `map` into `node` changes its body in a way that involves one of its
 * variables: the condition on which `substitute` refuses it. Symbol keys count only when they
 * occur in the node; any other key is taken to occur.
 */
function reachesVariable(node: Deriv, map: ReadonlyMap<Expr, Expr>): boolean {
  const free = freeSymbolSet(node);
  const occurs = [...map.keys()].some((k) => k.kind !== "sym" || free.has(k.name));
  if (!occurs) return false;
  const vars = new Set(node.vars.map((v) => v.name));
  for (const [key, value] of map) {
    for (const name of [...freeSymbolSet(key), ...freeSymbolSet(value)]) if (vars.has(name)) return true;
  }
  return false;
}

/** `e` with `map` substituted (all at once), carrying out the inert derivatives it reaches first. */
export function substituteThroughDerivatives(e: Expr, map: ReadonlyMap<Expr, Expr>): Expr {
  if (map.size === 0 || !containsDerivative(e)) return substitute(e, map);
  const ready = foldGraph<Expr>(
    e,
    (node, done) => {
      if (node.kind === "deriv" && reachesVariable(node, map)) return evaluateDerivatives(node);
      return withMappedArgs(node, done);
    },
    (node) => (containsDerivative(node) ? undefined : node),
  );
  return substitute(ready, map);
}
