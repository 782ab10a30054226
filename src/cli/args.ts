/**
 * Command-line argument parsing: argv (without `node` and the script) in, a validated `Invocation`
 * out, or a `UsageError` (exit code 2). No I/O here.
 *
 * Conventions:
 * - `--flag value` and `--flag=value` are the same; `--` ends the options.
 * - A lone `-` is an expression meaning "read standard input".
 * - Any other argument starting with a single `-` (such as `-x^2` or `-1`) is an expression, except
 *   the short flags `-h` and `-V` (and `-v`, a flag only as the first argument: `diff -v v` is
 *   the derivative of -v).
 * - A first argument that is not a command but names a file (`isFile`) is a script of REPL
 *   statements.
 */

import { CALLABLE_NAMES } from "../core/functions.js";
import { isPlainName } from "../parse/parser.js";
import { COMMAND_TABLE, COMMANDS_BY_NAME, type CommandEntry, type Param, type ParamKind } from "./command-table.js";

/** The subcommands, in the order `--help` lists them (the command table's order). */
export const COMMANDS: readonly string[] = COMMAND_TABLE.map((c) => c.name);
export type CommandName = string;

/** A mistake in how the program was called (exit code 2). */
export class UsageError extends Error {
  override name = "UsageError";
  constructor(
    message: string,
    /** The command the mistake belongs to, so the usage line shown can be that command's. */
    readonly command?: CommandName,
  ) {
    super(message);
  }
}

export interface OutputOptions {
  latex: boolean;
  json: boolean;
}

export type Invocation =
  | { kind: "repl" }
  | { kind: "help"; command?: CommandName }
  | { kind: "version" }
  | { kind: "script"; path: string }
  | ({ kind: "command"; command: CommandName; exprs: string[] } & CommandArgs & OutputOptions);

/** The command-specific part of an invocation; absent fields were not given. */
export interface CommandArgs {
  /** The variables (diff: in the order of differentiation). */
  vars?: string[];
  /** diff: the order for a single variable; taylor, implicit: the order. */
  order?: number;
  /** taylor: the expansion point, as unparsed expression text. */
  point?: string;
  /** directional: the components of the direction, as unparsed expression texts. */
  direction?: string[];
  /** The bindings `name=value`, values as unparsed expression text. */
  bindings?: { name: string; value: string }[];
  /** --latex-in: every EXPR is LaTeX, read by parseLatex (binding values stay plain). */
  latexIn?: boolean;
  /** --functions f,g: the undefined functions every expression text is read with (`f'(x)`). */
  functions?: string[];
}

/** How each parameter kind appears in a synopsis, and the help line of its flag, if any. */
const PARAM_SYNTAX: Readonly<Record<ParamKind, { synopsis: string; flag?: string; help?: string }>> = {
  expr: { synopsis: "EXPR" },
  exprs: { synopsis: "EXPR...", help: "with EXPR -, each non-empty line of standard input is one expression of the list" },
  vars: { synopsis: "VAR [VAR...]" },
  "vars?": { synopsis: "[--vars x,y]", flag: "--vars", help: "--vars x,y   the variables, in order (default: the free symbols, sorted)" },
  "order?": { synopsis: "[--order N]", flag: "--order", help: "--order N    differentiate N times with respect to the single VAR (default 1)" },
  var: { synopsis: "VAR" },
  point: { synopsis: "POINT" },
  order: { synopsis: "ORDER", help: "ORDER        a non-negative integer" },
  direction: { synopsis: "D...", help: "D...         the components of the direction (expressions), one per variable of --vars" },
  fieldVars: { synopsis: "--vars x,y,...", flag: "--vars", help: "--vars x,y   the variables, one per component, in order (required)" },
  bindings: { synopsis: "[NAME=VALUE...]" },
};

/** How a parameter is written in a synopsis and in messages (`EXPR`, `VAR`, its label). */
function placeholder(p: Param): string {
  return p.label ?? PARAM_SYNTAX[p.kind].synopsis;
}

/** The one-line synopsis of a command, from its parameters. */
export function synopsis(c: CommandEntry): string {
  return ["symgrad", c.name, ...c.params.map(placeholder)].join(" ");
}

function valueFlags(c: CommandEntry): string[] {
  return c.params.flatMap((p) => PARAM_SYNTAX[p.kind].flag ?? []);
}

const COMMON_FLAGS = ["--latex", "--json", "--latex-in", "--functions", "--help"] as const;

/** Parses argv. Throws `UsageError` for anything a user got wrong. */
export function parseArgs(argv: readonly string[], isFile: (path: string) => boolean = () => false): Invocation {
  if (argv.length === 0) return { kind: "repl" };
  const [first, ...rest] = argv as [string, ...string[]];
  if (first === "--help" || first === "-h") return { kind: "help" };
  if (first === "--version" || first === "-V" || first === "-v") return { kind: "version" };
  if (!COMMANDS_BY_NAME.has(first) && first !== "help" && !isFlag(first) && !first.startsWith("-") && isFile(first)) {
    if (rest.length > 0) throw new UsageError(`a script takes no arguments (got '${rest[0]}')`);
    return { kind: "script", path: first };
  }
  if (first === "help") {
    if (rest.length === 0) return { kind: "help" };
    return { kind: "help", command: commandNamed(rest[0]!) };
  }
  if (isFlag(first)) throw new UsageError(`unknown option '${flagName(first)}'`);
  const command = commandNamed(first);
  // `diff ... --steps` is the `steps` command: the same arguments, the derivation shown.
  if (command === "diff" && rest.includes("--steps"))
    return parseCommand(
      "steps",
      rest.filter((a) => a !== "--steps"),
    );
  return parseCommand(command, rest);
}

function commandNamed(word: string): CommandName {
  if (COMMANDS_BY_NAME.has(word)) return word;
  const near = closest(word, COMMANDS);
  throw new UsageError(`unknown command '${word}'${near === undefined ? "" : ` (did you mean '${near}'?)`}`);
}

function isFlag(arg: string): boolean {
  return arg.startsWith("--") || arg === "-h" || arg === "-V";
}

function flagName(arg: string): string {
  const eq = arg.indexOf("=");
  return eq < 0 ? arg : arg.slice(0, eq);
}

function parseCommand(command: CommandName, args: readonly string[]): Invocation {
  const spec = COMMANDS_BY_NAME.get(command)!;
  const flags = valueFlags(spec);
  const positional: string[] = [];
  const values = new Map<string, string>();
  let latex = false;
  let json = false;
  let latexIn = false;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === "--") {
      positional.push(...args.slice(i + 1));
      break;
    }
    if (!isFlag(arg)) {
      positional.push(arg);
      continue;
    }
    const name = flagName(arg);
    const inline = name.length < arg.length ? arg.slice(name.length + 1) : undefined;
    if (name === "--help" || name === "-h") return { kind: "help", command };
    if (name === "--latex" || name === "--json" || name === "--latex-in") {
      if (inline !== undefined) throw new UsageError(`option '${name}' takes no value`, command);
      if (name === "--latex") latex = true;
      else if (name === "--json") json = true;
      else latexIn = true;
      continue;
    }
    const known = flags.includes(name) || name === "--functions";
    if (!known) {
      const near = closest(name, [...COMMON_FLAGS, ...flags]);
      throw new UsageError(`unknown option '${name}' for '${command}'${near === undefined ? "" : ` (did you mean '${near}'?)`}`, command);
    }
    let value = inline;
    if (value === undefined) {
      value = args[i + 1];
      if (value === undefined) throw new UsageError(`option '${name}' needs a value`, command);
      i++;
    }
    if (values.has(name)) throw new UsageError(`option '${name}' given twice`, command);
    values.set(name, value);
  }
  if (positional.length === 0) throw new UsageError(`missing EXPR`, command);
  const functions = declaredFunctions(values, command);
  const out = { kind: "command" as const, command, latex, json, ...(latexIn ? { latexIn } : {}), ...(functions === undefined ? {} : { functions }) };
  if (spec.params.some((p) => p.kind === "bindings")) {
    const [expr, ...rest] = positional as [string, ...string[]];
    const bindings = rest.map((b) => {
      const eq = b.indexOf("=");
      const name = eq < 0 ? "" : b.slice(0, eq).trim();
      const value = eq < 0 ? "" : b.slice(eq + 1).trim();
      if (name === "" || value === "") throw new UsageError(`expected NAME=VALUE, got '${b}'`, command);
      return { name, value };
    });
    return { ...out, exprs: [expr], bindings };
  }
  return { ...out, ...readPositional(spec, positional, values) };
}

/**
 * The arguments of a command without bindings: the positionals taken by the parameters in order
 * (one each for the one-argument kinds, the rest for a list), then the flags.
 */
function readPositional(spec: CommandEntry, positional: readonly string[], values: ReadonlyMap<string, string>): { exprs: string[] } & CommandArgs {
  const command = spec.name;
  const read: { exprs: string[] } & CommandArgs = { exprs: [] };
  let next = 0;
  for (const p of spec.params) {
    const label = placeholder(p);
    switch (p.kind) {
      case "expr":
      case "var":
      case "point":
      case "order": {
        const arg = positional[next++];
        if (arg === undefined) throw new UsageError(`missing ${label}`, command);
        if (p.kind === "expr") read.exprs.push(arg);
        else if (p.kind === "var") (read.vars ??= []).push(arg);
        else if (p.kind === "point") read.point = arg;
        else read.order = nonNegativeInteger(arg, label, command);
        break;
      }
      case "exprs":
      case "vars":
      case "direction": {
        const rest = positional.slice(next);
        next = positional.length;
        if (rest.length === 0) throw new UsageError(`missing ${p.kind === "vars" ? "VAR" : label}`, command);
        if (p.kind === "exprs") read.exprs.push(...rest);
        else if (p.kind === "vars") read.vars = [...rest];
        else if (rest.includes("-")) throw new UsageError("'-' (standard input) stands only for EXPR, not for a component of the direction", command);
        else read.direction = [...rest];
        break;
      }
      case "vars?":
        Object.assign(read, listedVars(values, command));
        break;
      case "fieldVars": {
        const { vars } = listedVars(values, command);
        if (vars === undefined) throw new UsageError(`'${command}' needs --vars x,y,...: one variable per component`, command);
        // The components: the direction's, or the expressions' (unknown until read when one is "-").
        const components = (read.direction ?? read.exprs).length;
        if (spec.components !== undefined && components !== spec.components && !read.exprs.includes("-"))
          throw new UsageError(`'${command}' takes ${spec.components} components, got ${components}`, command);
        const repeated = vars.find((v, i) => vars.indexOf(v) !== i);
        if (repeated !== undefined) throw new UsageError(`'${repeated}' is repeated in --vars: one variable per component`, command);
        read.vars = vars;
        break;
      }
      case "order?": {
        const orderText = values.get("--order");
        if (orderText === undefined) break;
        read.order = nonNegativeInteger(orderText, "--order", command);
        if (spec.params.some((q) => q.kind === "vars") && read.vars!.length > 1)
          throw new UsageError("--order applies to a single VAR; repeat the variable instead", command);
        break;
      }
      case "bindings":
        break;
    }
  }
  if (next < positional.length) {
    const onlyExpr = spec.params.every((p) => p.kind === "expr" || p.kind === "vars?");
    if (onlyExpr) {
      const hint = spec.params.some((p) => p.kind === "vars?") ? "give variables with --vars" : "quote the expression";
      throw new UsageError(`'${command}' takes one EXPR (got ${positional.length}); ${hint}`, command);
    }
    const positionals = spec.params.filter((p) => PARAM_SYNTAX[p.kind].flag === undefined).map(placeholder);
    throw new UsageError(`'${command}' takes ${positionals.join(" ")} (got ${positional.length} arguments)`, command);
  }
  return read;
}

/** `text` as a non-negative integer, or a UsageError naming the argument. */
function nonNegativeInteger(text: string, label: string, command: CommandName): number {
  if (!/^\d+$/.test(text)) throw new UsageError(`${label} needs a non-negative integer, got '${text}'`, command);
  return Number(text);
}

/** `--vars x,y` as a list, when given. */
function listedVars(values: ReadonlyMap<string, string>, command: CommandName): { vars?: string[] } {
  const varsText = values.get("--vars");
  if (varsText === undefined) return {};
  const vars = varsText.split(",").map((v) => v.trim());
  if (vars.some((v) => v === "")) throw new UsageError(`--vars needs a comma-separated list of names, got '${varsText}'`, command);
  return { vars };
}

/** `--functions f,g` as a list of plain names that are not built-in functions, when given. */
function declaredFunctions(values: ReadonlyMap<string, string>, command: CommandName): string[] | undefined {
  const text = values.get("--functions");
  if (text === undefined) return undefined;
  const names = text.split(",").map((f) => f.trim());
  if (!names.every(isPlainName)) throw new UsageError(`--functions needs a comma-separated list of function names, got '${text}'`, command);
  const builtIn = names.find((f) => CALLABLE_NAMES.includes(f));
  if (builtIn !== undefined) throw new UsageError(`--functions: '${builtIn}' is a built-in function, not an undefined one`, command);
  return names;
}

/** The candidate within edit distance 2 of `word` (the nearest, first on ties), if any. */
export function closest(word: string, candidates: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = 3;
  for (const c of candidates) {
    const d = editDistance(word, c);
    if (d < bestDistance) {
      best = c;
      bestDistance = d;
    }
  }
  return best;
}

function editDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) {
      cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    prev = cur;
  }
  return prev[b.length]!;
}

/** The full `--help` text, or one command's. */
export function helpText(command?: CommandName): string {
  if (command !== undefined) {
    const spec = COMMANDS_BY_NAME.get(command)!;
    return [
      `usage: ${synopsis(spec)} [--latex] [--json]`,
      "",
      spec.summary + ".",
      "",
      ...spec.params.flatMap((p) => PARAM_SYNTAX[p.kind].help ?? []),
      `example: symgrad ${spec.example}`,
      "--latex      print LaTeX instead of plain text",
      "--latex-in   read EXPR as LaTeX, e.g. '\\frac{1}{x}'",
      "--functions f,g  undefined functions: f(x) stays f(x), its derivative is f'(x)",
      "--json       print one JSON object per result",
      "EXPR -       read expressions from standard input: one output line per non-empty input line",
      "",
    ].join("\n");
  }
  const width = Math.max(...COMMANDS.map((c) => c.length));
  return [
    "usage: symgrad <command> [arguments] [--latex] [--json]",
    "       symgrad              (no arguments: the interactive REPL)",
    "       symgrad FILE         (run a script of REPL statements; also symgrad < FILE)",
    "",
    "Exact symbolic derivatives, gradients, Jacobians, Hessians, Taylor polynomials and vector calculus.",
    "",
    "commands:",
    ...COMMAND_TABLE.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    "",
    "options:",
    "  --latex    print LaTeX instead of plain text",
    "  --latex-in read EXPR as LaTeX, e.g. symgrad diff --latex-in '\\frac{1}{x}' x",
    "  --json     print one JSON object per result",
    "  --functions f,g  declare undefined functions: symgrad diff 'f(x^2)' x --functions f",
    "  --help     this text; 'symgrad <command> --help' for one command",
    "  --version  the version (also -v, -V)",
    "",
    "EXPR - reads expressions from standard input: one output line per non-empty input line",
    "(a line that fails prints 'error: ...' there, and the message with a caret on stderr).",
    "Exit codes: 0 success, 1 bad expression, 2 usage error.",
    "Colour on a terminal unless NO_COLOR is set. REPL history: ~/.symgrad_history (env SYMGRAD_HISTORY).",
    "",
  ].join("\n");
}

/** The short usage line printed after a usage error. */
export function usageLine(command?: CommandName): string {
  if (command === undefined) return "usage: symgrad <command> [arguments] [--latex] [--json]   (symgrad --help)";
  // diff also takes --steps (it runs the steps command with the same arguments).
  return `usage: ${synopsis(COMMANDS_BY_NAME.get(command)!)}${command === "diff" ? " [--steps]" : ""} [--latex] [--json]`;
}
