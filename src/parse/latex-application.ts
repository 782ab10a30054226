/**
 * Function application in LaTeX input: `\sin x`, `\sin^2(x)`, `\sin^{-1} x`, `\log_{b} x`,
 * `\operatorname{atan2}\left(y, x\right)`, and caller-defined functions. The rule for the
 * argument is in the doc comment of `application` and in grammar/latex.ebnf.
 */
import { call, logBase, MINUS_ONE, pow } from "../core/build.js";
import { FUNCTION_ARITY } from "../core/functions.js";
import type { Expr } from "../core/node.js";
import type { LatexToken } from "./latex-lexer.js";
import type { Bar, LatexParser } from "./latex-parser.js";
import type { LatexFunction } from "./latex-tables.js";

/** What is applied: a known function (with its LaTeX spelling, for messages) or a caller's. */
export type Applied = { fn: LatexFunction; name: string } | { user: (args: Expr[]) => Expr; name: string };

/**
 * A function applied to its argument. `^` and `_` may follow the function (either order):
 * `\sin^2 x` is sin(x)^2, `\sin^{-1} x` is asin(x), `\log_{b} x` is log(x)/log(b). The argument
 * is a bracket group (`\sin(x)`, `\sin\left(x\right)`, `\sin{\left(x \right)}`; after it a `^`
 * raises the call), or else, for a one-argument function, the bare run of `implicit`.
 */
export function application(p: LatexParser, f: Applied, start: LatexToken, bar: Bar): Expr {
  p.enter(start);
  let power: Expr | undefined;
  let base: Expr | undefined;
  let fn = "fn" in f ? f.fn.fn : undefined;
  for (;;) {
    const t = p.peek();
    if (t.kind === "^" && power === undefined) {
      p.advance();
      const open = p.peek();
      if (open.kind === "{" && (p.peek(1).kind === "(" || p.isCommand("\\left", 1))) {
        throw p.error(`a bracketed superscript on ${f.name} (${f.name}^{(n)}) denotes a derivative order, which parseLatex does not read`, open);
      }
      power = p.argument("'^'");
      if (power === MINUS_ONE && "fn" in f) {
        if (f.fn.inverse === undefined) throw p.error(`${f.name}^{-1} is not read: write the inverse function`, t);
        fn = f.fn.inverse;
        power = undefined;
      } else if (power.kind === "num" && power.value.isNegative()) {
        throw p.error(`a negative power written on ${f.name} is ambiguous: write (${f.name} x)^{-n}`, t);
      }
      continue;
    }
    if (t.kind === "_" && base === undefined && fn === "log") {
      p.advance();
      base = p.argument("'_'");
      continue;
    }
    if (t.kind === "_") throw p.error(`a subscript on ${f.name} is not read`, t);
    break;
  }
  const arity = fn === undefined ? undefined : FUNCTION_ARITY[fn];
  let args: Expr[];
  if (p.startsBracket()) {
    args = arity === 1 ? [bracketArgument(p)] : argumentList(p);
    if (power === undefined && p.peek().kind === "^") {
      p.advance();
      power = p.argument("'^'");
    }
  } else if (arity === 1) {
    args = [p.implicit(bar, true)];
  } else {
    throw p.syntaxError(`'(' after ${f.name}`);
  }
  p.leave();
  let value: Expr;
  if ("user" in f) {
    value = f.user(args);
  } else {
    if (args.length !== arity)
      throw p.error(`${f.name} takes ${arity} argument${arity === 1 ? "" : "s"}, got ${args.length}`, start, [], p.tokens[p.pos - 1]!.end);
    value = fn === "log" && base !== undefined ? logBase(args[0]!, base) : call(fn!, args);
  }
  return power === undefined ? value : pow(value, power);
}

/** A bracket group or a `{...}` group as the one argument of a function. */
function bracketArgument(p: LatexParser): Expr {
  return p.isCommand("\\left") ? p.leftRight(p.peek()) : p.group(null);
}

/** `( a, b, ... )`, `\left( a, b \right)`, or either inside `{ }`: the arguments of a function of several. */
function argumentList(p: LatexParser): Expr[] {
  const open = p.peek();
  if (open.kind === "{") {
    p.advance();
    p.enter(open);
    const args = p.startsBracket() ? argumentList(p) : [p.sum(null)];
    p.expectClose(open, "}");
    p.leave();
    return args;
  }
  const left = p.isCommand("\\left");
  if (left) p.advance();
  const d = p.advance();
  const close = d.kind === "(" ? ")" : d.kind === "[" ? "]" : undefined;
  if (close === undefined) throw p.syntaxError("'(' or '['", d);
  p.enter(open);
  const args = [p.sum(null)];
  while (p.peek().kind === ",") {
    p.advance();
    args.push(p.sum(null));
  }
  if (left) {
    if (p.peek().kind === "end") throw p.error(`'\\left${d.text}' has no matching '\\right${close}'`, open, [], d.end);
    if (!p.isCommand("\\right")) throw p.syntaxError(`',' or '\\right${close}'`);
    p.advance();
  }
  p.expectClose(left ? open : d, close);
  p.leave();
  return args;
}
