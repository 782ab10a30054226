/**
 * The tokenizer of the expression syntax (`grammar/symgrad.ebnf`, section "Tokens").
 *
 * Contracts:
 * - Positions (`start`, `end`) are 0-based offsets in CODE POINTS, as `Array.from(text)` counts
 *   them: an astral character (emoji) or a lone surrogate is one position.
 * - Operator spellings are normalised in `kind` (`**` is "^", `·` and `×` are "*", `−` is "-",
 *   `÷` is "/"); `text` keeps the source spelling for messages.
 * - A name may end in a derivative suffix (`f'`, `f''`, `f'[1,0]`), which the parser accepts only
 *   on a declared undefined function.
 * - Any character outside the grammar is a `ParseError` "unexpected character ...", raised when the
 *   lexer reaches it (the parser pulls tokens lazily, so the leftmost error wins).
 */
import { ParseError } from "../core/errors.js";

export type TokenKind =
  | "number"
  | "name"
  | "+"
  | "-"
  | "*"
  | "/"
  | "^"
  | "("
  | ")"
  | ","
  | "²"
  | "³"
  | "√"
  | "end";

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

/** Pulls tokens from `text` one at a time; after the end it keeps returning the "end" token. */
export class Lexer {
  /** Index in UTF-16 code units. */
  private i = 0;
  /** The same position in code points. */
  private cp = 0;

  constructor(private readonly text: string) {}

  next(): Token {
    const s = this.text;
    while (this.i < s.length && isSpace(s.charCodeAt(this.i))) {
      this.i++;
      this.cp++;
    }
    const start = this.cp;
    if (this.i >= s.length) return { kind: "end", text: "", start, end: start };
    const c = s.charCodeAt(this.i);
    if (c < 128) return this.asciiToken(c);

    const ch = String.fromCodePoint(s.codePointAt(this.i)!);
    if (isNameLetter(ch.codePointAt(0)!, ch)) return this.name();
    if (ch === PI_CHAR) return this.take("name", 1, 1);
    const kind = SINGLE[ch];
    if (kind !== undefined) return this.take(kind, ch.length, 1);

    const what = describeChar(ch);
    throw new ParseError(`unexpected character ${what}`, s, start, start + 1, [], what);
  }

  /** The token starting with the ASCII character `c` (the fast path of `next`, same tokens). */
  private asciiToken(c: number): Token {
    const s = this.text;
    if (isDigit(c) || (c === 46 && isDigit(s.charCodeAt(this.i + 1)))) return this.number();
    if (c === 95 || isAsciiLetter(c)) return this.name();
    if (c === 42 && s.charCodeAt(this.i + 1) === 42) return this.take("^", 2, 2); // **
    const kind = ASCII_SINGLE[c];
    if (kind !== undefined) return this.take(kind, 1, 1);
    const what = describeChar(String.fromCharCode(c));
    throw new ParseError(`unexpected character ${what}`, s, this.cp, this.cp + 1, [], what);
  }

  private take(kind: TokenKind, units: number, points: number): Token {
    const start = this.cp;
    const text = this.text.slice(this.i, this.i + units);
    this.i += units;
    this.cp += points;
    return { kind, text, start, end: this.cp };
  }

  /**
   * digits ["." digits*] [exponent] | "." digits [exponent]; the exponent `[eE][+-]?digits` is part
   * of the number only when at least one digit follows, so `2e` and `2ex` end the number before `e`.
   */
  private number(): Token {
    const s = this.text;
    const from = this.i;
    let j = this.i;
    while (isDigit(s.charCodeAt(j))) j++;
    if (s.charCodeAt(j) === 46) {
      j++;
      while (isDigit(s.charCodeAt(j))) j++;
    }
    const e = s.charCodeAt(j);
    if (e === 101 || e === 69) {
      let k = j + 1;
      const sign = s.charCodeAt(k);
      if (sign === 43 || sign === 45) k++;
      if (isDigit(s.charCodeAt(k))) {
        while (isDigit(s.charCodeAt(k))) k++;
        j = k;
      }
    }
    return this.take("number", j - from, j - from);
  }

  /** A name letter or `_`, then name letters, ASCII digits and `_`. */
  private name(): Token {
    const s = this.text;
    let j = this.i;
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
    return this.take("name", j - this.i, points);
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
