/**
 * The functions an expression calls, as a 32-bit set (`headsOf`), kept in a slot per node for one
 * `clearCaches` epoch (as the cost and the free symbols).
 *
 * Bits 0 to 30 are the first 31 names of FUNCTION_NAMES (the circular, hyperbolic and inverse
 * functions, exp, log, abs, sign: every function the rules and the strategy gates ask about);
 * bit 31 stands for all later names together. So `headsOf(e) !== 0` exactly when `e` calls a
 * function, and a test of the bits of names with bits of their own (`exactHeadBits`) is exact;
 * a rule's prefilter may also meet the shared bit (it is a necessary condition: matching decides).
 */
import { FUNCTION_NAMES } from "../core/functions.js";
import { registerCache } from "../core/memo.js";
import type { Expr } from "../core/node.js";
import { fillSlots } from "../core/traverse.js";

/** The bit of each function name: its own below OWN_BITS, the shared bit 31 beyond. */
const OWN_BITS = 31;
const BIT = new Map<string, number>(FUNCTION_NAMES.map((fn, i) => [fn, 1 << Math.min(i, OWN_BITS)]));

/** The bits of `names`, each of which must have a bit of its own (so a test of them is exact). */
export function exactHeadBits(names: Iterable<string>): number {
  let bits = 0;
  for (const fn of names) {
    const i = FUNCTION_NAMES.indexOf(fn as (typeof FUNCTION_NAMES)[number]);
    if (i < 0 || i >= OWN_BITS) throw new Error(`${fn} has no head bit of its own`);
    bits |= 1 << i;
  }
  return bits;
}

/** The epoch of the head slots on nodes (`Expr.heads`): a slot of another epoch is stale. */
let headsEpoch = 0;
registerCache(() => {
  headsEpoch++;
});

const headsIsCurrent = (node: Expr): boolean => node.headsEpoch === headsEpoch;
const fillHeads = (node: Expr): void => {
  let bits = node.kind === "call" ? BIT.get(node.fn)! : 0;
  for (const a of node.args) bits |= a.heads;
  node.heads = bits;
  node.headsEpoch = headsEpoch;
};

/** The functions called anywhere in `e`, as bits (see above; cached in a slot per node). */
export function headsOf(e: Expr): number {
  if (e.headsEpoch !== headsEpoch) fillSlots(e, headsIsCurrent, fillHeads);
  return e.heads;
}
