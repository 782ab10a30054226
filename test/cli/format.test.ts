import katex from "katex";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { UsageError } from "../../src/cli/args.js";
import { errorJson, formatError, formatLatex, formatNumber, formatPlain, formatPretty, resultJson, useColor } from "../../src/cli/format.js";
import { appendHistory, HISTORY_SIZE, historyPath, loadHistory } from "../../src/cli/repl.js";
import { ParseError } from "../../src/core/errors.js";
import { parse } from "../../src/parse/parser.js";
import { toLatex } from "../../src/print/latex.js";
import { print } from "../../src/print/plain.js";

describe("useColor", () => {
  it.each([
    [true, {}, true],
    [false, {}, false],
    [undefined, {}, false],
    [true, { NO_COLOR: "1" }, false],
    [true, { NO_COLOR: "" }, true],
    [false, { FORCE_COLOR: "1" }, true],
    [false, { FORCE_COLOR: "0" }, false],
    [true, { FORCE_COLOR: "1", NO_COLOR: "yes" }, false],
  ] as const)("tty %s env %j -> %s", (tty, env, expected) => {
    expect(useColor(tty, env)).toBe(expected);
  });
});

describe("results", () => {
  const [a, b, c, d] = ["2*x + 3", "x*y", "sin(x)", "1/2"].map((t) => parse(t)) as [
    ReturnType<typeof parse>,
    ReturnType<typeof parse>,
    ReturnType<typeof parse>,
    ReturnType<typeof parse>,
  ];
  it("a vector and a matrix on one line, and pretty", () => {
    expect(formatPlain({ kind: "vector", vars: ["x", "y"], value: [a, b] })).toBe(`[${print(a)}, ${print(b)}]`);
    expect(
      formatPlain({
        kind: "matrix",
        vars: ["x", "y"],
        value: [
          [a, b],
          [c, d],
        ],
      }),
    ).toBe(`[[${print(a)}, ${print(b)}], [${print(c)}, ${print(d)}]]`);
    expect(formatPretty({ kind: "vector", vars: ["x", "yy"], value: [a, b] })).toBe(`x:  ${print(a)}\nyy: ${print(b)}`);
    const rows = formatPretty({
      kind: "matrix",
      vars: ["x", "y"],
      value: [
        [a, b],
        [c, d],
      ],
    }).split("\n");
    expect(rows).toHaveLength(2);
    expect(rows[0]!.indexOf(print(b))).toBe(rows[1]!.indexOf(print(d)));
  });
  it("LaTeX of vectors, matrices and numbers renders with KaTeX", () => {
    const latex = [
      formatLatex({ kind: "vector", vars: ["x", "y"], value: [a, b] }),
      formatLatex({
        kind: "matrix",
        vars: ["x", "y"],
        value: [
          [a, b],
          [c, d],
        ],
      }),
      ...[0.25, 1e30, -2.5e-7, Infinity, -Infinity, NaN].map((value) => formatLatex({ kind: "number", value })),
    ];
    for (const t of latex) expect(() => katex.renderToString(t, { throwOnError: true })).not.toThrow();
    expect(formatLatex({ kind: "number", value: 1e30 })).toBe("1 \\times 10^{30}");
  });
  it.each([
    [0.25, "0.25"],
    [-0, "0"],
    [1e21, "1e+21"],
    [NaN, "NaN"],
  ])("formatNumber(%s)", (x, text) => {
    expect(formatNumber(x)).toBe(text);
    if (Number.isFinite(x)) expect(Number(text)).toBe(x === 0 ? 0 : x);
  });
  it("JSON of a vector keys by variable, even a name like __proto__", () => {
    const out = resultJson("e", { kind: "vector", vars: ["__proto__", "y"], value: [a, b] });
    expect(JSON.parse(JSON.stringify(out))).toEqual({
      input: "e",
      result: { ["__proto__"]: print(a), y: print(b) },
      latex: { ["__proto__"]: toLatex(a), y: toLatex(b) },
      vars: ["__proto__", "y"],
    });
  });
});

describe("errors", () => {
  it("a parse error with its caret, coloured only when asked", () => {
    let err: unknown;
    try {
      parse("x + )");
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(ParseError);
    const plain = formatError(err, false);
    expect(plain).toBe(`error: ${(err as ParseError).format()}`);
    expect(formatError(err, true)).toBe(`\x1b[31merror:\x1b[0m ${(err as ParseError).format()}`);
    expect(errorJson("x + )", err)).toMatchObject({ input: "x + )", error: { type: "ParseError", start: 4, column: 5 } });
  });
  it("a usage error with the command's usage line", () => {
    expect(formatError(new UsageError("missing VAR", "diff"), false)).toBe(
      "error: missing VAR\nusage: symgrad diff EXPR VAR [VAR...] [--order N] [--steps] [--latex] [--json]",
    );
  });
  it("anything else is marked internal", () => {
    expect(formatError(new Error("boom"), false)).toBe("error: internal error: boom");
  });
});

describe("history file", () => {
  const dir = mkdtempSync(join(tmpdir(), "symgrad-history-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  it("lives in the home directory unless SYMGRAD_HISTORY says otherwise; empty disables it", () => {
    expect(historyPath({}, "/home/u")).toBe(join("/home/u", ".symgrad_history"));
    expect(historyPath({ SYMGRAD_HISTORY: "/tmp/h" }, "/home/u")).toBe("/tmp/h");
    expect(historyPath({ SYMGRAD_HISTORY: "" }, "/home/u")).toBeUndefined();
  });
  it("appends entered lines and loads them newest first, multi-line input on one line", () => {
    const path = join(dir, "h1");
    expect(loadHistory(path)).toEqual([]);
    for (const line of ["f = x^2", "diff(f,\n x)", "grad(f)"]) appendHistory(path, line);
    expect(readFileSync(path, "utf8")).toBe("f = x^2\ndiff(f,  x)\ngrad(f)\n");
    expect(loadHistory(path)).toEqual(["grad(f)", "diff(f,  x)", "f = x^2"]);
  });
  it("keeps at most HISTORY_SIZE lines", () => {
    const path = join(dir, "h2");
    writeFileSync(path, Array.from({ length: 2 * HISTORY_SIZE }, (_, i) => `x + ${i}`).join("\n") + "\n");
    appendHistory(path, "last");
    const lines = readFileSync(path, "utf8").trim().split("\n");
    expect(lines).toHaveLength(HISTORY_SIZE);
    expect(lines[lines.length - 1]).toBe("last");
    expect(loadHistory(path)[0]).toBe("last");
  });
  it("an unwritable path is ignored", () => {
    expect(() => appendHistory(join(dir, "missing-dir", "h"), "x")).not.toThrow();
  });
});
