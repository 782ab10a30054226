/**
 * The real built CLI, spawned as a user runs it. Expected values come from the library itself, so
 * these tests check the command line (arguments, streams, exit codes, formats), not the printer.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import katex from "katex";
import { beforeAll, describe, expect, it } from "vitest";
import { diff, gradient, hessian, jacobian } from "../../src/api/calculus.js";
import type { Expr } from "../../src/core/node.js";
import { evaluate } from "../../src/numeric/evaluate.js";
import { parse } from "../../src/parse/parser.js";
import { toLatex } from "../../src/print/latex.js";
import { print } from "../../src/print/plain.js";
import { simplify } from "../../src/rewrite/simplify.js";
import { ensureBuilt, expectUsageError, ROOT, runCli } from "./support.js";

beforeAll(() => {
  ensureBuilt();
}, 120_000);

const row = (es: readonly Expr[]) => `[${es.map(print).join(", ")}]`;
/** A gradient as `name: partial` entries joined by `sep`. */
const labelled = (g: Record<string, Expr>, sep: string) =>
  Object.entries(g)
    .map(([v, e]) => `${v}: ${print(e)}`)
    .join(sep);

/** The lines of a caret block: the source line shown and the 0-based column of the first caret. */
function caretOf(stderr: string): { source: string; at: number } {
  const lines = stderr.split("\n");
  const i = lines.findIndex((l) => /^\s*\^+$/.test(l));
  expect(i).toBeGreaterThan(0);
  return { source: lines[i - 1]!.slice(2), at: lines[i]!.indexOf("^") - 2 };
}

describe.concurrent("subcommands print what the library computes", () => {
  const cases: [string, string[], () => string][] = [
    ["diff", ["diff", "x^2+3*x+2", "x"], () => print(diff("x^2+3*x+2", "x"))],
    ["diff --order", ["diff", "x^3*y^2", "x", "--order", "2"], () => print(diff("x^3*y^2", "x", 2))],
    ["diff mixed", ["diff", "x^3*y^2", "x", "y"], () => print(diff("x^3*y^2", ["x", "y"]))],
    ["diff of a negative expression", ["diff", "-x^3", "x"], () => print(diff("-x^3", "x"))],
    ["diff --latex", ["diff", "sqrt(x^2+1)", "x", "--latex"], () => toLatex(diff("sqrt(x^2+1)", "x"))],
    ["grad, labelled as in the REPL", ["grad", "x^2+y^2+3*x*y+2"], () => labelled(gradient("x^2+y^2+3*x*y+2"), "\n")],
    ["grad --vars", ["grad", "x^2*y", "--vars", "y,x"], () => labelled(gradient("x^2*y", ["y", "x"]), "\n")],
    ["hessian", ["hessian", "x^2*y + y^3"], () => `[${hessian("x^2*y + y^3").map(row).join(", ")}]`],
    ["jacobian", ["jacobian", "x*y", "x+y^2", "--vars", "x,y"], () => `[${jacobian(["x*y", "x+y^2"], ["x", "y"]).map(row).join(", ")}]`],
    ["simplify", ["simplify", "sin(x)^2 + cos(x)^2 + x"], () => print(simplify(parse("sin(x)^2 + cos(x)^2 + x")))],
    ["latex", ["latex", "sqrt(x^2+1)/x"], () => toLatex(parse("sqrt(x^2+1)/x"))],
  ];
  it.each(cases)("%s", async (_, args, expected) => {
    const r = await runCli(args);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(expected() + "\n");
  });

  it("a plain result parses back to the library's node", async () => {
    const r = await runCli(["diff", "sin(x)*exp(x)", "x"]);
    expect(parse(r.stdout.trim())).toBe(diff("sin(x)*exp(x)", "x"));
  });

  it("--latex output of vectors and matrices renders with KaTeX", async () => {
    const runs = await Promise.all(
      [
        ["grad", "x^2*y"],
        ["hessian", "x^2*y"],
        ["jacobian", "x*y", "x+y"],
      ].map((args) => runCli([...args, "--latex"])),
    );
    for (const r of runs) {
      expect(r.code).toBe(0);
      expect(() => katex.renderToString(r.stdout.trim(), { throwOnError: true })).not.toThrow();
    }
  });
});

describe.concurrent("--json", () => {
  it("diff gives input, result and latex", async () => {
    const r = await runCli(["diff", "x^x", "x", "--json"]);
    expect(r.code).toBe(0);
    const d = diff("x^x", "x");
    expect(JSON.parse(r.stdout)).toEqual({ input: "x^x", result: print(d), latex: toLatex(d) });
  });
  it("grad gives an object keyed by variable in order", async () => {
    const r = await runCli(["grad", "x^2+y^2+3*x*y", "--json", "--vars", "y,x"]);
    const out = JSON.parse(r.stdout) as { vars: string[]; result: Record<string, string> };
    expect(out.vars).toEqual(["y", "x"]);
    expect(Object.keys(out.result)).toEqual(["y", "x"]);
    const g = gradient("x^2+y^2+3*x*y", ["y", "x"]);
    for (const v of out.vars) expect(parse(out.result[v]!)).toBe(g[v]);
  });
  it("hessian gives rows of strings that parse to the exact entries", async () => {
    const out = JSON.parse((await runCli(["hessian", "x^3*y + y^2", "--json"])).stdout) as { result: string[][]; latex: string[][] };
    const h = hessian("x^3*y + y^2");
    expect(out.result.map((r) => r.map((c) => parse(c)))).toEqual(h);
    expect(out.latex).toEqual(h.map((r) => r.map(toLatex)));
  });
  // Numeric evaluation loads mathjs, the slowest start-up: eval is spawned twice in all.
  it("eval gives a number, null for a non-finite one, an error object for an unbound variable", async () => {
    const r = await runCli(["eval", "-", "x=1", "--json"], { input: "x/4\nlog(x - 1)\nx + y\n" });
    expect(r.code).toBe(1);
    const [quarter, inf, unbound] = r.stdout
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l) as { result: unknown; latex: string; error: { message: string } });
    expect(quarter!.result).toBe(0.25);
    expect(inf!.result).toBeNull();
    expect(inf!.latex).toBe("-\\infty");
    expect(unbound!.error.message).toContain("'y'");
    expect(r.stderr).toContain("'y'");
  });
  it("a bad expression gives an error object on stdout and the caret on stderr", async () => {
    const r = await runCli(["diff", "x + sinn(x)", "x", "--json"]);
    expect(r.code).toBe(1);
    const out = JSON.parse(r.stdout) as { input: string; error: { type: string; column: number; start: number; end: number; message: string } };
    expect(out.input).toBe("x + sinn(x)");
    expect(out.error).toMatchObject({ type: "ParseError", column: 5, start: 4, end: 8 });
    expect(out.error.message).toContain("unknown function 'sinn' (did you mean 'sin'?)");
    expect(caretOf(r.stderr).at).toBe(4);
  });
});

describe.concurrent("standard input", () => {
  it("gives one result per non-empty line", async () => {
    const lines = ["sin(x)^2", "", "x^3*y", "  ", "exp(2*x)"];
    const r = await runCli(["diff", "-", "x"], { input: lines.join("\n") + "\n" });
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(
      lines
        .filter((l) => l.trim() !== "")
        .map((l) => print(diff(l, "x")) + "\n")
        .join(""),
    );
  });
  it("reports a bad line with a marked line on stdout and its caret on stderr, keeps going and exits 1", async () => {
    const r = await runCli(["diff", "-", "x"], { input: "x^2\r\n2*x +\nx^3\n" });
    expect(r.code).toBe(1);
    expect(r.stdout).toBe(
      `${print(diff("x^2", "x"))}\nerror: expected a number, a name, '(' or a unary operator but found end of input at column 6\n${print(diff("x^3", "x"))}\n`,
    );
    expect(caretOf(r.stderr)).toEqual({ source: "2*x +", at: 5 });
  });
  it("keeps one output line per input line for every command, gradients included", async () => {
    const r = await runCli(["grad", "-"], { input: "x*y\nx +\nx^2 + y\n" });
    expect(r.code).toBe(1);
    expect(r.stdout.split("\n")).toEqual([labelled(gradient("x*y"), "; "), expect.stringMatching(/^error: /), labelled(gradient("x^2 + y"), "; "), ""]);
  });
  it("--json gives JSON lines, one per input line", async () => {
    const r = await runCli(["simplify", "-", "--json"], { input: "x + x\n(\n" });
    const objects = r.stdout
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(objects.map((o) => o.input)).toEqual(["x + x", "("]);
    expect(objects[0]!.result).toBe(print(simplify(parse("x + x"))));
    expect(objects[1]!.error).toMatchObject({ type: "ParseError", column: 2 });
  });
  it("jacobian reads one row expression per line", async () => {
    const r = await runCli(["jacobian", "-", "--vars", "x,y"], { input: "x*y\nx + y^2\n" });
    expect(r.stdout).toBe(`[${jacobian(["x*y", "x + y^2"], ["x", "y"]).map(row).join(", ")}]\n`);
  });
  it("eval applies its bindings, values being expressions, to every line", async () => {
    const r = await runCli(["eval", "-", "x=pi/6", "y=0.5"], { input: "sin(x) + y\nx^2\n" });
    expect(r.code).toBe(0);
    const scope = { x: Math.PI / 6, y: 0.5 };
    expect(r.stdout).toBe(`${evaluate(parse("sin(x) + y"), scope)}\n${evaluate(parse("x^2"), scope)}\n`);
  });
});

describe.concurrent("exit codes and messages", () => {
  it("1 for a bad expression, with the message and a caret under the source", async () => {
    const r = await runCli(["diff", "sinn(x)^2", "x"]);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe("");
    expect(r.stderr.split("\n")[0]).toBe("error: unknown function 'sinn' (did you mean 'sin'?) at column 1");
    expect(caretOf(r.stderr)).toEqual({ source: "sinn(x)^2", at: 0 });
  });
  it.each([
    [["dif", "x", "x"], "unknown command 'dif' (did you mean 'diff'?)", "usage: symgrad <command>"],
    [["diff", "x^2", "x", "--bogus"], "unknown option '--bogus' for 'diff'", "usage: symgrad diff EXPR VAR"],
    [["diff", "x^2"], "missing VAR", "usage: symgrad diff EXPR VAR"],
    [["grad"], "missing EXPR", "usage: symgrad grad EXPR"],
    [["diff", "x^2", "2*x"], "'2*x' is not a variable name", "usage: symgrad diff EXPR VAR"],
    [["grad", "x*y", "--vars", "x,1"], "'1' is not a variable name", "usage: symgrad grad EXPR"],
    [["diff", "-", "x"], "no expression on standard input", "usage: symgrad diff"],
  ])("2 for %j", async (args, message, usage) => {
    expectUsageError(await runCli(args), message, usage);
  });
  it("--help and --version exit 0", async () => {
    const [help, diffHelp, version] = await Promise.all([runCli(["--help"]), runCli(["diff", "--help"]), runCli(["--version"])]);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain("usage: symgrad <command>");
    expect(diffHelp.stdout.startsWith("usage: symgrad diff EXPR VAR")).toBe(true);
    const pkg = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as { version: string };
    expect(version).toEqual({ code: 0, stdout: pkg.version + "\n", stderr: "" });
  });
});

describe.concurrent("colour", () => {
  const red = "\x1b[31merror:";
  it.each([
    ["not on a pipe", {}, false],
    ["forced with FORCE_COLOR", { FORCE_COLOR: "1" }, true],
    ["never with NO_COLOR, even when forced", { FORCE_COLOR: "1", NO_COLOR: "1" }, false],
  ] as const)("%s", async (_, env, coloured) => {
    const r = await runCli(["diff", "x +", "x"], { env });
    expect(r.code).toBe(1);
    expect(r.stderr.includes(red)).toBe(coloured);
    expect(r.stderr.includes("\x1b[")).toBe(coloured);
  });
});

describe.concurrent("the REPL", () => {
  const PROMPTS = ["symgrad> ", "    ...> "];
  const transcript = readFileSync(join(ROOT, "test/cli/repl-transcript.txt"), "utf8");

  it("reproduces the README transcript from its input lines (the interrupted input is replayed in terminal.test.ts)", async () => {
    // A pipe has no Ctrl-C: leave out the input that the transcript interrupts, and its lines.
    const piped = transcript.replace(/^symgrad> [^\n]*\n\^C\ninterrupted \(the definitions are kept\)\n/m, "");
    expect(piped).not.toBe(transcript);
    const inputs = piped
      .split("\n")
      .filter((l) => PROMPTS.some((p) => l.startsWith(p)))
      .map((l) => l.slice(PROMPTS[0]!.length));
    expect(inputs.length).toBeGreaterThan(5);
    const r = await runCli([], { input: inputs.join("\n") + "\n" });
    // The transcript shows a mistake, and a piped session that had one exits 1.
    expect(r.code).toBe(1);
    expect(r.stderr).toBe("");
    expect(r.stdout).toBe(piped);
  });

  it("continues a line while parentheses are open, evaluates, and reports an unfinished line at the end", async () => {
    const r = await runCli([], { input: "f = x^3\ndiff(f,\n x)\neval(f, x=2)\n(x + 1\n" });
    expect(r.code).toBe(1);
    const lines = r.stdout.split("\n");
    expect(lines.slice(2, 7)).toEqual([
      "symgrad> diff(f,",
      "    ...>  x)",
      print(diff("x^3", "x")),
      "symgrad> eval(f, x=2)",
      String(evaluate(parse("x^3"), { x: 2 })),
    ]);
    expect(r.stdout).toContain("error: ");
    expect(caretOf(r.stdout).source).toBe("(x + 1");
  });
});
