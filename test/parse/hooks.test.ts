// The parser's hooks for callers with names of their own: functions with call sites, names,
// resultCalls and range.
import { describe, expect, it } from "vitest";
import { num } from "../../src/core/build.js";
import { ParseError } from "../../src/core/errors.js";
import type { Expr } from "../../src/core/node.js";
import { parse, type CallSite } from "../../src/parse/parser.js";

function thrown(f: () => unknown): ParseError {
  try {
    f();
  } catch (err) {
    expect(err).toBeInstanceOf(ParseError);
    return err as ParseError;
  }
  throw new Error("expected a ParseError");
}

describe("parser hooks", () => {
  it("a caller's function gets its call site: the call, its name and each argument, in code points", () => {
    const sites: CallSite[] = [];
    const functions = new Map([["f", (args: Expr[], site: CallSite) => (sites.push(site), args[0]!)]]);
    parse("𝑥 + f( x + 1 ,f(y),  2*z )", { functions });
    // Inner calls complete first.
    expect(sites.map((s) => [s.name, s.start, s.end, s.nameSpan, s.args])).toEqual([
      ["f", 14, 18, { start: 14, end: 15 }, [{ start: 16, end: 17 }]],
      [
        "f",
        4,
        26,
        { start: 4, end: 5 },
        [
          { start: 7, end: 12 },
          { start: 14, end: 18 },
          { start: 21, end: 24 },
        ],
      ],
    ]);
  });

  it("names gives bare names a value, with their span; undefined keeps the default", () => {
    const seen: [string, number, number][] = [];
    const names = (name: string, span: { start: number; end: number }) => {
      seen.push([name, span.start, span.end]);
      return name === "a" ? num(2) : undefined;
    };
    expect(parse("a*b + pi + sin(a)", { names })).toBe(parse("2*b + pi + sin(2)"));
    expect(seen).toEqual([
      ["a", 0, 1],
      ["b", 2, 3],
      ["pi", 6, 8],
      ["a", 15, 16],
    ]);
    // A name followed by "(" is a call, not a name.
    expect(thrown(() => parse("a(1)", { names })).reason).toBe("unknown function 'a'");
  });

  it('resultCalls "error" refuses f(x)(2) at the "(", and the default reads a product', () => {
    expect(parse("sin(x)(2)")).toBe(parse("2*sin(x)"));
    const e = thrown(() => parse("sin(x)(2)", { resultCalls: "error" }));
    expect([e.start, e.end, e.reason]).toEqual([6, 7, "the result of sin(...) cannot be called: give it a name first, or write '*' for a product"]);
    expect(parse("(x)(2) + sin(x)^2(3)", { resultCalls: "error" })).toBe(parse("2*x + 3*sin(x)^2"));
  });

  it("range parses a part of the text; positions in errors are in the whole text", () => {
    const text = "g(x, 🙂) = x^2 + (y";
    expect(parse(text, { range: { start: 10, end: 13 } })).toBe(parse("x^2"));
    const e = thrown(() => parse(text, { range: { start: 10, end: 18 } }));
    expect([e.start, e.source, e.reason]).toEqual([18, text, "expected an operator or ')' but found end of input"]);
    const bad = thrown(() => parse("x = 1 + $", { range: { start: 4, end: 9 } }));
    expect([bad.start, bad.source]).toEqual([8, "x = 1 + $"]);
    expect(() => parse("x", { range: { start: 1, end: 0 } })).toThrow(RangeError);
  });
});
