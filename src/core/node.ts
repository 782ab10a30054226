/**
 * Expression node types.
 *
 * Nodes are immutable and interned: they are created only by `build.ts`, and two structurally
 * equal nodes are the same object, so equality is `===` and maps may key on nodes.
 *
 * Canonical form (asserted by `checkCanonical` in `invariants.ts`):
 * - `Num` holds an exact Rational.
 * - `Add.args`: at least two; at most one `Num`, first, non-zero; no `Add` among them; no two terms
 *   with the same non-numeric part (`x + 2*x` is `3*x`); terms sorted by `compareTerms`.
 * - `Mul.args`: at least two; at most one `Num`, first, neither 0 nor 1; no `Mul` among them; no two
 *   factors with the same base (`x*x^2` is `x^3`) but a numeric base's radical beside its symbolic
 *   power (`sqrt(2)*2^x`); no two exponentials (`exp`, `e`) whose arguments are rational multiples
 *   of one another (`exp(2*x)*exp(x)` is `exp(3*x)`, `e*exp(2)` is `exp(3)`); beside a power of
 *   `abs(u)` with a rational exponent, no power of u with a rational exponent outside [0, 2)
 *   (`x^2*abs(x)` is `abs(x)^3`, `x^2/abs(x)` is `abs(x)`); factors sorted by `compareFactors`. A
 *   `Num` times a single `Add` is distributed (`2*(x+1)` is `2*x + 2`). So a product is one node
 *   for one multiset of factors, in every grouping (see `mulAll`).
 * - `Pow`: exponent neither 0 nor 1; base not 1, and 0 only with a symbolic exponent not evidently
 *   positive (`0^x`; `0^(x^2 + 1)` is 0); a positive numeric base only with a numeric exponent or
 *   a symbolic one without a rational term c unless b^c is large (`2^(x + 1)` is `2*2^x`,
 *   `2^(x + 100)` stays); a `Mul` base only with a non-integer exponent, no
 *   positive numeric coefficient and not only nonnegative factors (`sqrt(x^2*y^2)` is
 *   `abs(x)*abs(y)`); a `Pow` base only with a non-integer outer exponent, and then not with a
 *   numeric even inner exponent (`(x^4)^(1/3)` is `abs(x)^(4/3)`); no `abs` base with an even
 *   integer exponent (`abs(x)^2` is `x^2`); two `Num`s only when the result is irrational
 *   (`2^(1/2)`), with a positive integer base and an exponent p/q in (0, 1), the base free of q-th
 *   powers of primes below 1000 and not a perfect power sharing a factor with q (`8^(1/2)` is
 *   `2*2^(1/2)`, `4^(1/6)` is `2^(1/3)`, see `integer-roots.ts`), or when its exact value would
 *   exceed `limits.maxIntegerBits` (`10^10000000000`), with a base above 1 or a negative base and
 *   a non-integer exponent.
 * - `Call`: a known function with its arity; building it again gives the same node, so no
 *   argument folds to a known exact value (`sin(0)` is `0`, `exp(1)` is `e`, `cos(pi)` is `-1`)
 *   and no argument reduction of `exact-values.ts` or canonical ordering of `special-values.ts`
 *   applies (`sin(x + 2*pi)` is `sin(x)`, `cos(-x)` is `cos(x)`, `max(y, x)` is `max(x, y)`).
 * - `Applied`: an undefined function `name` (declared by the caller, see `ParseOptions`) applied to
 *   its arguments, with `orders[i]` derivatives taken in argument i (all 0: `f(x)`); `orders` has
 *   one entry per argument, each a non-negative integer.
 * - `Deriv` (inert derivative, `d/dx(u)`): `args` is `[body, ...vars]` with at least one variable, each a
 *   `Sym`, in the order the derivatives are taken (`d/dy(d/dx(u))` has vars `[x, y]`; mixed partials
 *   are not reordered); the body is not itself a `Deriv` (nested ones merge). Nothing is carried
 *   out at construction, not even `d/dx(3)`: that is `evaluateDerivatives`' job.
 * `a - b`, `a / b`, `sqrt(u)` and `e^u` are sugar for `a + (-1)*b`, `a*b^(-1)`, `u^(1/2)`, `exp(u)`.
 */
import type { FunctionName } from "./functions.js";
import type { Rational } from "./rational.js";

/**
 * An expression: an immutable, interned node in canonical form (see the file comment for the
 * invariants). Structurally equal expressions are the same object, so compare them with `===`.
 * `kind` is one of "num", "sym", "const", "add", "mul", "pow", "call", "apply" (an undefined
 * function applied), "deriv" (an inert derivative d/dx(u)); `args` are the children in canonical
 * order. `String(e)` prints the formula, and `parse(String(e)) === e`.
 *
 * @example
 * parse("x + x") === parse("2*x");              // => true
 * parse("2*(x + 1)");                           // => 2*x + 2
 * parse("x*y^2").kind;                          // => "mul"
 */
export type Expr = Num | Sym | Const | Add | Mul | Pow | Call | Applied | Deriv;
export type ConstName = "pi" | "e";

let formatter: (e: Expr) => string = (e) => `<${e.kind}#${e.id}>`;
/** Installed by the plain-text printer so that `String(expr)` and `console.log` show formulas. */
export function setFormatter(f: (e: Expr) => string): void {
  formatter = f;
}

let nextId = 0;

// Fields are declared (`declare`) and assigned in the constructors rather than initialised as
// class fields: a class field is defined on every instance by its own initialiser step, which
// costs measurably on the millions of nodes a large expansion or derivative builds.
abstract class ExprBase {
  /** Creation number: a key for intern tables and memo maps, never used for ordering. */
  declare readonly id: number;
  /** 1 for atoms, else 1 + the deepest argument. Bounded by `limits.maxDepth`. */
  declare readonly depth: number;
  /** Children in canonical order (empty for atoms); for `Pow` it is `[base, exp]`. */
  declare readonly args: readonly Expr[];
  /**
   * @internal The names of the node's free symbols, cached by `freeSymbolSet` (`traverse.ts`) and
   * valid while `freeEpoch` is its current epoch (`clearCaches` starts a new one). A slot on the
   * node instead of a memo table: it is read for every argument of every node `diff` visits.
   */
  declare free: ReadonlySet<string> | undefined;
  /** @internal See `free`. */
  declare freeEpoch: number;
  /**
   * @internal The node's cost (`cost.ts`), valid while `costEpoch` is its current epoch, as
   * `free`: the simplifier reads the cost of every candidate and of its arguments.
   */
  declare costValue: number;
  /** @internal See `costValue`. */
  declare costEpoch: number;
  /** @internal The functions the node calls, as bits (`headsOf`, `rewrite/heads.ts`), valid while `headsEpoch` is current, as `free`. */
  declare heads: number;
  /** @internal See `heads`. */
  declare headsEpoch: number;
  constructor(args: readonly Expr[], depth: number) {
    this.id = nextId++;
    this.depth = depth;
    this.args = args;
    this.free = undefined;
    this.freeEpoch = -1;
    this.costValue = 0;
    this.costEpoch = -1;
    this.heads = 0;
    this.headsEpoch = -1;
  }
  toString(): string {
    return formatter(this as unknown as Expr);
  }
  toJSON(): string {
    return this.toString();
  }
  [Symbol.for("nodejs.util.inspect.custom")](): string {
    return this.toString();
  }
}

const NO_ARGS: readonly Expr[] = Object.freeze([]);

function depthOf(args: readonly Expr[]): number {
  let d = 0;
  for (const a of args) if (a.depth > d) d = a.depth;
  return d + 1;
}

export class Num extends ExprBase {
  declare readonly kind: "num";
  declare readonly value: Rational;
  constructor(value: Rational) {
    super(NO_ARGS, 1);
    this.kind = "num";
    this.value = value;
  }
}

export class Sym extends ExprBase {
  declare readonly kind: "sym";
  declare readonly name: string;
  constructor(name: string) {
    super(NO_ARGS, 1);
    this.kind = "sym";
    this.name = name;
  }
}

export class Const extends ExprBase {
  declare readonly kind: "const";
  declare readonly name: ConstName;
  constructor(name: ConstName) {
    super(NO_ARGS, 1);
    this.kind = "const";
    this.name = name;
  }
}

export class Add extends ExprBase {
  declare readonly kind: "add";
  constructor(args: readonly Expr[]) {
    super(args, depthOf(args));
    this.kind = "add";
  }
}

export class Mul extends ExprBase {
  declare readonly kind: "mul";
  constructor(args: readonly Expr[]) {
    super(args, depthOf(args));
    this.kind = "mul";
  }
}

export class Pow extends ExprBase {
  declare readonly kind: "pow";
  declare readonly base: Expr;
  declare readonly exp: Expr;
  constructor(base: Expr, exp: Expr) {
    super([base, exp], Math.max(base.depth, exp.depth) + 1);
    this.kind = "pow";
    this.base = base;
    this.exp = exp;
  }
}

export class Call extends ExprBase {
  declare readonly kind: "call";
  declare readonly fn: FunctionName;
  constructor(fn: FunctionName, args: readonly Expr[]) {
    super(args, depthOf(args));
    this.kind = "call";
    this.fn = fn;
  }
}

/** An undefined function, or one of its partial derivatives, applied to arguments (see above). */
export class Applied extends ExprBase {
  declare readonly kind: "apply";
  declare readonly name: string;
  declare readonly orders: readonly number[];
  constructor(name: string, orders: readonly number[], args: readonly Expr[]) {
    super(args, depthOf(args));
    this.kind = "apply";
    this.name = name;
    this.orders = orders;
  }
}

/**
 * An inert derivative d^n/(d vars[n-1] ... d vars[0]) body: differentiate `body` by `vars[0]`, then
 * by `vars[1]`, and so on. It is carried out by `diff` and `evaluateDerivatives`.
 */
export class Deriv extends ExprBase {
  declare readonly kind: "deriv";
  constructor(args: readonly Expr[]) {
    super(args, depthOf(args));
    this.kind = "deriv";
  }
  get body(): Expr {
    return this.args[0]!;
  }
  /** The variables, in the order the derivatives are taken. */
  get vars(): readonly Sym[] {
    return this.args.slice(1) as Sym[];
  }
}
