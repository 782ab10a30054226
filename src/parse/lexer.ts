/**
 * The tokenizer of the expression syntax (`grammar/symgrad.ebnf`, section "Tokens").
 *
 * Contracts:
 * - Positions (`start`, `end`) are 0-based offsets in CODE POINTS, as `Array.from(text)` counts
 *   them: an astral character (emoji) or a lone surrogate is one position.
 * - Operator spellings are normalised in `kind` (`**` is "^", `·` and `×` are "*", `−` is "-",
 *   `÷` is "/"); `text` keeps the source spelling for messages.
 * - `d/dNAME` (or `∂/∂NAME`) directly before "(" is one "derivative" token, the operator of an
 *   inert derivative, unless `dNAME` is a caller-defined function (then it stays d divided by a
 *   call, as it always was). Spaces may surround the "/". Without it, `dx(` is an unknown function.
 * - A name may end in a derivative suffix (`f'`, `f''`, `f'[1,0]`), which the parser accepts only
 *   on a declared undefined function.
 * - Any character outside the grammar is a `ParseError` "unexpected character ...", raised when the
 *   lexer reaches it (the parser pulls tokens lazily, so the leftmost error wins).
 */
import { ParseError } from "../core/errors.js";

export type TokenKind = "number" | "name" | "+" | "-" | "*" | "/" | "^" | "(" | ")" | "," | "²" | "³" | "√" | "derivative" | "end";

export interface Token {
  readonly kind: TokenKind;
  /** The source text of the token ("" for "end"). */
  readonly text: string;
  /** 0-based code-point offset of the first character. */
  readonly start: number;
  /** 0-based code-point offset just past the token. */
  readonly end: number;
}

const SINGLE: Readonly<Record<string, TokenKind>> = {
  "+": "+",
  "-": "-",
  "\u2212": "-", // − minus sign
  "*": "*",
  "\u00B7": "*", // · middle dot
  "\u00D7": "*", // × multiplication sign
  "/": "/",
  "\u00F7": "/", // ÷ division sign
  "^": "^",
  "(": "(",
  ")": ")",
  ",": ",",
  "\u00B2": "²",
  "\u00B3": "³",
  "\u221A": "√",
};

/** `SINGLE` for the ASCII characters, indexed by character code. */
const ASCII_SINGLE: readonly (TokenKind | undefined)[] = Array.from({ length: 128 }, (_, c) => SINGLE[String.fromCharCode(c)]);

/** The character that is always a token of its own, even next to letters: `2πr` is 2*π*r. */
export const PI_CHAR = "\u03C0";

const LETTER = /^\p{L}$/u;
const INVISIBLE = /^[\p{Cc}\p{Cf}\p{Cs}\p{Co}\p{Cn}\p{Z}\p{M}]$/u;

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

function isAsciiLetter(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

/** A letter that may start or continue a name. `π` is excluded: it is a name by itself. */
function isNameLetter(cp: number, ch: string): boolean {
  if (cp < 128) return isAsciiLetter(cp);
  return ch !== PI_CHAR && LETTER.test(ch);
}

interface Radix {
  readonly name: string;
  /** The article and name, for messages: "a hexadecimal". */
  readonly a: string;
  readonly digit: (c: number) => boolean;
}

const HEX: Radix = { name: "hexadecimal", a: "a hexadecimal", digit: (c) => isDigit(c) || (c >= 65 && c <= 70) || (c >= 97 && c <= 102) };
const OCTAL: Radix = { name: "octal", a: "an octal", digit: (c) => c >= 48 && c <= 55 };
const BINARY: Radix = { name: "binary", a: "a binary", digit: (c) => c === 48 || c === 49 };

/** The radix prefixes after a leading `0`, by the character code of their letter. */
const RADIX: Readonly<Record<number, Radix>> = { 88: HEX, 120: HEX, 79: OCTAL, 111: OCTAL, 66: BINARY, 98: BINARY };

function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13;
}

/**
 * How an error message shows a character: quoted when it is printable ASCII (the quote itself in
 * double quotes), quoted with its code
 * point for other printable characters, and only the code point for invisible, control, format,
 * combining and surrogate characters.
 */
export function describeChar(ch: string): string {
  const cp = ch.codePointAt(0)!;
  const code = "U+" + cp.toString(16).toUpperCase().padStart(4, "0");
  if (INVISIBLE.test(ch)) return code;
  if (ch === "'") return `"'"`;
  if (cp >= 0x21 && cp <= 0x7e) return `'${ch}'`;
  return `'${ch}' (${code})`;
}

/** `d/dNAME` or `∂/∂NAME` followed (after optional spaces) by "(": group 1 is NAME. */
const DERIVATIVE_OPERATOR =
  /(?:d[ \t\r\n]*\/[ \t\r\n]*d|\u2202[ \t\r\n]*\/[ \t\r\n]*\u2202)((?:(?!\u03C0)[\p{L}_])(?:(?!\u03C0)[\p{L}0-9_])*)(?=[ \t\r\n]*\()/uy;

/** The variable of a "derivative" token's text: `x` for `d/dx`. */
export function derivativeVariable(text: string): string {
  DERIVATIVE_OPERATOR.lastIndex = 0;
  return DERIVATIVE_OPERATOR.exec(text + "(")![1]!;
}

export interface LexerOptions {
  /**
   * Read only the code points `start` to `end` of the text; positions stay offsets in the whole
   * text, and errors show the whole text.
   */
  readonly range?: { readonly start: number; readonly end: number };
  /** Whether a caller defined the function `name`, so `d/dNAME(` stays d divided by a call. */
  readonly isCallable?: (name: string) => boolean;
}

/** Pulls tokens from `text` one at a time; after the end it keeps returning the "end" token. */
export class Lexer {
  /** Index in UTF-16 code units. */
  #i = 0;
  /** The same position in code points. */
  #cp = 0;

  /** `isCallable(name)`: whether a caller defined the function `name` (see "derivative" above). */
  readonly #isCallable: (name: string) => boolean;

  /** Past the last code unit read (the end of the text, or of the range). */
  readonly #limit: number;

  /** The whole text, for error messages. */
  readonly #source: string;

  /** Reads `source`, or only the part `options.range` says. */
  constructor(source: string, options: LexerOptions = {}) {
    this.#source = source;
    this.#isCallable = options.isCallable ?? (() => false);
    const range = options.range;
    if (range === undefined) {
      this.#text = source;
      this.#limit = source.length;
      return;
    }
    const units = (points: number, from: number, at: number) => {
      let i = from;
      for (let p = at; p < points && i < source.length; p++) i += source.codePointAt(i)! > 0xffff ? 2 : 1;
      return i;
    };
    this.#i = units(range.start, 0, 0);
    this.#cp = range.start;
    this.#limit = units(range.end, this.#i, range.start);
    this.#text = source.slice(0, this.#limit);
  }

  /** The text up to the end of the range (scanning stops at its end). */
  readonly #text: string;

  next(): Token {
    const s = this.#text;
    while (this.#i < s.length && isSpace(s.charCodeAt(this.#i))) {
      this.#i++;
      this.#cp++;
    }
    const start = this.#cp;
    if (this.#i >= s.length) return { kind: "end", text: "", start, end: start };
    const c = s.charCodeAt(this.#i);
    if (c < 128) return this.#asciiToken(c);

    const ch = String.fromCodePoint(s.codePointAt(this.#i)!);
    if (ch === "\u2202") {
      const op = this.#derivativeOperator();
      if (op !== undefined) return op;
    }
    if (isNameLetter(ch.codePointAt(0)!, ch)) return this.#name();
    if (ch === PI_CHAR) return this.#take("name", 1, 1);
    const kind = SINGLE[ch];
    if (kind !== undefined) return this.#take(kind, ch.length, 1);

    const what = describeChar(ch);
    throw new ParseError(`unexpected character ${what}`, this.#source, start, start + 1, [], what);
  }

  /** The token starting with the ASCII character `c` (the fast path of `next`, same tokens). */
  #asciiToken(c: number): Token {
    const s = this.#text;
    if (isDigit(c) || (c === 46 && isDigit(s.charCodeAt(this.#i + 1)))) return this.#number();
    if (c === 100) {
      const op = this.#derivativeOperator();
      if (op !== undefined) return op;
    }
    if (c === 95 || isAsciiLetter(c)) return this.#name();
    if (c === 42 && s.charCodeAt(this.#i + 1) === 42) return this.#take("^", 2, 2); // **
    const kind = ASCII_SINGLE[c];
    if (kind !== undefined) return this.#take(kind, 1, 1);
    const what = describeChar(String.fromCharCode(c));
    throw new ParseError(`unexpected character ${what}`, this.#source, this.#cp, this.#cp + 1, [], what);
  }

  /** The "derivative" token at the current position, if one starts here. */
  #derivativeOperator(): Token | undefined {
    DERIVATIVE_OPERATOR.lastIndex = this.#i;
    const m = DERIVATIVE_OPERATOR.exec(this.#text);
    if (m === null) return undefined;
    if (m[0].startsWith("d") && this.#isCallable("d" + m[1]!)) return undefined;
    return this.#take("derivative", m[0].length, Array.from(m[0]).length);
  }

  #take(kind: TokenKind, units: number, points: number): Token {
    const start = this.#cp;
    const text = this.#text.slice(this.#i, this.#i + units);
    this.#i += units;
    this.#cp += points;
    return { kind, text, start, end: this.#cp };
  }

  /**
   * A numeric literal as JavaScript writes it (`grammar/symgrad.ebnf`, "Numbers"): decimal
   * `12.5e-3`, or an integer `0x1F` / `0o17` / `0b101`, with `_` allowed only between two digits.
   *
   * The rule for what follows: the token is the longest complete literal, and a character right
   * after it that would make JavaScript read a longer literal (`_`, a digit after a leading `0`, a
   * radix letter after `0`, a digit, letter or "." after a radix literal) is a ParseError at that
   * character, so no literal is silently split into a number and a name. The one exception is
   * `e`/`E` without exponent digits, which starts a name (the constant e): `2e` = 2*e, `2e+x` = 2*e + x.
   */
  #number(): Token {
    const s = this.#text;
    const from = this.#i;
    const first = s.charCodeAt(from);
    if (first === 48) {
      const radix = RADIX[s.charCodeAt(from + 1)];
      if (radix !== undefined) return this.#radixNumber(radix);
      const c = s.charCodeAt(from + 1);
      if (isDigit(c) || c === 95) {
        let j = from + 1;
        while (isDigit(s.charCodeAt(j)) || s.charCodeAt(j) === 95) j++;
        const text = s.slice(from, j);
        const digits = text.replace(/_/g, "").replace(/^0+(?=.)/, "");
        throw this.#numberError(
          `a leading zero in '${text}' is not supported (octal in C and older JavaScript): write ${digits}, or 0o${digits} for octal`,
          from,
          j,
        );
      }
    }
    let j = this.#digits(from);
    if (s.charCodeAt(j) === 46) {
      j++;
      if (isDigit(s.charCodeAt(j))) j = this.#digits(j);
    }
    const e = s.charCodeAt(j);
    if (e === 101 || e === 69) {
      let k = j + 1;
      const sign = s.charCodeAt(k);
      if (sign === 43 || sign === 45) k++;
      if (isDigit(s.charCodeAt(k))) j = this.#digits(k);
    }
    if (s.charCodeAt(j) === 95) throw this.#separatorError(j);
    return this.#take("number", j - from, j - from);
  }

  /** A run of decimal digits from `j` (a digit), with single `_` between digits; returns its end. */
  #digits(j: number): number {
    const s = this.#text;
    for (;;) {
      while (isDigit(s.charCodeAt(j))) j++;
      if (s.charCodeAt(j) !== 95) return j;
      if (!isDigit(s.charCodeAt(j + 1))) throw this.#separatorError(j);
      j++;
    }
  }

  /** `0x`, `0o` or `0b` and its digits (single `_` between digits); nothing that could continue it. */
  #radixNumber(radix: Radix): Token {
    const s = this.#text;
    const from = this.#i;
    const prefix = s.slice(from, from + 2);
    let j = from + 2;
    if (!radix.digit(s.charCodeAt(j))) {
      if (s.charCodeAt(j) === 95) throw this.#separatorError(j);
      throw this.#numberError(`'${prefix}' must be followed by ${radix.a} digit (write 0*${prefix.slice(1)} for a product)`, j, j + (j < s.length ? 1 : 0));
    }
    for (;;) {
      while (radix.digit(s.charCodeAt(j))) j++;
      if (s.charCodeAt(j) !== 95) break;
      if (!radix.digit(s.charCodeAt(j + 1))) throw this.#separatorError(j);
      j++;
    }
    const next = s.codePointAt(j);
    if (next !== undefined) {
      const ch = String.fromCodePoint(next);
      const literal = s.slice(from, j);
      if (isDigit(next)) throw this.#numberError(`'${ch}' is not ${radix.a} digit (in '${literal}${ch}')`, j, j + 1);
      if (next === 46) throw this.#numberError(`${radix.a} number has no fraction: '.' after '${literal}' is not supported`, j, j + 1);
      if (isNameLetter(next, ch) || next === 95 || ch === PI_CHAR) {
        throw this.#numberError(`'${ch}' right after the ${radix.name} number '${literal}' is not supported (write ${literal}*${ch} for a product)`, j, j + 1);
      }
    }
    return this.#take("number", j - from, j - from);
  }

  #separatorError(at: number): ParseError {
    return this.#numberError("the digit separator '_' must stand between two digits", at, at + 1);
  }

  /** A ParseError inside a number literal; `from`/`to` are UTF-16 indices in the ASCII run of the literal. */
  #numberError(reason: string, from: number, to: number): ParseError {
    const start = this.#cp + (from - this.#i);
    const end = this.#cp + (to - this.#i);
    const found = to > from ? `'${this.#text.slice(from, to)}'` : "end of input";
    return new ParseError(reason, this.#text, start, end, ["a digit"], found);
  }

  /** A name letter or `_`, then name letters, ASCII digits and `_`. */
  #name(): Token {
    const s = this.#text;
    let j = this.#i;
    let points = 0;
    while (j < s.length) {
      const c = s.charCodeAt(j);
      if (isAsciiLetter(c) || isDigit(c) || c === 95) {
        j++;
        points++;
        continue;
      }
      if (c < 128) break;
      const ch = String.fromCodePoint(s.codePointAt(j)!);
      if (!isNameLetter(ch.codePointAt(0)!, ch)) break;
      j += ch.length;
      points++;
    }
    // The derivative suffix of an undefined function, part of its name token: primes (`f''`) or
    // the orders per argument in brackets (`f'[1,0]`); a malformed bracket leaves the "[" unread.
    if (s.charCodeAt(j) === 39) {
      const from = j;
      j = bracketEnd(s, j + 1);
      if (j < 0) {
        j = from;
        while (s.charCodeAt(j) === 39) j++;
      }
      points += j - from;
    }
    return this.#take("name", j - this.#i, points);
  }
}

/** The index after `[d+(,d+)*]` starting at `i`, or -1 when there is none there. */
function bracketEnd(s: string, i: number): number {
  if (s.charCodeAt(i) !== 91) return -1;
  let j = i + 1;
  for (;;) {
    if (!isDigit(s.charCodeAt(j))) return -1;
    while (isDigit(s.charCodeAt(j))) j++;
    const c = s.charCodeAt(j);
    if (c === 93) return j + 1;
    if (c !== 44) return -1;
    j++;
  }
}

/** All tokens of `text`, ending with the "end" token. Throws ParseError at the first bad character. */
export function tokenize(text: string): Token[] {
  const lexer = new Lexer(text);
  const out: Token[] = [];
  for (;;) {
    const t = lexer.next();
    out.push(t);
    if (t.kind === "end") return out;
  }
}
