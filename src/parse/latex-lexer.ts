/**
 * The tokenizer of LaTeX input (`grammar/latex.ebnf`, section "Tokens").
 *
 * Contracts:
 * - Positions (`start`, `end`) are 0-based offsets in CODE POINTS of the LaTeX source, as
 *   `Array.from(text)` counts them, the same convention as the plain lexer.
 * - A command is `\` followed by ASCII letters (`\frac`) or by one other character (`\,`, `\{`).
 *   Commands are only ever looked up in tables; nothing is defined, expanded or executed.
 * - Spacing and style commands (`\,`, `\quad`, `\displaystyle`, `\bigl`, `~`, ...) produce no
 *   token; `\mleft`/`\mright` (MathLive) are `\left`/`\right`.
 * - A number is `digits [ "." digits ] | "." digits`, without an exponent: `2e3` is 2*e followed by 3 (an error).
 * - A character outside the grammar does not throw at once: it becomes a "bad" token carrying its
 *   ParseError, raised when the parser reaches it, so the leftmost error wins.
 */
import { ParseError } from "../core/errors.js";
import { describeChar } from "./lexer.js";

export type LatexTokenKind =
  "number" | "letter" | "command" | "+" | "-" | "*" | "/" | "^" | "_" | "(" | ")" | "[" | "]" | "{" | "}" | "|" | "," | "." | "'" | "bad" | "end";

export interface LatexToken {
  readonly kind: LatexTokenKind;
  /** The source text: `\frac` for a command, one code point for a letter, "" for "end". */
  readonly text: string;
  /** 0-based code-point offset of the first character. */
  readonly start: number;
  /** 0-based code-point offset just past the token. */
  readonly end: number;
  /** For a "bad" token: the error to raise when the parser reaches it. */
  readonly error?: ParseError;
}

/** Commands that only change spacing or size: skipped, like white space. */
export const SPACING_COMMANDS: ReadonlySet<string> = new Set([
  "\\,",
  "\\!",
  "\\;",
  "\\:",
  "\\>",
  "\\ ",
  "\\quad",
  "\\qquad",
  "\\thinspace",
  "\\medspace",
  "\\thickspace",
  "\\negthinspace",
  "\\negmedspace",
  "\\negthickspace",
  "\\enspace",
  "\\displaystyle",
  "\\textstyle",
  "\\scriptstyle",
  "\\scriptscriptstyle",
  "\\big",
  "\\Big",
  "\\bigg",
  "\\Bigg",
  "\\bigl",
  "\\bigr",
  "\\Bigl",
  "\\Bigr",
  "\\biggl",
  "\\biggr",
  "\\Biggl",
  "\\Biggr",
]);

/** Other spellings of a command. */
const ALIASES: ReadonlyMap<string, string> = new Map([
  ["\\mleft", "\\left"],
  ["\\mright", "\\right"],
]);

const SINGLE: Readonly<Record<string, LatexTokenKind>> = {
  "+": "+",
  "-": "-",
  "\u2212": "-",
  "*": "*",
  "/": "/",
  "^": "^",
  _: "_",
  "(": "(",
  ")": ")",
  "[": "[",
  "]": "]",
  "{": "{",
  "}": "}",
  "|": "|",
  ",": ",",
  ".": ".",
  "'": "'",
};

/** Characters with a message of their own: they are meaningful in LaTeX but not read here. */
const NOT_READ: Readonly<Record<string, string>> = {
  "=": "'=' is not read: parseLatex reads one expression, not an equation",
  "&": "'&' is not read: parseLatex reads one expression, not an alignment",
  $: "'$' is not read: pass the math without its delimiters",
  "%": "'%' is not read (a TeX comment)",
  "#": "'#' is not read: nothing in LaTeX input is expanded as a macro",
};

const LETTER = /^\p{L}$/u;

function isAsciiLetter(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

/** How a message quotes a token: its text (long ones shortened), or "end of input". */
export function describeLatexToken(t: LatexToken): string {
  if (t.kind === "end") return "end of input";
  const chars = Array.from(t.text);
  return `'${chars.length > 24 ? chars.slice(0, 20).join("") + "..." : t.text}'`;
}

/** All tokens of `text`, ending with "end"; the first bad character ends the list as a "bad" token. */
export function tokenizeLatex(text: string): LatexToken[] {
  const chars = Array.from(text);
  const out: LatexToken[] = [];
  const push = (kind: LatexTokenKind, from: number, to: number): void => {
    out.push({ kind, text: chars.slice(from, to).join(""), start: from, end: to });
  };
  let i = 0;
  while (i < chars.length) {
    const ch = chars[i]!;
    const c = ch.codePointAt(0)!;
    if (ch === " " || ch === "\t" || ch === "\n" || ch === "\r" || ch === "~") {
      i++;
      continue;
    }
    if (isDigit(c) || (ch === "." && i + 1 < chars.length && isDigit(chars[i + 1]!.codePointAt(0)!))) {
      let j = i;
      while (j < chars.length && isDigit(chars[j]!.codePointAt(0)!)) j++;
      if (chars[j] === "." && j + 1 < chars.length && isDigit(chars[j + 1]!.codePointAt(0)!)) {
        j++;
        while (j < chars.length && isDigit(chars[j]!.codePointAt(0)!)) j++;
      }
      push("number", i, j);
      i = j;
      continue;
    }
    if (ch === "\\") {
      let j = i + 1;
      if (j >= chars.length) return bad(out, text, i, "a lone '\\' at the end of the input");
      if (isAsciiLetter(chars[j]!.codePointAt(0)!)) {
        while (j < chars.length && isAsciiLetter(chars[j]!.codePointAt(0)!)) j++;
      } else {
        j++;
      }
      const name = chars.slice(i, j).join("");
      if (!SPACING_COMMANDS.has(name)) {
        const alias = ALIASES.get(name);
        out.push({ kind: "command", text: alias ?? name, start: i, end: j });
      }
      i = j;
      continue;
    }
    const kind = SINGLE[ch];
    if (kind !== undefined) {
      push(kind, i, i + 1);
      i++;
      continue;
    }
    if (isAsciiLetter(c) || (c >= 128 && LETTER.test(ch))) {
      push("letter", i, i + 1);
      i++;
      continue;
    }
    return bad(out, text, i, NOT_READ[ch] ?? `unexpected character ${describeChar(ch)}`);
  }
  out.push({ kind: "end", text: "", start: chars.length, end: chars.length });
  return out;
}

function bad(out: LatexToken[], text: string, at: number, reason: string): LatexToken[] {
  const found = reason.startsWith("unexpected character ") ? reason.slice("unexpected character ".length) : describeChar(Array.from(text)[at]!);
  const error = new ParseError(reason, text, at, at + 1, [], found);
  out.push({ kind: "bad", text: "", start: at, end: at + 1, error });
  return out;
}
