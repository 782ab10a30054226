/**
 * One REPL line evaluated against a session: definitions, commands, meta commands. Pure apart from
 * the clock passed in; `evaluateLine` returns the next state and the text to show, and never
 * throws for anything a user types (every mistake becomes `error`).
 *
 * Semantics:
 * - `f = EXPR` defines `f` (its parameters are EXPR's free symbols, sorted); `f(x, y) = EXPR`
 *   defines a function with those parameters. The body is stored with the names defined at that
 *   moment substituted (eagerly), except its own parameters.
 * - In an expression a defined name stands for its body; `f(a, b)` substitutes the arguments for
 *   the parameters; a name without parameters applied to one argument, `c(x+1)`, is the product
 *   (as for any other name). `ans` is the last expression or number shown.
 * - `diff(e, x)`, `diff(e, x, n)`, `diff(e, x, y)` and `simplify(e)` are expressions and nest;
 *   `grad(e [, x, y])`, `hessian(e [, x, y])`, `jacobian(e1, e2, ...)`, `eval(e, x=1, ...)` and
 *   `latex(e)` give a vector, a matrix, a number or text and stand alone on their line.
 * - `eval(...)` needs `loadNumeric()` of commands.ts to have resolved.
 * - A line that starts with a backslash is LaTeX, read by `parseLatex` with the defined names
 *   (and `ans`) as its `definitions` and the functions with parameters as its `functions`:
 *   `\\frac{d}{dx} f`, `\\frac{d}{dx} g(x^2)`, `g'(2)`.
 * - Nothing is ever evaluated as code: every expression goes through `parse` with the defined
 *   names and `diff`/`simplify` as its `functions` option.
 */
import { diff, gradient, hessian, jacobian } from "../api/calculus.js";
import { mul, num, rationalFromNumber, sym } from "../core/build.js";
import { ParseError, SymgradError } from "../core/errors.js";
import { CALLABLE_NAMES } from "../core/functions.js";
import type { Expr } from "../core/node.js";
import { freeSymbols, substitute } from "../core/traverse.js";
import { parseLatex, type LatexParseOptions } from "../parse/latex-parser.js";
import { parse } from "../parse/parser.js";
import { Lexer, tokenize, type Token } from "../parse/lexer.js";
import { toLatex } from "../print/latex.js";
import { print } from "../print/plain.js";
import { simplify } from "../rewrite/simplify.js";
import { formatError, formatLatex, formatNumber, formatPretty, type Result } from "./format.js";
import { evaluate, unionOfFreeSymbols } from "./commands.js";

/** A user definition: `name(params) = body`. */
export interface Definition {
  readonly name: string;
  readonly params: readonly string[];
  /** True for `f(x, y) = ...`; false for `f = ...` (params are then the body's free symbols). */
  readonly explicit: boolean;
  readonly body: Expr;
}

export interface SessionState {
  /** In definition order. */
  readonly defs: ReadonlyMap<string, Definition>;
  readonly ans: Expr | undefined;
  readonly latex: boolean;
  readonly time: boolean;
}

export interface LineOutcome {
  readonly state: SessionState;
  /** Text to show (may be empty or hold several lines), without a final newline. */
  readonly output: string;
  /** A formatted error message (with a caret for positioned errors), without a final newline. */
  readonly error?: string;
  /** The user asked to leave. */
  readonly quit?: boolean;
}

export interface EvaluateOptions {
  /** Colour the `error:` label. */
  color?: boolean;
  /** Milliseconds, for `:time on` (default `performance.now`). */
  now?: () => number;
}

/** The expression commands (they nest) and the statement commands (alone on a line). */
export const EXPRESSION_COMMANDS = ["diff", "simplify"] as const;
export const STATEMENT_COMMANDS = ["grad", "hessian", "jacobian", "eval", "latex"] as const;
export const META_COMMANDS = [":help", ":latex", ":vars", ":clear", ":time", ":quit"] as const;
const CONSTANT_NAMES = ["pi", "e", "\u03C0"];

export const REPL_HELP = [
  "Definitions:  f = x^2 + 3*x + 2        f(x, y) = x^2 + y^2 + 3*x*y",
  "Use:          f(1)   f(1, 2)   f + 1   ans (the last result)",
  "Commands:     diff(f, x)   diff(f, x, 2)   diff(f, x, y)   simplify(e)",
  "              grad(f [, x, y])   hessian(f [, x, y])   jacobian(f, g [, ...])",
  "              eval(f, x=1, y=2)   latex(f)",
  "LaTeX:        a line starting with \\ is LaTeX: \\frac{d}{dx} f   \\sqrt{x^2 + 1}",
  "Meta:         :help  :latex on|off  :vars  :clear  :time on|off  :quit (or Ctrl-D)",
  "Functions:    " + CALLABLE_NAMES.join(" "),
].join("\n");

export function createSession(): SessionState {
  return { defs: new Map(), ans: undefined, latex: false, time: false };
}

/** A user mistake found outside the parser, located at a call site by `located`. */
class CallError extends SymgradError {}

/** Offsets in code points of a part of the line. */
interface Span {
  start: number;
  end: number;
}

/** Evaluates one complete input (possibly joined from several physical lines). */
export function evaluateLine(state: SessionState, line: string, options: EvaluateOptions = {}): LineOutcome {
  const text = line.trim();
  if (text === "") return { state, output: "" };
  if (text.startsWith(":")) return meta(state, text, options);
  const now = options.now ?? (() => performance.now());
  const t0 = now();
  try {
    const { state: next, output } = statement(state, line);
    const timing = state.time ? `\ntime: ${(now() - t0).toFixed(2)} ms` : "";
    return { state: next, output: output + timing };
  } catch (err) {
    return { state, output: "", error: formatError(err, options.color === true) };
  }
}

function meta(state: SessionState, text: string, options: EvaluateOptions): LineOutcome {
  const [command, ...rest] = text.split(/\s+/) as [string, ...string[]];
  const arg = rest.join(" ");
  const onOff = (key: "latex" | "time"): LineOutcome => {
    if (arg !== "on" && arg !== "off") return { state, output: "", error: formatError(new CallError(`usage: :${key} on|off (now ${state[key] ? "on" : "off"})`), options.color === true) };
    return { state: { ...state, [key]: arg === "on" }, output: `${key} ${arg}` };
  };
  switch (command) {
    case ":help":
    case ":h":
    case ":?":
      return { state, output: REPL_HELP };
    case ":latex":
      return onOff("latex");
    case ":time":
      return onOff("time");
    case ":vars": {
      const lines = [...state.defs.values()].map(showDefinition);
      if (state.ans !== undefined) lines.push(`ans = ${print(state.ans)}`);
      return { state, output: lines.length === 0 ? "(no definitions)" : lines.join("\n") };
    }
    case ":clear":
      return { state: { ...state, defs: new Map(), ans: undefined }, output: "definitions cleared" };
    case ":quit":
    case ":q":
    case ":exit":
      return { state, output: "", quit: true };
    default:
      return { state, output: "", error: formatError(new CallError(`unknown command '${command}' (type :help)`), options.color === true) };
  }
}

function showDefinition(d: Definition): string {
  return d.explicit ? `${d.name}(${d.params.join(", ")}) = ${print(d.body)}` : `${d.name} = ${print(d.body)}`;
}

/** Names a user may not define. */
function reservedKind(name: string): string | undefined {
  if (CALLABLE_NAMES.includes(name)) return "a built-in function";
  if ((EXPRESSION_COMMANDS as readonly string[]).includes(name) || (STATEMENT_COMMANDS as readonly string[]).includes(name)) return "a command";
  if (CONSTANT_NAMES.includes(name)) return "a constant";
  if (name === "ans") return "the last result";
  return undefined;
}

function statement(state: SessionState, line: string): { state: SessionState; output: string } {
  if (line.trimStart().startsWith("\\")) return showExpr(state, parseLatex(line, latexNames(state)));
  const chars = Array.from(line);
  const definition = definitionHead(chars);
  if (definition !== undefined) return define(state, chars, definition);
  const command = statementCall(chars);
  if (command !== undefined) return runStatement(state, chars, command);
  const value = parseSpan(state, chars, { start: 0, end: chars.length });
  return showExpr(state, value);
}

/** For LaTeX input: defined names and `ans` as expressions, functions with parameters as functions. */
function latexNames(state: SessionState): LatexParseOptions {
  const definitions = new Map<string, Expr>();
  const functions = new Map<string, (args: Expr[]) => Expr>();
  for (const d of state.defs.values()) {
    definitions.set(d.name, d.body);
    if (d.explicit) functions.set(d.name, (args) => apply(d, args));
  }
  if (state.ans !== undefined) definitions.set("ans", state.ans);
  return { definitions, functions };
}

function showExpr(state: SessionState, value: Expr): { state: SessionState; output: string } {
  const output = print(value) + (state.latex ? `\nlatex: ${toLatex(value)}` : "");
  return { state: { ...state, ans: value }, output };
}

function show(state: SessionState, r: Result): string {
  return formatPretty(r) + (state.latex && r.kind !== "latex" ? `\nlatex: ${formatLatex(r)}` : "");
}

// ---------------------------------------------------------------- definitions

interface DefinitionHead {
  name: Token;
  params: Token[];
  explicit: boolean;
  /** Code-point offset of the first character after `=`. */
  bodyStart: number;
}

/** `name =` or `name(p, q) =` at the start of the line, else undefined. */
function definitionHead(chars: readonly string[]): DefinitionHead | undefined {
  const eq = chars.indexOf("=");
  if (eq < 0 || chars[eq + 1] === "=") return undefined;
  let tokens: Token[];
  try {
    tokens = tokenize(chars.slice(0, eq).join(""));
  } catch {
    return undefined;
  }
  const kinds = tokens.map((t) => t.kind);
  if (kinds[0] !== "name") return undefined;
  if (kinds.length === 2) return { name: tokens[0]!, params: [], explicit: false, bodyStart: eq + 1 };
  // name ( name { , name } ) end
  if (kinds[1] !== "(" || kinds[kinds.length - 2] !== ")") return undefined;
  const inner = tokens.slice(2, -2);
  const params = inner.filter((_, i) => i % 2 === 0);
  const ok = inner.length % 2 === 1 && inner.every((t, i) => t.kind === (i % 2 === 0 ? "name" : ","));
  return ok ? { name: tokens[0]!, params, explicit: true, bodyStart: eq + 1 } : undefined;
}

function define(state: SessionState, chars: readonly string[], head: DefinitionHead): { state: SessionState; output: string } {
  const name = head.name.text;
  const reserved = reservedKind(name);
  if (reserved !== undefined) throw locate(new CallError(`cannot define '${name}': it is ${reserved}`), chars, head.name);
  const seen = new Set<string>();
  for (const p of head.params) {
    const kind = CONSTANT_NAMES.includes(p.text) ? "a constant" : seen.has(p.text) ? "a repeated parameter" : undefined;
    if (kind !== undefined) throw locate(new CallError(`parameter '${p.text}' is ${kind}`), chars, p);
    seen.add(p.text);
  }
  const params = head.params.map((p) => p.text);
  if (chars.slice(head.bodyStart).join("").trim() === "") throw locate(new CallError(`missing the definition of '${name}' after '='`), chars, { start: head.bodyStart - 1, end: head.bodyStart });
  const body = parseSpan(state, chars, { start: head.bodyStart, end: chars.length }, new Set(params));
  const d: Definition = { name, params: head.explicit ? params : freeSymbols(body), explicit: head.explicit, body };
  const defs = new Map(state.defs);
  defs.delete(name);
  defs.set(name, d);
  return { state: { ...state, defs }, output: showDefinition(d) };
}

// ---------------------------------------------------------------- parsing with the session's names

/**
 * Parses `chars[span]` with the defined names and expression commands as functions, then
 * substitutes defined names and `ans` (except `keep`). Errors are positioned in the whole line.
 *
 * The parser requires a name in its `functions` option to be called, but a defined name may also
 * stand alone (`diff(f, x)`). So each call of a defined name is renamed, in the text given to the
 * parser, to an alias of the same length in code points (positions stay valid) that is registered
 * as the function, while its bare uses stay symbols and are substituted afterwards.
 */
function parseSpan(state: SessionState, chars: readonly string[], span: Span, keep: ReadonlySet<string> = new Set()): Expr {
  const source = chars.slice(span.start, span.end);
  const { text, aliases } = aliasCalls(state, source, keep);
  let calls = 0;
  const functions = new Map<string, (args: Expr[]) => Expr>();
  const wrap = (f: (args: Expr[]) => Expr) => (args: Expr[]) => {
    const index = calls++;
    try {
      return f(args);
    } catch (err) {
      throw locateCall(err, text, source, index, functions);
    }
  };
  for (const [alias, d] of aliases) functions.set(alias, wrap((args) => apply(d, args)));
  functions.set("diff", wrap((args) => diffCall(state, args)));
  functions.set("simplify", wrap((args) => {
    if (args.length !== 1) throw new CallError(`simplify takes 1 argument, got ${args.length}`);
    return simplify(resolve(state, args[0]!));
  }));
  for (const name of STATEMENT_COMMANDS) {
    functions.set(name, wrap(() => {
      throw new CallError(`${name}(...) is a command, not an expression: use it alone on a line`);
    }));
  }
  try {
    return resolve(state, parse(text, { functions }), keep);
  } catch (err) {
    throw shift(err, chars.join(""), span.start, aliases);
  }
}

/** First code point of the aliases: Unified Canadian Aboriginal Syllabics, letters nobody types here. */
const ALIAS_BASE = 0x1401;
const ALIAS_COUNT = 0x166c - ALIAS_BASE;

/** `source` with each call `name(` of a defined name renamed to its alias; the aliases used. */
function aliasCalls(state: SessionState, source: readonly string[], keep: ReadonlySet<string>): { text: string; aliases: Map<string, Definition> } {
  const text = source.join("");
  const aliases = new Map<string, Definition>();
  if (state.defs.size === 0) return { text, aliases };
  const tokens = lexPrefix(text);
  const out = [...source];
  const byName = new Map<string, string>();
  let next = 0;
  for (let i = 0; i + 1 < tokens.length; i++) {
    const t = tokens[i]!;
    const d = state.defs.get(t.text);
    if (t.kind !== "name" || tokens[i + 1]!.kind !== "(" || d === undefined || keep.has(d.name)) continue;
    let alias = byName.get(d.name);
    while (alias === undefined && next < ALIAS_COUNT) {
      const letter = String.fromCodePoint(ALIAS_BASE + next++);
      if (!text.includes(letter)) alias = letter + "_".repeat(t.end - t.start - 1);
    }
    if (alias === undefined) break;
    byName.set(d.name, alias);
    aliases.set(alias, d);
    out.splice(t.start, t.end - t.start, ...Array.from(alias));
  }
  return { text: out.join(""), aliases };
}

/** The tokens of `text` up to its end or its first lexical error (which the parser reports). */
function lexPrefix(text: string): Token[] {
  const tokens: Token[] = [];
  const lexer = new Lexer(text);
  try {
    for (let t = lexer.next(); t.kind !== "end"; t = lexer.next()) tokens.push(t);
  } catch {
    // The parser raises the same error with its position.
  }
  return tokens;
}

/** The body of `d` with `args` for its parameters. */
function apply(d: Definition, args: readonly Expr[]): Expr {
  if (d.params.length === 0 && args.length === 1) return mul(d.body, args[0]!);
  if (args.length !== d.params.length) {
    const takes = d.params.length === 0 ? "no arguments" : `${d.params.length} argument${d.params.length === 1 ? "" : "s"} (${d.params.join(", ")})`;
    throw new CallError(`${d.name} takes ${takes}, got ${args.length}`);
  }
  return substitute(d.body, new Map(d.params.map((p, i) => [sym(p), args[i]!])));
}

/** Defined names and `ans` replaced by their values (one level: values are stored resolved). */
function resolve(state: SessionState, e: Expr, keep: ReadonlySet<string> = new Set()): Expr {
  const map = new Map<Expr, Expr>();
  for (const d of state.defs.values()) if (!keep.has(d.name)) map.set(sym(d.name), d.body);
  if (state.ans !== undefined && !keep.has("ans")) map.set(sym("ans"), state.ans);
  return map.size === 0 ? e : substitute(e, map);
}

/** diff(e, x), diff(e, x, n), diff(e, x, y, ...). */
function diffCall(state: SessionState, args: readonly Expr[]): Expr {
  if (args.length < 2) throw new CallError(`diff takes an expression and at least one variable, got ${args.length} argument${args.length === 1 ? "" : "s"}`);
  const e = resolve(state, args[0]!);
  const rest = args.slice(1);
  const last = rest[rest.length - 1]!;
  if (rest.length === 2 && last.kind === "num") {
    const n = last.value;
    if (!n.isInteger() || n.sign() < 0) throw new CallError(`the order of diff must be a non-negative integer, got ${print(last)}`);
    return diff(e, variableOf(rest[0]!), Number(n.num));
  }
  return diff(e, rest.map(variableOf));
}

function variableOf(e: Expr): string {
  if (e.kind !== "sym") throw new CallError(`'${print(e)}' is not a variable`);
  return e.name;
}

// ---------------------------------------------------------------- statement commands

interface StatementCall {
  name: string;
  /** The spans of the arguments, split at top-level commas. */
  args: Span[];
  whole: Span;
}

/** `name(args)` spanning the whole line for a statement command, else undefined. */
function statementCall(chars: readonly string[]): StatementCall | undefined {
  const text = chars.join("");
  const m = /^\s*([a-z]+)\s*\(/.exec(text);
  if (m === null || !(STATEMENT_COMMANDS as readonly string[]).includes(m[1]!)) return undefined;
  // The match is ASCII, so its length in code units equals its length in code points.
  const open = m[0].length - 1;
  const args: Span[] = [];
  let depth = 0;
  let argStart = open + 1;
  for (let i = open; i < chars.length; i++) {
    const c = chars[i]!;
    if (c === "(") depth++;
    else if (c === ")") {
      depth--;
      if (depth === 0) {
        if (chars.slice(i + 1).join("").trim() !== "") return undefined;
        args.push(trimSpan(chars, { start: argStart, end: i }));
        const start = m[0].length - m[0].trimStart().length;
        const empty = args.length === 1 && args[0]!.start === args[0]!.end;
        return { name: m[1]!, args: empty ? [] : args, whole: { start, end: i + 1 } };
      }
    } else if (c === "," && depth === 1) {
      args.push(trimSpan(chars, { start: argStart, end: i }));
      argStart = i + 1;
    }
  }
  return undefined;
}

/** The span without the white space at either end. */
function trimSpan(chars: readonly string[], span: Span): Span {
  let { start, end } = span;
  while (start < end && /\s/.test(chars[start]!)) start++;
  while (end > start && /\s/.test(chars[end - 1]!)) end--;
  return { start, end };
}

function runStatement(state: SessionState, chars: readonly string[], call: StatementCall): { state: SessionState; output: string } {
  const { name, args } = call;
  if (args.length === 0) throw locate(new CallError(`${name} needs an expression`), chars, call.whole);
  const expr = (span: Span) => parseSpan(state, chars, span);
  const variables = (spans: readonly Span[]) =>
    spans.map((span) => {
      const e = parseSpan(state, chars, span, new Set(state.defs.keys()));
      if (e.kind !== "sym") throw locate(new CallError(`'${print(e)}' is not a variable`), chars, span);
      return e.name;
    });
  switch (name) {
    case "grad":
    case "hessian": {
      const e = expr(args[0]!);
      const vars = args.length > 1 ? variables(args.slice(1)) : defaultVariables(state, chars, args[0]!, e);
      if (name === "grad") {
        const g = gradient(e, vars);
        return { state, output: show(state, { kind: "vector", vars, value: vars.map((v) => g[v]!) }) };
      }
      return { state, output: show(state, { kind: "matrix", vars, value: hessian(e, vars) }) };
    }
    case "jacobian": {
      const fs = args.map(expr);
      const vars = unionOfFreeSymbols(fs);
      return { state, output: show(state, { kind: "matrix", vars, value: jacobian(fs, vars) }) };
    }
    case "eval": {
      const e = expr(args[0]!);
      const scope: Record<string, number> = Object.create(null) as Record<string, number>;
      for (const span of args.slice(1)) {
        const eq = chars.slice(span.start, span.end).indexOf("=");
        if (eq < 0) throw locate(new CallError("expected NAME=VALUE"), chars, span);
        const [variable] = variables([{ start: span.start, end: span.start + eq }]);
        scope[variable!] = evaluate(expr({ start: span.start + eq + 1, end: span.end }), {});
      }
      const value = evaluate(e, scope);
      const ans = Number.isFinite(value) ? num(rationalFromNumber(value)) : state.ans;
      const output = formatNumber(value) + (state.latex ? `\nlatex: ${formatLatex({ kind: "number", value })}` : "");
      return { state: { ...state, ans }, output };
    }
    default: {
      if (args.length !== 1) throw locate(new CallError(`latex takes 1 argument, got ${args.length}`), chars, call.whole);
      return { state, output: toLatex(expr(args[0]!)) };
    }
  }
}

/** A function's own parameters when the argument is just its name; else the sorted free symbols. */
function defaultVariables(state: SessionState, chars: readonly string[], span: Span, e: Expr): string[] {
  const d = state.defs.get(chars.slice(span.start, span.end).join("").trim());
  return d?.explicit === true ? [...d.params] : freeSymbols(e);
}

// ---------------------------------------------------------------- error positions

/** `err` as a ParseError over `source` located at `where` (code points); ParseErrors unchanged. */
function locate(err: unknown, chars: readonly string[], where: Span): unknown {
  if (err instanceof ParseError || !(err instanceof Error)) return err;
  const found = chars.slice(where.start, where.end).join("");
  return new ParseError(err.message, chars.join(""), where.start, Math.max(where.end, where.start + 1), [], `'${found}'`);
}

/**
 * Locates an error thrown by the `index`-th function callback of a parse of `text` (whose source
 * before aliasing is `source`). The parser calls a function right after reading its `)`, so
 * callbacks run in the order of their closing parentheses; the call sites of the names in
 * `functions`, in that order, are found with the lexer.
 */
function locateCall(err: unknown, text: string, source: readonly string[], index: number, functions: ReadonlyMap<string, unknown>): unknown {
  if (err instanceof ParseError || !(err instanceof Error)) return err;
  const sites: Span[] = [];
  const open: (number | undefined)[] = [];
  let previous: Token | undefined;
  for (const t of lexPrefix(text)) {
    if (t.kind === "(") open.push(previous?.kind === "name" && functions.has(previous.text) ? previous.start : undefined);
    else if (t.kind === ")") {
      const start = open.pop();
      if (start !== undefined) sites.push({ start, end: t.end });
    }
    previous = t;
  }
  const site = sites[index];
  return site === undefined ? err : locate(err, source, site);
}

/**
 * A ParseError over a part of the line starting at `offset`, re-expressed over the whole line, with
 * any alias in its text named as the user wrote it.
 */
function shift(err: unknown, line: string, offset: number, aliases: ReadonlyMap<string, Definition>): unknown {
  if (!(err instanceof ParseError) || (offset === 0 && err.source === line)) return err;
  let { reason, found } = err;
  for (const [alias, d] of aliases) {
    reason = reason.split(alias).join(d.name);
    found = found.split(alias).join(d.name);
  }
  return new ParseError(reason, line, err.start + offset, err.end + offset, err.expected, found);
}

// ---------------------------------------------------------------- input helpers

/** True when `text` has more `(` than `)`: the REPL reads another line before evaluating. */
export function needsMoreInput(text: string): boolean {
  let depth = 0;
  for (const c of text) {
    if (c === "(") depth++;
    else if (c === ")") depth--;
  }
  return depth > 0;
}

/** Tab completion: meta commands after `:`, else function names, commands, constants and defined names. */
export function complete(state: SessionState, line: string): [string[], string] {
  const metaMatch = /^\s*(:\w*)$/.exec(line);
  if (metaMatch !== null) {
    const word = metaMatch[1]!;
    return [META_COMMANDS.filter((c) => c.startsWith(word)), word];
  }
  const m = /[\p{L}_][\p{L}\p{N}_]*$/u.exec(line);
  const word = m === null ? "" : m[0];
  if (word === "") return [[], ""];
  const names = new Set<string>([...CALLABLE_NAMES, ...EXPRESSION_COMMANDS, ...STATEMENT_COMMANDS, "pi", ...state.defs.keys()]);
  if (state.ans !== undefined) names.add("ans");
  return [[...names].filter((n) => n.startsWith(word)).sort(), word];
}
