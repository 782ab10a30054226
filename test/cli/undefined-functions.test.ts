/**
 * Undefined functions and command aliases in the front ends: `--functions f,g` on the command line
 * and `:functions f g` in the REPL, read with the same nodes as the library's `undefinedFunctions`
 * option; `gradient` and `evaluate` as names of `grad` and `eval`. Expected results come from the
 * library (test/calculus/undefined-functions.test.ts checks the mathematics).
 */
import { beforeAll, describe, expect, it } from "vitest";
import { diff, gradient } from "../../src/api/calculus.js";
import { parseArgs, UsageError } from "../../src/cli/args.js";
import { loadNumeric } from "../../src/cli/commands.js";
import { complete } from "../../src/cli/completion.js";
import { createSession, evaluateLine, type SessionState } from "../../src/cli/session.js";
import { fromSnapshot, toSnapshot } from "../../src/cli/snapshot.js";
import { parse } from "../../src/parse/parser.js";
import { print } from "../../src/print/plain.js";
import { ensureBuilt, runCli } from "./support.js";

beforeAll(async () => {
  ensureBuilt();
  await loadNumeric();
}, 120_000);

const withFG = { undefinedFunctions: ["f", "g"] };
/** The library's derivative of `text` (read with f and g declared) in `v`, printed. */
const libDiff = (text: string, v: string) => print(diff(parse(text, withFG), v));

/** Runs `lines` in one fresh session; the outcome of each and the final state. */
function session(lines: readonly string[]): { outcomes: ReturnType<typeof evaluateLine>[]; state: SessionState } {
  let state: SessionState = createSession();
  const outcomes = lines.map((line) => {
    const o = evaluateLine(state, line);
    state = o.state;
    return o;
  });
  return { outcomes, state };
}

describe("--functions on the command line", () => {
  it.each([
    [["diff", "f(x^2)", "x", "--functions", "f"], ["f"]],
    [
      ["diff", "f(x)*g(x, y)", "x", "--functions=f,g"],
      ["f", "g"],
    ],
    [["grad", "g(x, y)", "--functions", " g "], ["g"]],
  ])("parseArgs(%j) declares %j", (argv, functions) => {
    const inv = parseArgs(argv);
    expect(inv.kind === "command" && inv.functions).toEqual(functions);
  });

  it.each([
    [["diff", "f(x)", "x", "--functions", "f,"], "--functions needs a comma-separated list of function names, got 'f,'"],
    [["diff", "f(x)", "x", "--functions", "2f"], "--functions needs a comma-separated list of function names, got '2f'"],
    [["diff", "f(x)", "x", "--functions", "f,sin"], "--functions: 'sin' is a built-in function, not an undefined one"],
    [["diff", "f(x)", "x", "--functions", "f", "--functions", "g"], "option '--functions' given twice"],
    [["diff", "f(x)", "x", "--function", "f"], "unknown option '--function' for 'diff' (did you mean '--functions'?)"],
  ])("parseArgs(%j) is the usage error %j", (argv, message) => {
    expect(() => parseArgs(argv)).toThrow(new UsageError(message, "diff"));
  });

  it("differentiates with the chain rule, as the library does", async () => {
    const r = await runCli(["diff", "f(x^2)*g(x, y)", "x", "--functions", "f,g"]);
    expect(r).toMatchObject({ code: 0, stderr: "" });
    expect(r.stdout).toBe(libDiff("f(x^2)*g(x, y)", "x") + "\n");
    expect(r.stdout).toBe("2*x*g(x, y)*f'(x^2) + g'[1,0](x, y)*f(x^2)\n");
  });

  it("reads LaTeX with the same declarations, and every value text too", async () => {
    const latex = await runCli(["diff", "--latex-in", "f'(x)\\cdot x", "x", "--functions", "f"]);
    expect(latex.stdout).toBe(libDiff("f'(x)*x", "x") + "\n");
    const subs = await runCli(["subs", "f(x) + y", "y=g(x, 1)", "--functions", "f,g"]);
    expect(subs.stdout).toBe("f(x) + g(x, 1)\n");
  });

  it("without the declaration, a call of f stays an error with its position", async () => {
    const r = await runCli(["diff", "f(x^2)", "x"]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("unknown function 'f'");
  });

  it("refuses to evaluate an undefined function, with the reason", async () => {
    const r = await runCli(["eval", "f(x) + 1", "x=1", "--functions", "f"]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("cannot evaluate the undefined function 'f'");
  });
});

describe(":functions in the REPL", () => {
  it("declares, lists, differentiates and clears", () => {
    const { outcomes, state } = session([
      ":functions",
      ":functions f g",
      "diff(f(x^2), x)",
      "h = g(x, y)^2",
      "grad(h)",
      "f''(x) + f'(x)",
      ":vars",
      ":clear f",
      ":functions",
    ]);
    const out = outcomes.map((o) => o.error ?? o.output);
    expect(out[0]).toBe("(no undefined functions)");
    expect(out[1]).toBe("undefined functions: f, g");
    expect(out[2]).toBe(libDiff("f(x^2)", "x"));
    expect(out[3]).toBe("h = g(x, y)^2");
    const g = gradient(parse("g(x, y)^2", withFG), ["x", "y"]);
    expect(out[4]).toBe(`x: ${print(g.x!)}\ny: ${print(g.y!)}`);
    expect(out[5]).toBe("f'(x) + f''(x)");
    expect(out[6]).toBe("h = g(x, y)^2\nundefined functions: f, g\nans = f'(x) + f''(x)");
    expect(out[7]).toBe("cleared f");
    expect(out[8]).toBe("undefined functions: g");
    expect(state.functions).toEqual(["g"]);
  });

  it("reads a LaTeX line with the declarations", () => {
    const { outcomes } = session([":functions f", "\\frac{df}{dx} + f'(x)"]);
    expect(outcomes[1]!.output).toBe(print(parse("d/dx(f(x)) + f'(x)", { undefinedFunctions: ["f"] })));
  });

  it.each([
    [":functions diff", "cannot declare 'diff': it is a command"],
    [":functions sin", "cannot declare 'sin': it is a built-in function"],
    [":functions pi", "cannot declare 'pi': it is a constant"],
    [":functions 2f", "usage: :functions NAME..., got '2f' (a plain name)"],
  ])("%s is the error %j", (line, message) => {
    const { outcomes } = session([line]);
    expect(outcomes[0]!.error).toBe(`error: ${message}`);
  });

  it("keeps a name either defined or declared, never both", () => {
    const defined = session(["f(x) = x^2", ":functions f"]).outcomes[1]!;
    expect(defined.error).toBe("error: cannot declare 'f': it is defined (:clear f first)");
    const declared = session([":functions f", "f(x) = x^2"]).outcomes[1]!;
    expect(declared.error).toContain("error: cannot define 'f': it is declared as an undefined function (:clear f first) at column 1");
    expect(declared.error).toContain("\n  f(x) = x^2\n  ^");
  });

  it("after :clear, a call of the name is unknown again", () => {
    const { outcomes } = session([":functions f", ":clear f", "f(x)"]);
    expect(outcomes[2]!.error).toContain("unknown function 'f' at column 1");
  });

  it("survives a snapshot (the REPL's worker restarts from one)", () => {
    const { state } = session([":functions f", "k = f'(x^2)*x", "ans + 1"]);
    const copy = fromSnapshot(JSON.parse(JSON.stringify(toSnapshot(state))) as ReturnType<typeof toSnapshot>);
    expect(copy.functions).toEqual(["f"]);
    expect(copy.defs.get("k")!.body).toBe(state.defs.get("k")!.body);
    expect(copy.ans).toBe(state.ans);
    expect(evaluateLine(copy, "diff(f(x), x)").output).toBe("f'(x)");
  });

  it("completes declared names and shows their help", () => {
    const { state } = session([":functions phi"]);
    expect(complete(state, "1 + ph")).toEqual([["phi"], "ph"]);
    expect(complete(state, ":clear p")).toEqual([["phi"], "p"]);
    expect(evaluateLine(state, ":help phi").output).toBe("phi: undefined function (declared with :functions; phi'(x) is its derivative)");
  });
});

describe("command aliases", () => {
  it("gradient and evaluate run grad and eval, on the command line", async () => {
    const [grad, gradientOut] = await Promise.all([runCli(["grad", "x^2*y"]), runCli(["gradient", "x^2*y"])]);
    expect(gradientOut).toEqual(grad);
    expect(gradientOut.stdout).toBe("x: 2*x*y\ny: x^2\n");
    expect((await runCli(["evaluate", "x^2 + 1", "x=3"])).stdout).toBe("10\n");
  });

  it("and in the REPL, where :help names the entry", () => {
    const { outcomes } = session(["gradient(x^2*y)", "evaluate(x^2, x=3)", ":help gradient", "1 + gradient(x)"]);
    expect(outcomes[0]!.output).toBe("x: 2*x*y\ny: x^2");
    expect(outcomes[1]!.output).toBe("9");
    expect(outcomes[2]!.output.split("\n")[0]).toBe("grad (also gradient): gradient, one partial per variable");
    expect(outcomes[3]!.error).toContain("gradient(...) is a command, not an expression: use it alone on a line");
  });
});
