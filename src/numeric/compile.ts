/**
 * Compiled numeric functions: an expression and an ordered list of variable names become a
 * JavaScript function of `x`, an array-like of numbers with `x[i]` the value of `vars[i]`.
 *
 * The code comes from `codegen.ts`: one straight-line function, each distinct node computed once,
 * the gradient by a reverse sweep. `new Function` is applied only to that generated code, which
 * contains no user text, so any variable name (`constructor`, `__proto__`, `process`, a string with
 * quotes) is a plain variable. A free symbol missing from `vars` is a DomainError at compile time.
 * Values agree bit for bit with `evaluate`.
 */
import type { Expr } from "../core/node.js";
import { Emitter, variableIndex } from "./codegen.js";
import { erf, ERF_SOURCE } from "./erf.js";
import { sf, SPECIAL_SOURCE } from "./special-float.js";

/** A compiled function: its value at `x`, the values of the variables in the order given to `compile`. */
export type CompiledFunction = (x: ArrayLike<number>) => number;

/**
 * Value and gradient in one call. The gradient is written into `out` when given (length at least
 * the number of variables), else into a new Float64Array of its own; it is in the order of `vars`.
 * A new gradient is never written again by later calls, but for speed several of them share one
 * `ArrayBuffer` (each a view at its own `byteOffset`; see `GradientSlab`): copy it
 * (`gradient.slice()`) before transferring its `buffer`.
 */
export type CompiledValueAndGrad = (x: ArrayLike<number>, out?: Float64Array) => { value: number; gradient: Float64Array };

/**
 * Value and gradient without allocation: writes the gradient into `gradient` (length at least
 * the number of variables) and returns the value. The fastest form, for inner loops.
 */
export type CompiledValueAndGradInto = (x: ArrayLike<number>, gradient: Float64Array) => number;

/** Several expressions in one function sharing their common subexpressions. */
export type CompiledVector = (x: ArrayLike<number>, out?: Float64Array) => Float64Array;

function valueBody(e: Expr, vars: readonly string[]): string[] {
  const em = new Emitter(variableIndex(vars));
  const v = em.atom(e);
  return [...em.lines, `  return ${v};`];
}

/** Doubles per shared buffer of new gradients. */
const SLAB_DOUBLES = 2048;

/**
 * The buffer new gradients of one compiled function are cut from: allocating a view of an existing
 * ArrayBuffer costs a fraction of allocating a Float64Array with its own store (for 100 variables,
 * which do not fit V8's on-heap typed arrays). Regions are handed out once and never reused; a
 * full slab is replaced by a new one and lives as long as a gradient cut from it.
 */
interface GradientSlab {
  buffer: ArrayBuffer;
  /** The next free byte. */
  offset: number;
}

function newSlab(): GradientSlab {
  return { buffer: new ArrayBuffer(SLAB_DOUBLES * 8), offset: 0 };
}

/** The statement giving `gradient` a new array of n doubles when the caller passed none. */
function newGradient(n: number, pooled: boolean): string {
  if (!pooled || 4 * n > SLAB_DOUBLES) return `  if (gradient === undefined) gradient = new Float64Array(${n});`;
  return [
    "  if (gradient === undefined) {",
    `    if (slab.offset + ${8 * n} > ${8 * SLAB_DOUBLES}) { slab.buffer = new ArrayBuffer(${8 * SLAB_DOUBLES}); slab.offset = 0; }`,
    `    gradient = new Float64Array(slab.buffer, slab.offset, ${n});`,
    `    slab.offset += ${8 * n};`,
    "  }",
  ].join("\n");
}

/**
 * `into`: the gradient goes into the caller's `gradient` and the value is returned alone. With
 * `pooled`, a missing gradient is cut from the function's `slab` (a free variable of the code).
 */
function valueAndGradBody(e: Expr, vars: readonly string[], into = false, pooled = false): string[] {
  const em = new Emitter(variableIndex(vars));
  const v = em.atom(e);
  const g = em.gradient(e, vars);
  return [
    ...em.lines,
    ...(into ? [] : [newGradient(vars.length, pooled)]),
    ...g.map((a, i) => `  gradient[${i}] = ${a};`),
    into ? `  return ${v};` : `  return { value: ${v}, gradient };`,
  ];
}

function vectorBody(es: readonly Expr[], vars: readonly string[]): string[] {
  const em = new Emitter(variableIndex(vars));
  const vs = es.map((e) => em.atom(e));
  return [...em.lines, `  if (out === undefined) out = new Float64Array(${es.length});`, ...vs.map((a, i) => `  out[${i}] = ${a};`), `  return out;`];
}

/**
 * Turns generated (never user-supplied) function source into a function; `erf`, the special
 * functions `sf` and the gradient `slab` are its only imports. The caller casts the result to the
 * signature its source has.
 *
 * Invariant: `fn` is built only from the `Emitter`'s lines and the fixed text of the bodies above,
 * so (by the contract in `codegen.ts`) it holds generated identifiers, number literals and fixed
 * operators: never a variable name or any other text of the caller's.
 */
function instantiate(fn: string): unknown {
  // eslint-disable-next-line @typescript-eslint/no-implied-eval, @typescript-eslint/no-unsafe-call -- code generation is the design; the invariant above keeps user text out of it.
  return new Function("erf", "sf", "slab", `"use strict";\nreturn ${fn};`)(erf, sf, newSlab());
}

/** `(x) => value of e` with x[i] the value of vars[i]. */
export function compile(e: Expr, vars: readonly string[]): CompiledFunction {
  return instantiate(`function value(x) {\n${valueBody(e, vars).join("\n")}\n}`) as CompiledFunction;
}

/** `(x, out?) => { value, gradient }`: value and whole gradient of e in one pass. */
export function valueAndGrad(e: Expr, vars: readonly string[]): CompiledValueAndGrad {
  return instantiate(`function valueAndGrad(x, gradient) {\n${valueAndGradBody(e, vars, false, true).join("\n")}\n}`) as CompiledValueAndGrad;
}

/** `(x, gradient) => value`, writing the gradient of e into `gradient`. */
export function valueAndGradInto(e: Expr, vars: readonly string[]): CompiledValueAndGradInto {
  return instantiate(`function valueAndGradInto(x, gradient) {\n${valueAndGradBody(e, vars, true).join("\n")}\n}`) as CompiledValueAndGradInto;
}

/** `(x, out?) => [value of es[0], value of es[1], ...]` as a Float64Array. */
export function compileVector(es: readonly Expr[], vars: readonly string[]): CompiledVector {
  return instantiate(`function values(x, out) {\n${vectorBody(es, vars).join("\n")}\n}`) as CompiledVector;
}

/**
 * A standalone ES module (no imports) computing `e`. It exports:
 * - `dimension`: the number of variables n;
 * - `value(x)`: the value, with x an array-like of n numbers in the order of `vars`;
 * - `valueAndGrad(x, gradient?)`: `{ value, gradient }`, the gradient a Float64Array of length n
 *   (written into `gradient` when given);
 * - `valueAndGradInto(x, gradient)`: writes the gradient into `gradient` and returns the value
 *   (no allocation).
 * The module carries no variable names; the caller keeps the order of `vars`.
 */
export function toJavaScript(e: Expr, vars: readonly string[]): string {
  const value = valueBody(e, vars);
  const grad = valueAndGradBody(e, vars);
  const into = valueAndGradBody(e, vars, true);
  const usesSpecial = [...value, ...grad].some((line) => line.includes("sf."));
  const usesErf = usesSpecial || [...value, ...grad].some((line) => line.includes("erf("));
  return [
    `// Generated by symgrad: a function of x[0] .. x[${vars.length - 1}] and its gradient.`,
    ...(usesErf ? [ERF_SOURCE, ""] : []),
    ...(usesSpecial ? [SPECIAL_SOURCE, ""] : []),
    `export const dimension = ${vars.length};`,
    "",
    "export function value(x) {",
    ...value,
    "}",
    "",
    "export function valueAndGrad(x, gradient) {",
    ...grad,
    "}",
    "",
    "export function valueAndGradInto(x, gradient) {",
    ...into,
    "}",
    "",
  ].join("\n");
}
