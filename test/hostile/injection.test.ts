/**
 * Compiled code never runs anything from the expression: variable names that are JavaScript
 * payloads (reachable through mathjs SymbolNodes and the node builder, which accept any name, and
 * through symbol nodes in the variable list of `compile`) stay plain variables; as text, a variable
 * list entry must be one variable name (a ParseError otherwise, as for `diff`). Each case compiles and runs the code (compile,
 * valueAndGrad, toJavaScript imported from a data: URL) and then checks that nothing outside the
 * expression changed: no global sentinel, no file, no exit code, no prototype pollution.
 */
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { SymbolNode } from "mathjs";
import { afterAll, describe, expect, it } from "vitest";
import { compile, diff, evaluate, fromMathjs, gradient, parse, ParseError, print, toJavaScript, valueAndGrad, type Expr } from "../../src/index.js";
import { addAll, call, mulAll, num, pow, sym } from "../../src/core/build.js";

const dir = mkdtempSync(join(tmpdir(), "symgrad-injection-"));
const marker = join(dir, "pwned");
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const SENTINEL = "__symgradInjected";

/** Names that would do something if they ever reached generated code as text. */
const PAYLOADS: readonly string[] = [
  `x"); globalThis.${SENTINEL} = 1; ("`,
  `x'); globalThis.${SENTINEL} = 1; ('`,
  `x\`; globalThis.${SENTINEL} = 1; \``,
  `\${globalThis.${SENTINEL} = 1}`,
  `x]; globalThis.${SENTINEL} = 1; x[0`,
  `x; process.exitCode = 7; //`,
  `x\n; process.getBuiltinModule("fs").writeFileSync(${JSON.stringify(marker)}, "1"); //`,
  `*/ globalThis.${SENTINEL} = 1; /*`,
  `x}; Object.prototype.polluted = 1; {`,
  `__proto__`,
  `constructor`,
  `prototype`,
  `toString`,
  `hasOwnProperty`,
  `valueOf`,
  `process`,
  `require`,
  `globalThis`,
  `Function`,
  `eval`,
  `this`,
  `arguments`,
  `erf`,
  `Math`,
  `x`,
  `gradient`,
];

interface World {
  readonly sentinel: unknown;
  readonly exitCode: unknown;
  readonly file: boolean;
  readonly prototypeKeys: string;
  readonly polluted: unknown;
}

function world(): World {
  return {
    sentinel: (globalThis as Record<string, unknown>)[SENTINEL],
    exitCode: process.exitCode,
    file: existsSync(marker),
    prototypeKeys: Object.getOwnPropertyNames(Object.prototype).sort().join(","),
    polluted: ({} as Record<string, unknown>).polluted,
  };
}

const before = world();

/** f(a, b) = a^2*b + 3*sin(a) + exp(b)/2 over symbols with the given names. */
function expression(a: string, b: string): Expr {
  const A = sym(a);
  const B = sym(b);
  return addAll([mulAll([pow(A, num(2)), B]), mulAll([num(3), call("sin", [A])]), mulAll([num(1), call("exp", [B]), pow(num(2), num(-1))])]);
}

function expected(a: number, b: number): { value: number; gradient: [number, number] } {
  return { value: a * a * b + 3 * Math.sin(a) + Math.exp(b) / 2, gradient: [2 * a * b + 3 * Math.cos(a), a * a + Math.exp(b) / 2] };
}

const near = (x: number, y: number) => Math.abs(x - y) <= 1e-12 * Math.max(1, Math.abs(y));

describe("hostile variable names in compiled code", () => {
  const point = [0.7, -1.3];
  const want = expected(point[0]!, point[1]!);

  it.each(PAYLOADS)("name %j: compile, valueAndGrad and toJavaScript compute the function and touch nothing", async (name) => {
    const other = name === "y" ? "z" : "y";
    const e = expression(name, other);
    const names = [name, other];
    const vars = [sym(name), sym(other)];

    const value = compile(e, vars)(point);
    expect(near(value, want.value)).toBe(true);
    expect(value).toBe(
      evaluate(
        e,
        new Map([
          [name, point[0]!],
          [other, point[1]!],
        ]),
      ),
    );

    const vg = valueAndGrad(e, vars)(point);
    expect(near(vg.value, want.value)).toBe(true);
    expect(near(vg.gradient[0]!, want.gradient[0])).toBe(true);
    expect(near(vg.gradient[1]!, want.gradient[1])).toBe(true);

    const source = toJavaScript(e, vars);
    // The module carries no variable names: only generated identifiers and numbers.
    if (name.length > 1 && !["Math", "erf", "gradient", "this", "arguments"].includes(name)) expect(source).not.toContain(name);
    expect(source).not.toContain(SENTINEL);
    const mod = (await import(`data:text/javascript;base64,${Buffer.from(source).toString("base64")}`)) as {
      value: (x: number[]) => number;
      valueAndGrad: (x: number[]) => { value: number; gradient: Float64Array };
    };
    expect(mod.value(point)).toBe(value);
    const m = mod.valueAndGrad(point);
    expect(m.value).toBe(vg.value);
    expect([...m.gradient]).toEqual([...vg.gradient]);

    const g = gradient(e, vars);
    expect(Object.keys(g)).toEqual(names);
    expect(g[name]).toBe(diff(e, sym(name)));

    expect(world()).toEqual(before);
  });

  it.each(PAYLOADS)("name %j arriving as a mathjs SymbolNode is one plain symbol", (name) => {
    const e = fromMathjs(new SymbolNode(name));
    expect(e.kind).toBe("sym");
    const f = compile(e, [e]);
    expect(f([2.5])).toBe(2.5);
    expect(world()).toEqual(before);
  });

  it("payloads in formula text never reach code: they are parse errors", () => {
    for (const text of PAYLOADS.filter((p) => !/^[A-Za-z_]+$/.test(p))) {
      expect(() => compile(text)).toThrow(/column/);
      expect(() => valueAndGrad(text)).toThrow(/column/);
      expect(() => toJavaScript(text)).toThrow(/column/);
    }
    expect(world()).toEqual(before);
  });

  it("payloads given as variable names in text are parse errors, before any code is generated", () => {
    const e = expression("x", "y");
    for (const name of PAYLOADS.filter((p) => !/^[A-Za-z_]+$/.test(p))) {
      expect(() => compile(e, [name])).toThrow(ParseError);
      expect(() => valueAndGrad(e, [name])).toThrow(ParseError);
      expect(() => toJavaScript(e, [name])).toThrow(ParseError);
    }
    expect(world()).toEqual(before);
  });

  it("printing a symbol with a payload name returns text and runs nothing", () => {
    for (const name of PAYLOADS) {
      expect(typeof print(sym(name))).toBe("string");
    }
    expect(parse("constructor*__proto__ + prototype").kind).toBe("add");
    expect(world()).toEqual(before);
  });
});
