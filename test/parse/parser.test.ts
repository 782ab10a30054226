import fc from "fast-check";
import { afterEach, describe, expect, it } from "vitest";
import { add, call, div, E, HALF, logBase, MINUS_ONE, mul, neg, num, ONE, PI, pow, sqrt, sub, sym, TWO, ZERO } from "../../src/core/build.js";
import { DomainError, LimitError, ParseError } from "../../src/core/errors.js";
import { canonicalViolations } from "../../src/core/invariants.js";
import { resetLimits, setLimits } from "../../src/core/limits.js";
import type { Expr } from "../../src/core/node.js";
import { Rational } from "../../src/core/rational.js";
import { tokenize } from "../../src/parse/lexer.js";
import { parse } from "../../src/parse/parser.js";
import { closestName, editDistance } from "../../src/parse/suggest.js";

const x = sym("x");
const y = sym("y");
const z = sym("z");
const q = (n: number, d = 1) => num(Rational.of(n, d));

function caught(work: () => unknown): unknown {
  try {
    work();
  } catch (err) {
    return err;
  }
  throw new Error("expected an error");
}

afterEach(() => resetLimits());

describe("parse builds the canonical node", () => {
  it.each<[string, () => Expr]>([
    ["x-y", () => add(x, neg(y))],
    ["1/2x", () => div(ONE, mul(TWO, x))],
    ["0.1", () => num(Rational.of(1, 10))],
    [".5", () => HALF],
    ["2.5E+3", () => q(2500)],
    ["1e-5", () => q(1, 100000)],
    ["123456789012345678901234567890", () => num(123456789012345678901234567890n)],
    ["2e", () => mul(TWO, E)],
    ["2ex", () => mul(TWO, sym("ex"))],
    ["pi + π", () => mul(TWO, PI)],
    ["θ*α", () => mul(sym("θ"), sym("α"))],
    ["theta_2 + w01", () => add(sym("theta_2"), sym("w01"))],
    ["x y", () => mul(x, y)],
    ["2x^2", () => mul(TWO, pow(x, TWO))],
    ["-x^2", () => neg(pow(x, TWO))],
    ["x^-2", () => pow(x, q(-2))],
    ["x^y^z", () => pow(x, pow(y, z))],
    ["(x+1)(x-1)", () => mul(add(x, ONE), sub(x, ONE))],
    ["2sin(x)", () => mul(TWO, call("sin", [x]))],
    ["a/b c", () => div(sym("a"), mul(sym("b"), sym("c")))],
    ["x²", () => pow(x, TWO)],
    ["x³y", () => mul(pow(x, q(3)), y)],
    ["√x", () => sqrt(x)],
    ["2√x", () => mul(TWO, sqrt(x))],
    ["√x^2", () => pow(sqrt(x), TWO)],
    ["√x²", () => sqrt(pow(x, TWO))],
    ["√(x+1)", () => sqrt(add(x, ONE))],
    ["--x", () => x],
    ["x ** 2 · 3 × y ÷ z − 1", () => sub(div(mul(pow(x, TWO), q(3), y), z), ONE)],
    ["ln(x)", () => call("log", [x])],
    ["log(x)", () => call("log", [x])],
    ["log(x, y)", () => logBase(x, y)],
    ["log10(x)", () => logBase(x, q(10))],
    ["log2(x)", () => logBase(x, TWO)],
    ["sqrt(x)", () => pow(x, HALF)],
    ["exp(x)", () => call("exp", [x])],
    ["e^x", () => call("exp", [x])],
    ["atan2(y, x)", () => call("atan2", [y, x])],
    ["x/y/z", () => mul(x, pow(y, MINUS_ONE), pow(z, MINUS_ONE))],
    ["0*x", () => ZERO],
  ])("%s", (input, build) => {
    const e = parse(input);
    expect(e).toBe(build());
    expect(canonicalViolations(e)).toEqual([]);
  });

  it("collects a 10,000-term sum into one canonical node", () => {
    const text = Array.from({ length: 10_000 }, (_, i) => `${i + 1}*x^${i + 2}`).join(" + ");
    const e = parse(text);
    expect(e.kind).toBe("add");
    expect(e.args.length).toBe(10_000);
    expect(e.args).toContain(mul(q(10_000), pow(x, q(10_001))));
  });

  it("parses a power tower of depth 50", () => {
    const text = Array.from({ length: 50 }, () => "x").join("^");
    let expected: Expr = x;
    for (let i = 1; i < 50; i++) expected = pow(x, expected);
    expect(parse(text)).toBe(expected);
  });

  it("calls caller-defined functions with the canonical arguments, before built-ins", () => {
    const seen: Expr[][] = [];
    const functions = new Map<string, (args: Expr[]) => Expr>([
      ["f", (args) => (seen.push(args), mul(TWO, args[0]!))],
      ["sin", () => ZERO],
    ]);
    expect(parse("f(x + x) + sin(y)", { functions })).toBe(mul(q(4), x));
    expect(seen).toEqual([[mul(TWO, x)]]);
    const err = caught(() => parse("ff(x)", { functions })) as ParseError;
    expect(err.reason).toBe("unknown function 'ff' (did you mean 'f'?)");
    expect((caught(() => parse("f + 1", { functions })) as ParseError).reason).toBe("expected '(' after 'f' but found '+'");
  });
});

describe("parse errors", () => {
  it.each<[string, string, number, number, string]>([
    ["x+", "expected a number, a name, '(' or a unary operator but found end of input", 2, 2, "end of input"],
    ["", "expected a number, a name, '(' or a unary operator but found end of input", 0, 0, "end of input"],
    ["sinn(x)", "unknown function 'sinn' (did you mean 'sin'?)", 0, 4, "'sinn'"],
    ["1 + arctan(x)", "unknown function 'arctan' (did you mean 'atan'?)", 4, 10, "'arctan'"],
    ["y + log10(x, 2)", "log10 takes 1 argument, got 2", 4, 15, "2 arguments"],
    ["(x+1", "expected an operator or ')' but found end of input", 4, 4, "end of input"],
    ["x + 1)", "unexpected ')' without a matching '('", 5, 6, "')'"],
    ["x\u200By", "unexpected character U+200B", 1, 2, "U+200B"],
    ["😀😀", "unexpected character '😀' (U+1F600)", 0, 1, "'😀' (U+1F600)"],
    ["𝑥 + $", "unexpected character '$'", 4, 5, "'$'"],
    ["2 3", "expected an operator or end of input but found '3'", 2, 3, "'3'"],
    ["x + abcdefghijklmnopqrstuvwxyz(1)", "unknown function 'abcdefghijklmnopqrst...'", 4, 30, "'abcdefghijklmnopqrst...'"],
  ])("%j", (input, reason, start, end, found) => {
    const err = caught(() => parse(input));
    expect(err).toBeInstanceOf(ParseError);
    const e = err as ParseError;
    expect([e.reason, e.start, e.end, e.found]).toEqual([reason, start, end, found]);
    expect(e.message).toBe(`${reason} at column ${start + 1}`);
  });

  it("lists what was expected", () => {
    const e = caught(() => parse("sin(x")) as ParseError;
    expect(e.expected).toEqual(["an operator", "','", "')'"]);
    expect(e.format()).toBe("expected an operator, ',' or ')' but found end of input at column 6\n  sin(x\n       ^");
  });
});

describe("limits", () => {
  it.each<[string, string]>([
    ["parentheses", "(".repeat(100_000) + "x" + ")".repeat(100_000)],
    ["calls", "sin(".repeat(10_000) + "x" + ")".repeat(10_000)],
    ["unary minus", "-".repeat(100_000) + "x"],
    ["power chain", "x^".repeat(100_000) + "x"],
    ["roots", "√".repeat(100_000) + "x"],
    ["squares", "x" + "²".repeat(100_000)],
  ])("deep %s end in LimitError(maxDepth)", (_, input) => {
    const err = caught(() => parse(input));
    expect(err).toBeInstanceOf(LimitError);
    expect((err as LimitError).limit).toBe("maxDepth");
  });

  it("accepts nesting up to maxDepth", () => {
    setLimits({ maxDepth: 50 });
    expect(parse("(".repeat(50) + "x" + ")".repeat(50))).toBe(x);
    expect((caught(() => parse("(".repeat(51) + "x" + ")".repeat(51))) as LimitError).limit).toBe("maxDepth");
  });

  it("never overflows the JS stack, whatever maxDepth is", () => {
    setLimits({ maxDepth: 1_000_000 });
    const n = 50_000;
    expect(parse("(".repeat(n) + "x" + ")".repeat(n))).toBe(x);
  });

  it("rejects input longer than maxInputLength before tokenizing", () => {
    setLimits({ maxInputLength: 10 });
    expect(parse("x+y")).toBe(add(x, y));
    const err = caught(() => parse("$".repeat(11)));
    expect(err).toBeInstanceOf(LimitError);
    expect((err as LimitError).limit).toBe("maxInputLength");
  });

  it("lets builder errors through", () => {
    expect((caught(() => parse("2^600000*2^600000")) as LimitError).limit).toBe("maxIntegerBits");
    expect(caught(() => parse("1/0"))).toBeInstanceOf(DomainError);
    expect((caught(() => parse("1e999999999")) as LimitError).limit).toBe("maxIntegerBits");
    expect((caught(() => parse("9".repeat(400_000))) as LimitError).limit).toBe("maxIntegerBits");
  });
});

describe("tokenize", () => {
  it("normalises operator spellings and counts code points", () => {
    const tokens = tokenize("𝑥**2 · y − 3÷z");
    expect(tokens.map((t) => [t.kind, t.text, t.start, t.end])).toEqual([
      ["name", "𝑥", 0, 1],
      ["^", "**", 1, 3],
      ["number", "2", 3, 4],
      ["*", "·", 5, 6],
      ["name", "y", 7, 8],
      ["-", "−", 9, 10],
      ["number", "3", 11, 12],
      ["/", "÷", 12, 13],
      ["name", "z", 13, 14],
      ["end", "", 14, 14],
    ]);
  });
});

describe("suggestions", () => {
  it.each<[string, string, number]>([
    ["sin", "sin", 0],
    ["sinn", "sin", 1],
    ["sign", "sin", 1],
    ["kitten", "sitting", 3],
    ["", "abc", 3],
  ])("editDistance(%j, %j) = %d", (a, b, d) => {
    expect(editDistance(a, b)).toBe(d);
    expect(editDistance(b, a)).toBe(d);
  });

  it("suggests only close names", () => {
    expect(closestName("sinn", ["sign", "sinh", "sin"])).toBe("sin");
    expect(closestName("foo", ["cos", "log"])).toBeUndefined();
    expect(closestName("x", ["ln"])).toBeUndefined();
  });
});

describe("properties", () => {
  const alphabet = [...Array.from("0123456789.eE+-*/^()², xyπ√·×−÷ \t\n"), "sin", "log", "**", "$", ";", "\u200B", "\u0000", "😀", "\uD800", "１", "θ", "_"];
  const text = fc.array(fc.constantFrom(...alphabet), { maxLength: 30 }).map((parts) => parts.join(""));

  it("returns a canonical node or throws a typed error with a position inside the input", () => {
    fc.assert(
      fc.property(text, (input) => {
        let result: Expr | undefined;
        try {
          result = parse(input);
        } catch (err) {
          if (err instanceof ParseError) {
            const n = Array.from(input).length;
            return 0 <= err.start && err.start <= err.end && err.end <= n && err.message === `${err.reason} at column ${err.start + 1}`;
          }
          return err instanceof LimitError || err instanceof DomainError;
        }
        return canonicalViolations(result).length === 0;
      }),
      { seed: 20240601, numRuns: 2000 },
    );
  });

  it("spacing around binary operators does not change the result", () => {
    const atom = fc.constantFrom("x", "y", "2", "0.5", "(x+1)", "sin(y)", "pi");
    const op = fc.constantFrom("+", "-", "*", "/", "^");
    const expr = fc.tuple(atom, fc.array(fc.tuple(op, atom), { maxLength: 6 }));
    fc.assert(
      fc.property(expr, ([first, rest]) => {
        const tight = first + rest.map(([o, a]) => o + a).join("");
        const loose = first + rest.map(([o, a]) => ` ${o} ${a}`).join("");
        let a: unknown;
        let b: unknown;
        try {
          a = parse(tight);
        } catch (err) {
          a = (err as Error).name;
        }
        try {
          b = parse(loose);
        } catch (err) {
          b = (err as Error).name;
        }
        return a === b;
      }),
      { seed: 7, numRuns: 500 },
    );
  });
});
