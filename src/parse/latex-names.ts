/**
 * Names in LaTeX input: a letter, a Greek command, `\mathit{...}` or `\mathrm{...}`, with an
 * optional subscript. The names are those `toLatex` (`symbolLatex`) prints back the same way.
 *
 * Contract: a subscript of digits is appended (`x_{1}` is x1, `\theta_0` is theta0); any other
 * subscript is appended after "_" (`x_{i}` is x_i, `x_{ij}` is x_ij, `a_{b_{c}}` is a_b_c).
 */
import { describeLatexToken, type LatexToken } from "./latex-lexer.js";
import type { LatexParser } from "./latex-parser.js";
import { GREEK_COMMANDS } from "./latex-tables.js";

/** A name as read: its text, its first token, and whether it had no subscript. */
export interface ReadName {
  readonly name: string;
  readonly start: LatexToken;
  readonly bare: boolean;
}

/** The text of a `{...}` argument of `\mathrm`, `\mathit` or `\operatorname`: letters, digits and `\_`. */
export function textArgument(p: LatexParser, cmd: LatexToken): string {
  const open = p.peek();
  if (open.kind !== "{") throw p.syntaxError(`'{' after '${cmd.text}'`, open);
  p.advance();
  let text = "";
  for (;;) {
    const t = p.peek();
    if (t.kind === "}") break;
    if (t.kind === "end") throw p.error(`'{' is not closed: expected '}'`, open, ["'}'"]);
    if (t.kind === "letter" || t.kind === "number") text += t.text;
    else if (t.kind === "command" && t.text === "\\_") text += "_";
    else if (t.kind === "command" && t.text === "\\pi" && text === "") text += "pi";
    else throw p.error(`${cmd.text}{...} may hold letters, digits and '\\_' only, not ${describeLatexToken(t)}`, t);
    p.advance();
  }
  if (text === "") throw p.syntaxError(`a name in ${cmd.text}{...}`);
  p.advance();
  return text;
}

/**
 * name = base [ "_" subscript ], where base is a letter, a Greek command, `\pi`, or
 * `\mathit{...}` / `\mathrm{...}`. A subscript of digits is appended (`x_{1}` is x1, `\theta_0`
 * is theta0); any other subscript is appended after "_" (`x_{i}` is x_i, `x_{ij}` is x_ij).
 */
export function readName(p: LatexParser): ReadName {
  const t = p.advance();
  let name: string;
  if (t.kind === "letter") name = t.text;
  else if (t.text === "\\mathit" || t.text === "\\mathrm") name = textArgument(p, t);
  else name = t.text.slice(1);
  if (!/^[\p{L}_][\p{L}0-9_]*$/u.test(name)) throw p.error(`'${name}' is not a name`, t, ["a name"], p.tokens[p.pos - 1]!.end);
  if (p.peek().kind !== "_") return { name, start: t, bare: true };
  p.advance();
  return { name: joinSubscript(name, subscript(p)), start: t, bare: false };
}

/** The text of a subscript: one digit, letter or Greek command, or a `{...}` of them (nested subscripts allowed). */
function subscript(p: LatexParser): string {
  const t = p.peek();
  if (t.kind === "{") {
    p.advance();
    p.enter(t);
    let text = "";
    while (p.peek().kind !== "}") {
      if (p.peek().kind === "end") throw p.error("'{' is not closed: expected '}'", t, ["'}'"]);
      if (p.peek().kind === "_") {
        p.advance();
        text = joinSubscript(text, subscript(p));
      } else {
        text += subscriptPiece(p);
      }
    }
    p.advance();
    p.leave();
    if (text === "") throw p.error("an empty subscript", t);
    return text;
  }
  if (t.kind === "number") p.splitFirstDigit();
  return subscriptPiece(p);
}

function subscriptPiece(p: LatexParser): string {
  const t = p.peek();
  if (t.kind === "letter" || (t.kind === "number" && /^[0-9]+$/.test(t.text))) {
    p.advance();
    return t.text;
  }
  if (t.kind === "command" && (GREEK_COMMANDS.has(t.text.slice(1)) || t.text === "\\pi")) {
    p.advance();
    return t.text.slice(1);
  }
  if (t.kind === "command" && (t.text === "\\mathrm" || t.text === "\\mathit")) {
    p.advance();
    return textArgument(p, t);
  }
  throw p.error(`a subscript may hold letters, digits and Greek letters only, not ${describeLatexToken(t)}`, t);
}

/** `x` and `1` make x1; `x` and `i` make x_i. */
function joinSubscript(base: string, sub: string): string {
  return /^[0-9]+$/.test(sub) ? base + sub : base + "_" + sub;
}
