/**
 * The parser of `grammar/symgrad.ebnf`. The grammar's rules (`sum`, `term`, `implicit`, `unary`,
 * `power`, `postfix`, `primary`, `call`) keep their names here, but they are not functions that call
 * each other: the rules only nest through brackets, so inside one bracket at most one instance of
 * each rule is in progress, and its state is a field of that bracket's `Bracket` record. The parser
 * is a loop over two states:
 * - expecting an operand (`primary`): read a `√` run and a number, name, call or "(" — a "(" opens
 *   a `Bracket` and stays in this state inside it;
 * - after an operand (`afterOperand`): hand the finished primary up through the rules in progress,
 *   innermost first (`postfixOf`, `powerAfter`, `unaryOf`, `implicitAfter`, `termAfter`,
 *   `sumAfter`); each step either consumes the operator that continues its rule (and the parser
 *   expects an operand again) or completes its rule and passes the result on. A completed `sum`
 *   closes the bracket (`closeBracket`), and the result is an operand of the bracket around it.
 *
 * Contracts:
 * - Every node is built through `core/build.ts`; a run of `+`/`-` is ONE `addAll` call and a run of
 *   `*`/`/` or of juxtaposed factors is ONE `mulAll` call, so parsing is near-linear in the input.
 * - Tokens are pulled, nesting levels opened and nodes built in the order of a plain
 *   recursive-descent reading of the grammar (one token of lookahead), so whichever error comes
 *   first in that reading is the one raised.
 * - Failures are typed: `ParseError` (syntax, unknown names, argument counts), `LimitError` (input
 *   length, nesting depth, number size) and whatever the builder raises (`DomainError` for `1/0`,
 *   `LimitError` for `2^600000*2^600000`). Nothing else escapes for any string input.
 * - Nesting is counted explicitly (parentheses, calls, `√`, unary signs, `^`, `²`/`³`) and a
 *   `LimitError("maxDepth")` is raised past `limits.maxDepth` levels. A level is opened at its token
 *   and closed when the rule it belongs to completes: "(" at its ")", a sign when its operand (a
 *   `power`) is complete, every "^" of a chain and the signs after it when the whole chain is, a `√`
 *   run when its `postfix` is, a run of "²"/"³" at its end. Open brackets are kept on a heap stack
 *   (`outer`) and nothing recurses, so nesting depth costs heap, never JS stack, whatever `maxDepth`
 *   is set to.
 */
import { addAll, applied, call, derivative, variadicCall, E, logBase, MINUS_ONE, mulAll, neg, num, ONE, PI, pow, sqrt, sym, TWO, ZERO } from "../core/build.js";
import { LimitError, ParseError } from "../core/errors.js";
import { CALLABLE_NAMES, isFunctionName, SUGAR_ARITY, FUNCTION_ARITY, VARIADIC, type FunctionName } from "../core/functions.js";
import { limits } from "../core/limits.js";
import type { Expr } from "../core/node.js";
import { Rational } from "../core/rational.js";
import { derivativeVariable, Lexer, PI_CHAR, type Token, type TokenKind } from "./lexer.js";
import { closestName } from "./suggest.js";

/** A part of the source: 0-based code-point offsets, `end` exclusive. */
export interface SourceSpan {
  readonly start: number;
  readonly end: number;
}

/** Where a call of a caller-defined function is in the source. */
export interface CallSite extends SourceSpan {
  readonly name: string;
  /** The name's span. */
  readonly nameSpan: SourceSpan;
  /** Each argument's span, from its first token to its last. */
  readonly args: readonly SourceSpan[];
}

/**
 * Options of `parse`: hooks for callers that define names of their own (the REPL). Whatever a
 * hook returns is part of the parse, and whatever it throws propagates (a caller that wants a
 * position uses the spans).
 */
export interface ParseOptions {
  /**
   * Extra callable names. `name(args)` calls the function with the canonical argument nodes and
   * the call's source spans; arity checking is the function's own. An entry here takes precedence
   * over a built-in of that name.
   */
  functions?: ReadonlyMap<string, (args: Expr[], site: CallSite) => Expr>;
  /**
   * The value of a name not followed by "(" (consulted before the constants); `undefined` keeps
   * the default (a constant or a symbol).
   */
  names?: (name: string, span: SourceSpan) => Expr | undefined;
  /**
   * "error": a call directly followed by "(" (`f(x)(2)`) is a ParseError instead of the implicit
   * product `f(x)*(2)`. Default "product".
   */
  resultCalls?: "product" | "error";
  /** Parse only these code points of the text; positions in errors and spans stay in the whole text. */
  range?: SourceSpan;
  /**
   * Names of undefined functions: `f(x)`, `g(x, y)` become `Applied` nodes that `diff`
   * differentiates by the chain rule, and their derivatives are written `f'(x)`, `f''(x)`,
   * `g'[1,0](x, y)` (orders per argument). A name here must not be a built-in function.
   */
  undefinedFunctions?: readonly string[];
}

/** What may start an operand where a unary operator is allowed. */
const OPERAND = ["a number", "a name", "'('", "a unary operator"] as const;
/** What may follow `√` (signs are not allowed there: write `√(-x)`). */
const ROOT_OPERAND = ["a number", "a name", "'('", "'√'"] as const;

const CONSTANTS: ReadonlyMap<string, Expr> = new Map([
  ["pi", PI],
  [PI_CHAR, PI],
  ["e", E],
]);

const THREE = num(3);

/** Bits per digit of the radix literals, by the letter after their leading `0`. */
const RADIX_BITS: Readonly<Record<string, number>> = { x: 4, X: 4, o: 3, O: 3, b: 1, B: 1 };

/** log2(10), for estimating the size of a decimal literal before building it. */
const BITS_PER_DIGIT = Math.log2(10);

/**
 * Parses `text` into a canonical expression. The syntax is `grammar/symgrad.ebnf`: `+ - * / ^`
 * (and `**`), implicit products (`2x`, `x y`), the built-in functions, `pi` and `e`, decimals as
 * exact rationals (`0.1` is `1/10`). `options.functions` adds caller-defined calls.
 *
 * @throws LimitError when `text` is longer than `limits.maxInputLength` (checked before anything
 *   else), nested deeper than `limits.maxDepth`, or holds a number beyond `limits.maxIntegerBits`.
 * @throws ParseError for syntax errors, with 0-based code-point `start`/`end`.
 * @example
 * parse("2x^2 + 0.5x");                         // => 2*x^2 + x/2
 * parse("sin(x)^2") === parse("sin(x)**2");     // => true
 * parse("sin(x");                               // throws ParseError: expected an operator, ',' or ')' but found end of input at column 6
 */
export function parse(text: string, options: ParseOptions = {}): Expr {
  if (typeof text !== "string") throw new TypeError("parse expects a string");
  if (text.length > limits.maxInputLength) {
    throw new LimitError("maxInputLength", limits.maxInputLength, `an input of ${text.length} characters`);
  }
  if (options.range !== undefined) {
    const { start, end } = options.range;
    if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end < start) throw new RangeError("parse: range needs integers 0 <= start <= end");
  }
  return new Parser(text, options).input();
}

/** Whether `name` is a plain name (a letter or `_`, then letters, digits and `_`): what `undefinedFunctions` may list. */
export function isPlainName(name: string): boolean {
  return /^[\p{L}_][\p{L}\p{N}_]*$/u.test(name);
}

/**
 * The names of `undefinedFunctions` (of `parse` and `parseLatex`) as a set, each checked.
 *
 * @throws TypeError for a name that is not a plain name, or is a built-in function.
 */
export function undefinedFunctionNames(names: readonly string[] | undefined): ReadonlySet<string> {
  const set = new Set(names ?? []);
  for (const name of set) {
    if (typeof name !== "string" || !isPlainName(name)) throw new TypeError(`undefined function names must be plain names, got ${JSON.stringify(name)}`);
    if (isFunctionName(name) || Object.prototype.hasOwnProperty.call(SUGAR_ARITY, name))
      throw new TypeError(`'${name}' is a built-in function, not an undefined one`);
  }
  return set;
}

/** Quotes a token's text for messages, shortening long names and numbers. */
function describeToken(t: Token): string {
  if (t.kind === "end") return "end of input";
  const chars = Array.from(t.text);
  const shown = chars.length > 24 ? chars.slice(0, 20).join("") + "..." : t.text;
  return `'${shown}'`;
}

/** Whether `text` is at most 15 ASCII digits (so `Number(text)` is exact). */
function isShortInteger(text: string): boolean {
  if (text.length > 15) return false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return text.length > 0;
}

/** "a", "a or b", "a, b or c". */
function listOf(items: readonly string[]): string {
  if (items.length <= 1) return items.join("");
  return items.slice(0, -1).join(", ") + " or " + items[items.length - 1]!;
}

function argumentCount(counts: readonly number[]): string {
  const n = counts[counts.length - 1]!;
  return `${listOf(counts.map(String))} argument${n === 1 ? "" : "s"}`;
}

/** What ends a bracket: the end of the input, ")" of "(" ... ")", or ")" of a call's arguments. */
type Closer = "end" | "paren" | "call";

/** A callable name whose "(" has been read. */
interface Callee {
  readonly nameTok: Token;
  readonly user: ((args: Expr[], site: CallSite) => Expr) | undefined;
  readonly sugar: readonly number[] | undefined;
  /** For an undefined function: its name and the derivative suffix (primes or bracketed orders). */
  readonly undefinedFn?: { readonly name: string; readonly primes: number; readonly orders: readonly number[] | undefined };
}

/** `f''` -> ["f", 2, undefined]; `g'[1,0]` -> ["g", 0, [1, 0]]; `h` -> ["h", 0, undefined]. */
function splitDerivativeSuffix(text: string): [string, number, number[] | undefined] {
  const cut = text.indexOf("'");
  if (cut < 0) return [text, 0, undefined];
  const suffix = text.slice(cut);
  if (suffix.startsWith("'[")) return [text.slice(0, cut), 0, suffix.slice(2, -1).split(",").map(Number)];
  return [text.slice(0, cut), suffix.length, undefined];
}

/**
 * The rules in progress inside one bracket (the whole input is the outermost one). The arrays are
 * created on first use (a run's when an operator or a juxtaposed factor follows its first element),
 * so a bracket around a lone operand allocates nothing more.
 */
class Bracket {
  /** call: the arguments read so far, and for a caller's function their spans and the current one's start. */
  args: Expr[] | undefined = undefined;
  argSpans: SourceSpan[] | undefined = undefined;
  argStart = 0;

  /** sum: the terms read so far, and whether the term being read follows a "-". */
  terms: Expr[] | undefined = undefined;
  subtract = false;

  /** term: the factors read so far, and whether the factor being read follows a "/". */
  factors: Expr[] | undefined = undefined;
  divide = false;

  /** implicit: the juxtaposed factors read so far. */
  juxtaposed: Expr[] | undefined = undefined;

  /** unary: the levels opened by the signs before the current factor, and whether they negate it. */
  signLevels = 0;
  negative = false;

  /**
   * power: the base of the "^" chain being read, the postfixes after each "^" so far, whether the
   * signs between each "^" and its postfix negate it, and the levels the chain has opened. The two
   * arrays are only read by the parser, so they are emptied and reused by the bracket's next chain.
   */
  chainBase: Expr | undefined = undefined;
  exponents: Expr[] | undefined = undefined;
  negatedExponents: boolean[] | undefined = undefined;
  chainLevels = 0;

  /** primary: the length of the `√` run before the primary being read (its open levels). */
  roots = 0;

  constructor(
    readonly closer: Closer,
    readonly callee?: Callee,
  ) {}
}

class Parser {
  readonly #lexer: Lexer;
  #tok: Token;
  /** Open nesting levels; `enter` throws as soon as this exceeds `limits.maxDepth`. */
  #depth = 0;
  /** The innermost open bracket. */
  #bracket = new Bracket("end");
  /** `options.undefinedFunctions` as a set. */
  readonly #undefinedNames: ReadonlySet<string>;
  /** The brackets around it, innermost last. */
  readonly #outer: Bracket[] = [];
  /** The end of the last token consumed (for argument spans). */
  #previousEnd = 0;

  readonly #text: string;
  readonly #options: ParseOptions;

  constructor(text: string, options: ParseOptions) {
    this.#text = text;
    this.#options = options;
    this.#undefinedNames = undefinedFunctionNames(options.undefinedFunctions);
    this.#lexer = new Lexer(text, {
      ...(options.range === undefined ? {} : { range: options.range }),
      isCallable: (name) => this.#options.functions?.has(name) === true,
    });
    this.#tok = this.#lexer.next();
  }

  /** The kind of the current token (a method, so that checks are not narrowed across `advance`). */
  #kind(): TokenKind {
    return this.#tok.kind;
  }

  #advance(): Token {
    const t = this.#tok;
    this.#previousEnd = t.end;
    this.#tok = this.#lexer.next();
    return t;
  }

  /** Opens `levels` nesting levels at token `at`. */
  #enter(at: Token, levels = 1): void {
    this.#depth += levels;
    if (this.#depth > limits.maxDepth) {
      throw new LimitError("maxDepth", limits.maxDepth, `input nested more than ${limits.maxDepth} deep at column ${at.start + 1}`);
    }
  }

  #leave(levels = 1): void {
    this.#depth -= levels;
  }

  #syntaxError(expected: readonly string[], at: Token = this.#tok): ParseError {
    const found = describeToken(at);
    return new ParseError(`expected ${listOf(expected)} but found ${found}`, this.#text, at.start, at.end, expected, found);
  }

  /** The error when a complete operand is followed by something that cannot continue it. */
  #afterOperandError(): ParseError {
    const closer = this.#bracket.closer;
    const expected = closer === "end" ? ["an operator", "end of input"] : closer === "paren" ? ["an operator", "')'"] : ["an operator", "','", "')'"];
    const t = this.#tok;
    if (t.kind === ")" && closer === "end") {
      return new ParseError("unexpected ')' without a matching '('", this.#text, t.start, t.end, expected, "')'");
    }
    return this.#syntaxError(expected);
  }

  /** input = sum END. The main loop: expect an operand, then hand it (and any bracket it closes) up. */
  input(): Expr {
    this.#beginUnary();
    for (;;) {
      let operand = this.#primary();
      while (operand !== undefined) {
        // After an operand: hand it up until an operator asks for the next one, or a bracket closes.
        const sum = this.#afterOperand(operand);
        if (sum === undefined) break;
        if (this.#bracket.closer === "end") {
          if (this.#kind() !== "end") throw this.#afterOperandError();
          return sum;
        }
        operand = this.#closeBracket(sum);
      }
    }
  }

  /** Opens a bracket closed by `closer` inside the current one; the next token starts its first `sum`. */
  #openBracket(closer: Closer, callee?: Callee): void {
    this.#outer.push(this.#bracket);
    this.#bracket = new Bracket(closer, callee);
    this.#beginUnary();
  }

  /**
   * The bracket's `sum` is complete: ends the "(" group, or the call argument, that it is. Returns
   * the primary the bracket makes in the one around it, or `undefined` when a "," starts another
   * argument.
   */
  #closeBracket(sum: Expr): Expr | undefined {
    const b = this.#bracket;
    if (b.closer === "call") {
      (b.args ??= []).push(sum);
      if (b.callee!.user !== undefined) (b.argSpans ??= []).push({ start: b.argStart, end: this.#previousEnd });
      if (this.#kind() === ",") {
        this.#advance();
        b.argStart = this.#tok.start;
        this.#beginUnary();
        return undefined;
      }
    }
    if (this.#kind() !== ")") throw this.#afterOperandError();
    const close = this.#advance();
    this.#leave();
    this.#bracket = this.#outer.pop()!;
    return b.callee === undefined ? sum : this.#applyCall(b.callee, b.args!, close, b.argSpans ?? []);
  }

  /** unary = { "+" | "-" } power: reads the signs, one level each. */
  #beginUnary(): void {
    const b = this.#bracket;
    while (this.#kind() === "+" || this.#kind() === "-") {
      this.#enter(this.#tok);
      b.signLevels++;
      if (this.#advance().kind === "-") b.negative = !b.negative;
    }
  }

  /**
   * Expecting an operand: primary = NUMBER | NAME | call | "(" sum ")" | "√" { "√" } postfix.
   * Returns the primary, or `undefined` when it opened a bracket (whose first operand is next).
   */
  #primary(): Expr | undefined {
    const b = this.#bracket;
    while (this.#kind() === "√") {
      this.#enter(this.#tok);
      b.roots++;
      this.#advance();
    }
    const t = this.#tok;
    switch (t.kind) {
      case "number":
        this.#advance();
        return this.#numberValue(t);
      case "name": {
        this.#advance();
        if (t.text.includes("'")) {
          const base = splitDerivativeSuffix(t.text)[0];
          if (this.#kind() !== "(" || !this.#undefinedNames.has(base)) {
            const found = describeToken(t);
            throw new ParseError(
              `the derivative notation ${found} applies only to an undefined function (declared in undefinedFunctions) with its arguments`,
              this.#text,
              t.start,
              t.end,
              ["an undefined function call"],
              found,
            );
          }
        }
        if (this.#kind() === "(") return this.#openCall(t);
        const named = this.#options.names?.(t.text, { start: t.start, end: t.end });
        if (named !== undefined) return named;
        const c = CONSTANTS.get(t.text);
        if (c !== undefined) return c;
        if (this.#isCallable(t.text)) throw this.#syntaxError([`'(' after '${t.text}'`]);
        return sym(t.text);
      }
      case "derivative": {
        const v = derivativeVariable(t.text);
        if (CONSTANTS.has(v) || this.#isCallable(v)) {
          throw new ParseError(`cannot differentiate with respect to '${v}': it is not a variable`, this.#text, t.start, t.end, ["a variable"], `'${v}'`);
        }
        this.#advance();
        return this.#openCall(t);
      }
      case "(":
        this.#advance();
        this.#enter(t);
        this.#openBracket("paren");
        return undefined;
      default:
        throw this.#syntaxError(b.roots > 0 ? ROOT_OPERAND : OPERAND);
    }
  }

  /**
   * call = NAME "(" [ sum { "," sum } ] ")"; `nameTok` is consumed and the current token is "(".
   * Returns the call's value when the argument list is empty, else opens its bracket.
   */
  #openCall(nameTok: Token): Expr | undefined {
    const [name, primes, orders] = splitDerivativeSuffix(nameTok.text);
    const user = this.#options.functions?.get(name);
    if (user === undefined && this.#undefinedNames.has(name)) {
      const open = this.#advance();
      this.#enter(open);
      const callee: Callee = { nameTok, user, sugar: undefined, undefinedFn: { name, primes, orders } };
      if (this.#kind() === ")") {
        const close = this.#advance();
        this.#leave();
        return this.#applyCall(callee, [], close, []);
      }
      this.#openBracket("call", callee);
      return undefined;
    }
    const sugar = Object.prototype.hasOwnProperty.call(SUGAR_ARITY, name) ? SUGAR_ARITY[name] : undefined;
    if (nameTok.kind !== "derivative" && user === undefined && sugar === undefined && !isFunctionName(name)) throw this.#unknownFunction(nameTok);

    const open = this.#advance();
    this.#enter(open);
    const callee: Callee = { nameTok, user, sugar };
    if (this.#kind() === ")") {
      const close = this.#advance();
      this.#leave();
      return this.#applyCall(callee, [], close, []);
    }
    this.#openBracket("call", callee);
    this.#bracket.argStart = this.#tok.start;
    return undefined;
  }

  /**
   * After an operand: `primary` is complete. Passes it up through the rules in progress in the
   * current bracket; returns the bracket's complete `sum`, or `undefined` when an operator (or a
   * juxtaposed factor) continues one of them and another operand is expected.
   */
  #afterOperand(primary: Expr): Expr | undefined {
    const power = this.#powerAfter(this.#postfixOf(primary));
    if (power === undefined) return undefined;
    const implicit = this.#implicitAfter(this.#unaryOf(power));
    if (implicit === undefined) return undefined;
    const term = this.#termAfter(implicit);
    if (term === undefined) return undefined;
    return this.#sumAfter(term);
  }

  /** postfix = primary { "²" | "³" }, and the `√` run before the primary, if any, applied to it. */
  #postfixOf(primary: Expr): Expr {
    let e = this.#superscripts(primary);
    const b = this.#bracket;
    if (b.roots > 0) {
      for (let i = 0; i < b.roots; i++) e = sqrt(e);
      this.#leave(b.roots);
      b.roots = 0;
    }
    return e;
  }

  /** `base` raised by the superscripts "²" and "³" that follow it, left to right. */
  #superscripts(base: Expr): Expr {
    let e = base;
    let levels = 0;
    while (this.#kind() === "²" || this.#kind() === "³") {
      this.#enter(this.#tok);
      levels++;
      e = pow(e, this.#advance().kind === "²" ? TWO : THREE);
    }
    this.#leave(levels);
    return e;
  }

  /**
   * power = postfix [ "^" { "+" | "-" } power ], right-associative: the chain
   * b0 ^ s1 b1 ^ s2 b2 ... is b0^(s1 (b1^(s2 (b2 ...)))) with each s a run of signs.
   * Returns the complete power, or `undefined` after reading a "^" and its signs.
   */
  #powerAfter(postfix: Expr): Expr | undefined {
    const b = this.#bracket;
    if (this.#kind() === "^") {
      if (b.chainBase === undefined) {
        b.chainBase = postfix;
        b.exponents ??= [];
        b.negatedExponents ??= [];
      } else {
        b.exponents!.push(postfix);
      }
      this.#enter(this.#tok);
      b.chainLevels++;
      this.#advance();
      let negative = false;
      while (this.#kind() === "+" || this.#kind() === "-") {
        this.#enter(this.#tok);
        b.chainLevels++;
        if (this.#advance().kind === "-") negative = !negative;
      }
      b.negatedExponents!.push(negative);
      return undefined;
    }
    const base = b.chainBase;
    if (base === undefined) return postfix;
    const bases = b.exponents!;
    const negatives = b.negatedExponents!;
    bases.push(postfix);
    this.#leave(b.chainLevels);
    b.chainBase = undefined;
    b.chainLevels = 0;
    let n = bases.length - 1;
    let acc = negatives[n] ? neg(bases[n]!) : bases[n]!;
    for (n--; n >= 0; n--) {
      const p = pow(bases[n]!, acc);
      acc = negatives[n] ? neg(p) : p;
    }
    bases.length = 0;
    negatives.length = 0;
    return pow(base, acc);
  }

  /** unary = { "+" | "-" } power: the signs read by `beginUnary`, if any, applied to `power`. */
  #unaryOf(power: Expr): Expr {
    const b = this.#bracket;
    this.#leave(b.signLevels);
    b.signLevels = 0;
    if (!b.negative) return power;
    b.negative = false;
    return neg(power);
  }

  /**
   * implicit = unary { power }, where each further power starts with a name, "(" or "√".
   * Returns the complete implicit product, or `undefined` when another factor starts here.
   */
  #implicitAfter(factor: Expr): Expr | undefined {
    const b = this.#bracket;
    const k = this.#kind();
    if (k === "name" || k === "(" || k === "√" || k === "derivative") {
      (b.juxtaposed ??= []).push(factor);
      return undefined;
    }
    const run = b.juxtaposed;
    if (run === undefined) return factor;
    b.juxtaposed = undefined;
    run.push(factor);
    return mulAll(run);
  }

  /**
   * term = implicit { ("*" | "/") implicit }. Returns the complete term, or `undefined` after
   * reading a "*" or "/" (and the signs that start the next factor).
   */
  #termAfter(implicit: Expr): Expr | undefined {
    const b = this.#bracket;
    const factor = b.divide ? pow(implicit, MINUS_ONE) : implicit;
    b.divide = false;
    if (this.#kind() === "*" || this.#kind() === "/") {
      (b.factors ??= []).push(factor);
      b.divide = this.#advance().kind === "/";
      this.#beginUnary();
      return undefined;
    }
    const run = b.factors;
    if (run === undefined) return factor;
    b.factors = undefined;
    run.push(factor);
    return mulAll(run);
  }

  /**
   * sum = term { ("+" | "-") term }. Returns the complete sum, or `undefined` after reading a "+"
   * or "-" (and the signs that start the next term).
   */
  #sumAfter(term: Expr): Expr | undefined {
    const b = this.#bracket;
    const t = b.subtract ? neg(term) : term;
    b.subtract = false;
    if (this.#kind() === "+" || this.#kind() === "-") {
      (b.terms ??= []).push(t);
      b.subtract = this.#advance().kind === "-";
      this.#beginUnary();
      return undefined;
    }
    const run = b.terms;
    if (run === undefined) return t;
    b.terms = undefined;
    run.push(t);
    return addAll(run);
  }

  #isCallable(name: string): boolean {
    return (
      this.#options.functions?.has(name) === true ||
      this.#undefinedNames.has(name) ||
      Object.prototype.hasOwnProperty.call(SUGAR_ARITY, name) ||
      isFunctionName(name)
    );
  }

  /** The value of a call whose arguments and ")" (`close`) have been read; checks the argument count. */
  #applyCall(callee: Callee, args: Expr[], close: Token, argSpans: readonly SourceSpan[]): Expr {
    const { nameTok, user, sugar } = callee;
    const name = nameTok.text;
    if (this.#options.resultCalls === "error" && this.#kind() === "(") {
      const found = describeToken(this.#tok);
      const reason = `the result of ${name}(...) cannot be called: give it a name first, or write '*' for a product`;
      throw new ParseError(reason, this.#text, this.#tok.start, this.#tok.end, ["an operator"], found);
    }
    if (nameTok.kind === "derivative") {
      if (args.length !== 1) {
        throw new ParseError(`${name} takes 1 argument, got ${args.length}`, this.#text, nameTok.start, close.end, ["1 argument"], `${args.length} arguments`);
      }
      return derivative(args[0]!, [sym(derivativeVariable(name))]);
    }
    if (user !== undefined) {
      return user(args, { name, start: nameTok.start, end: close.end, nameSpan: { start: nameTok.start, end: nameTok.end }, args: argSpans });
    }
    if (callee.undefinedFn !== undefined) return this.#applyUndefined(callee.undefinedFn, args, nameTok, close);
    if (sugar === undefined && VARIADIC.has(name as FunctionName)) {
      if (args.length < 2) {
        throw new ParseError(
          `${name} takes 2 or more arguments, got ${args.length}`,
          this.#text,
          nameTok.start,
          close.end,
          ["2 or more arguments"],
          `${args.length} argument${args.length === 1 ? "" : "s"}`,
        );
      }
      return variadicCall(name as "min" | "max", args);
    }
    const counts = sugar ?? [FUNCTION_ARITY[name as keyof typeof FUNCTION_ARITY]];
    if (!counts.includes(args.length)) {
      const got = `${args.length} argument${args.length === 1 ? "" : "s"}`;
      throw new ParseError(`${name} takes ${argumentCount(counts)}, got ${args.length}`, this.#text, nameTok.start, close.end, [argumentCount(counts)], got);
    }
    const u = args[0]!;
    switch (name) {
      case "ln":
        return call("log", [u]);
      case "log":
        return args.length === 2 ? logBase(u, args[1]!) : call("log", [u]);
      case "log10":
        return logBase(u, num(10));
      case "log2":
        return logBase(u, TWO);
      case "sqrt":
        return sqrt(u);
      case "clamp":
        return call("min", [call("max", [u, args[1]!]), args[2]!]);
      case "sigmoid":
        return pow(addAll([ONE, call("exp", [neg(u)])]), MINUS_ONE);
      case "softplus":
        return call("log", [addAll([ONE, call("exp", [u])])]);
      case "relu":
        return call("max", [ZERO, u]);
      default:
        return call(name as keyof typeof FUNCTION_ARITY, args);
    }
  }

  /** An undefined function's call: `f(x)`, `f''(x)`, `g'[1,0](x, y)`, checked against its argument count. */
  #applyUndefined(fn: NonNullable<Callee["undefinedFn"]>, args: Expr[], nameTok: Token, close: Token): Expr {
    const fail = (reason: string, expected: string) =>
      new ParseError(reason, this.#text, nameTok.start, close.end, [expected], `${args.length} argument${args.length === 1 ? "" : "s"}`);
    if (args.length === 0) throw fail(`the undefined function '${fn.name}' needs at least one argument`, "an argument");
    if (fn.primes > 0 && args.length !== 1)
      throw fail(
        `primes mark derivatives of a function of one argument; write ${fn.name}'[${args.map((_, i) => (i === 0 ? fn.primes : 0)).join(",")}] with an order per argument`,
        "1 argument",
      );
    if (fn.orders !== undefined && fn.orders.length !== args.length)
      throw fail(
        `${nameTok.text} gives ${fn.orders.length} derivative orders for ${args.length} argument${args.length === 1 ? "" : "s"}`,
        `${fn.orders.length} arguments`,
      );
    const orders = fn.orders ?? (fn.primes > 0 ? [fn.primes] : args.map(() => 0));
    if (orders.some((k) => !Number.isSafeInteger(k))) throw fail(`derivative order too large in ${nameTok.text}`, "a small order");
    return applied(fn.name, orders, args);
  }

  #unknownFunction(nameTok: Token): ParseError {
    const name = nameTok.text;
    const candidates = [...CALLABLE_NAMES, ...(this.#options.functions?.keys() ?? []), ...this.#undefinedNames];
    const hint = closestName(name, candidates);
    const reason = `unknown function ${describeToken(nameTok)}` + (hint === undefined ? "" : ` (did you mean '${hint}'?)`);
    return new ParseError(reason, this.#text, nameTok.start, nameTok.end, ["a function name"], describeToken(nameTok));
  }

  /**
   * The exact value of a decimal literal. Its size is estimated from the digits first, so that
   * `1e999999999` is a LimitError without building the integer.
   */
  #numberValue(t: Token): Expr {
    const text = t.text.includes("_") ? t.text.replace(/_/g, "") : t.text;
    if (isShortInteger(text)) return num(Number(text));
    const radix = RADIX_BITS[text.charAt(1)];
    if (radix !== undefined) {
      const bits = (text.length - 2 - /^0*/.exec(text.slice(2))![0].length) * radix;
      if (!(bits <= limits.maxIntegerBits + 4)) {
        throw new LimitError("maxIntegerBits", limits.maxIntegerBits, `the number ${describeToken(t)} at column ${t.start + 1} needs about ${bits} bits`);
      }
      return num(BigInt(text));
    }
    const m = /^([0-9]*)(?:\.([0-9]*))?(?:[eE]([+-]?[0-9]+))?$/.exec(text)!;
    const mantissa = ((m[1] ?? "") + (m[2] ?? "")).replace(/^0+/, "");
    if (mantissa === "") return ZERO;
    const significant = mantissa.replace(/0+$/, "");
    const scale = (m[3] === undefined ? 0 : Number(m[3])) - (m[2] ?? "").length + (mantissa.length - significant.length);
    const digits = Math.max(significant.length + Math.max(scale, 0), Math.max(-scale, 0));
    const bits = Math.ceil(digits * BITS_PER_DIGIT);
    if (!(bits <= limits.maxIntegerBits + 4)) {
      throw new LimitError("maxIntegerBits", limits.maxIntegerBits, `the number ${describeToken(t)} at column ${t.start + 1} needs about ${bits} bits`);
    }
    return num(Rational.parseDecimal(text, Number.MAX_SAFE_INTEGER));
  }
}
