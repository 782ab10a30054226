/**
 * The reader of LaTeX math (`grammar/latex.ebnf`): `parseLatex(text)` returns the same canonical
 * node as `parse` of the plain formula, e.g. `parseLatex("\\frac{1}{x}") === parse("1/x")`.
 *
 * Contracts:
 * - Nothing is executed, defined or expanded: every command is looked up in the fixed tables of
 *   `latex-tables.ts` or rejected. An unknown command is a ParseError naming it, with a suggestion
 *   when a known command is close.
 * - Every node is built through `core/build.ts`. Derivative operators (`\frac{d}{dx}`,
 *   `\frac{\partial^2}{\partial x \partial y}`) build the inert derivative of the operand their
 *   scope rule gives (`latex-derivative.ts`), the node the plain `d/dx(u)` reads as; undefined
 *   functions and their derivatives (`f'(x)`, `\partial_{1} g(x, y)`) are `latex-undefined.ts`.
 * - Errors are typed: ParseError with 0-based code-point `start`/`end` in the LaTeX source (an
 *   unclosed `{`, `(`, `|` or `\left` is reported at the opening one), LimitError for the input
 *   length, the nesting depth and the size of numbers, and whatever the builder and `diff` raise.
 * - The reader is recursive descent. Nesting is counted and limited by `limits.maxDepth`; should
 *   the JS stack run out first (a `maxDepth` set far above its default), that is a LimitError too.
 */
import { addAll, call, div, E, MINUS_ONE, mulAll, neg, num, ONE, PI, pow, sqrt, sym } from "../core/build.js";
import { LimitError, ParseError } from "../core/errors.js";
import { limits } from "../core/limits.js";
import type { Expr } from "../core/node.js";
import { Rational } from "../core/rational.js";
import { derivativeAt, derivativeOf, inertDerivative, type DerivativeOperator } from "./latex-derivative.js";
import { application } from "./latex-application.js";
import { readName, textArgument } from "./latex-names.js";
import { describeLatexToken, tokenizeLatex, type LatexToken } from "./latex-lexer.js";
import { FUNCTION_COMMANDS, GREEK_COMMANDS, NOT_READ_COMMANDS, OPERATOR_NAMES } from "./latex-tables.js";
import { partialApplication, undefinedApplication } from "./latex-undefined.js";
import { undefinedFunctionNames } from "./parser.js";
import { closestName } from "./suggest.js";

/** Options of `parseLatex`: caller-defined functions and names that stand for expressions. */
export interface LatexParseOptions {
  /**
   * Caller-defined functions, as for `parse`: `f(x)`, `f\left(x, y\right)` or
   * `\operatorname{name}(x)` call the function with the canonical argument nodes.
   */
  functions?: ReadonlyMap<string, (args: Expr[]) => Expr>;
  /**
   * Names that stand for expressions: with `f` defined as `x^2*y`, the name `f` reads as that
   * expression, so `\frac{\partial^2 f}{\partial x \partial y}` is its mixed partial, 2*x.
   */
  definitions?: ReadonlyMap<string, Expr>;
  /**
   * Names of undefined functions, as for `parse`: `f(x)`, `g\left(x, y\right)`, and their
   * derivatives `f'(x)`, `f''(x)`, `f^{\prime}(x)`, `f^{(4)}(x)`, `\partial_{1} g(x, y)` read as
   * the plain `f(x)`, `f'(x)`, `g'[1,0](x, y)`; `\frac{df}{dx}` is d/dx(f(x)). A name here must
   * not be a built-in function.
   */
  undefinedFunctions?: readonly string[];
}

/**
 * Parses LaTeX math into a canonical expression: the same node `parse` gives for the plain
 * formula, and `parseLatex(toLatex(e)) === e` for every expression. A derivative operator is the
 * inert derivative (as the plain `d/dx(u)`) of the operand its scope rule gives: `diff`,
 * `evaluateDerivatives`, `evaluate` and `compile` carry it out.
 *
 * @example
 * String(parseLatex("\\frac{1}{x}"));                          // => "1/x"
 * String(parseLatex("\\sin^2 x + \\ln 2x"));                   // => "log(2*x) + sin(x)^2"
 * String(parseLatex("\\frac{d}{dx}\\left(x^2\\right) + 1"));   // => "d/dx(x^2) + 1"
 * String(parseLatex("f'(x^2)", { undefinedFunctions: ["f"] }));  // => "f'(x^2)"
 *
 * @throws ParseError for what is not read, with the position in `text`.
 * @throws LimitError when `text` is longer than `limits.maxInputLength`, nested deeper than
 *   `limits.maxDepth`, or holds a number beyond `limits.maxIntegerBits`.
 */
export function parseLatex(text: string, options: LatexParseOptions = {}): Expr {
  if (typeof text !== "string") throw new TypeError("parseLatex expects a string");
  if (text.length > limits.maxInputLength) {
    throw new LimitError("maxInputLength", limits.maxInputLength, `an input of ${text.length} characters`);
  }
  try {
    return new LatexParser(text, options).input();
  } catch (err) {
    if (err instanceof RangeError && /call stack/i.test(err.message)) {
      throw new LimitError("maxDepth", limits.maxDepth, "LaTeX input nested too deep for the reader's stack");
    }
    throw err;
  }
}

/** The token that closes an abs opened by a bar (`|` or `\vert`) in the innermost context, if any. */
export type Bar = "|" | "\\vert" | null;

/** What a factor position yields: an expression, or a derivative operator waiting for its operand. */
type Factor = Expr | DerivativeOperator;

/** Letters that conventionally name functions: `f(x)` with a plain "(" is refused unless `f` is defined. */
const FUNCTION_LETTERS: ReadonlySet<string> = new Set(["f", "g", "h"]);
const FRACTIONS: ReadonlySet<string> = new Set(["\\frac", "\\dfrac", "\\tfrac", "\\cfrac"]);
const THREE = num(3);
const BITS_PER_DIGIT = Math.log2(10);
/** Names that are constants when they stand alone, as in the plain syntax. */
const CONSTANT_NAMES: ReadonlyMap<string, Expr> = new Map([
  ["e", E],
  ["pi", PI],
  ["\u03C0", PI],
]);
/** `\left` delimiters and the `\right` delimiter each one needs. */
const LEFT_RIGHT: ReadonlyMap<string, string> = new Map([
  ["(", ")"],
  ["[", "]"],
  ["\\{", "\\}"],
  ["|", "|"],
  ["\\lvert", "\\rvert"],
  ["\\vert", "\\vert"],
]);
const CLOSERS: ReadonlySet<string> = new Set(["}", ")", "]", "\\}", "\\right", "\\rvert"]);

/** Every command the reader knows, for "did you mean" suggestions. */
const KNOWN_COMMANDS: readonly string[] = [
  ...FUNCTION_COMMANDS.keys(),
  ...[...GREEK_COMMANDS].map((g) => "\\" + g),
  ...FRACTIONS,
  ...LEFT_RIGHT.keys(),
  "\\pi",
  "\\sqrt",
  "\\left",
  "\\right",
  "\\cdot",
  "\\times",
  "\\div",
  "\\ast",
  "\\mathrm",
  "\\mathit",
  "\\operatorname",
  "\\exponentialE",
  "\\partial",
  "\\differentialD",
  "\\rvert",
  "\\}",
];

export class LatexParser {
  pos = 0;
  private depth = 0;
  readonly tokens: LatexToken[];
  /** The rest of a number token split by `splitFirstDigit`, by index. */
  private readonly rests = new Map<number, LatexToken>();
  /** For each "{" index, its matching "}" index (-1 when unclosed); computed on first use. */
  private braces: Int32Array | undefined;
  /** The code points of the text, for `sourceOf`; computed on first use. */
  private chars: string[] | undefined;
  /** `options.undefinedFunctions`, checked. */
  private readonly undefinedNames: ReadonlySet<string>;
  /**
   * While the operand in a derivative's numerator is read: where it starts and ends (token
   * indexes), and the variable an undefined function named alone there is applied to (undefined
   * when the derivative is partial or has several variables). See `undefinedApplication`.
   */
  leibniz: { start: number; close: number; variable: Expr | undefined; source: string } | undefined;

  constructor(
    readonly text: string,
    private readonly options: LatexParseOptions,
  ) {
    this.undefinedNames = undefinedFunctionNames(options.undefinedFunctions);
    this.tokens = tokenizeLatex(text);
  }

  /** Whether `name` is declared in `undefinedFunctions`. */
  isUndefinedFunction(name: string): boolean {
    return this.undefinedNames.has(name);
  }

  /** Whether `name` is one of the caller's definitions (read as its value, never a variable). */
  isDefinition(name: string): boolean {
    return this.options.definitions?.has(name) === true;
  }

  /** The source text from the start of `first` to the end of `last`. */
  sourceOf(first: LatexToken, last: LatexToken): string {
    this.chars ??= Array.from(this.text);
    return this.chars.slice(first.start, last.end).join("");
  }

  /** The current token; reaching a bad character raises its error. */
  peek(offset = 0): LatexToken {
    const t = this.tokens[Math.min(this.pos + offset, this.tokens.length - 1)]!;
    if (t.kind === "bad" && offset === 0) throw t.error!;
    return t;
  }

  advance(): LatexToken {
    const t = this.peek();
    if (t.kind === "end") return t;
    const rest = this.rests.get(this.pos);
    if (rest === undefined) this.pos++;
    else {
      this.tokens[this.pos] = rest;
      this.rests.delete(this.pos);
    }
    return t;
  }

  isCommand(name: string, offset = 0): boolean {
    const t = this.tokens[Math.min(this.pos + offset, this.tokens.length - 1)]!;
    return t.kind === "command" && t.text === name;
  }

  error(reason: string, at: LatexToken, expected: readonly string[] = [], end = at.end): ParseError {
    return new ParseError(reason, this.text, at.start, Math.max(end, at.start), expected, describeLatexToken(at));
  }

  syntaxError(expected: string, at: LatexToken = this.peek()): ParseError {
    return this.error(`expected ${expected} but found ${describeLatexToken(at)}`, at, [expected]);
  }

  enter(at: LatexToken): void {
    if (++this.depth > limits.maxDepth) {
      throw new LimitError("maxDepth", limits.maxDepth, `input nested more than ${limits.maxDepth} deep at column ${at.start + 1}`);
    }
  }

  leave(): void {
    this.depth--;
  }

  /** input = sum END. */
  input(): Expr {
    const e = this.sum(null);
    const t = this.peek();
    if (t.kind === "end") return e;
    if (t.kind === "}" || t.kind === ")" || t.kind === "]" || (t.kind === "command" && CLOSERS.has(t.text)) || t.kind === "|") {
      const opener =
        t.text === "\\right"
          ? "\\left"
          : t.text === "}"
            ? "{"
            : t.text === ")"
              ? "("
              : t.text === "]"
                ? "["
                : t.text === "\\}"
                  ? "\\{"
                  : t.text === "\\rvert"
                    ? "\\lvert"
                    : "|";
      throw this.error(`unexpected ${describeLatexToken(t)} without a matching '${opener}'`, t, ["an operator", "end of input"]);
    }
    throw this.syntaxError("an operator or end of input");
  }

  /** sum = signed { ("+" | "-") signed }. */
  sum(bar: Bar): Expr {
    const s = this.sumOrFactors(bar);
    return Array.isArray(s) ? mulAll(s) : s;
  }

  /**
   * A sum, or the factors of its one unsigned term when that is all it is. `\frac` multiplies
   * its numerator's factors and the inverses of its denominator's in ONE product, as the plain
   * parser reads `48*(x + 1)/(252*(y + 1))`: built separately, `48*(x + 1)` would distribute first.
   */
  sumOrFactors(bar: Bar): Expr | Expr[] {
    const first = this.signedFactors(bar);
    const k0 = this.peek().kind;
    if (Array.isArray(first) && k0 !== "+" && k0 !== "-") return first;
    const terms = [Array.isArray(first) ? mulAll(first) : first];
    for (;;) {
      const k = this.peek().kind;
      if (k !== "+" && k !== "-") break;
      this.advance();
      const f = this.signedFactors(bar);
      const t = Array.isArray(f) ? mulAll(f) : f;
      terms.push(k === "-" ? neg(t) : t);
    }
    return terms.length === 1 ? terms[0]! : addAll(terms);
  }

  /** signed = { "+" | "-" } term: a sign applies to the whole product after it (`-2x` is -(2x)). */
  private signedFactors(bar: Bar): Expr | Expr[] {
    let negative = false;
    let levels = 0;
    while (this.peek().kind === "+" || this.peek().kind === "-") {
      this.enter(this.peek());
      levels++;
      if (this.advance().kind === "-") negative = !negative;
    }
    const factors = this.termFactors(bar);
    this.depth -= levels;
    if (levels === 0) return factors;
    return negative ? mulAll([MINUS_ONE, ...factors]) : mulAll(factors);
  }

  /**
   * term = implicit { ("*" | "\cdot" | "\times" | "\ast" | "/" | "\div") [signs] implicit }, as
   * its list of factors (a divisor's factors inverted one by one).
   */
  private termFactors(bar: Bar): Expr[] {
    const factors = this.implicitFactors(bar, false);
    for (;;) {
      const t = this.peek();
      const divide = t.kind === "/" || (t.kind === "command" && t.text === "\\div");
      if (!divide && t.kind !== "*" && !(t.kind === "command" && (t.text === "\\cdot" || t.text === "\\times" || t.text === "\\ast"))) break;
      this.advance();
      let negative = false;
      while (this.peek().kind === "+" || this.peek().kind === "-") if (this.advance().kind === "-") negative = !negative;
      const run = this.implicitFactors(bar, false);
      if (negative) run.push(MINUS_ONE);
      for (const f of run) factors.push(divide ? pow(f, MINUS_ONE) : f);
    }
    return factors;
  }

  /**
   * implicit = factor { factor }: juxtaposed factors, a product. A number never starts a later
   * factor (`x 2` is an error). In a function's argument without brackets (`bare`), the run stops
   * before another function, a bracket or a bar: `\sin x \cos x` is sin(x)*cos(x), `\ln 2x` is ln(2x).
   * A derivative operator takes as its operand the bracketed factor right after it, or else the
   * rest of this run.
   */
  implicit(bar: Bar, bare: boolean): Expr {
    return mulAll(this.implicitFactors(bar, bare));
  }

  private implicitFactors(bar: Bar, bare: boolean): Expr[] {
    const factors: Expr[] = [];
    for (;;) {
      const f = this.factor(bar);
      if (f instanceof Object && "derivative" in f) {
        const t = this.peek();
        if (!this.startsFactor(t, bar, false)) throw this.syntaxError(`an expression for ${f.source} to apply to`, t);
        this.enter(t);
        const operand = this.startsBracket() ? this.factorExpr(bar) : this.implicit(bar, bare);
        this.leave();
        factors.push(inertDerivative(f, operand));
      } else {
        factors.push(f);
      }
      if (!this.startsFactor(this.peek(), bar, bare)) break;
    }
    const t = this.peek();
    if (t.kind === "number" && !bare) {
      throw this.error(`a number after a factor needs an operator: write \\cdot ${t.text} (TeX reads x_12 as x_1 2 and x^23 as x^2 3)`, t, ["an operator"]);
    }
    return factors;
  }

  /** Whether `t` starts another factor of a product (numbers excepted, see `implicit`). */
  startsFactor(t: LatexToken, bar: Bar, bare: boolean): boolean {
    switch (t.kind) {
      case "letter":
        return !bare || !(this.options.functions?.has(t.text) === true || this.undefinedNames.has(t.text));
      case "(":
      case "[":
      case "{":
        return !bare;
      case "|":
        return !bare && bar !== "|";
      case "command": {
        const c = t.text;
        if (FUNCTION_COMMANDS.has(c)) return !bare;
        if (
          GREEK_COMMANDS.has(c.slice(1)) ||
          c === "\\pi" ||
          c === "\\exponentialE" ||
          c === "\\mathit" ||
          c === "\\mathrm" ||
          FRACTIONS.has(c) ||
          c === "\\sqrt"
        )
          return true;
        if (bare) return false;
        return c === "\\operatorname" || c === "\\partial" || c === "\\left" || c === "\\lvert" || c === "\\{" || (c === "\\vert" && bar !== "\\vert");
      }
      default:
        return false;
    }
  }

  startsBracket(): boolean {
    const t = this.peek();
    return t.kind === "(" || t.kind === "[" || t.kind === "{" || (t.kind === "command" && (t.text === "\\left" || t.text === "\\{"));
  }

  /** A factor that must be an expression (not a derivative operator). */
  private factorExpr(bar: Bar): Expr {
    const f = this.factor(bar);
    if (f instanceof Object && "derivative" in f) throw this.error(`${f.source} needs an operand here`, this.peek());
    return f;
  }

  /** factor = primary [ "^" argument ]. */
  private factor(bar: Bar): Factor {
    const p = this.primary(bar);
    if (p instanceof Object && "derivative" in p) return p;
    return this.powerOf(p);
  }

  /** `base` raised to a following `^` argument, if any; a second `^` is an error. */
  powerOf(base: Expr): Expr {
    let e = base;
    if (this.peek().kind === "^") {
      const caret = this.advance();
      this.enter(caret);
      e = pow(base, this.argument("'^'"));
      this.leave();
      if (this.peek().kind === "^") throw this.error("double superscript: write {x^{a}}^{b} or x^{a b}", this.peek());
    }
    const t = this.peek();
    if (t.kind === "'") {
      throw this.error(
        "primes are read only on functions (f'(x), with f in undefinedFunctions or options.functions): write \\frac{d}{dx} and the expression",
        t,
      );
    }
    if (t.kind === "_") throw this.error("a subscript here is not read: only names take subscripts, written before any superscript (x_{1}^{2})", t);
    return e;
  }

  /**
   * The argument of `^`, `_`, `\frac` or `\sqrt`: a `{...}` group, or a single token as TeX reads
   * it (one digit of a number, one letter, one symbol command): `x^23` is x^2*3, `\frac12` is 1/2.
   */
  argument(after: string): Expr {
    const t = this.peek();
    if (t.kind === "{") return this.group(null);
    if (t.kind === "number") {
      this.splitFirstDigit();
      return this.primary(null) as Expr;
    }
    if (t.kind === "letter") {
      this.advance();
      return CONSTANT_NAMES.get(t.text) ?? sym(t.text);
    }
    if (t.kind === "command" && (GREEK_COMMANDS.has(t.text.slice(1)) || t.text === "\\pi" || t.text === "\\exponentialE")) {
      this.advance();
      return t.text === "\\pi" ? PI : t.text === "\\exponentialE" ? E : sym(t.text.slice(1));
    }
    throw this.syntaxError(`'{' or a single digit, letter or symbol after ${after}`, t);
  }

  /** A numerator or denominator: its factors when it is one product (see `sumOrFactors`). */
  private fractionPart(after: string): Expr[] {
    const open = this.peek();
    if (open.kind !== "{") return [this.argument(after)];
    this.advance();
    this.enter(open);
    const s = this.sumOrFactors(null);
    this.expectClose(open, "}");
    this.leave();
    return Array.isArray(s) ? s : [s];
  }

  /**
   * Splits the current number token so that its first digit is a token of its own; the rest
   * becomes the current token once the digit is consumed (`advance`). Indexes never shift, so the
   * split costs O(1) and `closingBrace` stays valid.
   */
  splitFirstDigit(): void {
    const t = this.peek();
    if (t.text.length === 1) return;
    this.tokens[this.pos] = { kind: "number", text: t.text[0]!, start: t.start, end: t.start + 1 };
    this.rests.set(this.pos, { kind: t.text[1] === "." ? "." : "number", text: t.text.slice(1), start: t.start + 1, end: t.end });
  }

  /** The index of the "}" matching the "{" at index `open`, or -1 when it is not closed. */
  closingBrace(open: number): number {
    if (this.braces === undefined) {
      const match = new Int32Array(this.tokens.length).fill(-1);
      const stack: number[] = [];
      this.tokens.forEach((t, i) => {
        if (t.kind === "{") stack.push(i);
        else if (t.kind === "}" && stack.length > 0) match[stack.pop()!] = i;
      });
      this.braces = match;
    }
    return this.braces[open] ?? -1;
  }

  /** "{" sum "}" (or the bracket pair starting at the current token), reporting an unclosed opener at itself. */
  group(bar: Bar): Expr {
    const open = this.advance();
    const close = open.kind === "{" ? "}" : open.kind === "(" ? ")" : open.kind === "[" ? "]" : "\\}";
    this.enter(open);
    const e = this.sum(bar);
    this.expectClose(open, close);
    this.leave();
    return e;
  }

  /** Consumes the closer `close` of `open`, or reports why it is missing. */
  expectClose(open: LatexToken, close: string): void {
    const t = this.peek();
    if (t.text === close && (t.kind !== "command" || close.startsWith("\\"))) {
      this.advance();
      return;
    }
    if (t.kind === "end") throw this.error(`'${open.text}' is not closed: expected '${close}'`, open, [`'${close}'`]);
    throw this.syntaxError(`an operator or '${close}' (to close '${open.text}' at column ${open.start + 1})`, t);
  }

  /** primary = number | name | constant | group | abs | fraction | root | function application | \left ... \right. */
  private primary(bar: Bar): Factor {
    const t = this.peek();
    switch (t.kind) {
      case "number":
        this.advance();
        return this.numberValue(t);
      case "letter": {
        const user = this.options.functions?.get(t.text);
        if (user !== undefined) {
          this.advance();
          let primes = 0;
          while (this.peek().kind === "'") {
            this.advance();
            primes++;
          }
          return application(this, { user: primes === 0 ? user : derivativeOf(user, primes, t.text), name: t.text + "'".repeat(primes) }, t, bar);
        }
        if (FUNCTION_LETTERS.has(t.text) && this.peek(1).kind === "(" && !this.undefinedNames.has(t.text)) {
          throw this.error(
            `'${t.text}(' reads as a call of an unknown function '${t.text}': declare it in undefinedFunctions or pass it in options.functions, or write ${t.text} \\cdot (...) for a product`,
            t,
            ["a function name"],
          );
        }
        return this.named(bar);
      }
      case "(":
      case "[":
      case "{":
        return this.group(null);
      case "|": {
        this.advance();
        this.enter(t);
        const e = this.sum("|");
        this.expectClose(t, "|");
        this.leave();
        return call("abs", [e]);
      }
      case "command":
        return this.command(t, bar);
      default:
        throw this.syntaxError("a number, a name, a command or '('", t);
    }
  }

  private command(t: LatexToken, bar: Bar): Factor {
    const c = t.text;
    const g = c.slice(1);
    const fn = FUNCTION_COMMANDS.get(c);
    if (fn !== undefined) {
      this.advance();
      return application(this, { fn, name: c }, t, bar);
    }
    if (GREEK_COMMANDS.has(g) || c === "\\mathit") return this.named(bar);
    if (c === "\\pi") return this.peek(1).kind === "_" ? this.named(bar) : (this.advance(), PI);
    if (c === "\\exponentialE") return (this.advance(), E);
    if (FRACTIONS.has(c)) {
      const d = derivativeAt(this);
      if (d !== undefined) return d;
      this.advance();
      this.enter(t);
      const n = this.fractionPart(`'${c}'`);
      const den = this.fractionPart(`'${c}' and its numerator`);
      this.leave();
      return mulAll([...n, ...den.map((f) => pow(f, MINUS_ONE))]);
    }
    switch (c) {
      case "\\sqrt":
        return this.root(t);
      case "\\left":
        return this.leftRight(t);
      case "\\{":
        return this.group(null);
      case "\\lvert":
      case "\\vert": {
        this.advance();
        this.enter(t);
        const e = this.sum(c === "\\vert" ? "\\vert" : null);
        this.expectClose(t, c === "\\vert" ? "\\vert" : "\\rvert");
        this.leave();
        return call("abs", [e]);
      }
      case "\\mathrm":
      case "\\operatorname": {
        const from = this.pos;
        this.advance();
        const text = textArgument(this, t);
        const user = this.options.functions?.get(text);
        const known = OPERATOR_NAMES.get(text);
        if (user !== undefined) return application(this, { user, name: text }, t, bar);
        if (known !== undefined) return application(this, { fn: known, name: `${c}{${text}}` }, t, bar);
        if (c === "\\mathrm") {
          this.pos = from;
          return this.named(bar);
        }
        const hint = closestName(text, [...OPERATOR_NAMES.keys(), ...(this.options.functions?.keys() ?? [])]);
        const end = this.tokens[this.pos - 1]!.end;
        throw this.error(`unknown function '${text}'` + (hint === undefined ? "" : ` (did you mean '${hint}'?)`), t, ["a function name"], end);
      }
      case "\\right":
        throw this.error("'\\right' without a matching '\\left'", t);
      case "\\partial":
        if (this.peek(1).kind === "_") return partialApplication(this, t, bar);
        throw this.error(`'${c}' is read only in a derivative such as \\frac{${c}}{${c} x}, or as \\partial_{i} of an undefined function`, t);
      case "\\differentialD":
        throw this.error(`'${c}' is read only in a derivative such as \\frac{${c}}{${c} x}`, t);
    }
    if (c === "\\cdot" || c === "\\times" || c === "\\div" || c === "\\ast") throw this.syntaxError("a number, a name, a command or '('", t);
    if (NOT_READ_COMMANDS.has(c)) throw this.error(`'${c}' is not read by parseLatex`, t);
    const hint = closestName(c, KNOWN_COMMANDS);
    throw this.error(`unknown command '${c}'` + (hint === undefined ? "" : ` (did you mean '${hint}'?)`), t, ["a known command"]);
  }

  /** `\sqrt{u}`, `\sqrt[n]{u}`: `\sqrt[3]` is the real cube root cbrt, other indices the power u^(1/n). */
  root(t: LatexToken): Expr {
    this.advance();
    this.enter(t);
    let index: Expr | undefined;
    if (this.peek().kind === "[") {
      const open = this.advance();
      index = this.sum(null);
      this.expectClose(open, "]");
    }
    const u = this.argument("'\\sqrt'");
    this.leave();
    if (index === undefined) return sqrt(u);
    return index === THREE ? call("cbrt", [u]) : pow(u, div(ONE, index));
  }

  /** `\left D sum \right D'`, where the delimiters pair as in LEFT_RIGHT; bars are abs. */
  leftRight(left: LatexToken): Expr {
    this.advance();
    const d = this.advance();
    const close = LEFT_RIGHT.get(d.text);
    if (close === undefined || (d.kind === "command") !== d.text.startsWith("\\")) {
      throw this.syntaxError("'(', '[', '\\{' or '|' after '\\left'", d);
    }
    this.enter(left);
    const e = this.sum(null);
    const r = this.peek();
    if (r.kind === "end") throw this.error(`'\\left${d.text}' has no matching '\\right${close}'`, left, [`'\\right${close}'`], d.end);
    if (!(r.kind === "command" && r.text === "\\right"))
      throw this.syntaxError(`an operator or '\\right${close}' (to close '\\left${d.text}' at column ${left.start + 1})`, r);
    this.advance();
    const rd = this.peek();
    if (rd.text !== close) throw this.syntaxError(`'${close}' after '\\right' (to match '\\left${d.text}' at column ${left.start + 1})`, rd);
    this.advance();
    this.leave();
    return close === "|" || close === "\\rvert" || close === "\\vert" ? call("abs", [e]) : e;
  }

  /** A name: an undefined function's application when it is declared as one, else its value. */
  private named(bar: Bar): Expr {
    const n = readName(this);
    return this.undefinedNames.has(n.name) ? undefinedApplication(this, n, bar) : this.nameValue(n);
  }

  /** The node of a name read by `readName`: `e` and `\mathrm{e}` alone are the constant e; a defined name is its expression. */
  private nameValue(n: { name: string; bare: boolean }): Expr {
    if (n.bare) {
      const c = CONSTANT_NAMES.get(n.name);
      if (c !== undefined) return c;
    }
    return this.options.definitions?.get(n.name) ?? sym(n.name);
  }

  /** The exact value of a number token; its size is estimated first, as in the plain parser. */
  private numberValue(t: LatexToken): Expr {
    const digits = t.text.replace(".", "").replace(/^0+/, "").length;
    const bits = Math.ceil(Math.max(digits, t.text.length - t.text.indexOf(".")) * BITS_PER_DIGIT);
    if (!(bits <= limits.maxIntegerBits + 4)) {
      throw new LimitError("maxIntegerBits", limits.maxIntegerBits, `the number ${describeLatexToken(t)} at column ${t.start + 1} needs about ${bits} bits`);
    }
    return num(Rational.parseDecimal(t.text, Number.MAX_SAFE_INTEGER));
  }
}
