/**
 * Output formatting shared by the CLI and the REPL: results as plain text, LaTeX or JSON, and
 * errors as text (with a caret under the source for parse errors). Pure functions, no I/O.
 */
import { LimitError, ParseError, SymgradError } from "../core/errors.js";
import type { Expr } from "../core/node.js";
import { toLatex } from "../print/latex.js";
import { print } from "../print/plain.js";
import { formatSteps, stepsToJSON, stepsToLatex } from "../print/steps.js";
import type { Explanation } from "../api/explain.js";
import { UsageError, usageLine } from "./args.js";

/** What a command produces. `vars` name the columns (gradient entries, matrix columns). */
export type Result =
  | { kind: "expr"; value: Expr }
  | { kind: "vector"; vars: readonly string[]; value: readonly Expr[] }
  | { kind: "matrix"; vars: readonly string[]; value: readonly (readonly Expr[])[] }
  | { kind: "number"; value: number }
  | { kind: "latex"; value: string }
  | { kind: "steps"; value: Explanation };

/** Plain text on one line: a vector is `[a, b]`, a matrix `[[a, b], [c, d]]`. */
export function formatPlain(r: Result): string {
  switch (r.kind) {
    case "expr":
      return print(r.value);
    case "vector":
      return `[${r.value.map(print).join(", ")}]`;
    case "matrix":
      return `[${r.value.map((row) => `[${row.map(print).join(", ")}]`).join(", ")}]`;
    case "number":
      return formatNumber(r.value);
    case "latex":
      return r.value;
    case "steps":
      return formatSteps(r.value);
  }
}

/**
 * Plain text for a person at the REPL: a gradient as one `name: partial` line per variable, a
 * matrix as one bracketed row per line with columns aligned.
 */
export function formatPretty(r: Result): string {
  switch (r.kind) {
    case "vector": {
      const width = Math.max(0, ...r.vars.map((v) => v.length));
      return r.value.map((e, i) => `${((r.vars[i] ?? "") + ":").padEnd(width + 1)} ${print(e)}`).join("\n");
    }
    case "matrix": {
      const cells = r.value.map((row) => row.map(print));
      const widths = cells[0]?.map((_, j) => Math.max(...cells.map((row) => row[j]!.length))) ?? [];
      return cells.map((row) => `[${row.map((c, j) => c.padEnd(widths[j]!)).join("  ")}]`).join("\n");
    }
    default:
      return formatPlain(r);
  }
}

/** On one line, labelled: a gradient as `x: a; y: b`, anything else as `formatPlain`. */
export function formatOneLine(r: Result): string {
  if (r.kind !== "vector") return formatPlain(r);
  return r.value.map((e, i) => `${r.vars[i] ?? ""}: ${print(e)}`).join("; ");
}

/** The first line of an error's message, after `error: ` (for a marker line in a result stream). */
export function errorMarker(err: unknown): string {
  const text = formatError(err, false);
  return text.split("\n")[0]!;
}

/** LaTeX: a vector as a column `pmatrix`, a matrix as a `pmatrix`. */
export function formatLatex(r: Result): string {
  switch (r.kind) {
    case "expr":
      return toLatex(r.value);
    case "vector":
      return `\\begin{pmatrix} ${r.value.map(toLatex).join(" \\\\ ")} \\end{pmatrix}`;
    case "matrix":
      return `\\begin{pmatrix} ${r.value.map((row) => row.map(toLatex).join(" & ")).join(" \\\\ ")} \\end{pmatrix}`;
    case "number":
      return latexNumber(r.value);
    case "latex":
      return r.value;
    case "steps":
      return stepsToLatex(r.value);
  }
}

/** JS number text; integers and short decimals as written, non-finite values as NaN / Infinity. */
export function formatNumber(x: number): string {
  return Object.is(x, -0) ? "0" : String(x);
}

function latexNumber(x: number): string {
  if (Number.isNaN(x)) return "\\mathrm{NaN}";
  if (!Number.isFinite(x)) return x > 0 ? "\\infty" : "-\\infty";
  const [mantissa, exponent] = formatNumber(x).split("e");
  return exponent === undefined ? mantissa! : `${mantissa} \\times 10^{${Number(exponent)}}`;
}

/** A JSON-serialisable value: plain strings, `{ name: partial }` for a vector, rows for a matrix. */
type JsonShape = string | number | null | Record<string, string> | string[][];

function shape(r: Result, show: (e: Expr) => string): JsonShape {
  switch (r.kind) {
    case "expr":
      return show(r.value);
    case "vector": {
      const out: Record<string, string> = {};
      r.vars.forEach((v, i) => Object.defineProperty(out, v, { value: show(r.value[i]!), enumerable: true, writable: true, configurable: true }));
      return out;
    }
    case "matrix":
      return r.value.map((row) => row.map(show));
    case "number":
      // JSON has no NaN or Infinity: those become null (the `latex` field still names them).
      return Number.isFinite(r.value) ? r.value : null;
    case "latex":
      return r.value;
    case "steps":
      return show === print ? formatSteps(r.value) : stepsToLatex(r.value);
  }
}

/**
 * The JSON object for one result: `input` (the expression text), `result` (plain text, or a number
 * for eval), `latex`, and `vars` for vectors and matrices.
 */
export function resultJson(input: string, r: Result): Record<string, unknown> {
  // A derivation: its structure (steps, result), the input and the aligned LaTeX.
  if (r.kind === "steps") return { ...stepsToJSON(r.value), input, latex: stepsToLatex(r.value) };
  const out: Record<string, unknown> = { input, result: shape(r, print), latex: r.kind === "number" ? formatLatex(r) : shape(r, toLatex) };
  if (r.kind === "vector" || r.kind === "matrix") out.vars = [...r.vars];
  return out;
}

/** The JSON object for a failed input: the error's type, message and, for a parse error, its position. */
export function errorJson(input: string, err: unknown): Record<string, unknown> {
  const error: Record<string, unknown> = { type: err instanceof Error ? err.name : "Error", message: errorMessage(err) };
  if (err instanceof ParseError) {
    error.start = err.start;
    error.end = err.end;
    error.column = err.column;
    error.expected = [...err.expected];
    error.found = err.found;
  }
  return { input, error };
}

function errorMessage(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

/** True when errors should be coloured: a terminal, NO_COLOR unset or empty; FORCE_COLOR forces it. */
export function useColor(isTTY: boolean | undefined, env: Readonly<Record<string, string | undefined>>): boolean {
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== "") return false;
  if (env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== "" && env.FORCE_COLOR !== "0") return true;
  return isTTY === true;
}

const RED = "\x1b[31m";
const RESET = "\x1b[0m";

/**
 * `error: ...` for any thrown value: a parse error with its source line and a caret, a usage error
 * with the usage line. Errors that are not symgrad's, a usage or a range/type error from the API
 * argument checks, are reported by message too (the caller decides the exit code).
 */
export function formatError(err: unknown, color: boolean): string {
  const label = color ? `${RED}error:${RESET}` : "error:";
  if (err instanceof ParseError) return `${label} ${err.format()}`;
  if (err instanceof UsageError) return `${label} ${err.message}\n${usageLine(err.command)}`;
  if (err instanceof SymgradError || err instanceof RangeError || err instanceof TypeError) return `${label} ${err.message}`;
  if (err instanceof Error) return `${label} internal error: ${err.message}`;
  return `${label} ${String(err)}`;
}

/**
 * `formatError` for the REPL: a LimitError names the REPL's `:limits` command instead of the
 * library's `setLimits`.
 */
export function formatReplError(err: unknown, color: boolean): string {
  const text = formatError(err, color);
  if (!(err instanceof LimitError)) return text;
  return text.replace(`raise it with setLimits({ ${err.limit}: ... })`, `raise it with :limits ${err.limit}=N`);
}
