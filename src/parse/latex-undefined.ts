/**
 * Undefined functions in LaTeX input (the names in `undefinedFunctions`, as for `parse`): `f(x)`,
 * `g(x, y)`, their derivatives by primes `f'(x)`, `f''(x)`, `f^{\prime}(x)`, `f^{(4)}(x)`, and
 * partial derivatives by argument position, `\partial_{1} g(x, y)`, `\partial_{1}^{2} \partial_{2} g(x, y)`.
 * Each reads as the `Applied` node the plain syntax gives (`f'(x)`, `g'[1,0](x, y)`), which is
 * also what `toLatex` prints for it.
 *
 * Contracts:
 * - The arguments are a bracket group right after the name and its derivative marks (`f(x)`,
 *   `f\left(x, y\right)`, `f{\left(x \right)}`); a `^` that is not a derivative mark raises the
 *   call (`f^2(x)` and `f(x)^2` are f(x)^2).
 * - Primes and `^{(n)}` mark derivatives of a function of one argument; `\partial_{i}` (with an
 *   optional order `^{k}`) the derivative in argument i, for any number of arguments.
 * - The arguments may be left out only in the numerator of an ordinary Leibniz derivative, where
 *   they are its variable: `\frac{df}{dx}` is d/dx(f(x)) (see `latex-derivative.ts`).
 * - A prime on a built-in function (`\sin'(x)`) is not read here: `application` refuses it.
 */
import { applied } from "../core/build.js";
import type { Expr } from "../core/node.js";
import { application, atPrimeMark, primeSuperscript } from "./latex-application.js";
import type { LatexToken } from "./latex-lexer.js";
import { readName, type ReadName } from "./latex-names.js";
import type { Bar, LatexParser } from "./latex-parser.js";
import { GREEK_COMMANDS } from "./latex-tables.js";

/** The derivative order marked after a name: its primes, then at most one prime superscript. */
function primeOrder(p: LatexParser, name: ReadName): number {
  let n = 0;
  while (p.peek().kind === "'") {
    p.advance();
    n++;
  }
  const sup = primeSuperscript(p.tokens, p.pos);
  if (sup !== undefined) {
    n += sup[0];
    p.pos = sup[1];
  }
  if (!Number.isSafeInteger(n)) throw p.error(`derivative order too large on '${name.name}'`, name.start, [], p.tokens[p.pos - 1]!.end);
  return n;
}

/**
 * The undefined function named `name` (already read) applied: its derivative marks, then its
 * arguments, or none in the one Leibniz position that supplies them (`LatexParser.leibniz`).
 */
export function undefinedApplication(p: LatexParser, name: ReadName, bar: Bar): Expr {
  const primes = primeOrder(p, name);
  const leibniz = p.leibniz;
  if (leibniz !== undefined && name.start === p.tokens[leibniz.start] && p.pos === leibniz.close) {
    if (leibniz.variable === undefined) {
      throw p.error(
        `the arguments of '${name.name}' in ${leibniz.source} are not known: write them, as in \\frac{\\partial}{\\partial x} ${name.name}\\left(x, y\\right)`,
        name.start,
      );
    }
    return applied(name.name, [primes], [leibniz.variable]);
  }
  const label = name.name + "'".repeat(Math.min(primes, 3)) + (primes > 3 ? `^{(${primes})}` : "");
  if (!p.startsBracket() && p.peek().kind !== "^") throw p.syntaxError(`'(' and the arguments of the undefined function '${name.name}'`);
  return application(
    p,
    {
      name: label,
      user: (args) => {
        if (primes > 0 && args.length !== 1) {
          throw p.error(
            `primes mark derivatives of a function of one argument; write \\partial_{1} ${name.name} for the derivative in its first argument`,
            name.start,
            [],
            p.tokens[p.pos - 1]!.end,
          );
        }
        return applied(
          name.name,
          args.map((_, i) => (i === 0 ? primes : 0)),
          args,
        );
      },
    },
    name.start,
    bar,
  );
}

/** A positive integer argument of `_` or `^` in `\partial_{i}^{k}`: one digit, or `{digits}`. */
function positiveInteger(p: LatexParser, what: string): number {
  const t = p.peek();
  let text: string;
  if (t.kind === "number") {
    p.splitFirstDigit();
    text = p.advance().text;
  } else if (t.kind === "{" && p.peek(1).kind === "number" && p.peek(2).kind === "}") {
    p.advance();
    text = p.advance().text;
    p.advance();
  } else {
    throw p.syntaxError(what, t);
  }
  if (!/^[1-9][0-9]*$/.test(text) || !Number.isSafeInteger(Number(text)))
    throw p.error(`expected ${what} but found '${text}'`, t, [what], p.tokens[p.pos - 1]!.end);
  return Number(text);
}

/**
 * `\partial_{i}` ... applied to an undefined function (the parser is at the first `\partial`,
 * followed by `_`): the derivative of order k (`\partial_{i}^{k}`, summed over repeats) in
 * argument i, as the plain `g'[1,0](x, y)`.
 */
export function partialApplication(p: LatexParser, first: LatexToken, bar: Bar): Expr {
  const orders = new Map<number, number>();
  while (p.isCommand("\\partial") && p.peek(1).kind === "_") {
    p.advance();
    p.advance();
    const i = positiveInteger(p, "an argument position (1, 2, ...) after '\\partial_'");
    const k = p.peek().kind === "^" ? (p.advance(), positiveInteger(p, "a derivative order after '\\partial_{i}^'")) : 1;
    const sum = (orders.get(i) ?? 0) + k;
    if (!Number.isSafeInteger(sum)) throw p.error("derivative order too large", first, [], p.tokens[p.pos - 1]!.end);
    orders.set(i, sum);
  }
  const t = p.peek();
  const startsName = t.kind === "letter" || (t.kind === "command" && (GREEK_COMMANDS.has(t.text.slice(1)) || t.text === "\\mathit" || t.text === "\\mathrm"));
  if (!startsName) throw p.syntaxError("an undefined function after \\partial_{i}", t);
  const name = readName(p);
  if (!p.isUndefinedFunction(name.name)) {
    throw p.error(`\\partial_{i} applies to a function declared in undefinedFunctions, not to '${name.name}'`, name.start, ["an undefined function"]);
  }
  if (atPrimeMark(p)) throw p.error(`write the derivatives of '${name.name}' either with primes or with \\partial_{i}, not both`, p.peek());
  const highest = Math.max(...orders.keys());
  return application(
    p,
    {
      name: name.name,
      user: (args) => {
        if (highest > args.length) {
          throw p.error(
            `\\partial_{${highest}} names argument ${highest} of '${name.name}', which has ${args.length} argument${args.length === 1 ? "" : "s"} here`,
            first,
            [],
            p.tokens[p.pos - 1]!.end,
          );
        }
        return applied(
          name.name,
          args.map((_, j) => orders.get(j + 1) ?? 0),
          args,
        );
      },
    },
    first,
    bar,
  );
}
