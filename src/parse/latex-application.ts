/**
 * Function application in LaTeX input: `\sin x`, `\sin^2(x)`, `\sin^{-1} x`, `\log_{b} x`,
 * `\operatorname{atan2}\left(y, x\right)`, and caller-defined functions. The rule for the
 * argument is in the doc comment of `application` and in grammar/latex.ebnf. A derivative mark
 * (`'`, `^\prime`, `^{(n)}`) on a built-in function is refused: `\sin'(x)` is an error, as the
 * plain `sin'(x)` is.
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
  if ("fn" in f && atPrimeMark(p)) {
    throw p.error(
      `a derivative mark (' or ^{(n)}) on the built-in function ${f.name} is not read (it is read on undefined and caller-defined functions): write \\frac{d}{dx} and the call`,
      p.peek(),
    );
  }
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

/**
 * At a `^` (index `i`): the derivative order it marks and the index after it, for `^\prime`,
 * `^{\prime\prime}` (any number of `\prime`) and `^{(n)}`; undefined for any other superscript.
 */
export function primeSuperscript(tokens: readonly LatexToken[], i: number): [order: number, next: number] | undefined {
  const at = (j: number) => tokens[Math.min(j, tokens.length - 1)]!;
  const isPrime = (t: LatexToken) => t.kind === "command" && t.text === "\\prime";
  if (at(i).kind !== "^") return undefined;
  if (isPrime(at(i + 1))) return [1, i + 2];
  if (at(i + 1).kind !== "{") return undefined;
  let j = i + 2;
  while (isPrime(at(j))) j++;
  if (j > i + 2) return at(j).kind === "}" ? [j - i - 2, j + 1] : undefined;
  const [open, n, close, brace] = [at(j), at(j + 1), at(j + 2), at(j + 3)];
  if (open.kind === "(" && n.kind === "number" && /^[1-9][0-9]*$/.test(n.text) && close.kind === ")" && brace.kind === "}") return [Number(n.text), j + 4];
  return undefined;
}

/** Whether a derivative mark (a prime, `^\prime`, `^{(n)}`) is at the parser's position. */
export function atPrimeMark(p: LatexParser): boolean {
  return p.peek().kind === "'" || primeSuperscript(p.tokens, p.pos) !== undefined;
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
