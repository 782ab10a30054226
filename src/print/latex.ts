/**
 * The LaTeX printer, in SymPy's style: `\frac{x}{\sqrt{x^{2} + 1}}`, `2 x + 3`,
 * `\sin{\left(x \right)}`, `e^{x}`, `\left|x\right|`, `\theta_{2}`.
 *
 * Contracts:
 * - Every output is valid KaTeX math (the tests render each one with `throwOnError`).
 * - The same display order as the plain printer (`layout.ts`): sums by degree, products as a
 *   signed `\frac` of the factors with non-negative and with negative exponents.
 * - Factors are separated by a space, or by `\cdot` before a factor that starts with a digit
 *   (`2 \cdot 3^{x}`).
 * - Time is linear in the size of the printed tree; recursion depth is at most a small constant
 *   times the node depth.
 */
import { FUNCTION_NAMES, type FunctionName } from "../core/functions.js";
import type { Expr } from "../core/node.js";
import { Rational } from "../core/rational.js";
import { freeSymbolSet } from "../core/traverse.js";
import "./plain.js";
import { boundedOutput, emitSumWith, fractionOf, isNegativeExponent, isNegativeNumber, viewIs, viewOf, type ProductView } from "./layout.js";

/** The LaTeX math-mode source of `e`. */
export function toLatex(e: Expr): string {
  const out = boundedOutput();
  emit(e, out);
  return out.join("");
}

/**
 * The command toLatex writes before the arguments of `fn` (`\\sin`, `\\operatorname{sech}`), or
 * undefined for a function with a notation of its own. parseLatex reads these spellings back.
 */
export function latexOperator(fn: FunctionName): string | undefined {
  return operatorOf(fn);
}

let functionSpellings: ReadonlySet<string> | undefined;

/** Whether the command `\\name` is the spelling of a function (a symbol of that name must not print so). */
function isFunctionSpelling(command: string): boolean {
  functionSpellings ??= new Set(FUNCTION_NAMES.map(operatorOf).filter((s): s is string => s !== undefined));
  return functionSpellings.has(command);
}

/** Functions with their own notation: `e^{x}`, `\sqrt[3]{x}`, `\left|x\right|`. */
const OWN_NOTATION: ReadonlySet<FunctionName> = new Set(["exp", "cbrt", "abs"]);

/**
 * The functions LaTeX has an operator command for, by that command: `\sin`, `\arcsin` for asin.
 * Every other function without a notation of its own prints by its own name,
 * `\operatorname{sech}`, which parseLatex reads back (the piecewise and special functions too:
 * `\Gamma`, `\psi` and `\max` would collide with Greek variables and unread commands).
 */
const LATEX_COMMAND: Readonly<Partial<Record<FunctionName, string>>> = {
  sin: "sin",
  cos: "cos",
  tan: "tan",
  sec: "sec",
  csc: "csc",
  cot: "cot",
  asin: "arcsin",
  acos: "arccos",
  atan: "arctan",
  sinh: "sinh",
  cosh: "cosh",
  tanh: "tanh",
  coth: "coth",
  log: "log",
};

/** The inverse trigonometric functions LaTeX has no command for, by the name they print as. */
const RENAMED: Readonly<Partial<Record<FunctionName, string>>> = { acot: "arccot", asec: "arcsec", acsc: "arccsc" };

function operatorOf(fn: FunctionName): string | undefined {
  if (OWN_NOTATION.has(fn)) return undefined;
  const command = LATEX_COMMAND[fn];
  return command === undefined ? `\\operatorname{${RENAMED[fn] ?? fn}}` : `\\${command}`;
}

// ---------------------------------------------------------------- symbol names

export const GREEK_LOWER: ReadonlySet<string> = new Set([
  "alpha",
  "beta",
  "gamma",
  "delta",
  "epsilon",
  "zeta",
  "eta",
  "theta",
  "iota",
  "kappa",
  "lambda",
  "mu",
  "nu",
  "xi",
  "omicron",
  "pi",
  "rho",
  "sigma",
  "tau",
  "upsilon",
  "phi",
  "chi",
  "psi",
  "omega",
]);
/** Capital Greek letters with their own glyph; the others look like Latin capitals and print as names. */
export const GREEK_UPPER: ReadonlySet<string> = new Set(["Gamma", "Delta", "Theta", "Lambda", "Xi", "Pi", "Sigma", "Upsilon", "Phi", "Psi", "Omega"]);
/** Variant Greek letters, each a name of its own (`varphi` is not `phi`). */
export const GREEK_VARIANTS: ReadonlySet<string> = new Set(["varepsilon", "vartheta", "varphi", "varrho", "varsigma", "varpi", "varkappa"]);

/**
 * A symbol's LaTeX. Contract: `parseLatex(symbolLatex(n))` is the symbol `n` for every name the
 * plain syntax reads, so each LaTeX form stands for one name only:
 * - a head of one letter or a Greek letter name, then its trailing digits as a subscript
 *   (`x1` is `x_{1}`, `theta0` is `\theta_{0}`), or then its `_` parts as nested subscripts
 *   (`x_ab` is `x_{ab}`, `a_b_c` is `a_{b_{c}}`, `Gamma_i` is `\Gamma_{i}`);
 * - every other name is `\mathit{...}` with `_` escaped: `rate`, `Beta`, `x_1` (whose pretty form
 *   would be that of `x1`) and `x__y`.
 */
export function symbolLatex(name: string): string {
  if (!/^[\p{L}_][\p{L}0-9_]*$/u.test(name)) return "\\text{" + name.replace(/[\\{}$&#^_%~]/g, "?") + "}";
  return prettyName(name) ?? "\\mathit{" + name.replace(/_/g, "\\_") + "}";
}

function isGreekName(s: string): boolean {
  return GREEK_LOWER.has(s) || GREEK_UPPER.has(s) || GREEK_VARIANTS.has(s);
}

function prettyName(name: string): string | undefined {
  const parts = name.split("_");
  if (parts.some((p) => p === "")) return undefined;
  const m = /^(\p{L}+)([0-9]*)$/u.exec(parts[0]!);
  if (m === null || (m[2] !== "" && parts.length > 1)) return undefined;
  const letters = m[1]!;
  const head = isGreekName(letters) && !isFunctionSpelling("\\" + letters) ? "\\" + letters : Array.from(letters).length === 1 ? letters : undefined;
  if (head === undefined) return undefined;
  if (m[2] !== "") return head + "_{" + m[2]! + "}";
  if (parts.length === 1) return head;
  const sub = subscriptOf(parts.slice(1));
  return sub === undefined ? undefined : head + "_{" + sub + "}";
}

/** `b`, `c` of `a_b_c` as `b_{c}`; undefined when a part is all digits (`x_1` would read as `x1`). */
function subscriptOf(parts: readonly string[]): string | undefined {
  const [first, ...rest] = parts;
  if (/^[0-9]+$/.test(first!)) return undefined;
  const piece = isGreekName(first!) ? "\\" + first! : first!;
  if (rest.length === 0) return piece;
  const inner = subscriptOf(rest);
  return inner === undefined ? undefined : piece + "_{" + inner + "}";
}

// ---------------------------------------------------------------- emitters

function emitRational(r: Rational, out: string[]): void {
  if (r.isInteger()) {
    out.push(r.num.toString());
    return;
  }
  const n = r.num < 0n ? -r.num : r.num;
  out.push(r.isNegative() ? "- \\frac{" : "\\frac{", n.toString(), "}{", r.den.toString(), "}");
}

function emit(e: Expr, out: string[]): void {
  switch (e.kind) {
    case "num":
      emitRational(e.value, out);
      return;
    case "sym":
      out.push(symbolLatex(e.name));
      return;
    case "const":
      out.push(e.name === "pi" ? "\\pi" : "e");
      return;
    case "call":
      emitCall(e.fn, e.args, null, out);
      return;
    case "apply":
      emitApplied(e.name, e.orders, e.args, out);
      return;
    case "add":
      emitSum(e.args, out);
      return;
    case "mul":
      emitProduct(viewOf(e), out);
      return;
    case "pow":
      if (isNegativeExponent(e.exp)) emitProduct({ coefficient: Rational.ONE, factors: [e] }, out);
      else emitPower(e.base, viewOf(e.exp), out);
      return;
    case "deriv":
      emitDerivative(e.args, out);
      return;
  }
}

/**
 * `\frac{d}{dx}\left(u\right)`, `\frac{d^{2}}{dx^{2}}\left(u\right)`; a partial (the body has more
 * than one free symbol) uses ∂, with the variables last-taken first: `\frac{\partial^{2}}{\partial y \partial x}`.
 */
function emitDerivative(args: readonly Expr[], out: string[]): void {
  const body = args[0]!;
  const partial = freeSymbolSet(body).size > 1;
  const d = partial ? "\\partial" : "d";
  const n = args.length - 1;
  out.push("\\frac{", d, n > 1 ? `^{${n}}` : "", "}{");
  // Runs of one variable print as a power: d x^{2}.
  for (let i = n; i >= 1;) {
    const v = args[i]!;
    let j = i;
    while (j - 1 >= 1 && args[j - 1] === v) j--;
    const run = i - j + 1;
    if (i !== n) out.push(" ");
    out.push(partial ? "\\partial " : "d", symbolLatex((v as { name: string }).name), run > 1 ? `^{${run}}` : "");
    i = j - 1;
  }
  out.push("}\\left(");
  emit(body, out);
  out.push("\\right)");
}

/** `fn(args)`, raised to the positive integer `power` in SymPy's `\sin^{2}{\left(x \right)}` form when given. */
function emitCall(fn: FunctionName, args: readonly Expr[], power: bigint | null, out: string[]): void {
  if (fn === "exp") {
    out.push("e^{");
    emit(args[0]!, out);
    out.push("}");
    return;
  }
  if (fn === "cbrt") {
    out.push("\\sqrt[3]{");
    emit(args[0]!, out);
    out.push("}");
    return;
  }
  if (fn === "abs") {
    out.push("\\left|");
    emit(args[0]!, out);
    out.push("\\right|");
    return;
  }
  out.push(operatorOf(fn)!);
  if (power !== null) out.push("^{", power.toString(), "}");
  out.push("{\\left(");
  for (let i = 0; i < args.length; i++) {
    if (i > 0) out.push(", ");
    emit(args[i]!, out);
  }
  out.push(" \\right)}");
}

/**
 * An undefined function: `f{\left(x \right)}`, `f'{\left(x \right)}` (primes up to 3, then
 * `f^{(4)}`), and partials by argument position, `\partial_{1} \partial_{2}^{2} f{\left(x, y \right)}`.
 */
function emitApplied(name: string, orders: readonly number[], args: readonly Expr[], out: string[]): void {
  const f = symbolLatex(name);
  if (orders.length === 1 && orders[0]! > 0) {
    const k = orders[0]!;
    out.push(k <= 3 ? f + "'".repeat(k) : `${f}^{(${k})}`);
  } else {
    orders.forEach((k, i) => {
      if (k > 0) out.push(`\\partial_{${i + 1}}`, k > 1 ? `^{${k}} ` : " ");
    });
    out.push(f);
  }
  out.push("{\\left(");
  for (let i = 0; i < args.length; i++) {
    if (i > 0) out.push(", ");
    emit(args[i]!, out);
  }
  out.push(" \\right)}");
}

function emitParenthesized(e: Expr, out: string[]): void {
  out.push("\\left(");
  emit(e, out);
  out.push("\\right)");
}

function emitView(v: ProductView, out: string[]): void {
  if (v.factors.length === 0) emitRational(v.coefficient, out);
  else if (v.factors.length === 1 && v.coefficient.isOne()) emit(v.factors[0]!, out);
  else emitProduct(v, out);
}

function emitSum(args: readonly Expr[], out: string[]): void {
  emitSumWith(args, out, emit, emitView);
}

/** True when the LaTeX of a numerator or denominator factor starts with a digit (`3^{x}`). */
function startsWithDigit(base: Expr, exponent: ProductView): boolean {
  return base.kind === "num" && !base.value.isNegative() && base.value.isInteger() && rootIndex(base, exponent) === null;
}

function emitProduct(v: ProductView, out: string[]): void {
  const f = fractionOf(v);
  if (f.negative) out.push("- ");
  const fraction = f.q !== 1n || f.denominator.length > 0;
  if (fraction) out.push("\\frac{");
  const numeratorItems = (f.p !== 1n ? 1 : 0) + f.numerator.length;
  let first = true;
  if (f.p !== 1n || numeratorItems === 0) {
    out.push(f.p.toString());
    first = false;
  }
  for (const g of f.numerator) {
    const [base, exponent] = g.kind === "pow" ? [g.base, viewOf(g.exp)] : [g, ONE_VIEW];
    if (!first) out.push(startsWithDigit(base, exponent) ? " \\cdot " : " ");
    first = false;
    if (g.kind === "add" && numeratorItems > 1) emitParenthesized(g, out);
    else emit(g, out);
  }
  if (!fraction) return;
  out.push("}{");
  const denominatorItems = (f.q !== 1n ? 1 : 0) + f.denominator.length;
  first = true;
  if (f.q !== 1n) {
    out.push(f.q.toString());
    first = false;
  }
  for (const d of f.denominator) {
    if (!first) out.push(startsWithDigit(d.base, d.exponent) ? " \\cdot " : " ");
    first = false;
    if (d.base.kind === "add" && viewIs(d.exponent, Rational.ONE) && denominatorItems > 1) emitParenthesized(d.base, out);
    else emitPower(d.base, d.exponent, out);
  }
  out.push("}");
}

const ONE_VIEW: ProductView = { coefficient: Rational.ONE, factors: [] };

/**
 * n when `base^exponent` prints as a root `\sqrt[n]{base}` (exponent 1/n, base not a negative number).
 * Never 3: `\sqrt[3]{u}` is the real cube root `cbrt(u)`, which differs from u^(1/3) for u < 0.
 */
function rootIndex(base: Expr, exponent: ProductView): bigint | null {
  if (exponent.factors.length > 0 || isNegativeNumber(base)) return null;
  const c = exponent.coefficient;
  return c.num === 1n && c.den > 1n && c.den !== 3n ? c.den : null;
}

/** True when a power base needs `\left( \right)`. */
function wrapBase(base: Expr): boolean {
  switch (base.kind) {
    case "num":
      return base.value.isNegative() || !base.value.isInteger();
    case "sym":
    case "const":
      return false;
    case "call":
      return base.fn !== "abs";
    default:
      return true;
  }
}

/** `base^exponent` for a positive exponent. */
function emitPower(base: Expr, exponent: ProductView, out: string[]): void {
  if (viewIs(exponent, Rational.ONE)) {
    emit(base, out);
    return;
  }
  const n = rootIndex(base, exponent);
  if (n !== null) {
    out.push(n === 2n ? "\\sqrt{" : `\\sqrt[${n}]{`);
    emit(base, out);
    out.push("}");
    return;
  }
  const c = exponent.coefficient;
  if (base.kind === "call" && operatorOf(base.fn) !== undefined && exponent.factors.length === 0 && c.isInteger()) {
    emitCall(base.fn, base.args, c.num, out);
    return;
  }
  if (wrapBase(base)) emitParenthesized(base, out);
  else emit(base, out);
  out.push("^{");
  emitView(exponent, out);
  out.push("}");
}
