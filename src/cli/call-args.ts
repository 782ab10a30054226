/**
 * The arguments of a REPL call of a command (`taylor(f, x, 0, 5)`), read by the kinds of its
 * parameters in the command table.
 *
 * Contracts:
 * - The arguments arrive parsed, with their spans in the line; every mistake is a CallError placed
 *   at the argument it concerns (or at the whole call when an argument is missing), never a
 *   silent misreading: a count that fits no form of the command is an error, not a guess.
 * - A variable is checked by the reader (a symbol that is not a defined name); an order is a
 *   non-negative integer; the variables of a vector's components are distinct.
 * - Bindings are not read here (the statement reads them: they are not expressions).
 */
import type { Expr } from "../core/node.js";
import type { SourceSpan } from "../parse/parser.js";
import { print } from "../print/plain.js";
import type { CommandArgs, CommandEntry, ParamKind } from "./command-table.js";
import { CallError } from "./definitions.js";
import type { SessionState } from "./session-state.js";

/** What reading arguments needs from the statement's reader. */
export interface ArgReader {
  readonly state: SessionState;
  /** `err` positioned at `span` when it is the REPL's own; other errors unchanged. */
  locate(err: unknown, span: SourceSpan): unknown;
  /** The variable written at `span` (parsed as `e`): a symbol that is not a defined name. */
  variable(e: Expr, span: SourceSpan): string;
  /** The defined name written exactly at `span`, when it was replaced by its value. */
  replacedAt(span: SourceSpan): string | undefined;
}

/** The kinds that take exactly one argument. */
const SINGLE: ReadonlySet<ParamKind> = new Set(["expr", "var", "point", "order"]);
/** The kinds that take the arguments left over by the others. */
const LIST: ReadonlySet<ParamKind> = new Set(["exprs", "vars", "vars?", "direction"]);

/** One argument: its node and where it was written. */
interface Arg {
  readonly e: Expr;
  readonly span: SourceSpan;
}

/**
 * The arguments of a call of `entry`: `args` parsed, `spans` where each was written, `whole` the
 * call.
 */
export function readCallArgs(reader: ArgReader, entry: CommandEntry, args: readonly Expr[], spans: readonly SourceSpan[], whole: SourceSpan): CommandArgs {
  const kinds = entry.params.map((p) => p.kind);
  const fail = (message: string, span: SourceSpan = whole) => reader.locate(new CallError(message), span);
  const all: Arg[] = args.map((e, i) => ({ e, span: spans[i]! }));
  const singles = kinds.filter((k) => SINGLE.has(k));
  const list = kinds.find((k) => LIST.has(k));
  const fieldVars = kinds.includes("fieldVars");
  const n = all.length;
  countCheck(entry, n, singles.length, list, fieldVars, fail);

  let rest = all.slice(singles.length);
  // An optional order: after a list of variables, a final number following exactly one variable;
  // after fixed arguments only, the one argument more than they take.
  let order: number | undefined;
  if (kinds.includes("order?")) {
    const last = rest[rest.length - 1];
    const isOrder =
      list === undefined ? rest.length === 1 : last !== undefined && last.e.kind === "num" && reader.replacedAt(last.span) === undefined && rest.length >= 2;
    if (isOrder) {
      if (list !== undefined && rest.length > 2) throw fail(`the order of ${entry.name} applies to a single variable; repeat the variable instead`, last!.span);
      order = orderOf(entry.name, last!, fail);
      rest = rest.slice(0, -1);
    }
  }

  const out: { exprs: Expr[]; vars?: string[]; order?: number; point?: Expr; direction?: Expr[] } = { exprs: [] };
  const firstSpan = all[0]?.span;
  let next = 0;
  for (const kind of singles) {
    const a = all[next++]!;
    if (kind === "expr") out.exprs.push(a.e);
    else if (kind === "var") (out.vars ??= []).push(reader.variable(a.e, a.span));
    else if (kind === "point") out.point = a.e;
    else out.order = orderOf(entry.name, a, fail);
  }
  const count = fieldVars ? rest.length / 2 : rest.length;
  const listed = rest.slice(0, count);
  if (list === "exprs") out.exprs.push(...listed.map((a) => a.e));
  else if (list === "direction") out.direction = listed.map((a) => a.e);
  else if (list === "vars" || list === "vars?") {
    out.vars = listed.map((a) => reader.variable(a.e, a.span));
    if (list === "vars?" && out.vars.length === 0) {
      delete out.vars;
      Object.assign(out, defaultVars(reader, firstSpan!));
    }
  }
  if (fieldVars) out.vars = distinctVariables(reader, rest.slice(count), fail);
  if (order !== undefined) out.order = order;
  return out;
}

/** Throws unless `n` arguments fit the parameters. */
function countCheck(
  entry: CommandEntry,
  n: number,
  singles: number,
  list: ParamKind | undefined,
  fieldVars: boolean,
  fail: (message: string) => unknown,
): void {
  const { name } = entry;
  const kinds = entry.params.map((p) => p.kind);
  const plural = (k: number) => `${k} argument${k === 1 ? "" : "s"}`;
  if (list === "exprs" && !fieldVars) {
    if (n === 0) throw fail(`${name} needs at least one expression`);
    return;
  }
  if (list === undefined && !fieldVars && kinds.length === 1) {
    if (n !== 1) throw fail(`${name} takes 1 argument, got ${n}`);
    return;
  }
  if (list === "vars" || list === "vars?") {
    if (n === 0 || (list === "vars" && n < 2))
      throw fail(`${name} takes an expression and ${list === "vars" ? "at least one variable" : "optional variables"}, got ${plural(n)}`);
    return;
  }
  const forms = entry.repl.split(/\s{2,}/).join(" or ");
  const extra = n - singles;
  const fits = fieldVars
    ? entry.components !== undefined
      ? extra === 2 * entry.components
      : extra >= 2 && extra % 2 === 0
    : list !== undefined
      ? extra >= 1
      : extra === 0 || (extra === 1 && kinds.includes("order?"));
  const per = entry.components === undefined ? "one variable per component" : `${entry.components} components, one variable each`;
  if (!fits) throw fail(`${name}: expected ${forms}${fieldVars ? ` (${per})` : ""}, got ${plural(n)}`);
}

/** The non-negative integer an order argument holds. */
function orderOf(name: string, a: Arg, fail: (message: string, span?: SourceSpan) => unknown): number {
  const e = a.e;
  if (e.kind !== "num" || !e.value.isInteger() || e.value.sign() < 0)
    throw fail(`the order of ${name} must be a non-negative integer, got ${print(e)}`, a.span);
  return Number(e.value.num);
}

/** The variables of a vector's components: each a variable, none repeated. */
function distinctVariables(reader: ArgReader, args: readonly Arg[], fail: (message: string, span?: SourceSpan) => unknown): string[] {
  const vars: string[] = [];
  for (const a of args) {
    const v = reader.variable(a.e, a.span);
    if (vars.includes(v)) throw fail(`'${v}' is repeated: one variable per component`, a.span);
    vars.push(v);
  }
  return vars;
}

/** A function's own parameters when the expression argument is just its name. */
function defaultVars(reader: ArgReader, span: SourceSpan): { vars?: readonly string[] } {
  const name = reader.replacedAt(span);
  const d = name === undefined ? undefined : reader.state.defs.get(name);
  return d?.explicit === true ? { vars: [...d.params] } : {};
}
