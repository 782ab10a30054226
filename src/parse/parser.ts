/**
 * The recursive-descent parser of `grammar/symgrad.ebnf`: one method per grammar rule, named after
 * it (`sum`, `term`, `implicit`, `unary`, `power`, `postfix`, `primary`, `call`).
 *
 * Contracts:
 * - Every node is built through `core/build.ts`; a run of `+`/`-` is ONE `addAll` call and a run of
 *   `*`/`/` or of juxtaposed factors is ONE `mulAll` call, so parsing is near-linear in the input.
 * - Failures are typed: `ParseError` (syntax, unknown names, argument counts), `LimitError` (input
 *   length, nesting depth, number size) and whatever the builder raises (`DomainError` for `1/0`,
 *   `LimitError` for `10^10^10`). Nothing else escapes for any string input.
 * - Nesting is counted explicitly (parentheses, calls, `√`, unary signs, `^`, `²`/`³`) and a
 *   `LimitError("maxDepth")` is raised past `limits.maxDepth` levels. The rules never call each other
 *   on the JS stack: each rule is a generator that yields the sub-rule it needs to `run`, which keeps
 *   the rules in progress on a heap stack. So nesting depth costs heap, never JS stack, whatever
 *   `maxDepth` is set to. Right-recursive rules (signs, `^` chains, `√` chains) are loops.
 */
import { addAll, call, E, logBase, MINUS_ONE, mulAll, neg, num, PI, pow, sqrt, sym, TWO, ZERO } from "../core/build.js";
import { LimitError, ParseError } from "../core/errors.js";
import { CALLABLE_NAMES, isFunctionName, SUGAR_ARITY, FUNCTION_ARITY } from "../core/functions.js";
import { limits } from "../core/limits.js";
import type { Expr } from "../core/node.js";
import { Rational } from "../core/rational.js";
import { Lexer, PI_CHAR, type Token, type TokenKind } from "./lexer.js";
import { closestName } from "./suggest.js";

export interface ParseOptions {
  /**
   * Extra callable names. `name(args)` calls the function with the canonical argument nodes; arity
   * checking is the function's own. An entry here takes precedence over a built-in of that name.
   */
  functions?: ReadonlyMap<string, (args: Expr[]) => Expr>;
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

/** log2(10), for estimating the size of a decimal literal before building it. */
const BITS_PER_DIGIT = Math.log2(10);

/**
 * Parses `text` into a canonical expression.
 *
 * @throws LimitError when `text` is longer than `limits.maxInputLength` (checked before anything
 *   else), nested deeper than `limits.maxDepth`, or holds a number beyond `limits.maxIntegerBits`.
 * @throws ParseError for syntax errors, with 0-based code-point `start`/`end`.
 */
export function parse(text: string, options: ParseOptions = {}): Expr {
  if (typeof text !== "string") throw new TypeError("parse expects a string");
  if (text.length > limits.maxInputLength) {
    throw new LimitError("maxInputLength", limits.maxInputLength, `an input of ${text.length} characters`);
  }
  const parser = new Parser(text, options);
  return run(parser.input());
}

/** A grammar rule in progress: it yields the sub-rule whose result it needs and receives that result. */
interface Step extends Generator<Step, Expr, Expr> {}

/** Runs `root` and the sub-rules it yields on an explicit stack; returns the result of `root`. */
function run(root: Step): Expr {
  const stack: Step[] = [root];
  let sent: Expr | undefined;
  for (;;) {
    const top = stack[stack.length - 1]!;
    const r = top.next(sent as Expr);
    if (r.done === true) {
      stack.pop();
      if (stack.length === 0) return r.value;
      sent = r.value;
    } else {
      stack.push(r.value);
      sent = undefined;
    }
  }
}

/** Quotes a token's text for messages, shortening long names and numbers. */
function describeToken(t: Token): string {
  if (t.kind === "end") return "end of input";
  const chars = Array.from(t.text);
  const shown = chars.length > 24 ? chars.slice(0, 20).join("") + "..." : t.text;
  return `'${shown}'`;
}

/** "a", "a or b", "a, b or c". */
function listOf(items: readonly string[]): string {
  if (items.length <= 1) return items.join("");
  return items.slice(0, -1).join(", ") + " or " + items[items.length - 1];
}

function argumentCount(counts: readonly number[]): string {
  const n = counts[counts.length - 1]!;
  return `${listOf(counts.map(String))} argument${n === 1 ? "" : "s"}`;
}

type Closer = "paren" | "call";

class Parser {
  private readonly lexer: Lexer;
  private tok: Token;
  /** Open nesting levels; `enter` throws as soon as this exceeds `limits.maxDepth`. */
  private depth = 0;
  /** The brackets open around the current position, innermost last. */
  private readonly closers: Closer[] = [];

  constructor(
    private readonly text: string,
    private readonly options: ParseOptions,
  ) {
    this.lexer = new Lexer(text);
    this.tok = this.lexer.next();
  }

  /** The kind of the current token (a method, so that checks are not narrowed across `advance`). */
  private kind(): TokenKind {
    return this.tok.kind;
  }

  private advance(): Token {
    const t = this.tok;
    this.tok = this.lexer.next();
    return t;
  }

  /** Opens `levels` nesting levels at token `at`. */
  private enter(at: Token, levels = 1): void {
    this.depth += levels;
    if (this.depth > limits.maxDepth) {
      throw new LimitError("maxDepth", limits.maxDepth, `input nested more than ${limits.maxDepth} deep at column ${at.start + 1}`);
    }
  }

  private leave(levels = 1): void {
    this.depth -= levels;
  }

  private syntaxError(expected: readonly string[], at: Token = this.tok): ParseError {
    const found = describeToken(at);
    return new ParseError(`expected ${listOf(expected)} but found ${found}`, this.text, at.start, at.end, expected, found);
  }

  /** The error when a complete operand is followed by something that cannot continue it. */
  private afterOperandError(): ParseError {
    const inner = this.closers[this.closers.length - 1];
    const expected = inner === undefined ? ["an operator", "end of input"] : inner === "paren" ? ["an operator", "')'"] : ["an operator", "','", "')'"];
    const t = this.tok;
    if (t.kind === ")" && inner === undefined) {
      return new ParseError("unexpected ')' without a matching '('", this.text, t.start, t.end, expected, "')'");
    }
    return this.syntaxError(expected);
  }

  /** input = sum end */
  *input(): Step {
    const e = yield this.sum();
    if (this.kind() !== "end") throw this.afterOperandError();
    return e;
  }

  /** sum = term { ("+" | "-") term } */
  private *sum(): Step {
    const first = yield this.term();
    if (this.kind() !== "+" && this.kind() !== "-") return first;
    const terms = [first];
    while (this.kind() === "+" || this.kind() === "-") {
      const minus = this.advance().kind === "-";
      const t = yield this.term();
      terms.push(minus ? neg(t) : t);
    }
    return addAll(terms);
  }

  /** term = implicit { ("*" | "/") implicit } */
  private *term(): Step {
    const first = yield this.implicit();
    if (this.kind() !== "*" && this.kind() !== "/") return first;
    const factors = [first];
    while (this.kind() === "*" || this.kind() === "/") {
      const divide = this.advance().kind === "/";
      const f = yield this.implicit();
      factors.push(divide ? pow(f, MINUS_ONE) : f);
    }
    return mulAll(factors);
  }

  /** implicit = unary { power }, where each further power starts with a name, "(" or "√". */
  private *implicit(): Step {
    const first = yield this.unary();
    if (!this.startsFactor()) return first;
    const factors = [first];
    while (this.startsFactor()) factors.push(yield this.power());
    return mulAll(factors);
  }

  private startsFactor(): boolean {
    const k = this.kind();
    return k === "name" || k === "(" || k === "√";
  }

  /** unary = { "+" | "-" } power */
  private *unary(): Step {
    let levels = 0;
    let negative = false;
    while (this.kind() === "+" || this.kind() === "-") {
      this.enter(this.tok);
      levels++;
      if (this.advance().kind === "-") negative = !negative;
    }
    const p = yield this.power();
    this.leave(levels);
    return negative ? neg(p) : p;
  }

  /**
   * power = postfix [ "^" { "+" | "-" } power ], right-associative: the chain
   * b0 ^ s1 b1 ^ s2 b2 ... is b0^(s1 (b1^(s2 (b2 ...)))) with each s a run of signs.
   */
  private *power(): Step {
    const base = yield this.postfix();
    if (this.kind() !== "^") return base;
    const bases: Expr[] = [];
    const negatives: boolean[] = [];
    let levels = 0;
    while (this.kind() === "^") {
      this.enter(this.tok);
      levels++;
      this.advance();
      let negative = false;
      while (this.kind() === "+" || this.kind() === "-") {
        this.enter(this.tok);
        levels++;
        if (this.advance().kind === "-") negative = !negative;
      }
      negatives.push(negative);
      bases.push(yield this.postfix());
    }
    this.leave(levels);
    let n = bases.length - 1;
    let acc = negatives[n] ? neg(bases[n]!) : bases[n]!;
    for (n--; n >= 0; n--) {
      const p = pow(bases[n]!, acc);
      acc = negatives[n] ? neg(p) : p;
    }
    return pow(base, acc);
  }

  /** postfix = primary { "²" | "³" } */
  private *postfix(): Step {
    return this.superscripts(yield this.primary(OPERAND));
  }

  /** `base` raised by the superscripts "²" and "³" that follow it, left to right. */
  private superscripts(base: Expr): Expr {
    let e = base;
    let levels = 0;
    while (this.kind() === "²" || this.kind() === "³") {
      this.enter(this.tok);
      levels++;
      e = pow(e, this.advance().kind === "²" ? TWO : THREE);
    }
    this.leave(levels);
    return e;
  }

  /**
   * primary = number | name | call | "(" sum ")" | "√" { "√" } postfix
   * `expected` is what the error lists when no primary starts here.
   */
  private *primary(expected: readonly string[]): Step {
    const t = this.tok;
    switch (t.kind) {
      case "number":
        this.advance();
        return this.numberValue(t);
      case "name": {
        this.advance();
        if (this.kind() === "(") return yield this.call(t);
        const c = CONSTANTS.get(t.text);
        if (c !== undefined) return c;
        if (this.isCallable(t.text)) throw this.syntaxError([`'(' after '${t.text}'`]);
        return sym(t.text);
      }
      case "(": {
        this.advance();
        this.enter(t);
        this.closers.push("paren");
        const e = yield this.sum();
        if (this.kind() !== ")") throw this.afterOperandError();
        this.advance();
        this.closers.pop();
        this.leave();
        return e;
      }
      case "√": {
        let roots = 0;
        while (this.kind() === "√") {
          this.enter(this.tok);
          roots++;
          this.advance();
        }
        let e = this.superscripts(yield this.primary(ROOT_OPERAND));
        for (let i = 0; i < roots; i++) e = sqrt(e);
        this.leave(roots);
        return e;
      }
      default:
        throw this.syntaxError(expected);
    }
  }

  private isCallable(name: string): boolean {
    return this.options.functions?.has(name) === true || Object.prototype.hasOwnProperty.call(SUGAR_ARITY, name) || isFunctionName(name);
  }

  /** call = name "(" [ sum { "," sum } ] ")"; `nameTok` is consumed and the current token is "(". */
  private *call(nameTok: Token): Step {
    const name = nameTok.text;
    const user = this.options.functions?.get(name);
    const sugar = Object.prototype.hasOwnProperty.call(SUGAR_ARITY, name) ? SUGAR_ARITY[name] : undefined;
    if (user === undefined && sugar === undefined && !isFunctionName(name)) throw this.unknownFunction(nameTok);

    const open = this.advance();
    this.enter(open);
    this.closers.push("call");
    const args: Expr[] = [];
    if (this.kind() !== ")") {
      args.push(yield this.sum());
      while (this.kind() === ",") {
        this.advance();
        args.push(yield this.sum());
      }
      if (this.kind() !== ")") throw this.afterOperandError();
    }
    const close = this.advance();
    this.closers.pop();
    this.leave();

    if (user !== undefined) return user(args);
    const counts = sugar ?? [FUNCTION_ARITY[name as keyof typeof FUNCTION_ARITY]];
    if (!counts.includes(args.length)) {
      const got = `${args.length} argument${args.length === 1 ? "" : "s"}`;
      throw new ParseError(`${name} takes ${argumentCount(counts)}, got ${args.length}`, this.text, nameTok.start, close.end, [argumentCount(counts)], got);
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
      default:
        return call(name as keyof typeof FUNCTION_ARITY, args);
    }
  }

  private unknownFunction(nameTok: Token): ParseError {
    const name = nameTok.text;
    const candidates = [...CALLABLE_NAMES, ...(this.options.functions?.keys() ?? [])];
    const hint = closestName(name, candidates);
    const reason = `unknown function ${describeToken(nameTok)}` + (hint === undefined ? "" : ` (did you mean '${hint}'?)`);
    return new ParseError(reason, this.text, nameTok.start, nameTok.end, ["a function name"], describeToken(nameTok));
  }

  /**
   * The exact value of a decimal literal. Its size is estimated from the digits first, so that
   * `1e999999999` is a LimitError without building the integer.
   */
  private numberValue(t: Token): Expr {
    if (t.text.length <= 15 && /^[0-9]+$/.test(t.text)) return num(Number(t.text));
    const m = /^([0-9]*)(?:\.([0-9]*))?(?:[eE]([+-]?[0-9]+))?$/.exec(t.text)!;
    const mantissa = ((m[1] ?? "") + (m[2] ?? "")).replace(/^0+/, "");
    if (mantissa === "") return ZERO;
    const significant = mantissa.replace(/0+$/, "");
    const scale = (m[3] === undefined ? 0 : Number(m[3])) - (m[2] ?? "").length + (mantissa.length - significant.length);
    const digits = Math.max(significant.length + Math.max(scale, 0), Math.max(-scale, 0));
    const bits = Math.ceil(digits * BITS_PER_DIGIT);
    if (!(bits <= limits.maxIntegerBits + 4)) {
      throw new LimitError("maxIntegerBits", limits.maxIntegerBits, `the number ${describeToken(t)} at column ${t.start + 1} needs about ${bits} bits`);
    }
    return num(Rational.parseDecimal(t.text, Number.MAX_SAFE_INTEGER));
  }
}
