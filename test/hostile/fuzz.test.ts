/**
 * Seeded, bounded fuzzing of the public operations. Two laws for every call:
 * 1. it returns, or throws a SymgradError (never a TypeError, RangeError or other built-in error);
 * 2. what it returns is numerically right: parse/print round-trips, compiled code agrees bit for bit
 *    with `evaluate`, derivatives agree with central differences where the function is smooth, and
 *    simplify/expand/factor agree with the input wherever the input is defined (strict evaluation,
 *    which rejects every intermediate division by zero, overflow and domain error, succeeds).
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { compile, diff, evaluate, parse, ParseError, print, SymgradError, toLatex, type Expr } from "../../src/index.js";
import { expand } from "../../src/rewrite/expand.js";
import { factor } from "../../src/rewrite/factor.js";
import { simplify } from "../../src/rewrite/simplify.js";
import { arbExpr, SYMBOL_NAMES } from "../support/arbitrary.js";

const VARS = [...SYMBOL_NAMES];

/** `run()`, or undefined when it throws a SymgradError; any other error fails the property. */
function typed<T>(run: () => T): T | undefined {
  try {
    return run();
  } catch (e) {
    if (e instanceof SymgradError) return undefined;
    throw new Error(`escaped ${(e as Error)?.name}: ${(e as Error)?.message}`, { cause: e });
  }
}

function scopeOf(p: readonly number[]): Map<string, number> {
  return new Map(VARS.map((v, i) => [v, p[i]!]));
}

const arbPoint = fc.tuple(
  fc.double({ min: -3, max: 3, noNaN: true }),
  fc.double({ min: -3, max: 3, noNaN: true }),
  fc.double({ min: -3, max: 3, noNaN: true }),
);

function close(a: number, b: number, rel: number): boolean {
  return Math.abs(a - b) <= rel * Math.max(1, Math.abs(a), Math.abs(b));
}

// ---------------------------------------------------------------- parse

const TOKENS = [
  "x",
  "y",
  "2",
  "0",
  "1.5",
  ".5",
  "1e3",
  "1e400",
  "(",
  ")",
  "+",
  "-",
  "*",
  "/",
  "^",
  "**",
  ",",
  " ",
  "sin",
  "log",
  "atan2",
  "sqrt",
  "abs",
  "\u221A",
  "\u00B2",
  "\u03C0",
  "e",
  "pi",
  "__proto__",
  "constructor",
  "\u2212",
  "\u00D7",
  "\u{1F600}",
  "\u200B",
  "\uD800",
  "$",
  ".",
  "f",
];

function checkParse(text: string): void {
  let e: Expr | undefined;
  try {
    e = parse(text);
  } catch (err) {
    if (!(err instanceof SymgradError)) throw new Error(`escaped ${(err as Error)?.name} for ${JSON.stringify(text)}`, { cause: err });
    if (err instanceof ParseError) {
      const length = Array.from(text).length;
      expect(err.column).toBeGreaterThanOrEqual(1);
      expect(err.column).toBeLessThanOrEqual(length + 1);
      expect(err.message).toContain(`at column ${err.column}`);
      expect(() => err.format()).not.toThrow();
    }
    return;
  }
  // Whatever parses prints to text that parses back to the same node.
  const printed = typed(() => print(e));
  if (printed !== undefined) expect(typed(() => parse(printed))).toBe(e);
  typed(() => toLatex(e));
}

describe("parse fuzzing", () => {
  it("random UTF-16 strings (lone surrogates included) parse or throw a typed error", () => {
    fc.assert(fc.property(fc.string({ unit: "binary", maxLength: 30 }), checkParse), { seed: 7001, numRuns: 500 });
  });

  it("random strings over the expression alphabet", () => {
    const ch = fc.constantFrom(..."xy0129.e+-*/^(),  ".split(""));
    fc.assert(
      fc.property(
        fc.array(ch, { maxLength: 40 }).map((a) => a.join("")),
        checkParse,
      ),
      { seed: 7002, numRuns: 1000 },
    );
  });

  it("random token sequences", () => {
    const seq = fc.array(fc.constantFrom(...TOKENS), { maxLength: 25 }).map((a) => a.join(""));
    fc.assert(fc.property(seq, checkParse), { seed: 7003, numRuns: 1500 });
  });
});

// ---------------------------------------------------------------- well-formed expressions

describe("expression fuzzing", () => {
  it("print, toLatex and parse(print(e)) on random expressions", () => {
    fc.assert(
      fc.property(arbExpr(3), (e) => {
        const printed = typed(() => print(e));
        if (printed !== undefined) expect(typed(() => parse(printed))).toBe(e);
        const latex = typed(() => toLatex(e));
        if (latex !== undefined) expect(typeof latex).toBe("string");
      }),
      { seed: 7101, numRuns: 300 },
    );
  });

  it("compile agrees bit for bit with evaluate", () => {
    fc.assert(
      fc.property(arbExpr(3), arbPoint, (e, p) => {
        const f = typed(() => compile(e, VARS));
        if (f === undefined) return;
        const v = typed(() => evaluate(e, scopeOf(p)));
        expect(Object.is(f(p), v)).toBe(true);
      }),
      { seed: 7102, numRuns: 300 },
    );
  });

  it("diff agrees with central differences where the function is smooth", () => {
    fc.assert(
      fc.property(arbExpr(3), arbPoint, fc.integer({ min: 0, max: 2 }), (e, p, k) => {
        const v = VARS[k]!;
        const d = typed(() => diff(e, v));
        if (d === undefined) return;
        const at = (t: number) => {
          const q = p.slice();
          q[k] = t;
          return evaluate(e, scopeOf(q));
        };
        const exact = evaluate(d, scopeOf(p));
        const x = p[k]!;
        const h = 1e-4 * Math.max(1, Math.abs(x));
        const coarse = (at(x + 2 * h) - at(x - 2 * h)) / (4 * h);
        const fine = (at(x + h) - at(x - h)) / (2 * h);
        const forward = (at(x + h) - at(x)) / h;
        const backward = (at(x) - at(x - h)) / h;
        // Smoothness near x: values moderate, the two step sizes agree, and so do the one-sided
        // differences (which a kink such as acot(2*x)*sin(2*x) at 0 separates).
        fc.pre(Number.isFinite(exact) && Number.isFinite(coarse) && Number.isFinite(fine));
        fc.pre(Math.abs(at(x)) < 1e4 && Math.abs(exact) < 1e4);
        fc.pre(close(coarse, fine, 1e-4) && close(forward, backward, 1e-2));
        expect(close(exact, fine, 1e-3), `d/d${v} ${print(e)} = ${print(d)} at ${p}: ${exact} vs ${fine}`).toBe(true);
      }),
      { seed: 7103, numRuns: 300 },
    );
  });

  it("higher-order and mixed derivatives stay typed", () => {
    fc.assert(
      fc.property(arbExpr(2), fc.integer({ min: 0, max: 4 }), (e, n) => {
        typed(() => diff(e, "x", n));
        typed(() => diff(e, ["x", "y", "x"]));
      }),
      { seed: 7104, numRuns: 150 },
    );
  });

  const rewrites: [string, (e: Expr) => Expr][] = [
    ["simplify", (e) => simplify(e)],
    ["expand", (e) => expand(e)],
    ["factor", (e) => factor(e)],
  ];
  it.each(rewrites)("%s agrees with its input wherever the input is defined", (_, rewrite) => {
    fc.assert(
      fc.property(arbExpr(3), arbPoint, (e, p) => {
        const r = typed(() => rewrite(e));
        if (r === undefined) return;
        // Defined: no node on the way divides by zero, overflows or leaves its real domain.
        const before = typed(() => evaluate(e, scopeOf(p), { strict: true }));
        fc.pre(before !== undefined && Math.abs(before) < 1e6);
        // Well conditioned: a relative nudge of 1e-10 to the point moves the value by less than the
        // tolerance (cos((pi + 1)/sqrt(x)) at x = 1.6e-191 takes the cosine of 1e95: no digit of
        // either side means anything).
        const nudged = evaluate(e, scopeOf(p.map((t) => t * (1 + 1e-10))));
        fc.pre(close(before, nudged, 1e-7));
        const after = evaluate(r, scopeOf(p));
        expect(close(before, after, 1e-6), `${print(e)} -> ${print(r)} at ${p}: ${before} vs ${after}`).toBe(true);
      }),
      { seed: 7105, numRuns: 150 },
    );
  });
});
