/**
 * What the playground computes for one input: pure, so the tests run it in Node, and the worker
 * (worker.ts) only forwards messages to it.
 *
 * Contract: `compute(request)` never throws. A bad formula or variable list gives an `error`
 * response whose `plain` is the error message (for a ParseError the message with its column, and
 * `caret` the source with a caret under the problem, as the CLI prints it). Otherwise:
 * - one variable: the derivative (`kind: "derivative"`), and the samples of f and f' for the plot
 *   when f has no other free symbol and xmin < xmax (else `plot` is null);
 * - several variables: the gradient and the Hessian;
 * - no variable (a constant formula): every derivative is 0.
 * A formula that starts with a backslash is LaTeX (`\frac{1}{x}`), read by `parseLatex`.
 * `plain` is the plain-text result (one line for a derivative; `gradient: [..]` and
 * `hessian: [[..], ..]` lines otherwise); `latex` is KaTeX-ready LaTeX of the same result.
 */
import { compile, diff, freeSymbols, gradient, hessian, parse, parseLatex, ParseError, SymgradError, toLatex, type Expr } from "../../src/index.js";

export interface Request {
  id: number;
  expr: string;
  /** Comma-separated variable names; empty means all free symbols, sorted. */
  vars: string;
  /** The plotted interval of the variable. */
  xmin: number;
  xmax: number;
  /** Number of plot samples (at least 2). */
  samples: number;
}

export interface Plot {
  variable: string;
  xs: number[];
  /** f and f' at xs; NaN where the value is undefined or not a finite real number. */
  f: number[];
  df: number[];
}

export type Response =
  | { id: number; kind: "error"; plain: string; caret: string | null }
  | { id: number; kind: "derivative" | "gradient" | "constant"; plain: string; latex: string; variables: string[]; plot: Plot | null };

/** The variable names of the input `text`, or the sorted free symbols of `e` when it is blank. */
export function variablesOf(text: string, e: Expr): string[] {
  if (text.trim() === "") return freeSymbols(e);
  const names = text.split(",").map((s) => s.trim());
  for (const n of names) {
    if (n === "") throw new SymgradError("empty name in the variables list");
    if (!isSymbol(n)) throw new SymgradError(`'${n}' is not a variable name`);
  }
  if (new Set(names).size !== names.length) throw new SymgradError("a variable is listed twice");
  return names;
}

/** True when symgrad reads `name` as a variable (not a constant such as pi, not a call). */
function isSymbol(name: string): boolean {
  try {
    return parse(name).kind === "sym";
  } catch {
    return false;
  }
}

/** `count` samples of `fn` over [a, b]; every non-finite value becomes NaN (a gap in the plot). */
export function sample(fn: (x: number) => number, a: number, b: number, count: number): { xs: number[]; ys: number[] } {
  const xs: number[] = [];
  const ys: number[] = [];
  for (let i = 0; i < count; i++) {
    const x = a + ((b - a) * i) / (count - 1);
    const y = fn(x);
    xs.push(x);
    ys.push(Number.isFinite(y) ? y : NaN);
  }
  return { xs, ys };
}

/** The plot of f and f' over the request's range, or null when f has other free symbols than v or the range is empty. */
function plotOf(e: Expr, d: Expr, v: string, r: Request): Plot | null {
  if (!(Number.isFinite(r.xmin) && Number.isFinite(r.xmax) && r.xmin < r.xmax)) return null;
  if (freeSymbols(e).some((s) => s !== v)) return null;
  const count = Math.max(2, Math.min(4000, Math.floor(r.samples)));
  const f = compile(e, [v]);
  const df = compile(d, [v]);
  const point = [0];
  const fs = sample((x) => ((point[0] = x), f(point)), r.xmin, r.xmax, count);
  const dfs = sample((x) => ((point[0] = x), df(point)), r.xmin, r.xmax, count);
  return { variable: v, xs: fs.xs, f: fs.ys, df: dfs.ys };
}

const latexName = (v: string): string => toLatex(parse(v));
const row = (es: readonly Expr[]): string => `[${es.map(String).join(", ")}]`;

/** The formula of the input: LaTeX when it starts with a backslash, else symgrad's syntax. */
export function readFormula(text: string): Expr {
  return text.trimStart().startsWith("\\") ? parseLatex(text) : parse(text);
}

export function compute(r: Request): Response {
  try {
    const e = readFormula(r.expr);
    const vars = variablesOf(r.vars, e);
    const fLatex = toLatex(e);
    if (vars.length === 0) {
      return { id: r.id, kind: "constant", plain: "0", latex: `f = ${fLatex}\\text{ is constant: every derivative is } 0`, variables: [], plot: null };
    }
    if (vars.length === 1) {
      const v = vars[0]!;
      const d = diff(e, v);
      const latex = `\\frac{d}{d${latexName(v)}}\\left(${fLatex}\\right) = ${toLatex(d)}`;
      return { id: r.id, kind: "derivative", plain: String(d), latex, variables: vars, plot: plotOf(e, d, v, r) };
    }
    const g = gradient(e, vars);
    const h = hessian(e, vars);
    const partials = vars.map((v) => g[v]!);
    const plain = `gradient: ${row(partials)}\nhessian: [${h.map(row).join(", ")}]`;
    const column = partials.map((p) => toLatex(p)).join(" \\\\ ");
    const matrix = h.map((hr) => hr.map((x) => toLatex(x)).join(" & ")).join(" \\\\ ");
    const names = vars.map(latexName).join(", ");
    const latex = `\\nabla f(${names}) = \\begin{pmatrix} ${column} \\end{pmatrix} \\qquad H = \\begin{pmatrix} ${matrix} \\end{pmatrix}`;
    return { id: r.id, kind: "gradient", plain, latex, variables: vars, plot: null };
  } catch (err) {
    if (err instanceof ParseError) return { id: r.id, kind: "error", plain: err.message, caret: err.format() };
    if (err instanceof Error) return { id: r.id, kind: "error", plain: err.message, caret: null };
    return { id: r.id, kind: "error", plain: String(err), caret: null };
  }
}
