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
import type { FunctionName } from "../core/functions.js";
import type { Expr } from "../core/node.js";
import { Rational } from "../core/rational.js";
import { flatArguments } from "./plain.js";
import { boundedOutput, emitSumWith, fractionOf, isNegativeExponent, isNegativeNumber, viewIs, viewOf, type ProductView } from "./layout.js";

/** The LaTeX math-mode source of `e`. */
export function toLatex(e: Expr): string {
  const out = boundedOutput();
  emit(e, out);
  return out.join("");
}

/**
 * Function names as LaTeX operators. `exp`, `cbrt` and `abs` have their own notation
 * (`e^{x}`, `\sqrt[3]{x}`, `\left|x\right|`) and are absent here.
 */
const OPERATOR: Readonly<Record<Exclude<FunctionName, OwnNotation>, string>> = {
  sin: "\\sin",
  cos: "\\cos",
  tan: "\\tan",
  sec: "\\sec",
  csc: "\\csc",
  cot: "\\cot",
  asin: "\\arcsin",
  acos: "\\arccos",
  atan: "\\arctan",
  acot: "\\operatorname{arccot}",
  asec: "\\operatorname{arcsec}",
  acsc: "\\operatorname{arccsc}",
  atan2: "\\operatorname{atan2}",
  sinh: "\\sinh",
  cosh: "\\cosh",
  tanh: "\\tanh",
  sech: "\\operatorname{sech}",
  csch: "\\operatorname{csch}",
  coth: "\\coth",
  asinh: "\\operatorname{asinh}",
  acosh: "\\operatorname{acosh}",
  atanh: "\\operatorname{atanh}",
  asech: "\\operatorname{asech}",
  acsch: "\\operatorname{acsch}",
  acoth: "\\operatorname{acoth}",
  log: "\\log",
  sign: "\\operatorname{sign}",
  erf: "\\operatorname{erf}",
  min: "\\min",
  max: "\\max",
  heaviside: "\\operatorname{H}",
  round: "\\operatorname{round}",
  gamma: "\\Gamma",
  loggamma: "\\operatorname{loggamma}",
  digamma: "\\psi",
  beta: "\\operatorname{B}",
  erfc: "\\operatorname{erfc}",
};

/** Functions with their own notation: `e^{x}`, `\sqrt[3]{x}`, `\left|x\right|`, floor and ceil brackets, `\psi^{(n)}`. */
type OwnNotation = "exp" | "cbrt" | "abs" | "floor" | "ceil" | "polygamma";
const OWN_NOTATION: ReadonlySet<FunctionName> = new Set<OwnNotation>(["exp", "cbrt", "abs", "floor", "ceil", "polygamma"]);

function operatorOf(fn: FunctionName): string | undefined {
  return OWN_NOTATION.has(fn) ? undefined : OPERATOR[fn as Exclude<FunctionName, OwnNotation>];
}

// ---------------------------------------------------------------- symbol names

const GREEK_LOWER = new Set([
  "alpha", "beta", "gamma", "delta", "epsilon", "zeta", "eta", "theta", "iota", "kappa", "lambda", "mu",
  "nu", "xi", "omicron", "pi", "rho", "sigma", "tau", "upsilon", "phi", "chi", "psi", "omega",
]);
/** Capital Greek letters with their own glyph; the others look like Latin capitals. */
const GREEK_UPPER = new Set(["Gamma", "Delta", "Theta", "Lambda", "Xi", "Pi", "Sigma", "Upsilon", "Phi", "Psi", "Omega"]);
const GREEK_LATIN: ReadonlyMap<string, string> = new Map([
  ["Alpha", "A"], ["Beta", "B"], ["Epsilon", "E"], ["Zeta", "Z"], ["Eta", "H"], ["Iota", "I"], ["Kappa", "K"],
  ["Mu", "M"], ["Nu", "N"], ["Omicron", "O"], ["Rho", "P"], ["Tau", "T"], ["Chi", "X"],
]);

/** Unicode Greek letters by the LaTeX name of the same letter (α is alpha, Ω is Omega). */
const GREEK_UNICODE: ReadonlyMap<string, string> = new Map([
  ..."αβγδεζηθικλμνξοπρστυφχψω".split("").map((c, i) => [c, "alpha beta gamma delta epsilon zeta eta theta iota kappa lambda mu nu omicron pi rho sigma tau upsilon phi chi psi omega".split(" ")[i]!] as const),
  ..."ΓΔΘΛΞΠΣΥΦΨΩ".split("").map((c, i) => [c, "Gamma Delta Theta Lambda Xi Pi Sigma Upsilon Phi Psi Omega".split(" ")[i]!] as const),
  ["ς", "sigma"],
]);

/** A name without `_`: Greek letter names become commands, trailing digits a subscript (`x1` is `x_{1}`). */
function namePart(name: string): string {
  const spelled = GREEK_UNICODE.get(name);
  if (spelled !== undefined) return namePart(spelled);
  if (GREEK_LOWER.has(name) || GREEK_UPPER.has(name)) return "\\" + name;
  const latin = GREEK_LATIN.get(name);
  if (latin !== undefined) return latin;
  const m = /^(.*?[^0-9])([0-9]+)$/u.exec(name);
  if (m !== null) return namePart(m[1]!) + "_{" + m[2]! + "}";
  return name;
}

/** `theta_2` is `\theta_{2}`; the part after the first `_` is a subscript (itself translated). */
export function symbolLatex(name: string): string {
  if (!/^[\p{L}][\p{L}0-9_]*$/u.test(name)) return "\\text{" + name.replace(/[\\{}$&#^_%~]/g, "?") + "}";
  return nameWithSubscript(name);
}

function nameWithSubscript(name: string): string {
  const cut = name.indexOf("_");
  if (cut < 0) return /^[0-9]+$/.test(name) ? name : namePart(name);
  const head = name.slice(0, cut);
  const rest = name.slice(cut + 1);
  if (rest === "") return nameWithSubscript(head);
  if (head === "") return nameWithSubscript(rest);
  return nameWithSubscript(head) + "_{" + nameWithSubscript(rest) + "}";
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
  }
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
  if (fn === "abs" || fn === "floor" || fn === "ceil") {
    const [open, close] = fn === "abs" ? ["\\left|", "\\right|"] : fn === "floor" ? ["\\left\\lfloor ", " \\right\\rfloor"] : ["\\left\\lceil ", " \\right\\rceil"];
    out.push(open);
    emit(args[0]!, out);
    out.push(close);
    return;
  }
  if (fn === "polygamma") {
    out.push("\\psi^{\\left(");
    emit(args[0]!, out);
    out.push("\\right)}\\left(");
    emit(args[1]!, out);
    out.push("\\right)");
    return;
  }
  out.push(operatorOf(fn)!);
  if (power !== null) out.push("^{", power.toString(), "}");
  out.push("{\\left(");
  if (fn === "min" || fn === "max") args = flatArguments(fn, args);
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

/** n when `base^exponent` prints as a root `\sqrt[n]{base}` (exponent 1/n, base not a negative number). */
function rootIndex(base: Expr, exponent: ProductView): bigint | null {
  if (exponent.factors.length > 0 || isNegativeNumber(base)) return null;
  const c = exponent.coefficient;
  return c.num === 1n && c.den > 1n ? c.den : null;
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
      return base.fn !== "abs" && base.fn !== "floor" && base.fn !== "ceil";
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
