/**
 * Derivative operators in LaTeX: `\frac{d}{dx}`, `\frac{\mathrm{d}}{\mathrm{d}x}`,
 * `\frac{d^2}{dx^2}`, `\frac{\partial}{\partial x}`, `\frac{\partial^2 u}{\partial x \partial y}`.
 *
 * Contracts:
 * - A `\frac` is a derivative exactly when its numerator starts with a differential (`d`,
 *   `\mathrm{d}`, `\operatorname{d}`, `\differentialD` or `\partial`, optionally `^n`) and its
 *   denominator is nothing but differentials of names, each optionally `^k`; the numerator's n must
 *   be the sum of the k (1 when absent). Any other `\frac` is a quotient: `\frac{d}{2}` is d/2.
 * - The result is the inert derivative node (`derivative` of core/build.ts), the one the plain
 *   `d/dx(u)` reads as; `diff`, `evaluateDerivatives`, `evaluate` and `compile` carry it out. The
 *   rightmost differential of the denominator acts first: `\frac{\partial^2 u}{\partial x \partial y}`
 *   is d/dx(d/dy(u)), as `toLatex` prints that node.
 * - With an operand in the numerator (`\frac{d(x^2)}{dx}`) that is the operand. A lone name there
 *   that is not a variable of the derivative (`\frac{dy}{dx}`) is refused unless it is declared in
 *   `undefinedFunctions`: it means a function y(x), and the derivative of a constant y would
 *   silently be 0. A declared f alone there is applied to the variable of an ordinary derivative
 *   (`\frac{df}{dx}` is d/dx(f(x))); in a partial its arguments are not known, which is an error.
 * - Without one, the operator waits for its operand, which `LatexParser.implicit` supplies; there
 *   a lone name is a variable like any other (`\frac{d}{dx} y` is d/dx(y), as in `d/dx(y)`).
 */
import { diff } from "../api/calculus.js";
import { derivative, sym } from "../core/build.js";
import { DomainError, ParseError } from "../core/errors.js";
import { substitute } from "../core/traverse.js";
import type { Expr } from "../core/node.js";
import type { LatexToken } from "./latex-lexer.js";
import { readName, type ReadName } from "./latex-names.js";
import type { LatexParser } from "./latex-parser.js";

export interface DerivativeOperator {
  readonly derivative: true;
  /** The variables in the order they are applied (one entry per order). */
  readonly steps: readonly string[];
  /** The operator's LaTeX source, for messages. */
  readonly source: string;
}

/** The inert derivative of `operand` by the operator's steps, in order. */
export function inertDerivative(op: DerivativeOperator, operand: Expr): Expr {
  return derivative(
    operand,
    op.steps.map((v) => sym(v)),
  );
}

/** The index after a differential starting at `i`, or -1. */
function differential(tokens: readonly LatexToken[], i: number): number {
  const t = tokens[i]!;
  if (t.kind === "letter" && t.text === "d") return tokens[i + 1]!.kind === "_" ? -1 : i + 1;
  if (t.kind === "command" && (t.text === "\\partial" || t.text === "\\differentialD")) return i + 1;
  if (t.kind === "command" && (t.text === "\\mathrm" || t.text === "\\operatorname")) {
    const [a, b, c] = [tokens[i + 1], tokens[i + 2], tokens[i + 3]];
    if (a?.kind === "{" && b?.kind === "letter" && b.text === "d" && c?.kind === "}") return i + 4;
  }
  return -1;
}

/** An order `^n` or `^{n}` at `i` (n a positive integer): [n, index after], or [1, i] when absent. */
function order(tokens: readonly LatexToken[], i: number): [number, number] | undefined {
  if (tokens[i]!.kind !== "^") return [1, i];
  const t = tokens[i + 1]!;
  if (t.kind === "number" && /^[1-9]$/.test(t.text)) return [Number(t.text), i + 2];
  if (t.kind === "{" && tokens[i + 2]!.kind === "number" && /^[1-9][0-9]*$/.test(tokens[i + 2]!.text) && tokens[i + 3]!.kind === "}") {
    return [Number(tokens[i + 2]!.text), i + 4];
  }
  return undefined;
}

/**
 * At a `\frac` (the current token of `p`): the derivative operator it is, or the derivative of
 * the operand in its numerator, with `p` moved past the `\frac`; `undefined` (and `p` unmoved)
 * when the `\frac` is a quotient.
 */
export function derivativeAt(p: LatexParser): DerivativeOperator | Expr | undefined {
  const tokens = p.tokens;
  const start = p.pos;
  if (tokens[start + 1]!.kind !== "{") return undefined;
  const numClose = p.closingBrace(start + 1);
  if (numClose < 0 || tokens[numClose + 1]!.kind !== "{") return undefined;
  const denClose = p.closingBrace(numClose + 1);
  if (denClose < 0) return undefined;

  const head = differential(tokens, start + 2);
  if (head < 0) return undefined;
  const numOrder = order(tokens, head);
  if (numOrder === undefined) return undefined;

  const vars: { name: string; order: number; at: LatexToken }[] = [];
  let i = numClose + 2;
  while (i < denClose) {
    const d = differential(tokens, i);
    if (d < 0) return undefined;
    p.pos = d;
    let name: ReadName;
    try {
      name = readName(p);
    } catch (err) {
      p.pos = start;
      if (err instanceof ParseError) return undefined;
      throw err;
    }
    const o = order(tokens, p.pos);
    if (o === undefined) {
      p.pos = start;
      return undefined;
    }
    vars.push({ name: name.name, order: o[0], at: name.start });
    i = o[1];
  }
  p.pos = start;
  if (i !== denClose || vars.length === 0) return undefined;

  const source = p.sourceOf(tokens[start]!, tokens[denClose]!);
  const total = vars.reduce((n, v) => n + v.order, 0);
  if (total !== numOrder[0]) {
    throw p.error(
      `the order ${numOrder[0]} of the numerator of ${source} does not match the ${total} of its denominator`,
      tokens[start + 2]!,
      [],
      tokens[numOrder[1] - 1]!.end,
    );
  }
  for (const v of vars) {
    if (v.name === "e" || v.name === "pi") throw p.error(`cannot differentiate with respect to the constant ${v.name}`, v.at);
    // A definition is read as its value in the operand, so it cannot also be the variable.
    if (p.isDefinition(v.name)) throw p.error(`cannot differentiate with respect to '${v.name}': it is defined, not a variable`, v.at);
  }
  const steps: string[] = [];
  for (let k = vars.length - 1; k >= 0; k--) for (let n = 0; n < vars[k]!.order; n++) steps.push(vars[k]!.name);
  const op: DerivativeOperator = { derivative: true, steps, source };

  if (numOrder[1] === numClose) {
    p.pos = denClose + 1;
    return op;
  }
  p.pos = numOrder[1];
  const first = p.peek();
  if (!p.startsFactor(first, null, false)) throw shapeError(p, source, first);
  p.enter(first);
  const ordinary = tokens[start + 2]!.text !== "\\partial" && vars.every((v) => v.name === vars[0]!.name);
  const outer = p.leibniz;
  p.leibniz = { start: numOrder[1], close: numClose, variable: ordinary ? sym(vars[0]!.name) : undefined, source };
  let operand: Expr;
  try {
    operand = p.implicit(null, false);
  } finally {
    p.leibniz = outer;
  }
  p.leave();
  if (p.pos !== numClose) throw shapeError(p, source, p.peek());
  if (operand.kind === "sym" && !steps.includes(operand.name)) {
    const of = [...new Set([...steps].reverse())].join(", ");
    throw p.error(
      `${source} of '${operand.name}' reads it as a function of ${of}: declare ${operand.name} in undefinedFunctions, or write the expression itself`,
      first,
    );
  }
  p.pos = denClose + 1;
  return inertDerivative(op, operand);
}

function shapeError(p: LatexParser, source: string, at: LatexToken): ParseError {
  return p.error(`the numerator of ${source} must be the differential and one product: write \\frac{d}{dx}\\left(...\\right) for more`, at);
}

/**
 * f' (with `primes` primes) of a caller-defined function of one argument: u -> f^(n)(u), the
 * n-th derivative of f(t) in a fresh symbol t with u put for t afterwards.
 */
export function derivativeOf(f: (args: Expr[]) => Expr, primes: number, name: string): (args: Expr[]) => Expr {
  return (args) => {
    if (args.length !== 1) throw new DomainError(`${name}${"'".repeat(primes)} needs a function of one argument, got ${args.length} arguments`);
    const body = f([FRESH]);
    let d = body;
    for (let i = 0; i < primes; i++) d = diff(d, FRESH);
    return substitute(d, new Map([[FRESH, args[0]!]]));
  };
}

/** The argument symbol of f in derivativeOf; its name cannot be written in either syntax. */
const FRESH_NAME = "\u0000t";
const FRESH = sym(FRESH_NAME);
