/**
 * The CLI subcommands: expression texts and command-line arguments in, a `Result` out, through
 * the command table. EXPR texts are LaTeX with `--latex-in`; every other value (a binding's value,
 * a point, a direction's components) is plain text. They throw the library's errors (ParseError and other SymgradErrors: exit
 * code 1) or a `UsageError` for an argument that is not a variable name (exit code 2). No I/O here.
 */
import { toVariableName } from "../api/input.js";
import { parseLatex } from "../parse/latex-parser.js";
import { parse } from "../parse/parser.js";
import { UsageError, type CommandArgs, type CommandName } from "./args.js";
import { COMMANDS_BY_NAME } from "./command-table.js";
import type { Result } from "./format.js";

export { loadNumeric } from "./numeric-loader.js";

/** The variable names, each checked to be a single symbol (a UsageError otherwise). */
export function variableNames(names: readonly string[], command: CommandName): string[] {
  return names.map((name) => {
    try {
      return toVariableName(name);
    } catch {
      throw new UsageError(`'${name}' is not a variable name`, command);
    }
  });
}

/** Runs `command` on the expression texts `exprs` (several only for a command taking a list). */
export function runCommand(command: CommandName, exprs: readonly string[], args: CommandArgs): Result {
  const entry = COMMANDS_BY_NAME.get(command);
  if (entry === undefined) throw new UsageError(`unknown command '${command}'`);
  // Every text is read with the declared undefined functions (--functions), EXPR as LaTeX with --latex-in.
  const options = args.functions === undefined ? {} : { undefinedFunctions: args.functions };
  const plain = (text: string) => parse(text, options);
  const read = args.latexIn === true ? (text: string) => parseLatex(text, options) : plain;
  const bindings = args.bindings?.map(({ name, value }) => ({ name: variableNames([name], command)[0]!, value: plain(value) }));
  return entry.run({
    exprs: exprs.map(read),
    ...(args.vars === undefined ? {} : { vars: variableNames(args.vars, command) }),
    ...(args.order === undefined ? {} : { order: args.order }),
    ...(args.point === undefined ? {} : { point: plain(args.point) }),
    ...(args.direction === undefined ? {} : { direction: args.direction.map(plain) }),
    ...(bindings === undefined ? {} : { bindings }),
  });
}

/** Whether `command` needs numeric evaluation loaded. */
export function needsNumeric(command: CommandName): boolean {
  return COMMANDS_BY_NAME.get(command)?.numeric === true;
}

/** Whether `command` takes a list of expressions (EXPR...) rather than one EXPR. */
export function takesList(command: CommandName): boolean {
  return COMMANDS_BY_NAME.get(command)?.params[0]?.kind === "exprs";
}
