/** `--latex-in`: the command line reads its expressions as LaTeX. */
import { beforeAll, describe, expect, it } from "vitest";
import { diff } from "../../src/api/calculus.js";
import { parseLatex } from "../../src/parse/latex-parser.js";
import { parseArgs } from "../../src/cli/args.js";
import { runCommand } from "../../src/cli/commands.js";
import { createSession, evaluateLine } from "../../src/cli/session.js";
import { ensureBuilt, runCli } from "./support.js";

beforeAll(() => {
  ensureBuilt();
}, 120_000);

describe("--latex-in", () => {
  it("is a flag of every command, without a value", () => {
    expect(parseArgs(["diff", "--latex-in", "\\frac{1}{x}", "x"])).toEqual({
      kind: "command",
      command: "diff",
      exprs: ["\\frac{1}{x}"],
      vars: ["x"],
      latex: false,
      json: false,
      latexIn: true,
    });
    expect(parseArgs(["latex", "x", "--latex-in"])).toMatchObject({ latexIn: true });
    expect(() => parseArgs(["diff", "--latex-in=yes", "x", "x"])).toThrow("option '--latex-in' takes no value");
  });

  it("reads every expression with parseLatex", () => {
    const r = runCommand("jacobian", ["x_1 x_2", "\\sin x_1"], { latexIn: true });
    expect(r).toMatchObject({ kind: "matrix", vars: ["x1", "x2"] });
    expect(runCommand("diff", ["\\frac{1}{x}"], { vars: ["x"], latexIn: true })).toEqual({ kind: "expr", value: diff(parseLatex("\\frac{1}{x}"), "x") });
  });

  it("runs in the built CLI, with LaTeX errors shown under the source", async () => {
    const ok = await runCli(["diff", "--latex-in", "\\frac{1}{x}", "x"]);
    expect(ok).toEqual({ code: 0, stdout: "-1/x^2\n", stderr: "" });
    const bad = await runCli(["diff", "--latex-in", "\\frac{1}{\\sinn x}", "x"]);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toBe("error: unknown command '\\sinn' (did you mean '\\sin'?) at column 10\n  \\frac{1}{\\sinn x}\n           ^^^^^\n");
    const stdin = await runCli(["latex", "--latex-in", "-"], { input: "\\sin^2 x\n\\sqrt[3]{x}\n" });
    expect(stdin.stdout).toBe("\\sin^{2}{\\left(x \\right)}\n\\sqrt[3]{x}\n");
  });
});

describe("LaTeX lines in the REPL", () => {
  it("reads a line starting with a backslash as LaTeX, with the definitions and ans", () => {
    let state = createSession();
    const lines: [string, string][] = [
      ["f = x^2*y", "f = x^2*y"],
      ["\\frac{\\partial^2 f}{\\partial x \\partial y}", "d/dx(d/dy(x^2*y))"],
      ["  \\frac{d}{dx} f", "d/dx(x^2*y)"],
      ["diff(ans, y)", "2*x"],
      ["\\sqrt{\\mathrm{ans}} + 1", "sqrt(2)*sqrt(x) + 1"],
      ["g(t) = t^3 + t", "g(t) = t^3 + t"],
      ["\\frac{d}{dx} g(x^2)", "d/dx(x^6 + x^2)"],
      ["\\, g'(2) + g''(x)", "6*x + 13"],
    ];
    for (const [line, output] of lines) {
      const out = evaluateLine(state, line);
      expect(out.error).toBeUndefined();
      expect(out.output).toBe(output);
      state = out.state;
    }
    const bad = evaluateLine(state, " \\sinn x");
    expect(bad.error).toBe("error: unknown command '\\sinn' (did you mean '\\sin'?) at column 2\n   \\sinn x\n   ^^^^^");
  });
});

describe("LaTeX lines never read a definition as a derivative's variable", () => {
  it.each([
    ["\\frac{d}{dx} x^2", "dx}"],
    ["\\frac{\\partial^2}{\\partial y \\partial x} (x y)", " x}"],
  ])("%s after x = 3", (line, before) => {
    // The column of the variable, just after the differential.
    const column = line.indexOf(before) + 2;
    const state = evaluateLine(createSession(), "x = 3").state;
    const out = evaluateLine(state, line);
    expect(out.output).toBe("");
    expect(out.error).toContain(`cannot differentiate with respect to 'x': it is defined, not a variable at column ${column}`);
  });
});
