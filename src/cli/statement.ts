/**
 * One REPL statement read and run: a definition (`f = ...`, `f(x, y) = ...`), a statement command
 * alone on its line (`grad(f)`, `eval(f, x=1)`), or an expression, in which the defined names,
 * `ans` and the expression commands of the command table (`diff`, `expand`, ...) may appear.
 *
 * Contracts:
 * - Every part of the line is parsed once, in place (`parse` with `range`), with the parser's hooks
 *   for caller-defined names and calls; positions in errors are positions in the line.
 * - A defined name is replaced by its value only where it is read as an expression, never where a
 *   variable is expected (see definitions.ts); `keep` names stay symbols (parameters, bindings).
 * - Throws ParseError (positioned) or the library's errors; nothing here evaluates text as code.
 */
import { num, rationalFromNumber, sym } from "../core/build.js";
import { ParseError } from "../core/errors.js";
import type { Expr } from "../core/node.js";
import { Lexer, type Token } from "../parse/lexer.js";
import { parseLatex, type LatexParseOptions } from "../parse/latex-parser.js";
import { parse, type CallSite, type SourceSpan } from "../parse/parser.js";
import { toLatex } from "../print/latex.js";
import { print } from "../print/plain.js";
import { freeSymbols } from "../core/traverse.js";
import { readCallArgs, type ArgReader } from "./call-args.js";
import { COMMANDS_BY_NAME, isExpressionCommand, type CommandArgs, type CommandEntry } from "./command-table.js";
import { applyDefinition, CallError, CONSTANT_NAMES, definedVariableError, reservedKind, showDefinition, type Definition } from "./definitions.js";
import { formatLatex, formatNumber, formatPretty, type Result } from "./format.js";
import type { SessionState } from "./session-state.js";

export interface StatementOutcome {
  readonly state: SessionState;
  readonly output: string;
}

const NOTHING: ReadonlySet<string> = new Set();

/** Runs one statement (the whole input, possibly several physical lines). */
export function runStatement(state: SessionState, line: string): StatementOutcome {
  if (line.trimStart().startsWith("\\")) return showExpr(state, parseLatex(line, latexNames(state)));
  const reader = new Reader(state, line);
  const head = definitionHead(reader);
  if (head !== undefined) return define(reader, head);
  const call = statementCall(reader.chars);
  if (call !== undefined) return runCommandStatement(reader, call);
  return showExpr(state, reader.expr({ start: 0, end: reader.chars.length }));
}

/**
 * For a LaTeX line: the defined names and `ans` as expressions, functions with parameters as
 * functions (LaTeX input has no variable arguments to protect: its derivatives name their
 * variables inside the operator).
 */
function latexNames(state: SessionState): LatexParseOptions {
  const definitions = new Map<string, Expr>();
  const functions = new Map<string, (args: Expr[]) => Expr>();
  for (const d of state.defs.values()) {
    definitions.set(d.name, d.body);
    if (d.explicit) functions.set(d.name, (args) => applyDefinition(d, args));
  }
  if (state.ans !== undefined) definitions.set("ans", state.ans);
  return { definitions, functions, undefinedFunctions: state.functions };
}

function showExpr(state: SessionState, value: Expr): StatementOutcome {
  const output = print(value) + (state.latex ? `\nlatex: ${toLatex(value)}` : "");
  return { state: { ...state, ans: value }, output };
}

/**
 * A "=" inside an expression (`implicit(x^2 + y^2 = 1, y, x)`): the same error, with the hint
 * that the syntax has no equations. Other errors unchanged.
 */
function withEquationHint(err: unknown): unknown {
  if (!(err instanceof ParseError) || err.found !== "'='") return err;
  const reason = `${err.reason} (expressions have no equations; for implicit, write F = G as F - G)`;
  return new ParseError(reason, err.source, err.start, err.end, err.expected, err.found);
}

/** Reads the parts of one line against the session. */
class Reader implements ArgReader {
  readonly chars: readonly string[];
  /** Where a defined name (or `ans`) was replaced by its value: start offset -> end and name. */
  private readonly replaced = new Map<number, { end: number; name: string }>();

  constructor(
    readonly state: SessionState,
    readonly line: string,
  ) {
    this.chars = Array.from(line);
  }

  /** The expression at `span`, with `keep` left as symbols. */
  expr(span: SourceSpan, keep: ReadonlySet<string> = NOTHING): Expr {
    try {
      return parse(this.line, {
        range: span,
        resultCalls: "error",
        functions: this.functions(keep),
        names: (name, at) => this.valueOf(name, at, keep),
        undefinedFunctions: this.state.functions,
      });
    } catch (err) {
      throw withEquationHint(err);
    }
  }

  /** The text of a span. */
  text(span: SourceSpan): string {
    return this.chars.slice(span.start, span.end).join("");
  }

  /** `err` positioned at `span` when it is the REPL's own; other errors unchanged. */
  locate(err: unknown, span: SourceSpan): unknown {
    if (!(err instanceof CallError)) return err;
    return new ParseError(err.message, this.line, span.start, Math.max(span.end, span.start + 1), [], `'${this.text(span)}'`);
  }

  /** The variable written at `span` (parsed as `e`): a symbol that is not a defined name. */
  variable(e: Expr, span: SourceSpan): string {
    const name = this.replacedAt(span);
    if (name !== undefined) throw this.locate(definedVariableError(name, this.state.defs.get(name)), span);
    if (e.kind !== "sym") throw this.locate(new CallError(`'${print(e)}' is not a variable`), span);
    return e.name;
  }

  /** The defined name written exactly at `span`, when it was replaced by its value. */
  replacedAt(span: SourceSpan): string | undefined {
    const r = this.replaced.get(span.start);
    return r !== undefined && r.end === span.end ? r.name : undefined;
  }

  private valueOf(name: string, at: SourceSpan, keep: ReadonlySet<string>): Expr | undefined {
    if (keep.has(name)) return undefined;
    const value = this.state.defs.get(name)?.body ?? (name === "ans" ? this.state.ans : undefined);
    if (value !== undefined) this.replaced.set(at.start, { end: at.end, name });
    return value;
  }

  private functions(keep: ReadonlySet<string>): Map<string, (args: Expr[], site: CallSite) => Expr> {
    const out = new Map<string, (args: Expr[], site: CallSite) => Expr>();
    const at = (site: CallSite, f: () => Expr) => {
      try {
        return f();
      } catch (err) {
        throw this.locate(err, site);
      }
    };
    for (const [name, entry] of COMMANDS_BY_NAME) {
      out.set(
        name,
        isExpressionCommand(entry)
          ? (args, site) => at(site, () => (entry.run(readCallArgs(this, entry, args, site.args, site)) as { value: Expr }).value)
          : (_, site) =>
              at(site, () => {
                throw new CallError(`${name}(...) is a command, not an expression: use it alone on a line`);
              }),
      );
    }
    for (const d of this.state.defs.values()) {
      if (!keep.has(d.name)) out.set(d.name, (args, site) => at(site, () => applyDefinition(d, args)));
    }
    return out;
  }
}

// ---------------------------------------------------------------- definitions

interface DefinitionHead {
  name: Token;
  params: Token[];
  explicit: boolean;
  /** Code-point offset of `=`. */
  eq: number;
}

/** `name =` or `name(p, q) =` at the start of the line, else undefined. */
function definitionHead(reader: Reader): DefinitionHead | undefined {
  const eq = reader.chars.indexOf("=");
  if (eq < 0) return undefined;
  const tokens: Token[] = [];
  try {
    const lexer = new Lexer(reader.line, { range: { start: 0, end: eq } });
    for (let t = lexer.next(); t.kind !== "end"; t = lexer.next()) tokens.push(t);
  } catch {
    return undefined;
  }
  const kinds = tokens.map((t) => t.kind);
  if (kinds[0] !== "name") return undefined;
  if (kinds.length === 1) return { name: tokens[0]!, params: [], explicit: false, eq };
  // name ( name { , name } )
  if (kinds[1] !== "(" || kinds[kinds.length - 1] !== ")") return undefined;
  const inner = tokens.slice(2, -1);
  const params = inner.filter((_, i) => i % 2 === 0);
  const ok = inner.length % 2 === 1 && inner.every((t, i) => t.kind === (i % 2 === 0 ? "name" : ","));
  return ok ? { name: tokens[0]!, params, explicit: true, eq } : undefined;
}

function define(reader: Reader, head: DefinitionHead): StatementOutcome {
  const { state } = reader;
  const name = head.name.text;
  const reserved = reservedKind(name);
  if (reserved !== undefined) throw reader.locate(new CallError(`cannot define '${name}': it is ${reserved}`), head.name);
  if (state.functions.includes(name))
    throw reader.locate(new CallError(`cannot define '${name}': it is declared as an undefined function (:clear ${name} first)`), head.name);
  const seen = new Set<string>();
  for (const p of head.params) {
    const kind = CONSTANT_NAMES.includes(p.text) ? "a constant" : seen.has(p.text) ? "a repeated parameter" : undefined;
    if (kind !== undefined) throw reader.locate(new CallError(`parameter '${p.text}' is ${kind}`), p);
    seen.add(p.text);
  }
  const params = head.params.map((p) => p.text);
  const bodySpan = { start: head.eq + 1, end: reader.chars.length };
  if (reader.text(bodySpan).trim() === "")
    throw reader.locate(new CallError(`missing the definition of '${name}' after '='`), { start: head.eq, end: head.eq + 1 });
  const body = reader.expr(bodySpan, new Set(params));
  const d: Definition = { name, params: head.explicit ? params : freeSymbols(body), explicit: head.explicit, body };
  const defs = new Map(state.defs);
  defs.delete(name);
  defs.set(name, d);
  return { state: { ...state, defs }, output: showDefinition(d) };
}

// ---------------------------------------------------------------- statement commands

interface StatementCall {
  entry: CommandEntry;
  /** The spans of the arguments, split at top-level commas, without surrounding white space. */
  args: SourceSpan[];
  whole: SourceSpan;
}

/** `name(args)` spanning the whole line for a statement command, else undefined. */
function statementCall(chars: readonly string[]): StatementCall | undefined {
  const m = /^\s*([a-z]+)\s*\(/.exec(chars.join(""));
  const entry = m === null ? undefined : COMMANDS_BY_NAME.get(m[1]!);
  if (m === null || entry === undefined || isExpressionCommand(entry)) return undefined;
  // The match is ASCII, so its length in code units equals its length in code points.
  const open = m[0].length - 1;
  const args: SourceSpan[] = [];
  let depth = 0;
  let argStart = open + 1;
  for (let i = open; i < chars.length; i++) {
    const c = chars[i]!;
    if (c === "(") depth++;
    else if (c === ")") {
      depth--;
      if (depth === 0) {
        if (
          chars
            .slice(i + 1)
            .join("")
            .trim() !== ""
        )
          return undefined;
        args.push(trimSpan(chars, { start: argStart, end: i }));
        const start = m[0].length - m[0].trimStart().length;
        const empty = args.length === 1 && args[0]!.start === args[0]!.end;
        return { entry, args: empty ? [] : args, whole: { start, end: i + 1 } };
      }
    } else if (c === "," && depth === 1) {
      args.push(trimSpan(chars, { start: argStart, end: i }));
      argStart = i + 1;
    }
  }
  return undefined;
}

function trimSpan(chars: readonly string[], span: SourceSpan): SourceSpan {
  let { start, end } = span;
  while (start < end && /\s/.test(chars[start]!)) start++;
  while (end > start && /\s/.test(chars[end - 1]!)) end--;
  return { start, end };
}

/** `NAME=VALUE` at `span`: the name as a variable and the value read with the session's names. */
function readBinding(reader: Reader, span: SourceSpan): { name: string; value: Expr } {
  const eq = reader.chars.slice(span.start, span.end).indexOf("=");
  if (eq < 0) throw reader.locate(new CallError("expected NAME=VALUE"), span);
  const nameSpan = trimSpan(reader.chars, { start: span.start, end: span.start + eq });
  const valueSpan = trimSpan(reader.chars, { start: span.start + eq + 1, end: span.end });
  // The name is read without definitions: a binding names a variable, whatever is defined.
  const e = parse(reader.line, { range: nameSpan, names: (name) => sym(name) });
  if (e.kind !== "sym" || CONSTANT_NAMES.includes(e.name)) throw reader.locate(new CallError(`'${reader.text(nameSpan)}' is not a variable`), nameSpan);
  return { name: e.name, value: reader.expr(valueSpan) };
}

function runCommandStatement(reader: Reader, call: StatementCall): StatementOutcome {
  const { entry, args } = call;
  const { state } = reader;
  if (args.length === 0) throw reader.locate(new CallError(`${entry.name} needs an expression`), call.whole);
  let commandArgs: CommandArgs;
  if (entry.params.some((p) => p.kind === "bindings")) {
    const bindings = args.slice(1).map((span) => readBinding(reader, span));
    const e = reader.expr(args[0]!, new Set(bindings.map((b) => b.name)));
    commandArgs = { exprs: [e], bindings };
  } else {
    commandArgs = readCallArgs(
      reader,
      entry,
      args.map((span) => reader.expr(span)),
      args,
      call.whole,
    );
  }
  const r = entry.run(commandArgs);
  return { state: { ...state, ans: answerOf(r) ?? state.ans }, output: show(state, r) };
}

/** The value a result leaves in `ans`: an expression, or a finite number. */
function answerOf(r: Result): Expr | undefined {
  if (r.kind === "expr") return r.value;
  if (r.kind === "steps") return r.value.result;
  if (r.kind === "number" && Number.isFinite(r.value)) return num(rationalFromNumber(r.value));
  return undefined;
}

function show(state: SessionState, r: Result): string {
  const text = r.kind === "number" ? formatNumber(r.value) : formatPretty(r);
  return text + (state.latex && r.kind !== "latex" ? `\nlatex: ${formatLatex(r)}` : "");
}
