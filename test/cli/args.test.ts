import { describe, expect, it } from "vitest";
import { closest, COMMANDS, helpText, parseArgs, UsageError } from "../../src/cli/args.js";

describe("parseArgs: accepted invocations", () => {
  const cases: [string[], Record<string, unknown>][] = [
    [[], { kind: "repl" }],
    [["--help"], { kind: "help" }],
    [["-h"], { kind: "help" }],
    [["help", "grad"], { kind: "help", command: "grad" }],
    [["--version"], { kind: "version" }],
    [["-V"], { kind: "version" }],
    [["-v"], { kind: "version" }],
    [["diff", "-v", "v"], { command: "diff", exprs: ["-v"], vars: ["v"] }],
    [["diff", "--help"], { kind: "help", command: "diff" }],
    [["diff", "x^2", "x"], { kind: "command", command: "diff", exprs: ["x^2"], vars: ["x"], latex: false, json: false }],
    [["diff", "x^3", "x", "--order", "2"], { kind: "command", command: "diff", exprs: ["x^3"], vars: ["x"], order: 2 }],
    [["diff", "--order=3", "x^3", "x"], { command: "diff", exprs: ["x^3"], vars: ["x"], order: 3 }],
    [["diff", "x*y", "x", "y", "--json"], { command: "diff", vars: ["x", "y"], json: true }],
    [["diff", "-x^2", "x"], { command: "diff", exprs: ["-x^2"], vars: ["x"] }],
    [["diff", "-", "x", "--latex"], { command: "diff", exprs: ["-"], latex: true }],
    [["diff", "--", "--x", "x"], { command: "diff", exprs: ["--x"], vars: ["x"] }],
    [["grad", "x*y"], { command: "grad", exprs: ["x*y"] }],
    [["grad", "x*y", "--vars", "y, x"], { command: "grad", vars: ["y", "x"] }],
    [["hessian", "x*y", "--vars=x,y"], { command: "hessian", vars: ["x", "y"] }],
    [["jacobian", "x*y", "x+y", "--vars", "x,y"], { command: "jacobian", exprs: ["x*y", "x+y"], vars: ["x", "y"] }],
    [
      ["eval", "x+y", "x=1", "y = 2"],
      {
        command: "eval",
        exprs: ["x+y"],
        bindings: [
          { name: "x", value: "1" },
          { name: "y", value: "2" },
        ],
      },
    ],
    [["simplify", "x+x"], { command: "simplify", exprs: ["x+x"] }],
    [["latex", "x/2"], { command: "latex", exprs: ["x/2"] }],
  ];
  it.each(cases)("%j", (argv, expected) => {
    expect(parseArgs(argv)).toMatchObject(expected);
  });
});

describe("parseArgs: usage errors", () => {
  const cases: [string[], string][] = [
    [["dif", "x", "x"], "unknown command 'dif' (did you mean 'diff'?)"],
    [["frobnicate"], "unknown command 'frobnicate'"],
    [["--frob"], "unknown option '--frob'"],
    [["diff", "x^2"], "missing VAR"],
    [["diff"], "missing EXPR"],
    [["diff", "x^2", "x", "--ordr", "2"], "unknown option '--ordr' for 'diff' (did you mean '--order'?)"],
    [["diff", "x^2", "x", "--order"], "option '--order' needs a value"],
    [["diff", "x^2", "x", "--order", "two"], "--order needs a non-negative integer, got 'two'"],
    [["diff", "x*y", "x", "y", "--order", "2"], "--order applies to a single VAR; repeat the variable instead"],
    [["diff", "x^2", "x", "--json=yes"], "option '--json' takes no value"],
    [["grad", "x", "y"], "'grad' takes one EXPR (got 2); give variables with --vars"],
    [["grad", "x", "--vars", "x,,y"], "--vars needs a comma-separated list of names, got 'x,,y'"],
    [["grad", "x", "--vars", "x", "--vars", "y"], "option '--vars' given twice"],
    [["simplify", "x", "+", "1"], "'simplify' takes one EXPR (got 3); quote the expression"],
    [["eval", "x", "x"], "expected NAME=VALUE, got 'x'"],
    [["eval", "x", "=1"], "expected NAME=VALUE, got '=1'"],
    [["help", "dif"], "unknown command 'dif' (did you mean 'diff'?)"],
  ];
  it.each(cases)("%j", (argv, message) => {
    let thrown: unknown;
    try {
      parseArgs(argv);
    } catch (err) {
      thrown = err;
    }
    expect(thrown).toBeInstanceOf(UsageError);
    expect((thrown as Error).message).toBe(message);
  });
});

describe("help and suggestions", () => {
  it("lists every command in the global help and names each in its own", () => {
    const all = helpText();
    for (const c of COMMANDS) {
      expect(all).toContain(`  ${c} `);
      expect(helpText(c)).toMatch(new RegExp(`^usage: symgrad ${c} `));
    }
  });
  it.each([
    ["hesian", ["hessian", "grad"], "hessian"],
    ["xyz", ["hessian", "grad"], undefined],
    ["grda", ["grad"], "grad"],
  ] as const)("closest(%s)", (word, candidates, expected) => {
    expect(closest(word, candidates)).toBe(expected);
  });
});

describe("parseArgs: scripts", () => {
  const isFile = (p: string) => p === "s.sg" || p === "diff";
  it.each([
    [["s.sg"], { kind: "script", path: "s.sg" }],
    [["diff", "x", "x"], { kind: "command", command: "diff" }],
  ] as const)("%j", (argv, expected) => {
    expect(parseArgs(argv, isFile)).toMatchObject(expected);
  });
  it("a file that is not there is an unknown command; a script takes no arguments", () => {
    expect(() => parseArgs(["t.sg"], isFile)).toThrow("unknown command 't.sg'");
    expect(() => parseArgs(["s.sg", "x"], isFile)).toThrow("a script takes no arguments (got 'x')");
  });
});
