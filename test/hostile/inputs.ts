import type { Limits } from "../../src/core/limits.js";
/**
 * Hostile inputs and the outcome each must have under the default limits: a result ("ok") or one
 * typed error. Every row runs through one public operation (`op`); the runner in
 * `inputs.test.ts` bounds each by wall-clock time, so a row that hangs fails instead of stalling CI.
 *
 * Row fields:
 * - `input`: the formula text (huge ones are built here once, at load); for the operations on a
 *   list of formulas (`jacobian`, `compileVector`, `divergence`, `curl`), the formulas joined by ";".
 * - `vars`, `order`, `scope`, `point`: arguments of the operation (variables default to `x`).
 * - `expect`: "ok" or the error class; `limit` names the `Limits` field of a LimitError.
 * - `column`: 1-based column of a ParseError, counted in code points (an emoji is one column).
 * - `message`: a pattern the error message (or, for "ok", the printed result) must match.
 * - `value`: for numeric operations, the expected number (NaN and infinities compared exactly).
 * - `printed`: for symbolic operations, the expected plain-text result.
 * - `limits`: limits changed for this row only.
 * - `assume`: for "simplify", the assumptions (run through the public, validating `simplify`).
 * - `known`: a known defect outside this directory's ownership; such rows are reported, not run.
 */

export type Op =
  | "parse"
  | "print"
  | "latex"
  | "diff"
  | "gradient"
  | "hessian"
  | "evaluate"
  | "evaluateStrict"
  | "evaluatePrecise"
  | "compile"
  | "valueAndGrad"
  | "valueAndGradInto"
  | "compileVector"
  | "toJavaScript"
  | "gradcheck"
  | "jacobian"
  | "taylor"
  | "implicitDiff"
  | "laplacian"
  | "divergence"
  | "curl"
  | "directionalDerivative"
  | "simplify"
  | "expand"
  | "factor";

export type Outcome = "ok" | "ParseError" | "LimitError" | "DomainError";

export interface HostileCase {
  readonly category: string;
  readonly input: string;
  readonly op: Op;
  readonly expect: Outcome;
  readonly vars?: readonly string[];
  readonly order?: number;
  readonly scope?: Readonly<Record<string, number>>;
  readonly point?: readonly number[];
  readonly limit?: string;
  readonly column?: number;
  readonly message?: RegExp;
  readonly value?: number;
  readonly printed?: string;
  readonly known?: string;
  /** For "simplify": the assumptions, passed as given (unchecked types, to test their validation). */
  readonly assume?: unknown;
  /** Limits set for this row only (reset after it). */
  readonly limits?: Partial<Limits>;
}

const rep = (s: string, n: number): string => s.repeat(n);
const nested = (open: string, inner: string, close: string, n: number): string => rep(open, n) + inner + rep(close, n);

/** A label for a test title: escapes and truncates. */
export function describeInput(s: string): string {
  const shown = JSON.stringify(s.length > 48 ? s.slice(0, 40) : s).replace(/[\u0080-\uffff]/g, (c) => "\\u" + c.charCodeAt(0).toString(16).padStart(4, "0"));
  return s.length > 48 ? `${shown}... (${s.length} chars)` : shown;
}

// ---------------------------------------------------------------- deep nesting

const DEPTH = 2000;

const deep: HostileCase[] = [
  { category: "deep", input: nested("(", "x", ")", 100_000), op: "parse", expect: "LimitError", limit: "maxDepth", message: /column 2001/ },
  { category: "deep", input: nested("(", "x", ")", DEPTH - 1), op: "print", expect: "ok", printed: "x" },
  { category: "deep", input: nested("(", "x+1", ")", DEPTH - 1), op: "print", expect: "ok", printed: "x + 1" },
  { category: "deep", input: nested("sin(", "x", ")", 10_000), op: "parse", expect: "LimitError", limit: "maxDepth" },
  { category: "deep", input: nested("sin(", "x", ")", 10_000), op: "diff", expect: "LimitError", limit: "maxDepth" },
  { category: "deep", input: nested("sin(", "x", ")", DEPTH - 1), op: "evaluate", scope: { x: 0.5 }, expect: "ok" },
  { category: "deep", input: nested("sin(", "x", ")", DEPTH - 1), op: "compile", point: [0.5], expect: "ok" },
  { category: "deep", input: nested("sin(", "x", ")", DEPTH - 1), op: "valueAndGrad", point: [0.5], expect: "ok" },
  { category: "deep", input: nested("sin(", "x", ")", DEPTH - 1), op: "latex", expect: "ok" },
  { category: "deep", input: nested("sin(", "x", ")", 300), op: "diff", expect: "ok" },
  { category: "deep", input: nested("sin(", "x", ")", DEPTH - 1), op: "simplify", expect: "ok" },
  { category: "deep", input: nested("sin(", "x", ")", DEPTH - 1), op: "diff", expect: "LimitError", limit: "maxDepth" },
  { category: "deep", input: nested("exp(", "x", ")", DEPTH - 1), op: "print", expect: "ok" },
  { category: "deep", input: nested("abs(", "x-1", ")", DEPTH - 2), op: "latex", expect: "ok" },
  { category: "deep", input: nested("atan2(", "x", ", 1)", DEPTH - 1), op: "print", expect: "ok" },
  { category: "deep", input: nested("1/(1+", "x", ")", 600), op: "print", expect: "ok" },
  { category: "deep", input: nested("sqrt(2+", "x", ")", 600), op: "latex", expect: "ok" },
  { category: "deep", input: rep("-", 100_000) + "x", op: "parse", expect: "LimitError", limit: "maxDepth" },
  { category: "deep", input: rep("-", DEPTH - 1) + "x", op: "print", expect: "ok", printed: "-x" },
  { category: "deep", input: rep("-", DEPTH - 2) + "x", op: "print", expect: "ok", printed: "x" },
  { category: "deep", input: rep("+", 100_000) + "x", op: "parse", expect: "LimitError", limit: "maxDepth" },
  { category: "deep", input: rep("+-", 999) + "x", op: "print", expect: "ok", printed: "-x" },
  { category: "deep", input: rep("√", 100_000) + "x", op: "parse", expect: "LimitError", limit: "maxDepth" },
  { category: "deep", input: "x" + rep("^x", 100_000), op: "parse", expect: "LimitError", limit: "maxDepth" },
  { category: "deep", input: "x" + rep("^x", DEPTH - 1), op: "latex", expect: "ok" },
  { category: "deep", input: "x" + rep("^x", DEPTH - 1), op: "diff", expect: "LimitError", limit: "maxDepth" },
  { category: "deep", input: "x" + rep("^x", 100), op: "diff", expect: "ok" },
  { category: "deep", input: "x" + rep("²", 100_000), op: "parse", expect: "LimitError", limit: "maxDepth" },
  { category: "deep", input: "2" + rep("^2", 10), op: "parse", expect: "ok" },
  { category: "deep", input: "2^2^2^2^2", op: "parse", expect: "ok", message: /^2003529930406846464979072351560255750447825475569751419265016973/ },
  { category: "deep", input: nested("(", "", ")", 50_000), op: "parse", expect: "LimitError", limit: "maxDepth" },
  { category: "deep", input: nested("(", "", ")", 5), op: "parse", expect: "ParseError", column: 6 },
  { category: "deep", input: rep("(", 1000) + "x", op: "parse", expect: "ParseError", column: 1002, message: /expected an operator or '\)'/ },
  { category: "deep", input: "x" + rep(")", 1000), op: "parse", expect: "ParseError", column: 2 },
];

// ---------------------------------------------------------------- huge inputs

const huge: HostileCase[] = [
  { category: "huge", input: rep("x", 2_000_000), op: "parse", expect: "LimitError", limit: "maxInputLength" },
  { category: "huge", input: rep(" ", 2_000_000), op: "parse", expect: "LimitError", limit: "maxInputLength" },
  { category: "huge", input: "x" + rep("+x", 499_999), op: "print", expect: "ok", printed: "500000*x" },
  { category: "huge", input: "x" + rep("+x", 1_000_000), op: "parse", expect: "LimitError", limit: "maxInputLength" },
  { category: "huge", input: Array.from({ length: 50_000 }, (_, i) => `x${i}`).join("+"), op: "diff", vars: ["x49999"], expect: "ok", printed: "1" },
  {
    category: "huge",
    input: Array.from({ length: 20_000 }, (_, i) => `${i + 1}*x^${i + 1}`).join("+"),
    op: "evaluate",
    scope: { x: 1 },
    expect: "ok",
    value: 200_010_000,
  },
  { category: "huge", input: rep("x*", 300_000) + "x", op: "print", expect: "ok", printed: "x^300001" },
  { category: "huge", input: rep("9", 400_000), op: "parse", expect: "LimitError", limit: "maxIntegerBits", message: /column 1/ },
  { category: "huge", input: rep("9", 1000), op: "evaluate", expect: "ok", value: Infinity },
  { category: "huge", input: "1e999999999", op: "parse", expect: "LimitError", limit: "maxIntegerBits" },
  { category: "huge", input: "1e-999999999", op: "parse", expect: "LimitError", limit: "maxIntegerBits" },
  { category: "huge", input: "x*1e-400", op: "evaluate", scope: { x: 1 }, expect: "ok", value: 0 },
  { category: "huge", input: "1e400/1e399", op: "print", expect: "ok", printed: "10" },
  { category: "huge", input: "x^" + rep("9", 30), op: "diff", expect: "ok", printed: `${rep("9", 30)}*x^${rep("9", 29)}8` },
];

// ---------------------------------------------------------------- exponent blow-ups and orders

const exponents: HostileCase[] = [
  { category: "exponent", input: "10^10^10", op: "print", expect: "ok", printed: "10^10000000000" },
  { category: "exponent", input: "10^10^10*x", op: "diff", expect: "ok", printed: "10^10000000000" },
  { category: "exponent", input: "10^10^10", op: "diff", expect: "ok", printed: "0" },
  { category: "exponent", input: "10^10^10", op: "evaluate", expect: "ok", value: Infinity },
  { category: "exponent", input: "10^10^10*x", op: "evaluatePrecise", scope: { x: 1 }, expect: "ok", value: Infinity },
  { category: "exponent", input: "10^10^10*x", op: "compile", point: [1], expect: "ok", value: Infinity },
  { category: "exponent", input: "x*10^(-10^10)", op: "evaluate", scope: { x: 1 }, expect: "ok", value: 0 },
  { category: "exponent", input: "(2/3)^(10^9)", op: "evaluate", expect: "ok", value: 0 },
  { category: "exponent", input: "10^10^10/10^10^10", op: "print", expect: "ok", printed: "1" },
  { category: "exponent", input: "(10^10^10)^2", op: "print", expect: "ok", printed: "10^20000000000" },
  { category: "exponent", input: "(10^10^10 + 1)^2", op: "expand", expect: "ok", printed: "2*10^10000000000 + 10^20000000000 + 1" },
  { category: "exponent", input: "2^600000*2^600000", op: "parse", expect: "LimitError", limit: "maxIntegerBits" },
  { category: "exponent", input: "(2^600000 + x)^2", op: "expand", expect: "LimitError", limit: "maxIntegerBits" },
  { category: "exponent", input: "2^(2^40)", op: "print", expect: "ok", printed: "2^1099511627776" },
  { category: "exponent", input: "(-3)^(10^9)", op: "print", expect: "ok", printed: "3^1000000000" },
  { category: "exponent", input: "(1/2)^(10^9)", op: "print", expect: "ok", printed: "1/2^1000000000" },
  { category: "exponent", input: "(-1)^(10^30)", op: "print", expect: "ok", printed: "1" },
  { category: "exponent", input: "1^(10^10^10)", op: "print", expect: "ok", printed: "1" },
  { category: "exponent", input: "x^(10^30)", op: "diff", expect: "ok", message: /^1000000000000000000000000000000\*x\^999999999999999999999999999999$/ },
  { category: "exponent", input: "x^(10^30)", op: "evaluate", scope: { x: 1 }, expect: "ok", value: 1 },
  { category: "exponent", input: "x^(10^30)", op: "compile", point: [0.5], expect: "ok", value: 0 },
  { category: "exponent", input: "(x+1)^100000", op: "diff", expect: "ok", printed: "100000*(x + 1)^99999" },
  { category: "exponent", input: "(x+1)^100000", op: "expand", expect: "LimitError", limit: "maxPolyWork", limits: { maxPolyWork: 1_000_000 } },
  { category: "exponent", input: "(x+y+z)^1000", op: "expand", expect: "LimitError", limit: "maxExpandTerms" },
  { category: "exponent", input: "(x+1)^100000", op: "simplify", expect: "ok", printed: "(x + 1)^100000" },
  { category: "exponent", input: "x^100000 - 1", op: "factor", expect: "LimitError" },
  { category: "order", input: "x^x", op: "diff", order: 100_000, expect: "LimitError", limit: "maxOrder" },
  { category: "order", input: "x^x", op: "diff", order: 1000, expect: "LimitError", limit: "diffTimeMs", limits: { diffTimeMs: 500 } },
  { category: "order", input: "sin(x)", op: "diff", order: 1000, expect: "ok", printed: "sin(x)" },
  { category: "order", input: "x^5", op: "diff", order: 1000, expect: "ok", printed: "0" },
  { category: "order", input: "exp(2*x)", op: "diff", order: 1000, expect: "ok", printed: `${2n ** 1000n}*exp(2*x)` },
  { category: "order", input: "exp(2*x)", op: "diff", order: 100, expect: "ok", printed: "1267650600228229401496703205376*exp(2*x)" },
];

// ---------------------------------------------------------------- names that are JS object keys

export const PROTOTYPE_NAMES = [
  "__proto__",
  "constructor",
  "prototype",
  "toString",
  "hasOwnProperty",
  "valueOf",
  "process",
  "require",
  "__defineGetter__",
  "isPrototypeOf",
] as const;

function prototypeRows(name: string): HostileCase[] {
  const f = `${name}^2 + 3*${name}`;
  const scope = Object.defineProperty({}, name, { value: 2, enumerable: true }) as Record<string, number>;
  return [
    { category: "prototype", input: f, op: "print", expect: "ok", printed: `${name}^2 + 3*${name}` },
    { category: "prototype", input: f, op: "diff", vars: [name], expect: "ok", printed: `2*${name} + 3` },
    { category: "prototype", input: `${f} * y`, op: "gradient", vars: [name, "y"], expect: "ok" },
    { category: "prototype", input: f, op: "evaluate", scope, expect: "ok", value: 10 },
    { category: "prototype", input: f, op: "evaluate", scope: {}, expect: "DomainError", message: new RegExp(`unbound variable '${name}'`) },
    { category: "prototype", input: f, op: "compile", vars: [name], point: [2], expect: "ok", value: 10 },
  ];
}

const prototypeish: HostileCase[] = PROTOTYPE_NAMES.flatMap(prototypeRows);

// ---------------------------------------------------------------- code injection

const injection: HostileCase[] = [
  { category: "injection", input: 'x"); process.exit(1); //', op: "parse", expect: "ParseError", column: 2, message: /unexpected character '"'/ },
  { category: "injection", input: "${process.exit()}", op: "parse", expect: "ParseError", column: 1, message: /'\$'/ },
  { category: "injection", input: "`${1}`", op: "parse", expect: "ParseError", column: 1, message: /'`'/ },
  { category: "injection", input: "require('fs')", op: "parse", expect: "ParseError", column: 1, message: /unknown function 'require'/ },
  { category: "injection", input: "x + require(x)", op: "compile", expect: "ParseError", column: 5 },
  { category: "injection", input: "process.exit(1)", op: "compile", expect: "ParseError", column: 8, message: /'\.'/ },
  { category: "injection", input: "constructor(x)", op: "parse", expect: "ParseError", column: 1, message: /unknown function 'constructor'/ },
  { category: "injection", input: "__proto__(x)", op: "parse", expect: "ParseError", column: 1, message: /unknown function '__proto__'/ },
  { category: "injection", input: "toString()", op: "parse", expect: "ParseError", column: 1 },
  { category: "injection", input: "x; globalThis.pwned = 1", op: "parse", expect: "ParseError", column: 2 },
  { category: "injection", input: "x//\nprocess", op: "parse", expect: "ParseError", column: 3 },
  { category: "injection", input: "x /* */", op: "parse", expect: "ParseError", column: 4 },
  { category: "injection", input: "x}; return 1; function f(){", op: "parse", expect: "ParseError", column: 2 },
  { category: "injection", input: "</script><script>alert(1)</script>", op: "parse", expect: "ParseError", column: 1 },
  { category: "injection", input: "\\input{/etc/passwd}", op: "latex", expect: "ParseError", column: 1 },
  { category: "injection", input: "x = 1", op: "parse", expect: "ParseError", column: 3 },
  { category: "injection", input: "x[0]", op: "parse", expect: "ParseError", column: 2 },
  { category: "injection", input: "a.b", op: "parse", expect: "ParseError", column: 2 },
  { category: "injection", input: "eval(x)", op: "parse", expect: "ParseError", column: 1, message: /unknown function 'eval'/ },
  { category: "injection", input: "Function(x)", op: "toJavaScript", expect: "ParseError", column: 1 },
];

// ---------------------------------------------------------------- Unicode and odd characters

const unicode: HostileCase[] = [
  { category: "unicode", input: "x\u200By", op: "parse", expect: "ParseError", column: 2, message: /U\+200B/ },
  { category: "unicode", input: "x\u0000", op: "parse", expect: "ParseError", column: 2, message: /U\+0000/ },
  { category: "unicode", input: "\u0000", op: "parse", expect: "ParseError", column: 1 },
  { category: "unicode", input: "\u200Fx", op: "parse", expect: "ParseError", column: 1, message: /U\+200F/ },
  { category: "unicode", input: "x+\u202Ey", op: "parse", expect: "ParseError", column: 3, message: /U\+202E/ },
  { category: "unicode", input: "\uFF11\uFF12", op: "parse", expect: "ParseError", column: 1, message: /U\+FF11/ },
  { category: "unicode", input: "x+\uFF12", op: "parse", expect: "ParseError", column: 3 },
  { category: "unicode", input: "\u{1F600}+x", op: "parse", expect: "ParseError", column: 1, message: /U\+1F600/ },
  { category: "unicode", input: "x+\u{1F600}", op: "parse", expect: "ParseError", column: 3 },
  { category: "unicode", input: "\u{1F600}\u{1F600}\u{1F600}", op: "parse", expect: "ParseError", column: 1 },
  { category: "unicode", input: "\u{1D465}+\u{1F600}", op: "parse", expect: "ParseError", column: 3 },
  { category: "unicode", input: "sin(\u{1F600})", op: "parse", expect: "ParseError", column: 5 },
  { category: "unicode", input: "\u{1F468}\u200D\u{1F469}", op: "parse", expect: "ParseError", column: 1 },
  { category: "unicode", input: "\uD800", op: "parse", expect: "ParseError", column: 1, message: /U\+D800/ },
  { category: "unicode", input: "x+\uDC00", op: "parse", expect: "ParseError", column: 3, message: /U\+DC00/ },
  { category: "unicode", input: "\u{1F600}\uD800", op: "parse", expect: "ParseError", column: 1 },
  { category: "unicode", input: "x\uDBFF", op: "parse", expect: "ParseError", column: 2 },
  { category: "unicode", input: "e\u0301", op: "parse", expect: "ParseError", column: 2, message: /U\+0301/ },
  { category: "unicode", input: "\u0301x", op: "parse", expect: "ParseError", column: 1 },
  { category: "unicode", input: "\uFEFFx", op: "parse", expect: "ParseError", column: 1, message: /U\+FEFF/ },
  { category: "unicode", input: "x\u00A0+1", op: "parse", expect: "ParseError", column: 2, message: /U\+00A0/ },
  { category: "unicode", input: "x\u3000+1", op: "parse", expect: "ParseError", column: 2 },
  { category: "unicode", input: "x\u2028+1", op: "parse", expect: "ParseError", column: 2 },
  { category: "unicode", input: "\u{1F600}\u{1F600}+\u200B", op: "parse", expect: "ParseError", column: 1 },
  { category: "unicode", input: "\u03B1\u00B2 + \u03B2", op: "print", expect: "ok", printed: "\u03B1^2 + \u03B2" },
  { category: "unicode", input: "2\u03C0r", op: "print", expect: "ok", printed: "2*pi*r" },
  { category: "unicode", input: "x\u00D7y\u2212z\u00F7w", op: "print", expect: "ok", printed: "x*y - z/w" },
  { category: "unicode", input: "\u221A\u221Ax", op: "print", expect: "ok", printed: "sqrt(sqrt(x))" },
  { category: "unicode", input: "\u{1F600} ".repeat(3) + "1/", op: "parse", expect: "ParseError", column: 1 },
  { category: "unicode", input: "x + \u{1F600}\u{1F600} + \u{1F600}", op: "parse", expect: "ParseError", column: 5 },
];

// ---------------------------------------------------------------- domain edges

const domain: HostileCase[] = [
  { category: "domain", input: "log(0)", op: "print", expect: "ok", printed: "log(0)" },
  { category: "domain", input: "log(0)", op: "evaluate", expect: "ok", value: -Infinity },
  { category: "domain", input: "log(0)", op: "evaluateStrict", expect: "DomainError", message: /log of zero: log\(0\)/ },
  { category: "domain", input: "log(x)", op: "evaluate", scope: { x: -1 }, expect: "ok", value: NaN },
  { category: "domain", input: "log(x)", op: "evaluateStrict", scope: { x: -1 }, expect: "DomainError", message: /log\(-1\)/ },
  { category: "domain", input: "1/0", op: "parse", expect: "DomainError", message: /division by zero/ },
  { category: "domain", input: "x/(y-y)", op: "parse", expect: "DomainError", message: /division by zero/ },
  { category: "domain", input: "log(x, 1)", op: "parse", expect: "DomainError", message: /division by zero/ },
  { category: "domain", input: "1/x", op: "evaluate", scope: { x: 0 }, expect: "ok", value: Infinity },
  { category: "domain", input: "1/x", op: "evaluateStrict", scope: { x: 0 }, expect: "DomainError", message: /division by zero: 1\/0/ },
  { category: "domain", input: "1/x", op: "evaluatePrecise", scope: { x: 0 }, expect: "ok", value: Infinity },
  { category: "domain", input: "0^0", op: "print", expect: "ok", printed: "1" },
  { category: "domain", input: "x^y", op: "evaluate", scope: { x: 0, y: 0 }, expect: "ok", value: 1 },
  { category: "domain", input: "0^x", op: "print", expect: "ok", printed: "0^x" },
  { category: "domain", input: "0^-1", op: "parse", expect: "DomainError", message: /division by zero/ },
  { category: "domain", input: "0^(-1/2)", op: "parse", expect: "DomainError" },
  { category: "domain", input: "sqrt(-1)", op: "print", expect: "ok", printed: "(-1)^(1/2)" },
  { category: "domain", input: "sqrt(-1)", op: "evaluate", expect: "ok", value: NaN },
  { category: "domain", input: "sqrt(-1)", op: "evaluateStrict", expect: "DomainError", message: /square root of a negative number: sqrt\(-1\)/ },
  { category: "domain", input: "sqrt(-1)", op: "evaluatePrecise", expect: "ok", value: NaN },
  { category: "domain", input: "abs(x)", op: "evaluate", scope: { x: 0 }, expect: "ok", value: 0 },
  { category: "domain", input: "abs(x)", op: "diff", expect: "ok", printed: "sign(x)" },
  { category: "domain", input: "sign(x)", op: "diff", expect: "ok", printed: "0" },
  { category: "domain", input: "(x^2-1)/(x-1)", op: "evaluate", scope: { x: 1 }, expect: "ok", value: NaN },
  { category: "domain", input: "(x^2-1)/(x-1)", op: "evaluateStrict", scope: { x: 1 }, expect: "DomainError", message: /division by zero/ },
  { category: "domain", input: "(x^2-1)/(x-1)", op: "evaluate", scope: { x: 3 }, expect: "ok", value: 4 },
  { category: "domain", input: "(x^2-1)/(x-1)", op: "simplify", expect: "ok", printed: "x + 1" },
  { category: "domain", input: "sin(x)/x", op: "evaluate", scope: { x: 0 }, expect: "ok", value: NaN },
  { category: "domain", input: "tan(pi/2)", op: "print", expect: "ok", printed: "tan(pi/2)" },
  { category: "domain", input: "tan(pi/2)", op: "evaluate", expect: "ok", value: Math.tan(Math.PI / 2) },
  { category: "domain", input: "asin(2)", op: "evaluateStrict", expect: "DomainError" },
  { category: "domain", input: "atan2(0, 0)", op: "evaluate", expect: "ok", value: Math.atan2(0, 0) },
  { category: "domain", input: "exp(1000)", op: "evaluate", expect: "ok", value: Infinity },
  { category: "domain", input: "exp(1000)", op: "evaluateStrict", expect: "DomainError", message: /overflow/ },
  { category: "domain", input: "x/x", op: "print", expect: "ok", printed: "1" },
  { category: "domain", input: "log(x)", op: "compile", point: [0], expect: "ok", value: -Infinity },
];

// ---------------------------------------------------------------- malformed syntax

const syntax: HostileCase[] = [
  { category: "syntax", input: "", op: "parse", expect: "ParseError", column: 1, message: /end of input/ },
  { category: "syntax", input: "   ", op: "parse", expect: "ParseError", column: 4 },
  { category: "syntax", input: ")", op: "parse", expect: "ParseError", column: 1 },
  { category: "syntax", input: "((x)", op: "parse", expect: "ParseError", column: 5 },
  { category: "syntax", input: "1..2", op: "parse", expect: "ParseError", column: 3 },
  { category: "syntax", input: "sin()", op: "parse", expect: "ParseError", column: 1, message: /sin takes 1 argument, got 0/ },
  { category: "syntax", input: "sin(x, y)", op: "parse", expect: "ParseError", column: 1, message: /got 2/ },
  { category: "syntax", input: "sin", op: "parse", expect: "ParseError", column: 4 },
  { category: "syntax", input: "x^", op: "parse", expect: "ParseError", column: 3 },
  { category: "syntax", input: "x**", op: "parse", expect: "ParseError", column: 4 },
  { category: "syntax", input: "x," + rep("x,", 10), op: "parse", expect: "ParseError", column: 2 },
  { category: "syntax", input: "f(" + rep("x,", 100_000) + "x)", op: "parse", expect: "ParseError", column: 1, message: /unknown function 'f'/ },
  { category: "syntax", input: "log(" + rep("x,", 100_000) + "x)", op: "parse", expect: "ParseError", column: 1 },
  { category: "syntax", input: "\t\r\nx\n", op: "print", expect: "ok", printed: "x" },
  { category: "syntax", input: "\n\n\u{1F600}", op: "parse", expect: "ParseError", column: 3 },
];

/** Every row (the table is the union of the categories above). */
// ---------------------------------------------------------------- number literals JavaScript reads otherwise

const numbers: HostileCase[] = [
  { category: "number", input: "0x10*x", op: "diff", expect: "ok", printed: "16" },
  { category: "number", input: "0b101*x", op: "diff", expect: "ok", printed: "5" },
  { category: "number", input: "0o17*x", op: "diff", expect: "ok", printed: "15" },
  { category: "number", input: "1_000*x", op: "diff", expect: "ok", printed: "1000" },
  { category: "number", input: "0xFF_FF*x^2", op: "diff", expect: "ok", printed: "131070*x" },
  { category: "number", input: "0x10*x", op: "evaluate", scope: { x: 2 }, expect: "ok", value: 32 },
  { category: "number", input: "0x", op: "parse", expect: "ParseError", column: 3, message: /'0x' must be followed by a hexadecimal digit/ },
  { category: "number", input: "0x*y", op: "diff", expect: "ParseError", column: 3 },
  { category: "number", input: "0b102*x", op: "diff", expect: "ParseError", column: 5, message: /'2' is not a binary digit/ },
  { category: "number", input: "0o9", op: "parse", expect: "ParseError", column: 3, message: /octal digit/ },
  { category: "number", input: "0x1g", op: "parse", expect: "ParseError", column: 4, message: /'g' right after the hexadecimal number '0x1'/ },
  { category: "number", input: "0x1.8", op: "parse", expect: "ParseError", column: 4, message: /no fraction/ },
  { category: "number", input: "1_x", op: "diff", expect: "ParseError", column: 2, message: /digit separator '_' must stand between two digits/ },
  { category: "number", input: "1__000*x", op: "diff", expect: "ParseError", column: 2 },
  { category: "number", input: "1000_", op: "parse", expect: "ParseError", column: 5 },
  { category: "number", input: "010*x", op: "diff", expect: "ParseError", column: 1, message: /leading zero in '010'.*0o10 for octal/ },
  { category: "number", input: "2e", op: "print", expect: "ok", printed: "2*e" },
  { category: "number", input: "2e+", op: "parse", expect: "ParseError", column: 4 },
  { category: "number", input: "2e+x", op: "diff", expect: "ok", printed: "1" },
  { category: "number", input: "1e", op: "diff", expect: "ok", printed: "0" },
  { category: "number", input: "0x" + "f".repeat(300_000), op: "parse", expect: "LimitError", limit: "maxIntegerBits" },
  { category: "number", input: "0b" + "1".repeat(1100), op: "evaluate", expect: "ok", value: Infinity },
];

// ---------------------------------------------------------------- tight limits and the built-in tables
// (test/core/limits-tight.test.ts also checks these with the tables compiled for the first time.)

const tight: HostileCase[] = [
  { category: "tight-limit", input: "sin(x)", op: "diff", expect: "ok", printed: "cos(x)", limits: { maxDepth: 4 } },
  { category: "tight-limit", input: "sin(x)", op: "diff", expect: "ok", printed: "cos(x)", limits: { maxNodes: 50 } },
  { category: "tight-limit", input: "asec(x)", op: "diff", expect: "ok", limits: { maxInputLength: 7 } },
  { category: "tight-limit", input: "sin(x)^2 + cos(x)^2", op: "simplify", expect: "ok", printed: "1", limits: { maxDepth: 4, maxNodes: 50 } },
  { category: "tight-limit", input: "sin(sin(sin(x)))", op: "diff", expect: "LimitError", limit: "maxDepth", limits: { maxDepth: 4 } },
];

// ---------------------------------------------------------------- names and option words given as text

const words: HostileCase[] = [
  {
    category: "text-option",
    input: "x^2",
    op: "diff",
    vars: ["x+y"],
    expect: "ParseError",
    column: 2,
    message: /expected one variable name but found '\+' after 'x'/,
  },
  { category: "text-option", input: "x^2", op: "diff", vars: ["pi"], expect: "ParseError", column: 1, message: /'pi' is a constant, not a variable/ },
  { category: "text-option", input: "x^2", op: "diff", vars: ["e"], expect: "ParseError", column: 1, message: /constant/ },
  { category: "text-option", input: "x^2", op: "diff", vars: ["sin"], expect: "ParseError", column: 1, message: /'sin' is a function, not a variable/ },
  {
    category: "text-option",
    input: "x^2",
    op: "diff",
    vars: [""],
    expect: "ParseError",
    column: 1,
    message: /expected a variable name but found end of input/,
  },
  { category: "text-option", input: "x^2", op: "diff", vars: ["  "], expect: "ParseError", column: 3 },
  { category: "text-option", input: "x^2", op: "diff", vars: ["2"], expect: "ParseError", column: 1 },
  { category: "text-option", input: "x^2", op: "diff", vars: ["x y"], expect: "ParseError", column: 3 },
  { category: "text-option", input: "x^2", op: "diff", vars: ["x€"], expect: "ParseError", column: 2, message: /unexpected character/ },
  { category: "text-option", input: "x^2", op: "diff", vars: [" x "], expect: "ok", printed: "2*x" },
  { category: "text-option", input: "x^2", op: "gradient", vars: ["x", "y+1"], expect: "ParseError", column: 2 },
  {
    category: "text-option",
    input: "x",
    op: "simplify",
    assume: { x: "postive" },
    expect: "ParseError",
    column: 1,
    message: /unknown assumption 'postive' for x \(did you mean 'positive'\?\)/,
  },
  { category: "text-option", input: "x", op: "simplify", assume: { x: "big" }, expect: "ParseError", message: /expected one of 'positive', 'nonnegative'/ },
  { category: "text-option", input: "x", op: "simplify", assume: { "x+1": "positive" }, expect: "ParseError", column: 2 },
  { category: "text-option", input: "x", op: "simplify", assume: { pi: "positive" }, expect: "ParseError", message: /constant/ },
  { category: "text-option", input: "x/sqrt(x^2)", op: "simplify", assume: { x: "positive" }, expect: "ok", printed: "1" },
  { category: "text-option", input: "y*sqrt(x^2) + sin(sqrt(x^2))", op: "simplify", assume: { x: "nonnegative" }, expect: "ok", printed: "x*y + sin(x)" },
  { category: "text-option", input: "(x^2)^(3/2)", op: "simplify", assume: { x: "positive" }, expect: "ok", printed: "x^3" },
  { category: "text-option", input: "x/sqrt(x^2)", op: "simplify", assume: {}, expect: "ok", printed: "x/abs(x)" },
];

/**
 * Every public operation that takes a list of variable names reads them as text the way `diff`
 * does: a name that is not one variable name is the same ParseError, positioned in that name.
 * Each operation gets the bad name first in a list of three (the inputs have three variables).
 */
const VARIABLE_LIST_OPS: readonly (readonly [Op, string])[] = [
  ["compile", "x*y + z^2"],
  ["valueAndGrad", "x*y + z^2"],
  ["valueAndGradInto", "x*y + z^2"],
  ["toJavaScript", "x*y + z^2"],
  ["gradcheck", "x*y + z^2"],
  ["gradient", "x*y + z^2"],
  ["hessian", "x*y + z^2"],
  ["laplacian", "x*y + z^2"],
  ["directionalDerivative", "x*y + z^2"],
  ["compileVector", "x*y;y*z;z*x"],
  ["jacobian", "x*y;y*z;z*x"],
  ["divergence", "x*y;y*z;z*x"],
  ["curl", "x*y;y*z;z*x"],
];

const BAD_NAMES: readonly (readonly [string, number, RegExp])[] = [
  ["x+y", 2, /expected one variable name but found '\+' after 'x'/],
  ["pi", 1, /'pi' is a constant, not a variable/],
  ["", 1, /expected a variable name but found end of input/],
  ["sin", 1, /'sin' is a function, not a variable/],
  ["x y", 3, /expected one variable name but found 'y' after 'x'/],
  ["2", 1, /expected a variable name but found '2'/],
];

const variableLists: HostileCase[] = [
  ...VARIABLE_LIST_OPS.flatMap(([op, input]): HostileCase[] => [
    ...BAD_NAMES.map(([name, column, message]): HostileCase => ({
      category: "text-option",
      input,
      op,
      vars: [name, "y", "z"],
      expect: "ParseError",
      column,
      message,
    })),
    { category: "text-option", input, op, vars: ["x", "y", "z"], point: [0.5, 2, -1], expect: "ok" },
  ]),
  ...BAD_NAMES.map(([name, column, message]): HostileCase => ({
    category: "text-option",
    input: "exp(x)*y",
    op: "taylor",
    vars: [name],
    expect: "ParseError",
    column,
    message,
  })),
  { category: "text-option", input: "exp(x)", op: "taylor", vars: ["x"], order: 2, expect: "ok", printed: "x^2/2 + x + 1" },
  ...BAD_NAMES.map(([name, column, message]): HostileCase => ({
    category: "text-option",
    input: "x^2 + y^2 - 1",
    op: "implicitDiff",
    vars: ["y", name],
    expect: "ParseError",
    column,
    message,
  })),
  { category: "text-option", input: "x^2 + y^2 - 1", op: "implicitDiff", vars: ["y", "x"], expect: "ok", printed: "-x/y" },
];

export const HOSTILE_INPUTS: readonly HostileCase[] = [
  ...words,
  ...variableLists,
  ...tight,
  ...numbers,
  ...deep,
  ...huge,
  ...exponents,
  ...prototypeish,
  ...injection,
  ...unicode,
  ...domain,
  ...syntax,
];
