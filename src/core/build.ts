/**
 * The one place that creates expression nodes. Every public constructor here returns a node in
 * canonical form (see `node.ts`) and interns it, so structurally equal results are `===`.
 *
 * Two tiers: the public builders (`add`, `mul`, `pow`, `call`, ...) canonicalise their input; the
 * `intern*` functions are trusted and only for callers whose arguments are already canonical,
 * sorted and combined (they are not exported from the package).
 */
import { compareExpr, compareUnbuilt, compareUnbuiltTo, type UnbuiltProduct } from "./compare.js";
import { DomainError, LimitError } from "./errors.js";
import { foldCall } from "./exact-values.js";
import { foldSpecial } from "./special-values.js";
import { FUNCTION_ARITY, type FunctionName } from "./functions.js";
import { limits } from "./limits.js";
import { Add, Applied, Call, Const, Deriv, Mul, Num, Pow, Sym, type ConstName, type Expr } from "./node.js";
import { isEvenInteger, isEvidentlyNonnegative, isEvidentlyPositive } from "./evident-sign.js";
import { exactLogarithm, perfectPowerSharing, splitPerfectPower } from "./integer-roots.js";
import { bitLength, exactRoot, Rational } from "./rational.js";
import { WeakHashTable, WeakValueMap } from "./weak-intern.js";

/** Rationals whose parts are below this magnitude need no size check. */
const SMALL = 1n << 64n;

/** Nodes created (and interned) so far, and the count at which the innermost `withNodeBudget` stops. */
let created = 0;
let budgetEnd = Infinity;

// The intern tables. Atoms are keyed by their value; compound nodes by a 32-bit structural hash of
// their kind (and function) and the ids of their arguments, confirmed by comparing the arguments
// with `===` (arguments are interned, so that is structural equality). No key strings are built.
// The tables hold nodes weakly (`weak-intern.ts`): a node is found while anything references it.
const numbers = new WeakHashTable<Num>(); // rationals other than safe integers, by a hash of both parts
const symbols = new WeakValueMap<string, Sym>();
const constants = new Map<string, Const>();
/** Structural hash -> the node, or every node with that hash when hashes collide. */
const compounds = new WeakHashTable<Expr>();

const ADD_SEED = 0x2545f491;
const MUL_SEED = 0x61c88647;
const POW_SEED = 0x7feb352d;
const DERIV_SEED = 0x1b873593;
/** One seed per function name, so that sin(x) and cos(x) hash apart. */
const CALL_SEEDS: ReadonlyMap<string, number> = new Map(Object.keys(FUNCTION_ARITY).map((fn, i) => [fn, Math.imul(i + 1, 0x9e3779b1) ^ 0x3c6ef372]));

function mixId(h: number, id: number): number {
  h = Math.imul(h ^ id, 0x5bd1e995);
  return h ^ (h >>> 15);
}

function hashArgs(seed: number, args: readonly Expr[]): number {
  let h = seed;
  for (let i = 0; i < args.length; i++) h = mixId(h, args[i]!.id);
  return h;
}

/** Whether `node` is `kind` (`fn`) of exactly `args`. */
function sameNode(node: Expr, kind: Expr["kind"], fn: string | undefined, args: readonly Expr[]): boolean {
  if (node.kind !== kind || (fn !== undefined && (node as Call).fn !== fn)) return false;
  const have = node.args;
  if (have.length !== args.length) return false;
  for (let i = 0; i < args.length; i++) if (have[i] !== args[i]) return false;
  return true;
}

function findCompound(hash: number, kind: Expr["kind"], fn: string | undefined, args: readonly Expr[]): Expr | undefined {
  return compounds.find(hash, sameNode, kind, fn, args);
}

/** Checks the limits for a node about to enter the tables; returns it. */
function admit<T extends Expr>(node: T): T {
  if (node.depth > limits.maxDepth) {
    throw new LimitError("maxDepth", limits.maxDepth, `expression nested ${node.depth} deep`);
  }
  if (created + 1 > budgetEnd) {
    throw new LimitError("maxNodes", limits.maxNodes, "the operation created too many expression nodes");
  }
  created++; // only nodes that enter the tables count, so `created` is the interned count
  return node;
}

function storeCompound<T extends Expr>(hash: number, node: T): T {
  admit(node);
  compounds.add(hash, node);
  return node;
}

/**
 * Runs `work` allowing it to create at most `limits.maxNodes` new nodes (a LimitError past that).
 * Nested budgets keep the tighter end.
 */
export function withNodeBudget<T>(work: () => T): T {
  const saved = budgetEnd;
  budgetEnd = Math.min(saved, created + limits.maxNodes);
  try {
    return work();
  } finally {
    budgetEnd = saved;
  }
}

/**
 * Runs `work` outside every node budget, and gives the enclosing budgets back the nodes it
 * created: what `work` builds is not charged to the caller's operation (built-in tables).
 */
export function outsideNodeBudget<T>(work: () => T): T {
  const saved = budgetEnd;
  const before = created;
  budgetEnd = Infinity;
  try {
    return work();
  } finally {
    budgetEnd = saved === Infinity ? saved : saved + (created - before);
  }
}

/** Entries of the intern tables, live or not yet swept (for tests of bounded memory). */
export function internTableSize(): number {
  return compounds.size + numbers.size + safeInts.size + symbols.size;
}

/** Number of distinct nodes interned so far (for tests and limits). */
export function internedCount(): number {
  return created;
}

// ---------------------------------------------------------------- atoms

/** Integers in [-SMALL_INT_RANGE, SMALL_INT_RANGE] are looked up by index, without hashing a bigint. */
const SMALL_INT_RANGE = 256;
const smallInts: (Num | undefined)[] = new Array<Num | undefined>(2 * SMALL_INT_RANGE + 1).fill(undefined);
/** Other integers that are safe JS numbers are keyed by that number (cheaper to hash than a bigint). */
const SAFE_INT = BigInt(Number.MAX_SAFE_INTEGER);
const safeInts = new WeakValueMap<number, Num>();

export function num(value: Rational | bigint | number): Num {
  const r = value instanceof Rational ? value : typeof value === "bigint" ? Rational.int(value) : rationalFromNumber(value);
  if (r.den === 1n && r.num >= -SAFE_INT && r.num <= SAFE_INT) {
    const n = Number(r.num);
    if (n >= -SMALL_INT_RANGE && n <= SMALL_INT_RANGE) return (smallInts[n + SMALL_INT_RANGE] ??= admit(new Num(r)));
    return safeInts.get(n) ?? safeInts.set(n, admit(new Num(r)));
  }
  checkBits(r);
  const h = rationalHash(r);
  return numbers.find(h, sameRational, r.num, r.den, undefined) ?? numbers.add(h, admit(new Num(r)));
}

/** A 32-bit hash of a rational's low bits (a hit is confirmed by `sameRational`). */
function rationalHash(r: Rational): number {
  return mixId(mixId(0x1b873593, Number(BigInt.asIntN(32, r.num))), Number(BigInt.asIntN(32, r.den)));
}

function sameRational(node: Num, n: bigint, d: bigint, _: undefined): boolean {
  return node.value.num === n && node.value.den === d;
}

/** The exact rational a finite double denotes in its shortest decimal form (0.1 is 1/10). */
export function rationalFromNumber(x: number): Rational {
  if (!Number.isFinite(x)) throw new DomainError(`not a finite number: ${x}`);
  if (Number.isInteger(x) && Math.abs(x) <= Number.MAX_SAFE_INTEGER) return Rational.int(BigInt(x));
  const text = String(Math.abs(x));
  const r = Rational.parseDecimal(text, 400);
  return x < 0 ? r.neg() : r;
}

export function sym(name: string): Sym {
  return symbols.get(name) ?? symbols.set(name, admit(new Sym(name)));
}

export function constant(name: ConstName): Const {
  const hit = constants.get(name);
  if (hit !== undefined) return hit;
  const node = admit(new Const(name));
  constants.set(name, node);
  return node;
}

export const ZERO = num(0);
export const ONE = num(1);
export const MINUS_ONE = num(-1);
export const TWO = num(2);
export const HALF = num(Rational.HALF);
export const PI = constant("pi");
export const E = constant("e");

/** 2^maxIntegerBits for the limit value it was computed from: magnitudes below it are in bounds. */
let bitsBound = { limit: -1, bound: 0n, negBound: 0n };

function checkBits(r: Rational): void {
  if (r.num < SMALL && r.num > -SMALL && r.den < SMALL) return;
  if (bitsBound.limit !== limits.maxIntegerBits) {
    const bound = 1n << BigInt(limits.maxIntegerBits);
    bitsBound = { limit: limits.maxIntegerBits, bound, negBound: -bound };
  }
  if (r.num < bitsBound.bound && r.num > bitsBound.negBound && r.den < bitsBound.bound) return;
  const bits = Math.max(bitLength(r.num < 0n ? -r.num : r.num), bitLength(r.den));
  if (bits > limits.maxIntegerBits) {
    throw new LimitError("maxIntegerBits", limits.maxIntegerBits, `a number of ${bits} bits`);
  }
}

// ---------------------------------------------------------------- trusted constructors

/** Trusted: `args` is a canonical, sorted, combined argument list of length >= 2. */
export function internAdd(args: readonly Expr[]): Add {
  const h = hashArgs(ADD_SEED, args);
  return (findCompound(h, "add", undefined, args) as Add | undefined) ?? storeCompound(h, new Add(args));
}
/** Trusted: `args` is a canonical, sorted, combined argument list of length >= 2. */
export function internMul(args: readonly Expr[]): Mul {
  const h = hashArgs(MUL_SEED, args);
  return (findCompound(h, "mul", undefined, args) as Mul | undefined) ?? storeCompound(h, new Mul(args));
}
/** Trusted: `base^exp` is already canonical. */
export function internPow(base: Expr, exp: Expr): Pow {
  const args = [base, exp]; // a Pow's args are [base, exp]
  const h = hashArgs(POW_SEED, args);
  return (findCompound(h, "pow", undefined, args) as Pow | undefined) ?? storeCompound(h, new Pow(base, exp));
}
function sameApplied(n: Expr, name: string, orders: readonly number[], args: readonly Expr[]): boolean {
  return (
    n.kind === "apply" && n.name === name && n.args.length === args.length && n.orders.every((k, i) => k === orders[i]) && n.args.every((a, i) => a === args[i])
  );
}

/** Hash seeds of undefined function names (strings hashed once per name). */
const APPLY_SEEDS = new Map<string, number>();

function applySeed(name: string, orders: readonly number[]): number {
  let h = APPLY_SEEDS.get(name);
  if (h === undefined) {
    h = 0x1b873593;
    for (let i = 0; i < name.length; i++) h = mixId(h, name.charCodeAt(i));
    APPLY_SEEDS.set(name, h);
  }
  for (const k of orders) h = mixId(h, k + 0x40000000);
  return h;
}

/**
 * The undefined function `name` with `orders[i]` derivatives in argument i, applied to `args`
 * (`applied("f", [1], [x])` is `f'(x)`). Every argument is kept as it is: nothing is known
 * about the function.
 */
export function applied(name: string, orders: readonly number[], args: readonly Expr[]): Applied {
  if (orders.length !== args.length || orders.some((k) => !Number.isInteger(k) || k < 0)) {
    throw new TypeError(`derivative orders of '${name}' must be one non-negative integer per argument`);
  }
  const h = hashArgs(applySeed(name, orders), args);
  const hit = compounds.find(h, sameApplied, name, orders, args);
  if (hit !== undefined) return hit as Applied;
  return storeCompound(h, new Applied(name, Object.freeze([...orders]), Object.freeze([...args])));
}

/** Trusted: `fn(args)` is already canonical. */
export function internCall(fn: FunctionName, args: readonly Expr[]): Call {
  const h = hashArgs(CALL_SEEDS.get(fn)!, args);
  return (findCompound(h, "call", fn, args) as Call | undefined) ?? storeCompound(h, new Call(fn, args));
}

// ---------------------------------------------------------------- decomposition helpers

/** Splits a term into its numeric coefficient and the rest: `3*x*y` -> [3, x*y], `x` -> [1, x]. */
export function splitCoefficient(t: Expr): [Rational, Expr] {
  if (t.kind === "num") return [t.value, ONE];
  if (t.kind === "mul" && t.args[0]!.kind === "num") {
    const c = (t.args[0] as Num).value;
    return [c, t.args.length === 2 ? t.args[1]! : internMul(t.args.slice(1))];
  }
  return [Rational.ONE, t];
}

/** `splitCoefficient(t)[0]`, without building the rest. */
export function coefficientOf(t: Expr): Rational {
  if (t.kind === "num") return t.value;
  if (t.kind === "mul" && t.args[0]!.kind === "num") return (t.args[0] as Num).value;
  return Rational.ONE;
}

/** The terms of `e` as a sum: its arguments for a sum, else `[e]` (a number is a term too). */
export function termsOf(e: Expr): readonly Expr[] {
  return e.kind === "add" ? e.args : [e];
}

/** Base and exponent of a factor: `x^3` -> [x, 3], `x` -> [x, 1]. */
export function baseAndExponent(f: Expr): [Expr, Expr] {
  return f.kind === "pow" ? [f.base, f.exp] : [f, ONE];
}

/** Order of terms in a sum: by the non-numeric part, then by coefficient. */
export function compareTerms(a: Expr, b: Expr): number {
  const [ca, ra] = splitCoefficient(a);
  const [cb, rb] = splitCoefficient(b);
  return compareExpr(ra, rb) || ca.cmp(cb);
}

/** Base of a factor: `x^3` -> x, `x` -> x. */
function baseOf(f: Expr): Expr {
  return f.kind === "pow" ? f.base : f;
}

/** Exponent of a factor: `x^3` -> 3, `x` -> 1. */
function exponentOf(f: Expr): Expr {
  return f.kind === "pow" ? f.exp : ONE;
}

/** Order of factors in a product: by base, then by exponent. */
export function compareFactors(a: Expr, b: Expr): number {
  return compareExpr(baseOf(a), baseOf(b)) || compareExpr(exponentOf(a), exponentOf(b));
}

/** Lists up to this long are sorted by insertion (the built-in sort costs more to set up). */
const INSERTION_SORT_MAX = 12;

/**
 * Sorts `items` in place by `compare`, stably: the same order as `Array.prototype.sort`, which is
 * stable too, so equal items keep their input order.
 */
function stableSort<T>(items: T[], compare: (a: T, b: T) => number): void {
  const n = items.length;
  if (n > INSERTION_SORT_MAX) {
    items.sort(compare);
    return;
  }
  for (let i = 1; i < n; i++) {
    const item = items[i]!;
    let j = i;
    while (j > 0 && compare(items[j - 1]!, item) > 0) {
      items[j] = items[j - 1]!;
      j--;
    }
    items[j] = item;
  }
}

// ---------------------------------------------------------------- sums

export function add(...terms: Expr[]): Expr {
  return addAll(terms);
}

/** The canonical sum of `terms`: flattened, like terms collected, numbers folded, sorted. */
export function addAll(terms: readonly Expr[]): Expr {
  if (terms.length === 1) return terms[0]!;
  // Every non-numeric term as (coefficient, rest, the term itself); canonical sums nest no sums.
  let constantPart = Rational.ZERO;
  const entries: TermEntry[] = [];
  for (const t of terms) {
    if (t.kind === "add") {
      for (const a of t.args) {
        if (a.kind === "num") constantPart = constantPart.add(a.value);
        else entries.push(termEntry(a));
      }
    } else if (t.kind === "num") constantPart = constantPart.add(t.value);
    else entries.push(termEntry(t));
  }
  // Sorting by rest puts like terms next to each other, and the output order is that order.
  stableSort(entries, compareEntryRests);
  const args: Expr[] = [];
  if (!constantPart.isZero()) args.push(num(constantPart));
  for (let i = 0; i < entries.length;) {
    const first = entries[i]!;
    let j = i + 1;
    while (j < entries.length && sameRest(entries[j]!, first)) j++;
    if (j === i + 1) {
      args.push(first.term); // alone: the term is already canonical
    } else {
      let c = first.coefficient;
      for (let k = i + 1; k < j; k++) c = c.add(entries[k]!.coefficient);
      if (!c.isZero()) args.push(scaleEntry(c, first));
    }
    i = j;
  }
  if (args.length === 0) return ZERO;
  if (args.length === 1) return args[0]!;
  return internAdd(args);
}

/**
 * A non-numeric term `coefficient * rest` of a sum being built. A rest of several factors
 * (`3*x*y`) is not built as a node: it is the unbuilt product of the term's factors after the
 * coefficient (`rest` is null), so that sorting and collecting a sum creates no nodes but its own.
 */
class TermEntry implements UnbuiltProduct {
  constructor(
    readonly coefficient: Rational,
    readonly term: Expr,
    /** The rest as a node, or null when it is the unbuilt product `factors.slice(1)`. */
    readonly rest: Expr | null,
  ) {}
  get factors(): readonly Expr[] {
    return this.term.args;
  }
  get from(): number {
    return 1;
  }
  /** The depth of the rest's `Mul` node: the coefficient, of depth 1, does not raise the term's. */
  get depth(): number {
    return this.term.depth;
  }
}

function termEntry(t: Expr): TermEntry {
  if (t.kind === "mul" && t.args[0]!.kind === "num") {
    return new TermEntry((t.args[0] as Num).value, t, t.args.length === 2 ? t.args[1]! : null);
  }
  return new TermEntry(Rational.ONE, t, t);
}

/** `compareExpr` of the two entries' rests. */
function compareEntryRests(p: TermEntry, q: TermEntry): number {
  if (p.rest !== null) return q.rest !== null ? compareExpr(p.rest, q.rest) : -compareUnbuiltTo(q, p.rest);
  return q.rest !== null ? compareUnbuiltTo(p, q.rest) : compareUnbuilt(p, q);
}

/** Whether the two entries have the same rest (interned nodes, or factor lists with the same nodes). */
function sameRest(p: TermEntry, q: TermEntry): boolean {
  return p.rest !== null && q.rest !== null ? p.rest === q.rest : compareEntryRests(p, q) === 0;
}

/** `c * rest` for the entry's rest (non-numeric, not a sum, without coefficient). */
function scaleEntry(c: Rational, e: TermEntry): Expr {
  const rest = e.rest;
  if (rest === null) {
    if (c.isOne()) return internMul(e.term.args.slice(1));
    const args = e.term.args.slice();
    args[0] = num(c); // the coefficient's slot: [c, f1, ..., fk]
    return internMul(args);
  }
  if (c.isOne()) return rest;
  const k = num(c);
  return rest.kind === "mul" ? internMul([k, ...rest.args]) : internMul([k, rest]);
}

/**
 * `c * s` distributed over the canonical sum `s`, for a non-zero c: each term's coefficient
 * scaled. Scaling keeps every term's rest, so the terms stay sorted and distinct, and the sum is
 * canonical without sorting or collecting (the node `addAll` would build from the scaled terms).
 */
export function scaleSum(c: Rational, s: Add): Expr {
  if (c.isOne()) return s;
  checkBits(c);
  return internAdd(s.args.map((t) => scaleTerm(c, t)));
}

/** `c * t` for a term `t` of a canonical sum (a number, or a non-numeric term with its coefficient first). */
function scaleTerm(c: Rational, t: Expr): Expr {
  if (t.kind === "num") return num(c.mul(t.value));
  const entry = termEntry(t);
  const k = c.mul(entry.coefficient);
  checkBits(k);
  return scaleEntry(k, entry);
}

export function neg(a: Expr): Expr {
  return mulAll([MINUS_ONE, a]);
}

export function sub(a: Expr, b: Expr): Expr {
  return addAll([a, neg(b)]);
}

// ---------------------------------------------------------------- products

export function mul(...factors: Expr[]): Expr {
  return mulAll(factors);
}

/**
 * The canonical product of `factors`: flattened, powers of equal bases combined, sorted. It is
 * one node for one multiset of factors, whatever their order and grouping (a sum factor aside: a
 * number times a lone sum is distributed). Every merge whose result leaves its base has a
 * class the merge of a sub-product stays in, so a partial product merges on to the same node:
 * - exp and e by `exponentialKey` (`mergeExponentials`): exp(2*x)*exp(x) is exp(3*x);
 * - u and abs(u) by the parity of u's exponent (`mergeAbsPowers`): z^2*abs(z) is abs(z)^3;
 * - a numeric base by the kind of its exponent: its radicals (2^(1/2)) merge with each other
 *   and its symbolic powers (2^x) with each other, never one with the other: sqrt(2)*sqrt(2)*2^x
 *   is 2*2^x, as is (sqrt(2)*sqrt(2))*2^x, and sqrt(2)*2^x stays as it is. For a positive base
 *   `pow` keeps rational terms out of symbolic exponents (2^(x + 1/2) is sqrt(2)*2^x), so
 *   symbolic powers never cancel down to a radical; a negative base may ((-2)^x*(-2)^(1/2 - x)).
 */
export function mulAll(factors: readonly Expr[]): Expr {
  if (factors.length === 1) return factors[0]!;
  // Flatten: canonical products nest no products and hold at most one number, first.
  let coefficient = Rational.ONE;
  const flat: Expr[] = [];
  for (const f of factors) {
    if (f.kind === "mul") {
      for (const a of f.args) {
        if (a.kind === "num") coefficient = coefficient.mul(a.value);
        else flat.push(a);
      }
    } else if (f.kind === "num") coefficient = coefficient.mul(f.value);
    else flat.push(f);
  }
  if (coefficient.isZero()) return ZERO;
  const merged = mergeExponentials(flat) ?? mergeAbsPowers(flat);
  if (merged !== undefined) return mulAll([num(coefficient), ...merged]);
  checkBits(coefficient);

  // Sorting by (base, exponent) puts powers of one base next to each other, and the numeric
  // exponents of a base before its symbolic ones; the output order is that order, because a
  // merged run keeps its base.
  stableSort(flat, compareFactors);
  const out: Expr[] = [];
  const again: Expr[] = [];
  for (let i = 0; i < flat.length;) {
    const first = flat[i]!;
    const b = baseOf(first);
    let j = i + 1;
    while (j < flat.length && baseOf(flat[j]!) === b) j++;
    // A numeric base's radicals [i, split) and its symbolic powers [split, j) merge apart.
    let split = i;
    if (b.kind === "num") while (split < j && exponentOf(flat[split]!).kind === "num") split++;
    for (let from = i, to = split > i ? split : j; from < j; from = to, to = j) {
      if (to === from + 1) {
        out.push(flat[from]!); // alone: the factor is already canonical
        continue;
      }
      const exponents: Expr[] = [];
      for (let k = from; k < to; k++) exponents.push(exponentOf(flat[k]!));
      const p = pow(b, addAll(exponents));
      if (p.kind === "num") coefficient = coefficient.mul(p.value);
      else if (p.kind === "mul" || baseOf(p) !== b || (b.kind === "num" && from >= split && exponentOf(p).kind === "num"))
        again.push(p); // abs(z)^(1/2)*abs(z)^(3/2) is z^2, (-2)^x*(-2)^(1/2 - x) a radical: merge anew
      else out.push(p);
    }
    i = j;
  }
  if (again.length > 0) return mulAll([num(coefficient), ...out, ...again]);
  if (coefficient.isZero()) return ZERO;

  // A number times a sum is distributed: 2*(x+1) is 2*x + 2.
  if (out.length === 1 && out[0]!.kind === "add" && !coefficient.isOne()) return scaleSum(coefficient, out[0]!);
  if (!coefficient.isOne()) out.unshift(num(coefficient));
  if (out.length === 0) return num(coefficient);
  if (out.length === 1) return out[0]!;
  return internMul(out);
}

/** Whether `f` is exp(u) or e (exp(1)); `pow` writes every power of either as exp. */
export function isExponential(f: Expr): boolean {
  return (f.kind === "call" && f.fn === "exp") || f === E;
}

/**
 * The argument u of exp(u) without its rational factor: u = c*key for a rational c != 0, and
 * `exponentialKey(k*u)` is `exponentialKey(u)` for every rational k != 0. A number's key is 1, a
 * term's is its rest (`3*x*y` -> `x*y`), a sum's is the sum over the coefficient of its first
 * non-numeric term (`2*x + 2` -> `x + 1`, `-x - 1` -> `x + 1`).
 */
export function exponentialKey(u: Expr): Expr {
  if (u.kind === "num") return ONE;
  if (u.kind === "mul") return splitCoefficient(u)[1];
  if (u.kind !== "add") return u;
  const c = coefficientOf(u.args[0]!.kind === "num" ? u.args[1]! : u.args[0]!);
  return c.isOne() ? u : mulAll([num(c.inv()), u]);
}

/**
 * `flat` with the exponentials whose arguments are rational multiples of one another (equal
 * `exponentialKey`) merged into one, or undefined when there are none: exp(2*x)*exp(x) is
 * exp(3*x), e*exp(2) is exp(3), exp(x)*exp(-x) is 1; exp(x)*exp(y) and exp(x)*exp(x^2) stay.
 * The merge of any sub-product keeps its key, so the product is the same node in every grouping.
 */
function mergeExponentials(flat: readonly Expr[]): Expr[] | undefined {
  let count = 0;
  for (const f of flat) if (isExponential(f)) count++;
  if (count < 2) return undefined;
  const byKey = new Map<Expr, Expr[]>(); // key -> the arguments of the exponentials with that key
  const others: Expr[] = [];
  for (const f of flat) {
    if (!isExponential(f)) {
      others.push(f);
      continue;
    }
    const u = f === E ? ONE : f.args[0]!;
    const key = exponentialKey(u);
    const args = byKey.get(key);
    if (args === undefined) byKey.set(key, [u]);
    else args.push(u);
  }
  if (byKey.size === count) return undefined;
  for (const args of byKey.values()) others.push(call("exp", [addAll(args)]));
  return others;
}

/**
 * `flat` with the powers of u and of abs(u), when all their exponents are rational, A for u and
 * B for abs(u) in total, written u^A' * abs(u)^B' with A' = A mod 2 in [0, 2) and
 * B' = B + (A - A') (abs(u)^(2k) = u^(2k) for real u moves the even part of A into the abs), or
 * undefined when A is in [0, 2) for every such u. So z^2*abs(z) is abs(z)^3, z^2/abs(z) is
 * abs(z), abs(z)/z^2 is 1/abs(z), abs(z)/z is z/abs(z) (and abs(u)^B' is u^B' for an even B').
 * A' is the same for every (A, B) that differ by such a move, so the merge of a sub-product stays
 * in its class and a product is the same node in every grouping. Sound: where the input is
 * defined at u = 0 every exponent is >= 0, so A >= 0 and A' <= A, B' >= B; elsewhere the values
 * are equal. Symbolic exponents are left out.
 */
function mergeAbsPowers(flat: readonly Expr[]): Expr[] | undefined {
  for (const g of flat) {
    const abs = baseOf(g);
    if (!(abs.kind === "call" && abs.fn === "abs")) continue;
    const u = abs.args[0]!;
    let a: Rational | undefined = Rational.ZERO;
    let b = Rational.ZERO;
    const others: Expr[] = [];
    for (const f of flat) {
      const base = baseOf(f);
      const e = exponentOf(f);
      if (base !== u && base !== abs) others.push(f);
      else if (e.kind !== "num") a = undefined;
      else if (base === u) a = a?.add(e.value);
      else b = b.add(e.value);
    }
    const even = a === undefined ? 0n : 2n * a.div(TWO.value).floor(); // A - A'
    if (even === 0n) continue;
    others.push(pow(u, num(a!.sub(Rational.int(even)))), pow(abs, num(b.add(Rational.int(even)))));
    return others;
  }
  return undefined;
}

export function div(a: Expr, b: Expr): Expr {
  return mulAll([a, pow(b, MINUS_ONE)]);
}

// ---------------------------------------------------------------- powers

export function pow(base: Expr, exponent: Expr): Expr {
  if (exponent.kind === "num") {
    const r = exponent.value;
    if (r.isZero()) return ONE; // x^0 = 1, including 0^0 = 1 as in Math.pow
    if (r.isOne()) return base;
    if (base.kind === "num") return numberPower(base.value, r);
    if (base.kind === "pow" && r.isInteger()) return pow(base.base, mulAll([base.exp, exponent]));
    // (u^(2k))^r = abs(u)^(2k*r) for every real u: the real value, and a form whose power rule
    // is defined wherever the function is differentiable ((x^4)^(1/3) at 0).
    if (base.kind === "pow" && isEvenInteger(base.exp)) return pow(call("abs", [base.base]), mulAll([base.exp, exponent]));
    // abs(u)^(2k) = u^(2k).
    if (base.kind === "call" && base.fn === "abs" && r.isInteger() && r.num % 2n === 0n) return pow(base.args[0]!, exponent);
    if (base.kind === "mul") {
      if (r.isInteger()) return mulAll(base.args.map((f) => pow(f, exponent)));
      const first = base.args[0]!;
      if (first.kind === "num" && first.value.sign() > 0) {
        // (c*u)^r = c^r * u^r for c > 0.
        const rest = base.args.length === 2 ? base.args[1]! : internMul(base.args.slice(1));
        return mulAll([numberPower(first.value, r), pow(rest, exponent)]);
      }
      // (a*b)^r = a^r * b^r when every factor is nonnegative for every real value of its
      // variables (even powers, abs, positive factors): sqrt(x^2*y^2) is abs(x)*abs(y).
      if (base.args.every((f) => isEvidentlyNonnegative(f))) return mulAll(base.args.map((f) => pow(f, exponent)));
    }
  } else if (base.kind === "num") {
    if (base.value.isOne()) return ONE;
    // b^(c + u) = b^c * b^u for b > 0: a positive numeric base's symbolic exponent has no
    // rational term, so its powers merge apart from its radicals and the coefficient and never
    // cancel down to one of them (2^(x + 1) is 2*2^x, 2^(x + 1/2) is sqrt(2)*2^x). Not when b^c
    // is a large number (2^(x + 100) stays as it is): products of such powers may then depend
    // on their grouping, but no input turns into a huge coefficient or a LimitError.
    if (
      base.value.sign() > 0 &&
      exponent.kind === "add" &&
      exponent.args[0]!.kind === "num" &&
      splitsOffExponentTerm(base.value, (exponent.args[0] as Num).value)
    ) {
      const rest = exponent.args.length === 2 ? exponent.args[1]! : internAdd(exponent.args.slice(1));
      return mulAll([numberPower(base.value, (exponent.args[0] as Num).value), pow(base, rest)]);
    }
    // 0^u is 0 where u > 0 and undefined where u < 0: folded when the sign of u is evident,
    // as 0^2 and 0^-1 are (so 1/0^(x^2 + 1) is an error, not the power 0^(-x^2 - 1)).
    if (base.value.isZero() && isEvidentlyPositive(exponent)) return ZERO;
    if (base.value.isZero() && isEvidentlyPositive(mulAll([MINUS_ONE, exponent]))) {
      throw new DomainError("division by zero (0 raised to a negative power)");
    }
  }
  if (base === E) return call("exp", [exponent]);
  // exp(u)^v = exp(u*v) for real u.
  if (base.kind === "call" && base.fn === "exp") return call("exp", [mulAll([base.args[0]!, exponent])]);
  return internPow(base, exponent);
}

/** b^r for rationals: exact where the result is rational, else a canonical irrational power. */
function numberPower(b: Rational, r: Rational): Expr {
  if (b.isZero()) {
    if (r.sign() < 0) throw new DomainError("division by zero (0 raised to a negative power)");
    return ZERO;
  }
  if (b.isOne()) return ONE;
  if (exceedsIntegerBits(b, r)) return hugePower(b, r);
  if (r.isInteger()) return num(integerPower(b, r.num));
  if (b.sign() < 0) return internPow(num(b), num(r)); // (-8)^(1/3) stays: not real in Math.pow
  if (!b.isInteger()) return mulAll([numberPower(Rational.int(b.num), r), numberPower(Rational.int(b.den), r.neg())]);
  // Positive integer base n, r = k + f with 0 < f < 1.
  const n = b.num;
  const k = r.floor();
  const f = r.sub(Rational.int(k));
  const whole = integerPower(b, k);
  const root = exactRoot(n, Number(f.den));
  if (root !== null) return num(whole.mul(integerPower(Rational.int(root), f.num)));
  return mulAll([num(whole), integerRadical(n, f)]);
}

/**
 * n^f for an integer n >= 2 and 0 < f < 1 that is not rational, with perfect powers taken out
 * (`integer-roots.ts`): `8^(1/2)` is `2*2^(1/2)`, `4^(1/6)` is `2^(1/3)`.
 */
function integerRadical(n: bigint, f: Rational): Expr {
  const [outside, inside] = splitPerfectPower(n, f.den);
  const coefficient = num(integerPower(Rational.int(outside), f.num));
  const shared = perfectPowerSharing(inside, f.den);
  if (shared !== null) return mulAll([coefficient, numberPower(Rational.int(shared[0]), f.mul(Rational.int(shared[1])))]);
  const radical = internPow(num(inside), num(f));
  return coefficient === ONE ? radical : internMul([coefficient, radical]);
}

function integerPower(b: Rational, k: bigint): Rational {
  const mag = k < 0n ? -k : k;
  const bits = Math.max(bitLength(b.num < 0n ? -b.num : b.num), bitLength(b.den));
  if (bits > 1 && Number(mag) * (bits - 1) > limits.maxIntegerBits) {
    throw new LimitError("maxIntegerBits", limits.maxIntegerBits, `a power of about ${Number(mag) * (bits - 1)} bits`);
  }
  if (b.isMinusOne()) return mag % 2n === 0n ? Rational.ONE : Rational.MINUS_ONE;
  if (b.isZero() && k < 0n) throw new DomainError("division by zero (0 raised to a negative power)");
  return b.powInt(Number(k));
}

/**
 * Whether the exact value of b^r (or of its integer part) would need more than
 * `limits.maxIntegerBits` bits. Such a power stays symbolic (`hugePower`) instead of failing:
 * `10^10^10` is the node 10^10000000000, whose float value is Infinity.
 */
export function exceedsIntegerBits(b: Rational, r: Rational): boolean {
  return powerBits(b, r) > limits.maxIntegerBits;
}

/** Largest size in bits of b^c that `pow` splits off a symbolic exponent (b^(c + u) = b^c*b^u). */
const MAX_SPLIT_POWER_BITS = 64;

/** Whether `pow` writes b^(c + u), for a positive number b and a symbolic u, as b^c*b^u. */
export function splitsOffExponentTerm(b: Rational, c: Rational): boolean {
  return powerBits(b, c) <= MAX_SPLIT_POWER_BITS;
}

/** About the size in bits of the numerator or denominator of b^r (0 for |b| = 1). */
function powerBits(b: Rational, r: Rational): number {
  const bits = Math.max(bitLength(b.num < 0n ? -b.num : b.num), bitLength(b.den));
  if (bits <= 1) return 0; // |b| = 1
  return Math.abs(Number(r.num) / Number(r.den)) * (bits - 1);
}

/**
 * b^r kept symbolic, for `exceedsIntegerBits(b, r)`: one `Pow` of two numbers with a base above 1
 * (`(1/2)^r` is `2^(-r)`), and the sign in front for a negative base with an integer exponent. A
 * negative base with a non-integer exponent stays as it is (not real). One power, not a quotient
 * of two, so that its float value underflows to 0 rather than being Infinity/Infinity.
 */
function hugePower(b: Rational, r: Rational): Expr {
  if (b.sign() < 0) {
    if (!r.isInteger()) return internPow(num(b), num(r));
    const magnitude = hugePower(b.neg(), r);
    return r.num % 2n === 0n ? magnitude : neg(magnitude);
  }
  return b.num < b.den ? internPow(num(b.inv()), num(r.neg())) : internPow(num(b), num(r));
}

export function sqrt(u: Expr): Expr {
  return pow(u, HALF);
}

// ---------------------------------------------------------------- function calls

const ZERO_AT_ZERO = new Set<FunctionName>(["sin", "tan", "asin", "atan", "sinh", "tanh", "asinh", "atanh", "erf", "cbrt", "abs", "sign"]);
const ONE_AT_ZERO = new Set<FunctionName>(["cos", "cosh", "sec", "sech", "exp"]);

/** The canonical call `fn(args)`, folding exact special values. */
export function call(fn: FunctionName, args: readonly Expr[]): Expr {
  if (args.length !== FUNCTION_ARITY[fn]) {
    throw new TypeError(`${fn} takes ${FUNCTION_ARITY[fn]} argument(s), got ${args.length}`);
  }
  const u = args[0]!;
  if (u === ZERO && args.length === 1) {
    if (ZERO_AT_ZERO.has(fn)) return ZERO;
    if (ONE_AT_ZERO.has(fn)) return ONE;
  }
  switch (fn) {
    case "exp":
      if (u === ONE) return E;
      if (u.kind === "call" && u.fn === "log") return u.args[0]!; // exp(log(v)) = v wherever log(v) is defined
      // exp(c*log(v)) = v^c wherever log(v) is defined, so that exp(log(v)/2)^2 is v as exp(log(v)) is.
      if (u.kind === "mul" && u.args.length === 2 && u.args[0]!.kind === "num" && u.args[1]!.kind === "call" && u.args[1]!.fn === "log") {
        return pow(u.args[1]!.args[0]!, u.args[0]!);
      }
      break;
    case "log":
      if (u === ONE) return ZERO;
      if (u === E) return ONE;
      if (u.kind === "call" && u.fn === "exp") return u.args[0]!; // log(exp(v)) = v for real v
      break;
    case "acos":
    case "acosh":
      if (u === ONE) return ZERO;
      break;
    case "abs":
      if (u.kind === "num") return num(u.value.abs());
      if (u.kind === "call" && (u.fn === "abs" || u.fn === "exp")) return u;
      if (u === PI || u === E) return u;
      break;
    case "sign":
      if (u.kind === "num") return num(u.value.sign());
      if (u === PI || u === E) return ONE;
      break;
    case "cbrt":
      if (u.kind === "num") {
        const v = u.value;
        const n = exactRoot(v.num < 0n ? -v.num : v.num, 3);
        const d = exactRoot(v.den, 3);
        if (n !== null && d !== null) return num(Rational.of(v.num < 0n ? -n : n, d));
      }
      break;
    default:
      break;
  }
  return foldCall(fn, args) ?? internCall(fn, args);
}

/** `min(args)` or `max(args)` of two or more arguments, canonical (see `special-values.ts`) in one pass. */
export function variadicCall(fn: "min" | "max", args: readonly Expr[]): Expr {
  if (args.length < 2) throw new TypeError(`${fn} takes 2 or more arguments, got ${args.length}`);
  return foldSpecial(fn, args)!;
}

/** `log(u, b)` = log(u)/log(b). */
export function logBase(u: Expr, b: Expr): Expr {
  if (u.kind === "num" && b.kind === "num") {
    const k = exactLogarithm(u.value, b.value); // log(8, 2) = 3
    if (k !== null) return num(Rational.of(k.p, k.q));
  }
  return div(call("log", [u]), call("log", [b]));
}

/** Rebuilds `node` canonically with new arguments (same kind and function). */
export function rebuild(node: Expr, args: readonly Expr[]): Expr {
  switch (node.kind) {
    case "add":
      return addAll(args);
    case "mul":
      return mulAll(args);
    case "pow":
      return pow(args[0]!, args[1]!);
    case "call":
      return call(node.fn, args);
    case "deriv":
      return rebuildDerivative(node, args);
    case "apply":
      return applied(node.name, node.orders, args);
    default:
      return node;
  }
}

// ---------------------------------------------------------------- inert derivatives

/** Inert derivative nodes created so far: while it is 0, no expression can contain one. */
let derivativesCreated = 0;

/** Whether any inert derivative node exists (a fast path for `containsDerivative`). */
export function anyDerivativeCreated(): boolean {
  return derivativesCreated > 0;
}

/**
 * The inert derivative of `body` by each of `vars` in turn (`derivative(u, [x, y])` is
 * d/dy(d/dx(u))). Nothing is carried out; a `Deriv` body merges (its variables come first).
 */
export function derivative(body: Expr, vars: readonly Expr[]): Expr {
  if (vars.length === 0) return body;
  for (const v of vars) {
    if (v.kind !== "sym") throw new DomainError(`a derivative is taken with respect to a variable, not ${v.kind === "num" ? "a number" : "an expression"}`);
  }
  const args = body.kind === "deriv" ? [...body.args, ...vars] : [body, ...vars];
  const h = hashArgs(DERIV_SEED, args);
  const hit = findCompound(h, "deriv", undefined, args) as Deriv | undefined;
  if (hit !== undefined) return hit;
  const node = storeCompound(h, new Deriv(args));
  derivativesCreated++;
  return node;
}

/**
 * `node` with new arguments from a value-preserving pass (such as simplify) over its body. Its
 * variables must come back unchanged: substituting into the variable of a derivative (or into
 * a body where it would capture that variable) is not a rewrite of the body, so it is refused.
 */
function rebuildDerivative(node: Deriv, args: readonly Expr[]): Expr {
  for (let i = 1; i < args.length; i++) {
    if (args[i] !== node.args[i]) {
      throw new DomainError(
        `cannot substitute for the variable ${String(node.args[i])} of the inert derivative ${String(node)}: carry it out first (evaluateDerivatives)`,
      );
    }
  }
  return derivative(args[0]!, node.vars);
}
