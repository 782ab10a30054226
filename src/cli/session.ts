/**
 * One REPL input evaluated against a session: a meta command (`:help`, `:limits`, ...) or a
 * statement (statement.ts). Pure apart from the clock passed in and the process-wide limits that
 * `:limits` sets; `evaluateLine` returns the next state and the text to show, and never throws for
 * anything a user types (every mistake becomes `error`).
 */
import { SymgradError } from "../core/errors.js";
import { CALLABLE_NAMES, FUNCTION_ARITY } from "../core/functions.js";
import { DEFAULT_LIMITS, limits, setLimits, type Limits } from "../core/limits.js";
import { isPlainName } from "../parse/parser.js";
import { print } from "../print/plain.js";
import { COMMAND_TABLE, COMMANDS_BY_NAME, commandHelp } from "./command-table.js";
import { reservedKind, showDefinition } from "./definitions.js";
import { formatReplError } from "./format.js";
import type { SessionState } from "./session-state.js";
import { runStatement } from "./statement.js";

export { createSession, type SessionState } from "./session-state.js";

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

/** The meta commands and what each does (`:help` lists them, completion offers them). */
export const META_HELP: readonly (readonly [string, string])[] = [
  [":help", ":help [NAME]       this text, or the help of one command or function"],
  [":limits", ":limits [NAME=N]   show the limits, or set some (:limits diffTimeMs=30000)"],
  [":latex", ":latex on|off      print LaTeX beside each result"],
  [":time", ":time on|off       print the time each input took"],
  [":vars", ":vars              the definitions and ans"],
  [":functions", ":functions [F...]  declare undefined functions (f(x), f'(x)), or list them"],
  [":clear", ":clear [NAME]      forget one definition, or all of them and ans"],
  [":quit", ":quit              leave (or Ctrl-D)"],
];
export const META_COMMANDS: readonly string[] = META_HELP.map(([name]) => name);

export const REPL_HELP = [
  "Definitions:  f = x^2 + 3*x + 2        g(x, y) = x^2 + y^2 + 3*x*y",
  "Use:          f(1)   g(1, 2)   f + 1   ans (the last result)",
  "Commands:",
  ...COMMAND_TABLE.map((c) => `  ${c.repl}`),
  "Meta:",
  ...META_HELP.map(([, line]) => `  ${line}`),
  "Functions:    " + CALLABLE_NAMES.join(" "),
].join("\n");

/** Evaluates one complete input (possibly joined from several physical lines). */
export function evaluateLine(state: SessionState, line: string, options: EvaluateOptions = {}): LineOutcome {
  const text = line.trim();
  // A line starting with "#" is a comment (scripts).
  if (text === "" || text.startsWith("#")) return { state, output: "" };
  const color = options.color === true;
  const now = options.now ?? (() => performance.now());
  const t0 = now();
  try {
    if (text.startsWith(":")) return meta(state, text);
    const { state: next, output } = runStatement(state, line);
    const timing = state.time ? `\ntime: ${(now() - t0).toFixed(2)} ms` : "";
    return { state: next, output: output + timing };
  } catch (err) {
    return { state, output: "", error: formatReplError(err, color) };
  }
}

/** A mistake in a meta command. */
class MetaError extends SymgradError {}

function meta(state: SessionState, text: string): LineOutcome {
  const [command, ...rest] = text.split(/\s+/) as [string, ...string[]];
  const onOff = (key: "latex" | "time"): LineOutcome => {
    const arg = rest.join(" ");
    if (arg !== "on" && arg !== "off") throw new MetaError(`usage: :${key} on|off (now ${state[key] ? "on" : "off"})`);
    return { state: { ...state, [key]: arg === "on" }, output: `${key} ${arg}` };
  };
  switch (command) {
    case ":help":
    case ":h":
    case ":?":
      return { state, output: rest.length === 0 ? REPL_HELP : rest.map((name) => helpOf(state, name)).join("\n") };
    case ":latex":
      return onOff("latex");
    case ":time":
      return onOff("time");
    case ":limits":
      return { state, output: limitsCommand(rest) };
    case ":vars": {
      const lines = [...state.defs.values()].map(showDefinition);
      if (state.functions.length > 0) lines.push(`undefined functions: ${state.functions.join(", ")}`);
      if (state.ans !== undefined) lines.push(`ans = ${print(state.ans)}`);
      return { state, output: lines.length === 0 ? "(no definitions)" : lines.join("\n") };
    }
    case ":functions":
      return declareFunctions(state, rest);
    case ":clear": {
      if (rest.length === 0) return { state: { ...state, defs: new Map(), ans: undefined, functions: [] }, output: "definitions cleared" };
      const defs = new Map(state.defs);
      let functions = state.functions;
      for (const name of rest) {
        if (name === "ans") continue;
        if (functions.includes(name)) functions = functions.filter((f) => f !== name);
        else if (!defs.delete(name)) throw new MetaError(`'${name}' is not defined`);
      }
      const ans = rest.includes("ans") ? undefined : state.ans;
      return { state: { ...state, defs, ans, functions }, output: `cleared ${rest.join(", ")}` };
    }
    case ":quit":
    case ":q":
    case ":exit":
      return { state, output: "", quit: true };
    default:
      throw new MetaError(`unknown command '${command}' (type :help)`);
  }
}

/**
 * `:functions`: the declared undefined functions; `:functions f g` declares those (all or none),
 * each a plain name that is not built in, a command, a constant or a definition.
 */
function declareFunctions(state: SessionState, names: readonly string[]): LineOutcome {
  const list = (fs: readonly string[]) => (fs.length === 0 ? "(no undefined functions)" : `undefined functions: ${fs.join(", ")}`);
  if (names.length === 0) return { state, output: list(state.functions) };
  for (const name of names) {
    if (!isPlainName(name)) throw new MetaError(`usage: :functions NAME..., got '${name}' (a plain name)`);
    const reserved = reservedKind(name);
    if (reserved !== undefined) throw new MetaError(`cannot declare '${name}': it is ${reserved}`);
    if (state.defs.has(name)) throw new MetaError(`cannot declare '${name}': it is defined (:clear ${name} first)`);
  }
  const functions = [...new Set([...state.functions, ...names])];
  return { state: { ...state, functions }, output: list(functions) };
}

function helpOf(state: SessionState, name: string): string {
  const entry = COMMANDS_BY_NAME.get(name);
  if (entry !== undefined) return commandHelp(entry);
  const metaLine = META_HELP.find(([m]) => m === name || m === `:${name}`);
  if (metaLine !== undefined) return metaLine[1];
  if (Object.prototype.hasOwnProperty.call(FUNCTION_ARITY, name)) {
    const n = FUNCTION_ARITY[name as keyof typeof FUNCTION_ARITY];
    return `${name}: built-in function of ${n} argument${n === 1 ? "" : "s"}`;
  }
  if (CALLABLE_NAMES.includes(name)) return `${name}: built-in function`;
  const d = state.defs.get(name);
  if (d !== undefined) return showDefinition(d);
  if (state.functions.includes(name)) return `${name}: undefined function (declared with :functions; ${name}'(x) is its derivative)`;
  throw new MetaError(`no help for '${name}' (type :help for the list)`);
}

const LIMIT_NAMES = Object.keys(DEFAULT_LIMITS) as (keyof Limits)[];

/** `:limits`: every limit and its value; `:limits NAME=N ...` sets those (all or none) and shows them. */
function limitsCommand(args: readonly string[]): string {
  const changes: Partial<Limits> = {};
  for (const arg of args) {
    const m = /^(\w+)=(\d[\d_]*)$/.exec(arg);
    if (m === null) throw new MetaError(`usage: :limits [NAME=N ...], got '${arg}'`);
    const name = m[1] as keyof Limits;
    if (!LIMIT_NAMES.includes(name)) throw new MetaError(`unknown limit '${m[1]}' (one of ${LIMIT_NAMES.join(", ")})`);
    const value = Number(m[2]!.replace(/_/g, ""));
    if (!(value > 0) || !Number.isSafeInteger(value)) throw new MetaError(`limit ${name} must be a positive integer, got ${m[2]}`);
    changes[name] = value;
  }
  setLimits(changes);
  const shown = args.length === 0 ? LIMIT_NAMES : (Object.keys(changes) as (keyof Limits)[]);
  const width = Math.max(...shown.map((n) => n.length));
  return shown.map((n) => `${n.padEnd(width)}  ${limits[n]}${limits[n] === DEFAULT_LIMITS[n] ? "" : `  (default ${DEFAULT_LIMITS[n]})`}`).join("\n");
}
