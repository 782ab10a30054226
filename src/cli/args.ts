/**
 * Command-line argument parsing: argv (without `node` and the script) in, a validated `Invocation`
 * out, or a `UsageError` (exit code 2). No I/O here.
 *
 * Conventions:
 * - `--flag value` and `--flag=value` are the same; `--` ends the options.
 * - A lone `-` is an expression meaning "read standard input".
 * - Any other argument starting with a single `-` (such as `-x^2` or `-1`) is an expression, except
 *   the short flags `-h` and `-V`.
 */

/** The subcommands, in the order `--help` lists them. */
export const COMMANDS = ["diff", "grad", "hessian", "jacobian", "simplify", "eval", "latex"] as const;
export type CommandName = (typeof COMMANDS)[number];

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
  | ({ kind: "command"; command: CommandName; exprs: string[] } & CommandArgs & OutputOptions);

/** The command-specific part of an invocation; absent fields were not given. */
export interface CommandArgs {
  /** diff: the variables, in the order of differentiation. */
  vars?: string[];
  /** diff: the order for a single variable. */
  order?: number;
  /** eval: the bindings `name=value`, values as unparsed expression text. */
  bindings?: { name: string; value: string }[];
  /** --latex-in: every EXPR is LaTeX, read by parseLatex (binding values stay plain). */
  latexIn?: boolean;
}

interface CommandSpec {
  /** The one-line synopsis shown in usage errors. */
  synopsis: string;
  /** What the command does, for `--help`. */
  summary: string;
  /** Flags taking a value, beyond the common ones. */
  valueFlags: readonly string[];
  /** Extra help lines (details, examples). */
  details: readonly string[];
}

export const COMMAND_SPECS: Readonly<Record<CommandName, CommandSpec>> = {
  diff: {
    synopsis: "symgrad diff EXPR VAR [VAR...] [--order N]",
    summary: "derivative of EXPR; several variables give the mixed partial, taken in the order given",
    valueFlags: ["--order"],
    details: ["--order N    differentiate N times with respect to the single VAR (default 1)", 'example: symgrad diff "x^3*y^2" x --order 2'],
  },
  grad: {
    synopsis: "symgrad grad EXPR [--vars x,y]",
    summary: "gradient of EXPR, one partial per variable",
    valueFlags: ["--vars"],
    details: ["--vars x,y   the variables, in order (default: the free symbols, sorted)", 'example: symgrad grad "x^2 + y^2 + 3*x*y"'],
  },
  hessian: {
    synopsis: "symgrad hessian EXPR [--vars x,y]",
    summary: "Hessian matrix of EXPR (second partials)",
    valueFlags: ["--vars"],
    details: ["--vars x,y   the variables, in order (default: the free symbols, sorted)", 'example: symgrad hessian "x^2*y + y^3"'],
  },
  jacobian: {
    synopsis: "symgrad jacobian EXPR... [--vars x,y]",
    summary: "Jacobian matrix: row i is the gradient of the i-th EXPR",
    valueFlags: ["--vars"],
    details: [
      "--vars x,y   the variables, in order (default: the free symbols of all EXPRs, sorted)",
      "with EXPR -, each non-empty line of standard input is one row's expression",
      'example: symgrad jacobian "x*y" "x + y^2" --vars x,y',
    ],
  },
  simplify: {
    synopsis: "symgrad simplify EXPR",
    summary: "EXPR simplified",
    valueFlags: [],
    details: ['example: symgrad simplify "sin(x)^2 + cos(x)^2"'],
  },
  eval: {
    synopsis: "symgrad eval EXPR [NAME=VALUE...]",
    summary: "numeric value of EXPR with the given values (each VALUE may be an expression, e.g. x=pi/2)",
    valueFlags: [],
    details: ['example: symgrad eval "x^2 + y" x=3 y=0.5'],
  },
  latex: {
    synopsis: "symgrad latex EXPR",
    summary: "EXPR as LaTeX",
    valueFlags: [],
    details: ['example: symgrad latex "sqrt(x^2 + 1)/x"'],
  },
};

const COMMON_FLAGS = ["--latex", "--json", "--latex-in", "--help"] as const;

/** Parses argv. Throws `UsageError` for anything a user got wrong. */
export function parseArgs(argv: readonly string[]): Invocation {
  if (argv.length === 0) return { kind: "repl" };
  const [first, ...rest] = argv as [string, ...string[]];
  if (first === "--help" || first === "-h") return { kind: "help" };
  if (first === "--version" || first === "-V") return { kind: "version" };
  if (first === "help") {
    if (rest.length === 0) return { kind: "help" };
    return { kind: "help", command: commandNamed(rest[0]!) };
  }
  if (isFlag(first)) throw new UsageError(`unknown option '${flagName(first)}'`);
  const command = commandNamed(first);
  return parseCommand(command, rest);
}

function commandNamed(word: string): CommandName {
  if ((COMMANDS as readonly string[]).includes(word)) return word as CommandName;
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
  const spec = COMMAND_SPECS[command];
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
    if (!spec.valueFlags.includes(name)) {
      const near = closest(name, [...COMMON_FLAGS, ...spec.valueFlags]);
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
  const out = { kind: "command" as const, command, latex, json, ...(latexIn ? { latexIn } : {}) };
  switch (command) {
    case "diff": {
      const [expr, ...vars] = positional as [string, ...string[]];
      if (vars.length === 0) throw new UsageError("missing VAR", command);
      const orderText = values.get("--order");
      if (orderText === undefined) return { ...out, exprs: [expr], vars };
      if (!/^\d+$/.test(orderText)) throw new UsageError(`--order needs a non-negative integer, got '${orderText}'`, command);
      if (vars.length > 1) throw new UsageError("--order applies to a single VAR; repeat the variable instead", command);
      return { ...out, exprs: [expr], vars, order: Number(orderText) };
    }
    case "grad":
    case "hessian":
    case "jacobian": {
      if (command !== "jacobian" && positional.length > 1) {
        throw new UsageError(`'${command}' takes one EXPR (got ${positional.length}); give variables with --vars`, command);
      }
      const varsText = values.get("--vars");
      if (varsText === undefined) return { ...out, exprs: positional };
      const vars = varsText.split(",").map((v) => v.trim());
      if (vars.some((v) => v === "")) throw new UsageError(`--vars needs a comma-separated list of names, got '${varsText}'`, command);
      return { ...out, exprs: positional, vars };
    }
    case "eval": {
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
    case "simplify":
    case "latex":
      if (positional.length > 1) throw new UsageError(`'${command}' takes one EXPR (got ${positional.length}); quote the expression`, command);
      return { ...out, exprs: positional };
  }
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
    const spec = COMMAND_SPECS[command];
    return [
      `usage: ${spec.synopsis} [--latex] [--json]`,
      "",
      spec.summary + ".",
      "",
      ...spec.details,
      "--latex      print LaTeX instead of plain text",
      "--latex-in   read EXPR as LaTeX, e.g. '\\frac{1}{x}'",
      "--json       print one JSON object per result",
      "EXPR -       read expressions from standard input, one per non-empty line",
      "",
    ].join("\n");
  }
  const width = Math.max(...COMMANDS.map((c) => c.length));
  return [
    "usage: symgrad <command> [arguments] [--latex] [--json]",
    "       symgrad              (no arguments: the interactive REPL)",
    "",
    "Exact symbolic derivatives, gradients, Jacobians and Hessians.",
    "",
    "commands:",
    ...COMMANDS.map((c) => `  ${c.padEnd(width)}  ${COMMAND_SPECS[c].summary}`),
    "",
    "options:",
    "  --latex    print LaTeX instead of plain text",
    "  --latex-in read EXPR as LaTeX, e.g. symgrad diff --latex-in '\\frac{1}{x}' x",
    "  --json     print one JSON object per result",
    "  --help     this text; 'symgrad <command> --help' for one command",
    "  --version  the version",
    "",
    "EXPR - reads expressions from standard input, one result per non-empty line.",
    "Exit codes: 0 success, 1 bad expression, 2 usage error.",
    "Colour on a terminal unless NO_COLOR is set. REPL history: ~/.symgrad_history (env SYMGRAD_HISTORY).",
    "",
  ].join("\n");
}

/** The short usage line printed after a usage error. */
export function usageLine(command?: CommandName): string {
  return command === undefined ? "usage: symgrad <command> [arguments] [--latex] [--json]   (symgrad --help)" : `usage: ${COMMAND_SPECS[command].synopsis} [--latex] [--json]`;
}
