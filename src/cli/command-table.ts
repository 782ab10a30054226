/**
 * The one table of operations shared by the command line and the REPL: name, parameters (their
 * kinds and order), help text and the function that runs it. The CLI's argument parser and help,
 * the REPL's calls, completion and `:help NAME` are all read from here, so adding an operation is
 * adding one entry.
 *
 * Contracts:
 * - `run` receives arguments already read and checked against `params` (see `CommandArgs`); it
 *   throws only the library's errors (SymgradError, RangeError/TypeError of the API checks).
 * - An entry whose result is an expression and whose parameters have no bindings is an
 *   expression command: in the REPL it nests (`diff(expand(f), x)`). Every other entry is a
 *   statement: it stands alone on a REPL line.
 * - `numeric` entries need `loadNumeric()` (commands.ts) to have resolved before `run`.
 */
import { cancel, expand, factor, simplify, together } from "../api/algebra.js";
import { diff, gradient, hessian, jacobian } from "../api/calculus.js";
import type { Expr } from "../core/node.js";
import { freeSymbols } from "../core/traverse.js";
import { toLatex } from "../print/latex.js";
import { explainDiff } from "../api/explain.js";
import { subs } from "../api/subs.js";
import { evaluate } from "./numeric-loader.js";
import type { Result } from "./format.js";

/**
 * What a parameter is:
 * - `expr`: one expression; `exprs`: one or more (REPL: every argument; CLI: every positional);
 * - `vars`: one or more variable names (positional in both);
 * - `vars?`: optional variable names (REPL: the arguments after the expression; CLI: `--vars x,y`);
 * - `order?`: an optional non-negative integer after a single variable (REPL: `diff(f, x, 2)`;
 *   CLI: `--order N`);
 * - `bindings`: zero or more `NAME=VALUE` (values are expressions).
 */
export type ParamKind = "expr" | "exprs" | "vars" | "vars?" | "order?" | "bindings";

/** The arguments of one run, read according to `params`. */
export interface CommandArgs {
  /** The expressions (exactly one unless the entry takes `exprs`). */
  readonly exprs: readonly Expr[];
  /** The variables, when given (for `vars?`, absent means the default: sorted free symbols). */
  readonly vars?: readonly string[];
  readonly order?: number;
  readonly bindings?: readonly { readonly name: string; readonly value: Expr }[];
}

export interface CommandEntry {
  readonly name: string;
  readonly params: readonly ParamKind[];
  /** What it computes, one line. */
  readonly summary: string;
  /** The REPL forms, e.g. "diff(f, x)   diff(f, x, 2)   diff(f, x, y)". */
  readonly repl: string;
  /** A command-line example (without `symgrad `). */
  readonly example: string;
  /** What `run` returns (an `expr` entry without bindings nests in the REPL). */
  readonly result: Result["kind"];
  readonly numeric?: boolean;
  run(args: CommandArgs): Result;
}

const expr = (value: Expr): Result => ({ kind: "expr", value });
const one = (a: CommandArgs): Expr => a.exprs[0]!;
/** The given variables, or the sorted free symbols of the expressions. */
const varsOf = (a: CommandArgs): readonly string[] => a.vars ?? [...new Set(a.exprs.flatMap(freeSymbols))].sort();

/** The numbers of eval's bindings, each value evaluated with no variables of its own. */
function numericScope(a: CommandArgs): Record<string, number> {
  const scope: Record<string, number> = Object.create(null) as Record<string, number>;
  for (const { name, value } of a.bindings ?? []) scope[name] = evaluate(value, {});
  return scope;
}

export const COMMAND_TABLE: readonly CommandEntry[] = [
  {
    name: "diff",
    params: ["expr", "vars", "order?"],
    summary: "derivative; several variables give the mixed partial, taken in the order given",
    repl: "diff(f, x)   diff(f, x, 2)   diff(f, x, y)",
    example: 'diff "x^3*y^2" x --order 2',
    result: "expr",
    run: (a) => expr(a.vars!.length === 1 ? diff(one(a), a.vars![0]!, a.order ?? 1) : diff(one(a), a.vars!)),
  },
  {
    name: "steps",
    params: ["expr", "vars", "order?"],
    summary: "the derivative step by step, one rule per step (with --latex an aligned environment)",
    repl: "steps(f, x)   steps(f, x, 2)   steps(f, x, y)",
    example: 'steps "x^2*sin(x)" x',
    result: "steps",
    run: (a) => ({
      kind: "steps",
      value: a.vars!.length === 1 ? explainDiff(one(a), a.vars![0]!, { order: a.order ?? 1 }) : explainDiff(one(a), a.vars!),
    }),
  },
  {
    name: "grad",
    params: ["expr", "vars?"],
    summary: "gradient, one partial per variable",
    repl: "grad(f)   grad(f, x, y)",
    example: 'grad "x^2 + y^2 + 3*x*y"',
    result: "vector",
    run: (a) => {
      const vars = varsOf(a);
      const g = gradient(one(a), vars);
      return { kind: "vector", vars, value: vars.map((v) => g[v]!) };
    },
  },
  {
    name: "jacobian",
    params: ["exprs", "vars?"],
    summary: "Jacobian matrix: row i is the gradient of the i-th expression",
    repl: "jacobian(f, g, ...)",
    example: 'jacobian "x*y" "x + y^2" --vars x,y',
    result: "matrix",
    run: (a) => {
      const vars = varsOf(a);
      return { kind: "matrix", vars, value: jacobian(a.exprs, vars) };
    },
  },
  {
    name: "hessian",
    params: ["expr", "vars?"],
    summary: "Hessian matrix (second partials)",
    repl: "hessian(f)   hessian(f, x, y)",
    example: 'hessian "x^2*y + y^3"',
    result: "matrix",
    run: (a) => {
      const vars = varsOf(a);
      return { kind: "matrix", vars, value: hessian(one(a), vars) };
    },
  },
  {
    name: "simplify",
    params: ["expr"],
    summary: "the simplest equivalent form found",
    repl: "simplify(f)",
    example: 'simplify "sin(x)^2 + cos(x)^2"',
    result: "expr",
    run: (a) => expr(simplify(one(a))),
  },
  {
    name: "expand",
    params: ["expr"],
    summary: "products and integer powers of sums multiplied out",
    repl: "expand(f)",
    example: 'expand "(x + 1)^3"',
    result: "expr",
    run: (a) => expr(expand(one(a))),
  },
  {
    name: "factor",
    params: ["expr"],
    summary: "sums factored over the rationals",
    repl: "factor(f)",
    example: 'factor "x^2 - 1"',
    result: "expr",
    run: (a) => expr(factor(one(a))),
  },
  {
    name: "cancel",
    params: ["expr"],
    summary: "a quotient of polynomials with their greatest common divisor cancelled",
    repl: "cancel(f)",
    example: 'cancel "(x^2 - 1)/(x - 1)"',
    result: "expr",
    run: (a) => expr(cancel(one(a))),
  },
  {
    name: "together",
    params: ["expr"],
    summary: "sums of fractions over a common denominator",
    repl: "together(f)",
    example: 'together "1/x + 1/y"',
    result: "expr",
    run: (a) => expr(together(one(a))),
  },
  {
    name: "subs",
    params: ["expr", "bindings"],
    summary: "the expression with every NAME=VALUE substituted at once (values are expressions)",
    repl: "subs(f, x=2, y=z^2)",
    example: 'subs "sin(x)*y" x=pi/2 y=z^2',
    result: "expr",
    run: (a) => expr(subs(one(a), new Map((a.bindings ?? []).map((b) => [b.name, b.value])))),
  },
  {
    name: "eval",
    params: ["expr", "bindings"],
    summary: "numeric value with the given values (each VALUE may be an expression, e.g. x=pi/2)",
    repl: "eval(f, x=1, y=2)",
    example: 'eval "x^2 + y" x=3 y=0.5',
    result: "number",
    numeric: true,
    run: (a) => ({ kind: "number", value: evaluate(one(a), numericScope(a)) }),
  },
  {
    name: "latex",
    params: ["expr"],
    summary: "the expression as LaTeX",
    repl: "latex(f)",
    example: 'latex "sqrt(x^2 + 1)/x"',
    result: "latex",
    run: (a) => ({ kind: "latex", value: toLatex(one(a)) }),
  },
];

/** The entries by name. */
export const COMMANDS_BY_NAME: ReadonlyMap<string, CommandEntry> = new Map(COMMAND_TABLE.map((c) => [c.name, c]));

/** True for an entry that nests inside REPL expressions. */
export function isExpressionCommand(c: CommandEntry): boolean {
  return c.result === "expr" && !c.params.includes("bindings");
}

/** The help of one entry: its REPL forms, summary and command-line example. */
export function commandHelp(c: CommandEntry): string {
  return [`${c.name}: ${c.summary}`, `  REPL:          ${c.repl}`, `  command line:  symgrad ${c.example}`].join("\n");
}
