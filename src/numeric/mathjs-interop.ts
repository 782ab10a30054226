/**
 * Conversion between symgrad expressions and mathjs expression trees.
 *
 * `toMathjs(e)` builds OperatorNode / FunctionNode / SymbolNode / ConstantNode trees whose
 * `evaluate(scope)` gives the value of `e` (the constants pi and e become the mathjs symbols `pi`
 * and `e`; rationals become integer constants and divisions). Shared subexpressions become shared
 * node objects, so the output is as small as the graph.
 *
 * `fromMathjs(node)` accepts OperatorNode (+ - * / ^ and unary - +), FunctionNode (every symgrad
 * function plus sqrt, log(x, base), log10, log2), SymbolNode (`pi`, `PI`, `e`, `E` are the
 * constants), ConstantNode with a number or BigNumber, and ParenthesisNode; anything else is a
 * DomainError naming the node. Both directions are iterative (no recursion on the tree depth).
 */
import type { BigNumber, MathNode } from "mathjs";
import { mathjs } from "./mathjs-lazy.js";
import { addAll, call, variadicCall, div, E, logBase, mulAll, neg, num, PI, pow, sqrt, sub, sym } from "../core/build.js";
import { DomainError } from "../core/errors.js";
import { FUNCTION_ARITY, isFunctionName, VARIADIC, type FunctionName } from "../core/functions.js";
import type { Expr } from "../core/node.js";
import { Rational } from "../core/rational.js";
import { foldGraph } from "../core/traverse.js";

type OpCtor = new (op: string, fn: string, args: MathNode[]) => MathNode;
type FnCtor = new (fn: MathNode | string, args: MathNode[]) => MathNode;
type ConstCtor = new (value: number | BigNumber) => MathNode;
type SymCtor = new (name: string) => MathNode;
/** The mathjs node constructors, resolved on first use. */
function ctors(): { Op: OpCtor; Fn: FnCtor; Const: ConstCtor; Sym: SymCtor } {
  const m = mathjs();
  return {
    Op: m.OperatorNode as unknown as OpCtor,
    Fn: m.FunctionNode as unknown as FnCtor,
    Const: m.ConstantNode as unknown as ConstCtor,
    Sym: m.SymbolNode as unknown as SymCtor,
  };
}

function rationalNode(r: Rational): MathNode {
  const { Op, Const } = ctors();
  const whole = (v: bigint): MathNode => {
    const magnitude = v < 0n ? -v : v;
    // Beyond 2^53 a double would round the integer: such a constant is a BigNumber, exact.
    const n = new Const(magnitude <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(magnitude) : mathjs().bignumber(magnitude.toString()));
    return v < 0n ? new Op("-", "unaryMinus", [n]) : n;
  };
  return r.isInteger() ? whole(r.num) : new Op("/", "divide", [whole(r.num), whole(r.den)]);
}

function leftFold(op: string, fn: string, args: MathNode[]): MathNode {
  const { Op } = ctors();
  let acc = args[0]!;
  for (let i = 1; i < args.length; i++) acc = new Op(op, fn, [acc, args[i]!]);
  return acc;
}

/** A mathjs expression tree with the value of `e`. */
export function toMathjs(e: Expr): MathNode {
  const { Op, Fn, Sym } = ctors();
  return foldGraph<MathNode>(e, (node, done) => {
    const args = node.args.map((a) => done.get(a)!);
    switch (node.kind) {
      case "num":
        return rationalNode(node.value);
      case "const":
        return new Sym(node.name);
      case "sym":
        return new Sym(node.name);
      case "add":
        return leftFold("+", "add", args);
      case "mul":
        return leftFold("*", "multiply", args);
      case "pow":
        return new Op("^", "pow", args);
      case "call":
        return callNode(node.fn, args);
      case "deriv":
        throw new DomainError(`an inert derivative has no mathjs form: carry it out first (evaluateDerivatives): ${String(node)}`);
      case "apply":
        throw new DomainError(`the undefined function '${node.name}' has no mathjs equivalent`);
    }
  });
}

/**
 * A mathjs call with the value of symgrad's `fn(args)`. mathjs lacks some functions or rounds
 * differently, so those are written in terms of others: `loggamma` is `lgamma`, `heaviside(u)` is
 * `(sign(u) + 1)/2`, `erfc(u)` is `1 - erf(u)`, `round(u)` is `floor(u + 1/2)` (mathjs rounds
 * halves away from zero), `beta(a, b)` is `gamma(a)*gamma(b)/gamma(a + b)`, `xlogy(u, v)` is
 * `u*log(v)` (equal wherever log(v) is finite; mathjs gives NaN where symgrad's xlogy is 0 at
 * u = v = 0). `digamma` and `polygamma` have no mathjs equivalent: a DomainError.
 */
function callNode(fn: FunctionName, args: MathNode[]): MathNode {
  const { Op, Fn, Sym, Const } = ctors();
  const f = (name: string, xs: MathNode[]) => new Fn(new Sym(name), xs);
  const op = (o: string, name: string, xs: MathNode[]) => new Op(o, name, xs);
  switch (fn) {
    case "loggamma":
      return f("lgamma", args);
    case "heaviside":
      return op("/", "divide", [op("+", "add", [f("sign", args), new Const(1)]), new Const(2)]);
    case "erfc":
      return op("-", "subtract", [new Const(1), f("erf", args)]);
    case "round":
      return f("floor", [op("+", "add", [args[0]!, op("/", "divide", [new Const(1), new Const(2)])])]);
    case "beta":
      return op("/", "divide", [op("*", "multiply", [f("gamma", [args[0]!]), f("gamma", [args[1]!])]), f("gamma", [op("+", "add", args)])]);
    case "xlogy":
      return op("*", "multiply", [args[0]!, f("log", [args[1]!])]);
    case "digamma":
    case "polygamma":
      throw new DomainError(`${fn} has no mathjs equivalent`);
    default:
      return f(fn, args);
  }
}

interface AnyNode {
  type: string;
  op?: string;
  fn?: string | { name?: string };
  name?: string;
  args?: AnyNode[];
  content?: AnyNode;
  value?: unknown;
}

function children(node: AnyNode): AnyNode[] {
  if (node.type === "ParenthesisNode") return [node.content!];
  if (node.type === "OperatorNode" || node.type === "FunctionNode") return node.args ?? [];
  return [];
}

/**
 * The symgrad expression of a mathjs expression tree (operators, the functions symgrad knows plus
 * sqrt, log(x, base), log10 and log2, symbols, number or BigNumber constants, parentheses).
 * Iterative, so deep trees do not overflow the stack.
 *
 * @throws DomainError naming any other kind of mathjs node.
 * @example
 * fromMathjs(toMathjs("x^2 + 1"));              // => x^2 + 1
 */
export function fromMathjs(root: MathNode): Expr {
  const done = new Map<AnyNode, Expr>();
  /** The factors of each multiply node, its multiply operands flattened (not parenthesised ones). */
  const factorLists = new Map<AnyNode, Expr[]>();
  const stack: AnyNode[] = [root as unknown as AnyNode];
  while (stack.length > 0) {
    const node = stack[stack.length - 1]!;
    if (done.has(node)) {
      stack.pop();
      continue;
    }
    const kids = children(node);
    const pending = kids.filter((k) => !done.has(k));
    if (pending.length > 0) {
      stack.push(...pending);
      continue;
    }
    stack.pop();
    if (isMultiply(node)) {
      // A chain a*b*c (mathjs nests it: (a*b)*c) is one product, as the text parser reads it:
      // building (a*b) first would distribute a number over a sum (2*(x + 1) is 2*x + 2).
      const factors = kids.flatMap((k) => factorLists.get(k) ?? [done.get(k)!]);
      factorLists.set(node, factors);
      done.set(node, mulAll(factors));
      continue;
    }
    done.set(
      node,
      convert(
        node,
        kids.map((k) => done.get(k)!),
      ),
    );
  }
  return done.get(root as unknown as AnyNode)!;
}

function isMultiply(node: AnyNode): boolean {
  return node.type === "OperatorNode" && String(node.fn) === "multiply" && (node.args?.length ?? 0) >= 2;
}

const BINARY: Readonly<Record<string, (a: Expr, b: Expr) => Expr>> = {
  add: (a, b) => addAll([a, b]),
  subtract: sub,
  multiply: (a, b) => mulAll([a, b]),
  divide: div,
  pow,
};

const SUGAR: Readonly<Record<string, (args: Expr[]) => Expr | undefined>> = {
  sqrt: (a) => (a.length === 1 ? sqrt(a[0]!) : undefined),
  log: (a) => (a.length === 2 ? logBase(a[0]!, a[1]!) : undefined),
  log10: (a) => (a.length === 1 ? logBase(a[0]!, num(10)) : undefined),
  log2: (a) => (a.length === 1 ? logBase(a[0]!, num(2)) : undefined),
};

function convert(node: AnyNode, args: Expr[]): Expr {
  switch (node.type) {
    case "ParenthesisNode":
      return args[0]!;
    case "ConstantNode": {
      const v = node.value;
      if (typeof v === "number") return num(v);
      if (v !== null && typeof v === "object" && (v as { isBigNumber?: boolean }).isBigNumber === true) {
        const text = String(v);
        const negative = text.startsWith("-");
        const r = Rational.parseDecimal(negative ? text.slice(1) : text, 400);
        return num(negative ? r.neg() : r);
      }
      throw new DomainError(`unsupported mathjs constant: ${String(v)}`);
    }
    case "SymbolNode": {
      const name = node.name!;
      if (name === "pi" || name === "PI") return PI;
      if (name === "e" || name === "E") return E;
      return sym(name);
    }
    case "OperatorNode": {
      const fn = String(node.fn);
      if (args.length === 1 && fn === "unaryMinus") return neg(args[0]!);
      if (args.length === 1 && fn === "unaryPlus") return args[0]!;
      const binary = BINARY[fn];
      if (binary !== undefined && args.length >= 2) return args.slice(1).reduce((acc, a) => binary(acc, a), args[0]!);
      throw new DomainError(`unsupported mathjs operator '${String(node.op)}' (${fn})`);
    }
    case "FunctionNode": {
      const name = typeof node.fn === "string" ? node.fn : (node.fn?.name ?? "");
      if (name === "lgamma" && args.length === 1) return call("loggamma", args);
      if (isFunctionName(name) && VARIADIC.has(name) && args.length >= 2) return variadicCall(name as "min" | "max", args);
      if (isFunctionName(name) && FUNCTION_ARITY[name] === args.length) return call(name, args);
      if (Object.prototype.hasOwnProperty.call(SUGAR, name)) {
        const r = SUGAR[name]!(args);
        if (r !== undefined) return r;
      }
      throw new DomainError(`unsupported mathjs function '${name}' with ${args.length} argument(s)`);
    }
    default:
      throw new DomainError(`unsupported mathjs node type '${node.type}'`);
  }
}
