/**
 * The names in `evaluate`'s scope, `gradcheck`'s point and `minimize`'s start are checked: a key
 * that is not exactly a variable name would be ignored while the formula reads a constant or a
 * function (`{ pi: 3 }`, `{ e: 2 }`), a silent surprise; it is an error naming the key instead.
 */
import { describe, expect, it } from "vitest";
import { ParseError } from "../../src/core/errors.js";
import { evaluate, gradcheck, minimize } from "../../src/index.js";

/** [key, error class, message] for a key that is refused. */
const REFUSED: readonly [string, typeof ParseError | typeof TypeError, string][] = [
  ["pi", ParseError, "binding name 'pi': 'pi' is a constant, not a variable at column 1"],
  ["e", ParseError, "binding name 'e': 'e' is a constant, not a variable at column 1"],
  ["sin", ParseError, "binding name 'sin': 'sin' is a function, not a variable at column 1"],
  ["y+1", ParseError, "binding name 'y+1': expected one variable name but found '+' after 'y' at column 2"],
  ["", ParseError, "binding name '': expected a variable name but found end of input at column 1"],
  ["x ", TypeError, `binding name "x " has spaces around the variable name 'x'`],
];

describe("binding names", () => {
  it.each(REFUSED)("evaluate refuses the key %j", (key, type, message) => {
    const run = () => evaluate("x + pi + e", { x: 1, [key]: 3 });
    expect(run).toThrow(type);
    expect(run).toThrow(message);
  });

  it.each(REFUSED)("a Map scope, gradcheck's point and minimize's start refuse %j too", (key, type, message) => {
    expect(() =>
      evaluate(
        "x",
        new Map([
          ["x", 1],
          [key, 3],
        ]),
      ),
    ).toThrow(message);
    expect(() => gradcheck("x^2", { x: 1, [key]: 3 })).toThrow(type);
    expect(() => minimize("(x - 1)^2", { x: 0, [key]: 3 })).toThrow(message);
  });

  it("accepts every variable name, unused ones included", () => {
    expect(evaluate("x*y", { x: 2, y: 3, unused: 5, "\u03B1": 1 })).toBe(6);
    expect(
      evaluate(
        "x*y",
        new Map([
          ["x", 2],
          ["y", 3],
        ]),
      ),
    ).toBe(6);
    expect(minimize("(x - 1)^2", { x: 0 }, { method: "newton" }).converged).toBe(true);
  });

  it("a key that is not a string is a TypeError", () => {
    expect(() =>
      evaluate(
        "x",
        new Map<unknown, number>([
          ["x", 1],
          [1, 2],
        ]) as Map<string, number>,
      ),
    ).toThrow("a binding's name must be a string, got number");
  });
});

describe("binding names of symbols built directly", () => {
  it("a key that names a symbol of the expression is that symbol's value, whatever the name", async () => {
    const { sym, mulAll, num } = await import("../../src/core/build.js");
    const odd = sym("x+1");
    expect(evaluate(mulAll([num(2), odd]), { "x+1": 4 })).toBe(8);
    expect(evaluate(mulAll([num(2), sym("pi")]), new Map([["pi", 3]]))).toBe(6);
    // The same key beside an expression without that symbol is refused: it could only be ignored.
    expect(() => evaluate("y", { y: 1, "x+1": 4 })).toThrow("binding name 'x+1': expected one variable name but found '+' after 'x' at column 2");
  });
});
