/**
 * taylor, implicit, laplacian, divergence, curl and directional through the command table: on the
 * real built CLI (arguments, streams, formats, exit codes) and in the REPL (argument kinds, errors
 * with their positions). Expected values come from the library, so these tests check the front
 * ends, not the mathematics (test/api/operations.test.ts does that).
 */
import fc from "fast-check";
import katex from "katex";
import { beforeAll, describe, expect, it } from "vitest";
import { expand } from "../../src/api/algebra.js";
import { curl, directionalDerivative, divergence, implicitDiff, laplacian, taylor } from "../../src/api/operations.js";
import { parseArgs, UsageError } from "../../src/cli/args.js";
import { COMMAND_TABLE } from "../../src/cli/command-table.js";
import { complete } from "../../src/cli/completion.js";
import { createSession, evaluateLine, type SessionState } from "../../src/cli/session.js";
import { evaluate } from "../../src/numeric/evaluate.js";
import { parse } from "../../src/parse/parser.js";
import { toLatex } from "../../src/print/latex.js";
import { print } from "../../src/print/plain.js";
import { ensureBuilt, expectUsageError, runCli } from "./support.js";

beforeAll(() => {
  ensureBuilt();
}, 120_000);

/** Runs `lines` in one fresh session; the outcome of each. */
function session(lines: readonly string[]) {
  let state: SessionState = createSession();
  return lines.map((line) => {
    const o = evaluateLine(state, line);
    state = o.state;
    return o;
  });
}

/** The 0-based column of the first caret under the source line, and the number of carets. */
function caret(error: string): { at: number; width: number } {
  const lines = error.split("\n");
  const i = lines.findIndex((l) => /^\s*\^+$/.test(l));
  expect(i).toBeGreaterThan(0);
  return { at: lines[i]!.indexOf("^") - 2, width: lines[i]!.trim().length };
}

const labelled = (vars: readonly string[], values: readonly { toString(): string }[]) => vars.map((v, i) => `${v}: ${String(values[i])}`).join("\n");

describe("the command table's parameters", () => {
  // The shape the readers rely on: one-argument kinds, then at most one list, then the tail.
  const SINGLE = ["expr", "var", "point", "order"];
  const LIST = ["exprs", "vars", "vars?", "direction"];
  it.each(COMMAND_TABLE.map((c) => [c.name, c.params.map((p) => p.kind)] as const))("%s has the documented shape", (_, kinds) => {
    const singles = kinds.findIndex((k) => !SINGLE.includes(k));
    const rest = singles < 0 ? [] : kinds.slice(singles);
    const list = LIST.includes(rest[0]!) ? rest[0] : undefined;
    const tail = rest.slice(list === undefined ? 0 : 1);
    expect(tail.length).toBeLessThanOrEqual(1);
    if (tail[0] === "fieldVars") expect(["exprs", "direction"]).toContain(list);
    if (tail[0] === "bindings") expect(kinds).toEqual(["expr", "bindings"]);
    // jacobian's variables: `--vars` on the command line only (in the REPL every argument is one of its expressions).
    if (tail[0] === "vars?") expect(list).toBe("exprs");
    for (const k of tail) expect(["fieldVars", "order?", "bindings", "vars?"]).toContain(k);
  });
});

describe.concurrent("the built CLI prints what the library computes", () => {
  const cases: [string, string[], () => string][] = [
    ["taylor, positional", ["taylor", "exp(x)", "x", "0", "5"], () => print(taylor("exp(x)", "x", 0, 5))],
    ["taylor around an expression", ["taylor", "cos(x)", "x", "pi", "4"], () => print(taylor("cos(x)", "x", "pi", 4))],
    ["taylor of order 0", ["taylor", "1/(1 - x)", "x", "2", "0"], () => print(taylor("1/(1 - x)", "x", 2, 0))],
    ["implicit", ["implicit", "x^2 + y^2 - 1", "y", "x"], () => print(implicitDiff("x^2 + y^2 - 1", "y", "x"))],
    ["implicit --order", ["implicit", "x^2 + y^2 - 1", "y", "x", "--order", "2"], () => print(implicitDiff("x^2 + y^2 - 1", "y", "x", 2))],
    ["laplacian", ["laplacian", "x^2*y + y^3"], () => print(laplacian("x^2*y + y^3"))],
    ["laplacian --vars", ["laplacian", "x^2*y + y^3", "--vars", "x"], () => print(laplacian("x^2*y + y^3", ["x"]))],
    ["divergence", ["divergence", "x*y", "y*z", "z*x", "--vars", "x,y,z"], () => print(divergence(["x*y", "y*z", "z*x"], ["x", "y", "z"]))],
    ["curl, labelled by variable", ["curl", "y", "-x", "0", "--vars", "x,y,z"], () => labelled(["x", "y", "z"], curl(["y", "-x", "0"], ["x", "y", "z"]))],
    ["directional", ["directional", "x^2 + y^2", "1", "1", "--vars", "x,y"], () => print(directionalDerivative("x^2 + y^2", [1, 1], ["x", "y"]))],
    [
      "directional with expression components",
      ["directional", "x*y*z", "sqrt(2)", "-1", "1/2", "--vars", "x,y,z"],
      () => print(directionalDerivative("x*y*z", ["sqrt(2)", -1, "1/2"], ["x", "y", "z"])),
    ],
  ];
  it.each(cases)("%s", async (_, args, expected) => {
    const r = await runCli(args);
    expect([r.code, r.stdout, r.stderr]).toEqual([0, expected() + "\n", ""]);
  });

  it("--json and --latex", async () => {
    const [t, c, d, cl] = await Promise.all([
      runCli(["taylor", "exp(x)", "x", "0", "3", "--json"]),
      runCli(["curl", "y*z", "x*z", "x*y^2", "--vars", "x,y,z", "--json"]),
      runCli(["divergence", "x^2", "y^2", "--vars", "x,y", "--latex"]),
      runCli(["curl", "y*z", "x*z", "x*y^2", "--vars", "x,y,z", "--latex"]),
    ]);
    expect(cl.stdout).toBe(`\\begin{pmatrix} ${curl(["y*z", "x*z", "x*y^2"], ["x", "y", "z"]).map(toLatex).join(" \\\\ ")} \\end{pmatrix}\n`);
    expect(() => katex.renderToString(cl.stdout.trim(), { throwOnError: true })).not.toThrow();
    const poly = taylor("exp(x)", "x", 0, 3);
    expect(JSON.parse(t.stdout)).toEqual({ input: "exp(x)", result: print(poly), latex: toLatex(poly) });
    const field = curl(["y*z", "x*z", "x*y^2"], ["x", "y", "z"]);
    const out = JSON.parse(c.stdout) as { result: Record<string, string>; vars: string[] };
    expect(out.vars).toEqual(["x", "y", "z"]);
    expect(out.vars.map((v) => parse(out.result[v]!))).toEqual(field);
    expect(d.stdout).toBe(toLatex(divergence(["x^2", "y^2"], ["x", "y"])) + "\n");
    expect(() => katex.renderToString(d.stdout.trim(), { throwOnError: true })).not.toThrow();
  });

  it("standard input: one line per point of taylor's EXPR, and the components of a field", async () => {
    const lines = await runCli(["taylor", "-", "x", "0", "2"], { input: "exp(x)\nsin(x\ncos(x)\n" });
    expect(lines.code).toBe(1);
    expect(lines.stdout.split("\n")).toEqual([print(taylor("exp(x)", "x", 0, 2)), expect.stringMatching(/^error: /), print(taylor("cos(x)", "x", 0, 2)), ""]);
    const field = await runCli(["divergence", "-", "--vars", "x,y"], { input: "x^2\nx*y\n" });
    expect(field).toMatchObject({ code: 0, stdout: print(divergence(["x^2", "x*y"], ["x", "y"])) + "\n" });
  });

  it.each([
    [["taylor", "exp(x)", "x", "0"], "missing ORDER", "usage: symgrad taylor EXPR VAR POINT ORDER"],
    [["taylor", "exp(x)", "x", "0", "2.5"], "ORDER needs a non-negative integer, got '2.5'", "usage: symgrad taylor"],
    [["taylor", "exp(x)", "2*x", "0", "3"], "'2*x' is not a variable name", "usage: symgrad taylor"],
    [["implicit", "x^2 + y^2", "y"], "missing X", "usage: symgrad implicit EXPR Y X [--order N]"],
    [["divergence", "x", "y"], "'divergence' needs --vars x,y,...: one variable per component", "usage: symgrad divergence EXPR... --vars x,y,..."],
    [["curl", "y", "-x", "0", "--vars", "x,x,z"], "'x' is repeated in --vars: one variable per component", "usage: symgrad curl"],
    [["curl", "y", "x", "--vars", "x,y"], "'curl' takes 3 components, got 2", "usage: symgrad curl EXPR... --vars x,y,..."],
    [["directional", "x*y", "--vars", "x,y"], "missing D...", "usage: symgrad directional EXPR D... --vars x,y,..."],
  ])("exit 2 for %j", async (args, message, usage) => {
    expectUsageError(await runCli(args), message, usage);
  });

  it.each([
    [["implicit", "x^2 + 1", "y", "x"], "error: implicitDiff: the expression does not contain 'y'"],
    [["directional", "x*y", "0", "0", "--vars", "x,y"], "error: the direction is the zero vector"],
    [["taylor", "exp(x)", "x", "x + 1", "2"], "error: the expansion point must not contain 'x'"],
    [["divergence", "x", "y", "z", "--vars", "x,y"], "error: divergence needs as many components as variables: 3 components, 2 variables"],
  ])("exit 1 for the library's refusal %j", async (args, message) => {
    const r = await runCli(args);
    expect(r.code).toBe(1);
    expect(r.stderr.split("\n")[0]).toBe(message);
  });

  it("each command has its --help", async () => {
    const r = await runCli(["taylor", "--help"]);
    expect(r.stdout.startsWith("usage: symgrad taylor EXPR VAR POINT ORDER")).toBe(true);
    expect(r.stdout).toContain("example: symgrad taylor");
  });
});

describe("parseArgs for the calculus commands", () => {
  it.each([
    [["taylor", "exp(x)", "x", "0", "5"], { command: "taylor", exprs: ["exp(x)"], vars: ["x"], point: "0", order: 5 }],
    [["taylor", "-x", "x", "-1", "3"], { command: "taylor", exprs: ["-x"], point: "-1", order: 3 }],
    [["implicit", "x*y - 1", "y", "x"], { command: "implicit", exprs: ["x*y - 1"], vars: ["y", "x"] }],
    [["implicit", "x*y - 1", "y", "x", "--order=3"], { command: "implicit", vars: ["y", "x"], order: 3 }],
    [["divergence", "x", "y", "--vars", "x,y"], { command: "divergence", exprs: ["x", "y"], vars: ["x", "y"] }],
    [["directional", "x*y", "1", "-2", "--vars", "x,y"], { command: "directional", exprs: ["x*y"], direction: ["1", "-2"], vars: ["x", "y"] }],
  ] as const)("%j", (argv, expected) => {
    expect(parseArgs(argv)).toMatchObject(expected);
  });

  it.each([
    [["taylor", "exp(x)", "x", "0", "5", "6"], "'taylor' takes EXPR VAR POINT ORDER (got 5 arguments)"],
    [["taylor", "exp(x)", "x", "0", "-1"], "ORDER needs a non-negative integer, got '-1'"],
    [["taylor", "exp(x)", "x", "0", "--order", "3"], "unknown option '--order' for 'taylor'"],
    [["implicit", "x*y", "y", "x", "z"], "'implicit' takes EXPR Y X (got 4 arguments)"],
    [["implicit", "x*y", "y", "x", "--order", "1.5"], "--order needs a non-negative integer, got '1.5'"],
    [["laplacian", "x", "y"], "'laplacian' takes one EXPR (got 2); give variables with --vars"],
    [["directional", "x", "-", "--vars", "x"], "'-' (standard input) stands only for EXPR, not for a component of the direction"],
  ])("%j is a usage error", (argv, message) => {
    expect(() => parseArgs(argv)).toThrow(UsageError);
    expect(() => parseArgs(argv)).toThrow(message);
  });
});

describe("the calculus commands in the REPL", () => {
  /** [line, lines before, the expected output]. */
  const cases: [string, string[], () => string][] = [
    ["taylor(exp(x), x, 0, 5)", [], () => print(taylor("exp(x)", "x", 0, 5))],
    ["taylor(sin(x), x, 0, n)", ["n = 3"], () => print(taylor("sin(x)", "x", 0, 3))],
    ["taylor(f, x, a, 2)", ["f = log(x)", "a = 1"], () => print(taylor("log(x)", "x", 1, 2))],
    ["expand(taylor(exp(x), x, 1, 2))", [], () => print(expand(taylor("exp(x)", "x", 1, 2)))],
    ["implicit(x^2 + y^2 - 1, y, x)", [], () => print(implicitDiff("x^2 + y^2 - 1", "y", "x"))],
    ["implicit(x^2 + y^2 - 1, y, x, 2)", [], () => print(implicitDiff("x^2 + y^2 - 1", "y", "x", 2))],
    ["implicit(x^2 + y^2 - 1, y, x, n)", ["n = 2"], () => print(implicitDiff("x^2 + y^2 - 1", "y", "x", 2))],
    ["laplacian(g)", ["g(x, y) = x^2*y + y^3"], () => print(laplacian("x^2*y + y^3", ["x", "y"]))],
    ["laplacian(x^2*y + y^3, x)", [], () => print(laplacian("x^2*y + y^3", ["x"]))],
    ["divergence(x*y, y*z, z*x, x, y, z)", [], () => print(divergence(["x*y", "y*z", "z*x"], ["x", "y", "z"]))],
    ["curl(y, -x, 0, x, y, z)", [], () => labelled(["x", "y", "z"], curl(["y", "-x", "0"], ["x", "y", "z"]))],
    ["directional(f, 3, 4, x, y)", ["f = x^2*y"], () => print(directionalDerivative("x^2*y", [3, 4], ["x", "y"]))],
  ];
  it.each(cases)("%s (after %j)", (line, before, expected) => {
    const outcomes = session([...before, line]);
    const last = outcomes[outcomes.length - 1]!;
    expect(last.error).toBeUndefined();
    expect(last.output).toBe(expected());
  });

  /** [line, lines before, the start of the message, the marked text ("@s": its last occurrence)]. */
  const errors: [string, string[], string, string][] = [
    ["taylor(exp(x), x, 0, 2.5)", [], "error: the order of taylor must be a non-negative integer, got 5/2", "2.5"],
    ["taylor(exp(x), x, 0, -1)", [], "error: the order of taylor must be a non-negative integer, got -1", "-1"],
    ["taylor(exp(x), x, 0, k)", [], "error: the order of taylor must be a non-negative integer, got k", "@k"],
    ["taylor(exp(x), x, 0)", [], "error: taylor: expected taylor(f, x, a, n), got 3 arguments", "taylor(exp(x), x, 0)"],
    ["taylor(exp(x), 2*x, 0, 3)", [], "error: '2*x' is not a variable", "2*x"],
    ["taylor(exp(x), x, 0, 3)", ["x = 1"], "error: 'x' is defined (x = 1), not a variable", "@x,"],
    ["1 + implicit(x*y, y)", [], "error: implicit: expected implicit(F, y, x) or implicit(F, y, x, 2), got 2 arguments", "implicit(x*y, y)"],
    ["implicit(x*y - 1, y, x, 1/2)", [], "error: the order of implicit must be a non-negative integer, got 1/2", "1/2"],
    ["implicit(x*y - 1, pi, x)", [], "error: 'pi' is not a variable", "pi"],
    ["divergence(x*y, y*z, z*x, x, y)", [], "error: divergence: expected divergence(P, Q, R, x, y, z) (one variable per component)", "divergence"],
    ["curl(y, -x, 0, x, x, z)", [], "error: 'x' is repeated: one variable per component", "@x,"],
    ["curl(y, x, x, y)", [], "error: curl: expected curl(P, Q, R, x, y, z) (3 components, one variable each), got 4 arguments", "curl"],
    ["curl(y, -x, 0, x, y, z) + 1", [], "error: curl(...) is a command, not an expression", "curl(y, -x, 0, x, y, z)"],
    ["directional(x*y, 1, 1, x, 2)", [], "error: '2' is not a variable", "@2"],
    ["directional(x*y, 1, x, y)", [], "error: directional: expected directional(f, 1, 1, x, y) (one variable per component), got 4 arguments", "directional"],
    ["diff(x^3*y, x, y, 2)", [], "error: the order of diff applies to a single variable; repeat the variable instead", "@2"],
    ["implicit(x^2 + y^2 = 1, y, x)", [], "error: unexpected character '=' (expressions have no equations; for implicit, write F = G as F - G)", "="],
  ];
  it.each(errors)("%s (after %j) is refused", (line, before, message, marked) => {
    const outcomes = session([...before, line]);
    const last = outcomes[outcomes.length - 1]!;
    expect(last.output).toBe("");
    expect(last.error!.startsWith(message)).toBe(true);
    const text = marked.startsWith("@") ? marked.slice(1) : marked;
    const at = marked.startsWith("@") ? line.lastIndexOf(text) : line.indexOf(text);
    expect(caret(last.error!).at).toBe(at);
    expect(last.error).toContain(`at column ${at + 1}`);
  });

  it("help lists them and Tab completes them", () => {
    const help = session([":help"])[0]!.output;
    for (const form of [
      "taylor(f, x, a, n)",
      "implicit(F, y, x)",
      "laplacian(f)",
      "divergence(P, Q, R, x, y, z)",
      "curl(P, Q, R, x, y, z)",
      "directional(f, 1, 1, x, y)",
    ])
      expect(help).toContain(form);
    expect(session([":help curl"])[0]!.output).toContain("command line:  symgrad curl");
    const state = createSession();
    expect(complete(state, "1 + tay")).toEqual([["taylor"], "tay"]);
    expect(complete(state, "di")[0]).toEqual(expect.arrayContaining(["diff", "directional", "divergence"]));
  });

  it("the library's refusals keep the session", () => {
    const [, o] = session(["f = x", "directional(f, 0, 0, x, y)"]);
    expect(o!.error).toBe("error: the direction is the zero vector");
  });

  it("property: the REPL's taylor polynomial of exp is within the Lagrange bound of exp", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 8 }), fc.double({ min: -1, max: 1, noNaN: true }), (n, x) => {
        const out = session([`taylor(exp(t), t, 0, ${n})`])[0]!;
        const value = evaluate(parse(out.output), { t: x });
        let factorial = 1;
        for (let k = 2; k <= n + 1; k++) factorial *= k;
        const bound = (Math.exp(Math.abs(x)) * Math.abs(x) ** (n + 1)) / factorial;
        expect(Math.abs(value - Math.exp(x))).toBeLessThanOrEqual(bound + 1e-12);
      }),
      { seed: 13, numRuns: 40 },
    );
  });

  it("property: the REPL's directional derivative matches a finite difference along the unit direction", () => {
    const f = "x^2*y + sin(x*y)";
    fc.assert(
      fc.property(
        fc.integer({ min: -5, max: 5 }),
        fc.integer({ min: -5, max: 5 }),
        fc.double({ min: -2, max: 2, noNaN: true }),
        fc.double({ min: -2, max: 2, noNaN: true }),
        (a, b, x, y) => {
          fc.pre(a !== 0 || b !== 0);
          const out = session([`directional(${f}, ${a}, ${b}, x, y)`])[0]!;
          const norm = Math.hypot(a, b);
          const h = 1e-5;
          const at = (s: number) => evaluate(parse(f), { x: x + (s * a) / norm, y: y + (s * b) / norm });
          const fd = (at(h) - at(-h)) / (2 * h);
          expect(evaluate(parse(out.output), { x, y })).toBeCloseTo(fd, 5);
        },
      ),
      { seed: 29, numRuns: 40 },
    );
  });
});
