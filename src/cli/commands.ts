/**
 * The CLI subcommands as functions from expression text to a `Result`. They throw the library's
 * errors (ParseError and other SymgradErrors: exit code 1) or a `UsageError` for an argument that
 * is not a variable name (exit code 2). No I/O here.
 */
import { diff, gradient, hessian, jacobian } from "../api/calculus.js";
import { toVariableName } from "../api/input.js";
import type { Expr } from "../core/node.js";
import { freeSymbols } from "../core/traverse.js";
import type { Scope } from "../numeric/evaluate.js";
import { parseLatex } from "../parse/latex-parser.js";
import { parse } from "../parse/parser.js";
import { toLatex } from "../print/latex.js";
import { simplify } from "../rewrite/simplify.js";
import { UsageError, type CommandArgs, type CommandName } from "./args.js";
import type { Result } from "./format.js";

let evaluateFn: ((e: Expr, scope: Scope) => number) | undefined;

/**
 * Loads numeric evaluation. It is loaded on demand because its module graph (mathjs) costs more
 * start-up time than everything else the CLI needs; `evaluate` below requires this to have run.
 */
export async function loadNumeric(): Promise<void> {
  evaluateFn ??= (await import("../numeric/evaluate.js")).evaluate;
}

/** `evaluate` of numeric/evaluate.ts, once `loadNumeric` has resolved. */
export function evaluate(e: Expr, scope: Scope): number {
  if (evaluateFn === undefined) throw new Error("numeric evaluation used before loadNumeric()");
  return evaluateFn(e, scope);
}

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

/** The sorted union of the free symbols of `es`. */
export function unionOfFreeSymbols(es: readonly Expr[]): string[] {
  return [...new Set(es.flatMap(freeSymbols))].sort();
}

/**
 * The numeric value of `e` with `bindings` (each value an expression text evaluated first, with no
 * variables of its own).
 */
export function evaluateWith(e: Expr, bindings: readonly { name: string; value: string }[], command: CommandName = "eval"): number {
  const scope: Record<string, number> = Object.create(null) as Record<string, number>;
  for (const { name, value } of bindings) {
    const [variable] = variableNames([name], command);
    scope[variable!] = evaluate(parse(value), {});
  }
  return evaluate(e, scope);
}

/** Runs `command` on the expression texts `exprs` (several only for jacobian). */
export function runCommand(command: CommandName, exprs: readonly string[], args: CommandArgs): Result {
  const read = args.latexIn === true ? parseLatex : parse;
  if (command === "jacobian") {
    const fs = exprs.map((t) => read(t));
    const vars = args.vars === undefined ? unionOfFreeSymbols(fs) : variableNames(args.vars, command);
    return { kind: "matrix", vars, value: jacobian(fs, vars) };
  }
  const e = read(exprs[0]!);
  switch (command) {
    case "diff": {
      const vars = variableNames(args.vars ?? [], command);
      return { kind: "expr", value: vars.length === 1 ? diff(e, vars[0]!, args.order ?? 1) : diff(e, vars) };
    }
    case "grad": {
      const vars = args.vars === undefined ? freeSymbols(e) : variableNames(args.vars, command);
      const g = gradient(e, vars);
      return { kind: "vector", vars, value: vars.map((v) => g[v]!) };
    }
    case "hessian": {
      const vars = args.vars === undefined ? freeSymbols(e) : variableNames(args.vars, command);
      return { kind: "matrix", vars, value: hessian(e, vars) };
    }
    case "simplify":
      return { kind: "expr", value: simplify(e) };
    case "eval":
      return { kind: "number", value: evaluateWith(e, args.bindings ?? []) };
    case "latex":
      return { kind: "latex", value: toLatex(e) };
  }
}
