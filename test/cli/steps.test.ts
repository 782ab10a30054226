/**
 * `symgrad diff --steps` (the built CLI) and `steps(...)` in the REPL: the derivation explainDiff
 * gives, in the formats of print/steps.ts.
 */
import katex from "katex";
import { beforeAll, describe, expect, it } from "vitest";
import { explainDiff } from "../../src/api/explain.js";
import { parseArgs } from "../../src/cli/args.js";
import { createSession, evaluateLine } from "../../src/cli/session.js";
import { parse } from "../../src/parse/parser.js";
import { formatSteps, stepsToJSON, stepsToLatex } from "../../src/print/steps.js";
import { ensureBuilt, runCli } from "./support.js";

beforeAll(() => {
  ensureBuilt();
}, 120_000);

describe("symgrad diff --steps", () => {
  it("parses --steps for diff only", () => {
    // `diff ... --steps` is the steps command of the command table.
    expect(parseArgs(["diff", "x^2", "x", "--steps"])).toMatchObject({ command: "steps", vars: ["x"] });
    expect(parseArgs(["diff", "x^2", "x", "--order", "2", "--steps"])).toMatchObject({ command: "steps", order: 2 });
    expect(parseArgs(["steps", "x^2", "x"])).toMatchObject({ command: "steps", vars: ["x"] });
    expect(() => parseArgs(["grad", "x^2", "--steps"])).toThrow("unknown option '--steps'");
  });

  it("prints the derivation as plain text, LaTeX and JSON", async () => {
    const ex = explainDiff("x^2*sin(x)", "x");
    const plain = await runCli(["diff", "x^2*sin(x)", "x", "--steps"]);
    expect(plain).toMatchObject({ code: 0, stdout: formatSteps(ex) + "\n" });
    const latex = await runCli(["diff", "x^2*sin(x)", "x", "--steps", "--latex"]);
    expect(latex.stdout).toBe(stepsToLatex(ex) + "\n");
    expect(latex.stdout.startsWith("\\begin{aligned}")).toBe(true);
    katex.renderToString(latex.stdout, { throwOnError: true, strict: "error" });
    const json = await runCli(["diff", "x^2*sin(x)", "x", "--steps", "--json"]);
    const data = JSON.parse(json.stdout) as ReturnType<typeof stepsToJSON> & { latex: string };
    expect(data).toEqual({ ...JSON.parse(JSON.stringify(stepsToJSON(ex))), input: "x^2*sin(x)", latex: stepsToLatex(ex) });
    expect(data.steps.map((s) => s.rule)).toEqual(["product", "power", "trig", "simplify"]);
    expect(parse(data.result)).toBe(ex.result);
  });

  it("explains orders, mixed partials and stdin lines; a bad expression exits 1 with a caret", async () => {
    const order = await runCli(["diff", "x^3", "x", "--order", "2", "--steps"]);
    expect(order.stdout).toBe(formatSteps(explainDiff("x^3", "x", { order: 2 })) + "\n");
    const mixed = await runCli(["diff", "x^3*y^2", "x", "y", "--steps"]);
    expect(mixed.stdout).toBe(formatSteps(explainDiff("x^3*y^2", ["x", "y"])) + "\n");
    const lines = await runCli(["diff", "-", "x", "--steps"], { input: "sin(x^2)\nx^2\n" });
    expect(lines.stdout).toBe(formatSteps(explainDiff("sin(x^2)", "x")) + "\n" + formatSteps(explainDiff("x^2", "x")) + "\n");
    const bad = await runCli(["diff", "sin(x", "x", "--steps"]);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain("expected an operator, ',' or ')' but found end of input at column 6");
  });
});

describe("steps(...) in the REPL", () => {
  const run = (lines: string[]) => {
    let state = createSession();
    return lines.map((line) => {
      const r = evaluateLine(state, line);
      state = r.state;
      return r;
    });
  };

  it("shows the derivation of a definition and sets ans to the result", () => {
    const [, shown, ans] = run(["f = x^2*sin(x)", "steps(f, x)", "ans"]);
    expect(shown!.output).toBe(formatSteps(explainDiff("x^2*sin(x)", "x")));
    expect(ans!.output).toBe(String(explainDiff("x^2*sin(x)", "x").result));
  });

  it("takes an order or several variables, and LaTeX when :latex is on", () => {
    const [order, mixed, , latex] = run(["steps(x^3, x, 2)", "steps(x^3*y^2, x, y)", ":latex on", "steps(sin(x^2), x)"]);
    expect(order!.output).toBe(formatSteps(explainDiff("x^3", "x", { order: 2 })));
    expect(mixed!.output).toBe(formatSteps(explainDiff("x^3*y^2", ["x", "y"])));
    const ex = explainDiff("sin(x^2)", "x");
    expect(latex!.output).toBe(`${formatSteps(ex)}\nlatex: ${stepsToLatex(ex)}`);
  });

  it.each<[string, string]>([
    ["steps(x^2)", "error: steps takes an expression and at least one variable, got 1 argument at column 1"],
    ["steps(x^2, 2)", "error: '2' is not a variable at column 12"],
    ["steps(x^2, x, 1/2)", "error: the order of steps must be a non-negative integer, got 1/2 at column 15"],
  ])("%s is an error: %s", (line, message) => {
    expect(run([line])[0]!.error!.split("\n")[0]).toBe(message);
  });

  it("a defined name inside d/dx(...) stands for its body; a call carries out a derivative by a parameter", () => {
    const [, inert, defined, called, symbolic, , refused] = run(["f = x^2*sin(x)", "d/dx(f)", "g(t) = d/dt(t^3)", "g(2)", "g(y + 1)", "x = 3", "d/dx(x^2)"]);
    expect(inert!.output).toBe("d/dx(x^2*sin(x))");
    expect(defined!.output).toBe("g(t) = d/dt(t^3)");
    expect(called!.output).toBe("12");
    expect(symbolic!.output).toBe("3*(y + 1)^2");
    expect(refused!.error!.split("\n")[0]).toBe("error: cannot differentiate with respect to 'x': it is not a variable at column 1");
  });

  it("keeps d/dx(...) meaning d divided by dx(...) when the session defines dx", () => {
    const [, quotient] = run(["dx(t) = t^2", "d/dx(3)"]);
    expect(quotient!.output).toBe("d/9");
  });
});
