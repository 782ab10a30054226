/**
 * Names and option words that callers pass as text (variable names, assumption names and values,
 * method names). Text is user input (forms, the CLI, the REPL), so a bad one is a `ParseError`
 * whose source is that text, with a position and, where one is close, a suggestion. A value of the
 * wrong type (a number where a string is expected) is a programming error: `TypeError`.
 */
import { ParseError } from "../core/errors.js";
import { isFunctionName, SUGAR_ARITY } from "../core/functions.js";
import { Lexer, PI_CHAR, type Token } from "./lexer.js";
import { closestName } from "./suggest.js";
import type { Assumptions } from "../rewrite/assumptions.js";
import type { Property } from "../rewrite/rules.js";

const CONSTANT_NAMES: ReadonlySet<string> = new Set(["pi", PI_CHAR, "e"]);

function quoted(t: Token): string {
  return t.kind === "end" ? "end of input" : `'${t.text}'`;
}

/**
 * The variable named by `text`: exactly one name token (spaces around it allowed) that is neither
 * a constant (`pi`, `e`) nor a function name.
 *
 * @throws ParseError for anything else, positioned at the first token that is not the name.
 */
export function variableName(text: string): string {
  const lexer = new Lexer(text);
  const first = lexer.next();
  if (first.kind !== "name") {
    throw new ParseError(`expected a variable name but found ${quoted(first)}`, text, first.start, first.end, ["a variable name"], quoted(first));
  }
  if (CONSTANT_NAMES.has(first.text)) {
    throw new ParseError(`'${first.text}' is a constant, not a variable`, text, first.start, first.end, ["a variable name"], quoted(first));
  }
  if (isFunctionName(first.text) || Object.prototype.hasOwnProperty.call(SUGAR_ARITY, first.text)) {
    throw new ParseError(`'${first.text}' is a function, not a variable`, text, first.start, first.end, ["a variable name"], quoted(first));
  }
  const rest = lexer.next();
  if (rest.kind !== "end") {
    throw new ParseError(
      `expected one variable name but found ${quoted(rest)} after '${first.text}'`,
      text,
      rest.start,
      rest.end,
      ["end of input"],
      quoted(rest),
    );
  }
  return first.text;
}

/**
 * `value` checked to be one of `allowed` (`what` names it in messages, e.g. "method", and
 * `subject`, if given, what it is for).
 *
 * @throws TypeError when `value` is not a string; ParseError (with a suggestion) when it is unknown.
 */
export function optionWord<T extends string>(what: string, value: unknown, allowed: readonly T[], subject?: string): T {
  const whose = subject === undefined ? "" : ` for ${subject}`;
  if (typeof value !== "string") throw new TypeError(`the ${what}${whose} must be a string, got ${typeof value}`);
  if ((allowed as readonly string[]).includes(value)) return value as T;
  const hint = closestName(value, allowed);
  const options = allowed.map((a) => `'${a}'`).join(", ");
  const reason = `unknown ${what} '${value}'${whose}` + (hint === undefined ? ` (expected one of ${options})` : ` (did you mean '${hint}'?)`);
  throw new ParseError(reason, value, 0, Array.from(value).length, [...allowed], `'${value}'`);
}

const PROPERTIES: readonly Property[] = ["positive", "nonnegative"];

/**
 * `assume` checked: a plain object whose keys are variable names and whose values are properties.
 *
 * @throws TypeError when it is not an object or a value is not a string; ParseError for a bad
 *   name or an unknown property.
 */
export function checkAssumptions(assume: unknown): Assumptions {
  if (assume === undefined) return {};
  if (assume === null || typeof assume !== "object" || Array.isArray(assume) || assume instanceof Map) {
    throw new TypeError('assume must be an object such as { x: "positive" }');
  }
  for (const [name, property] of Object.entries(assume)) {
    variableName(name);
    optionWord("assumption", property, PROPERTIES, name);
  }
  return assume as Assumptions;
}
