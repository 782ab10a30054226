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
import { curl, directionalDerivative, divergence, implicitDiff, laplacian, taylor } from "../api/operations.js";
import { subs } from "../api/subs.js";
import { evaluate } from "./numeric-loader.js";
import type { Result } from "./format.js";

/**
 * What a parameter is:
 * - `expr`: one expression; `exprs`: one or more (REPL: every argument, or with `fieldVars` the
 *   first half; CLI: every positional);
 * - `var`: exactly one variable name (positional in both);
 * - `vars`: one or more variable names (positional in both);
 * - `vars?`: optional variable names (REPL: the arguments after the expression; CLI: `--vars x,y`);
 * - `point`: one expression, a value such as an expansion point (positional in both);
 * - `order`: a non-negative integer (positional in both; in the REPL its value may come from a
 *   definition, `n = 5`, since the place is fixed);
 * - `order?`: an optional non-negative integer after the variables (REPL: a final integer,
 *   `diff(f, x, 2)`, read as the order only after a single variable of a `vars` list; CLI:
 *   `--order N`);
 * - `direction`: one or more expressions, the components of a vector (REPL: the arguments before
 *   the `fieldVars`; CLI: the positionals after EXPR);
 * - `fieldVars`: one distinct variable per component of the preceding list (`exprs` or
 *   `direction`): REPL the last arguments, as many as the components; CLI `--vars x,y,z`,
 *   required (a vector's components have no order of their own to default to);
 * - `bindings`: zero or more `NAME=VALUE` (values are expressions).
 *
 * Shape (checked by the tests for every entry): the one-argument kinds come first, then at most
 * one list (`exprs`, `vars`, `vars?`, `direction`), then `fieldVars` or `order?`; `bindings` follow
 * a single `expr`. `exprs` may be followed by `vars?`, which only the command line has (`--vars`):
 * in the REPL every argument of such a call is one of its expressions.
 */
export type ParamKind = "expr" | "exprs" | "var" | "vars" | "vars?" | "point" | "order" | "order?" | "direction" | "fieldVars" | "bindings";

/** One parameter: its kind and, where the kind's placeholder would not say enough, its label (`Y`). */
export interface Param {
  readonly kind: ParamKind;
  /** The placeholder in the CLI synopsis and messages (default: the kind's, such as `VAR`). */
  readonly label?: string;
}

/** The arguments of one run, read according to `params`. */
export interface CommandArgs {
  /** The expressions (exactly one unless the entry takes `exprs`). */
  readonly exprs: readonly Expr[];
  /** The variables, when given (for `vars?`, absent means the default: sorted free symbols). */
  readonly vars?: readonly string[];
  readonly order?: number;
  /** The `point` argument. */
  readonly point?: Expr;
  /** The components of a `direction`. */
  readonly direction?: readonly Expr[];
  readonly bindings?: readonly { readonly name: string; readonly value: Expr }[];
}

export interface CommandEntry {
  readonly name: string;
  /** Other names that run the same entry (`gradient` for `grad`), in the CLI and the REPL. */
  readonly aliases?: readonly string[];
  readonly params: readonly Param[];
  /** What it computes, one line. */
  readonly summary: string;
  /** The REPL forms, e.g. "diff(f, x)   diff(f, x, 2)   diff(f, x, y)". */
  readonly repl: string;
  /** A command-line example (without `symgrad `). */
  readonly example: string;
  /** What `run` returns (an `expr` entry without bindings nests in the REPL). */
  readonly result: Result["kind"];
  readonly numeric?: boolean;
  /** How many components the list before `fieldVars` must have, when the operation fixes it (curl: 3). */
  readonly components?: number;
  run(args: CommandArgs): Result;
}

/** The parameter list of an entry: kinds, or labelled parameters. */
const params = (...ps: readonly (ParamKind | Param)[]): readonly Param[] => ps.map((p) => (typeof p === "string" ? { kind: p } : p));

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
    params: params("expr", "vars", "order?"),
    summary: "derivative; several variables give the mixed partial, taken in the order given",
    repl: "diff(f, x)   diff(f, x, 2)   diff(f, x, y)",
    example: 'diff "x^3*y^2" x --order 2',
    result: "expr",
    run: (a) => expr(a.vars!.length === 1 ? diff(one(a), a.vars![0]!, a.order ?? 1) : diff(one(a), a.vars!)),
  },
  {
    name: "steps",
    params: params("expr", "vars", "order?"),
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
    aliases: ["gradient"],
    params: params("expr", "vars?"),
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
    params: params("exprs", "vars?"),
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
    params: params("expr", "vars?"),
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
    name: "taylor",
    params: params("expr", "var", { kind: "point", label: "POINT" }, { kind: "order", label: "ORDER" }),
    summary: "Taylor polynomial of EXPR in VAR around POINT, terms up to (VAR - POINT)^ORDER",
    repl: "taylor(f, x, a, n)",
    example: 'taylor "exp(x)" x 0 5',
    result: "expr",
    run: (a) => expr(taylor(one(a), a.vars![0]!, a.point!, a.order!)),
  },
  {
    name: "implicit",
    params: params("expr", { kind: "var", label: "Y" }, { kind: "var", label: "X" }, "order?"),
    summary: "dy/dx (or d^n y/dx^n with an order) for y defined implicitly by EXPR = 0",
    repl: "implicit(F, y, x)   implicit(F, y, x, 2)",
    example: 'implicit "x^2 + y^2 - 1" y x',
    result: "expr",
    run: (a) => expr(implicitDiff(one(a), a.vars![0]!, a.vars![1]!, a.order ?? 1)),
  },
  {
    name: "laplacian",
    params: params("expr", "vars?"),
    summary: "Laplacian, the sum of the second partials",
    repl: "laplacian(f)   laplacian(f, x, y)",
    example: 'laplacian "x^2*y + y^3"',
    result: "expr",
    run: (a) => expr(laplacian(one(a), varsOf(a))),
  },
  {
    name: "divergence",
    params: params("exprs", "fieldVars"),
    summary: "divergence of the field with components EXPR..., one variable per component",
    repl: "divergence(P, Q, R, x, y, z)",
    example: 'divergence "x*y" "y*z" "z*x" --vars x,y,z',
    result: "expr",
    run: (a) => expr(divergence(a.exprs, a.vars!)),
  },
  {
    name: "curl",
    params: params("exprs", "fieldVars"),
    summary: "curl of a field of 3 components in 3 variables, one component per variable",
    repl: "curl(P, Q, R, x, y, z)",
    example: 'curl "y" "-x" "0" --vars x,y,z',
    result: "vector",
    components: 3,
    run: (a) => ({ kind: "vector", vars: a.vars!, value: curl(a.exprs, a.vars!) }),
  },
  {
    name: "directional",
    params: params("expr", "direction", "fieldVars"),
    summary: "derivative of EXPR along the direction (normalised to unit length), one variable per component",
    repl: "directional(f, 1, 1, x, y)",
    example: 'directional "x^2 + y^2" 1 1 --vars x,y',
    result: "expr",
    run: (a) => expr(directionalDerivative(one(a), a.direction!, a.vars!)),
  },
  {
    name: "simplify",
    params: params("expr"),
    summary: "the simplest equivalent form found",
    repl: "simplify(f)",
    example: 'simplify "sin(x)^2 + cos(x)^2"',
    result: "expr",
    run: (a) => expr(simplify(one(a))),
  },
  {
    name: "expand",
    params: params("expr"),
    summary: "products and integer powers of sums multiplied out",
    repl: "expand(f)",
    example: 'expand "(x + 1)^3"',
    result: "expr",
    run: (a) => expr(expand(one(a))),
  },
  {
    name: "factor",
    params: params("expr"),
    summary: "sums factored over the rationals",
    repl: "factor(f)",
    example: 'factor "x^2 - 1"',
    result: "expr",
    run: (a) => expr(factor(one(a))),
  },
  {
    name: "cancel",
    params: params("expr"),
    summary: "a quotient of polynomials with their greatest common divisor cancelled",
    repl: "cancel(f)",
    example: 'cancel "(x^2 - 1)/(x - 1)"',
    result: "expr",
    run: (a) => expr(cancel(one(a))),
  },
  {
    name: "together",
    params: params("expr"),
    summary: "sums of fractions over a common denominator",
    repl: "together(f)",
    example: 'together "1/x + 1/y"',
    result: "expr",
    run: (a) => expr(together(one(a))),
  },
  {
    name: "subs",
    params: params("expr", "bindings"),
    summary: "the expression with every NAME=VALUE substituted at once (values are expressions)",
    repl: "subs(f, x=2, y=z^2)",
    example: 'subs "sin(x)*y" x=pi/2 y=z^2',
    result: "expr",
    run: (a) => expr(subs(one(a), new Map((a.bindings ?? []).map((b) => [b.name, b.value])))),
  },
  {
    name: "eval",
    aliases: ["evaluate"],
    params: params("expr", "bindings"),
    summary: "numeric value with the given values (each VALUE may be an expression, e.g. x=pi/2)",
    repl: "eval(f, x=1, y=2)",
    example: 'eval "x^2 + y" x=3 y=0.5',
    result: "number",
    numeric: true,
    run: (a) => ({ kind: "number", value: evaluate(one(a), numericScope(a)) }),
  },
  {
    name: "latex",
    params: params("expr"),
    summary: "the expression as LaTeX",
    repl: "latex(f)",
    example: 'latex "sqrt(x^2 + 1)/x"',
    result: "latex",
    run: (a) => ({ kind: "latex", value: toLatex(one(a)) }),
  },
];

/** The entries by name and by alias. */
export const COMMANDS_BY_NAME: ReadonlyMap<string, CommandEntry> = new Map(
  COMMAND_TABLE.flatMap((c) => [c.name, ...(c.aliases ?? [])].map((name) => [name, c] as const)),
);

/** True for an entry that nests inside REPL expressions. */
export function isExpressionCommand(c: CommandEntry): boolean {
  return c.result === "expr" && !c.params.some((p) => p.kind === "bindings");
}

/** The help of one entry: its REPL forms, summary and command-line example. */
export function commandHelp(c: CommandEntry): string {
  const also = c.aliases === undefined ? "" : ` (also ${c.aliases.join(", ")})`;
  return [`${c.name}${also}: ${c.summary}`, `  REPL:          ${c.repl}`, `  command line:  symgrad ${c.example}`].join("\n");
}
