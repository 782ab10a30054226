import fc from "fast-check";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { cancel, expand, factor, together } from "../../src/api/algebra.js";
import { COMMAND_TABLE, commandHelp } from "../../src/cli/command-table.js";
import { fromSnapshot, toSnapshot } from "../../src/cli/snapshot.js";
import { DEFAULT_LIMITS, limits, resetLimits } from "../../src/core/limits.js";
import { diff, gradient, hessian } from "../../src/api/calculus.js";
import { loadNumeric } from "../../src/cli/commands.js";
import { complete, needsMoreInput } from "../../src/cli/completion.js";
import { createSession, evaluateLine, type SessionState } from "../../src/cli/session.js";
import { num } from "../../src/core/build.js";
import { evaluate } from "../../src/numeric/evaluate.js";
import { parse } from "../../src/parse/parser.js";
import { toLatex } from "../../src/print/latex.js";
import { print } from "../../src/print/plain.js";
import { simplify } from "../../src/rewrite/simplify.js";

beforeAll(loadNumeric);

/** Runs `lines` in a fresh session; returns the final state and each line's outcome. */
function session(lines: readonly string[], now?: () => number) {
  let state: SessionState = createSession();
  const outcomes = lines.map((line) => {
    const o = evaluateLine(state, line, now === undefined ? {} : { now });
    state = o.state;
    return o;
  });
  return { state, outcomes, last: outcomes[outcomes.length - 1]! };
}

/** The column (0-based, in the source line shown) of the first caret, and the caret count. */
function caret(error: string): { at: number; width: number; source: string } {
  const lines = error.split("\n");
  const i = lines.findIndex((l) => /^\s*\^+$/.test(l));
  expect(i).toBeGreaterThan(0);
  const marks = lines[i]!;
  return { at: marks.indexOf("^") - 2, width: marks.trim().length, source: lines[i - 1]!.slice(2) };
}

const F = "x^2 + 3*x + 2";
const G = "x^2 + y^2 + 3*x*y";

describe("definitions and their use", () => {
  const cases: [string, string[], string, () => string][] = [
    ["a definition echoes its canonical form", [], `f = ${F}`, () => `f = ${print(parse(F))}`],
    ["a function definition echoes its parameters", [], `g(x, y) = ${G}`, () => `g(x, y) = ${print(parse(G))}`],
    ["diff of a defined name", [`f = ${F}`], "diff(f, x)", () => print(diff(F, "x"))],
    ["diff of order 2", [`f = ${F}`], "diff(f, x, 2)", () => print(diff(F, "x", 2))],
    ["mixed partial", [`g(x, y) = ${G}`], "diff(g, x, y)", () => print(diff(G, ["x", "y"]))],
    ["a defined name applied to a value", [`f = ${F}`], "f(1)", () => print(parse("1^2 + 3*1 + 2"))],
    ["a function applied to values", [`g(x, y) = ${G}`], "g(1, 2)", () => print(parse("1^2 + 2^2 + 3*1*2"))],
    ["a function applied to expressions", [`g(x, y) = ${G}`], "g(t, 2*t)", () => print(parse("t^2 + (2*t)^2 + 3*t*(2*t)"))],
    ["names inside expressions are substituted", [`f = ${F}`, "c = 5"], "c*f + 1", () => print(parse(`5*(${F}) + 1`))],
    ["simplify nests with diff", [`f = ${F}`], "simplify(diff(f, x) - 2*x)", () => print(simplify(parse("3")))],
    ["ans is the last result", [`f = ${F}`, "diff(f, x)"], "ans + 1", () => print(parse("2*x + 4"))],
    ["eval with bindings", [`g(x, y) = ${G}`], "eval(g, x=1, y=pi/2)", () => String(evaluate(parse(G), { x: 1, y: Math.PI / 2 }))],
    ["eval binds names that are defined", [`f = ${F}`, "x = 10"], "eval(f, x=1)", () => String(evaluate(parse(F), { x: 1 }))],
    ["latex of a defined name", [`f = ${F}`], "latex(f)", () => toLatex(parse(F))],
    ["a later definition sees earlier ones", [`f = ${F}`, "h = f^2"], "diff(h, x)", () => print(diff(`(${F})^2`, "x"))],
    ["parameters are not substituted by definitions", ["x = 3", "p(x) = x^2"], "p(2)", () => print(parse("4"))],
    ["redefinition replaces", ["f = x", "f = x^3"], "diff(f, x)", () => print(diff("x^3", "x"))],
  ];
  it.each(cases)("%s", (_, before, line, expected) => {
    const { last } = session([...before, line]);
    expect(last.error).toBeUndefined();
    expect(last.output).toBe(expected());
  });

  it("grad and hessian of a function use its parameters in order; of an expression the sorted free symbols", () => {
    const g = gradient(G, ["y", "x"]);
    expect(session([`g(y, x) = ${G}`, "grad(g)"]).last.output).toBe(`y: ${print(g.y!)}\nx: ${print(g.x!)}`);
    const h = hessian("x^2*y + y^3", ["x", "y"]);
    const out = session(["hessian(x^2*y + y^3)"]).last.output.split("\n");
    expect(out).toHaveLength(2);
    h.forEach((row, i) =>
      expect(
        out[i]!.replace(/^\[|\]$/g, "")
          .trim()
          .split(/\s{2,}/),
      ).toEqual(row.map(print)),
    );
    expect(session(["grad(x*y*z, z, x)"]).last.output).toBe(`z: ${print(parse("x*y"))}\nx: ${print(parse("y*z"))}`);
  });

  it("eval keeps its number as ans", () => {
    const { state } = session(["eval(x^2, x=3)"]);
    expect(state.ans).toBe(num(9));
  });

  it("property: f(k) for a defined quadratic is its value at k", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -50, max: 50 }),
        fc.integer({ min: -50, max: 50 }),
        fc.integer({ min: -50, max: 50 }),
        fc.integer({ min: -20, max: 20 }),
        (a, b, c, k) => {
          const { last } = session([`f = ${a}*x^2 + ${b}*x + ${c}`, `f(${k})`]);
          expect(last.output).toBe(print(num(a * k * k + b * k + c)));
        },
      ),
      { seed: 5, numRuns: 60 },
    );
  });
});

describe("mistakes keep the session and point at the source", () => {
  const cases: [string, string, string, string][] = [
    ["unknown function", "sinn(x) + 1", "unknown function 'sinn' (did you mean 'sin'?)", "sinn"],
    ["syntax error in a definition body", "g = x +* 2", "", "*"],
    ["arity of a user function", "f(1, 2) + 1", "f takes 1 argument (x), got 2", "f(1, 2)"],
    ["not a variable in diff", "1 + diff(f, 2)", "'2' is not a variable", "2)"],
    ["a bad diff order", "diff(f, x, -1)", "the order of diff must be a non-negative integer", "-1"],
    ["a statement command inside an expression", "grad(f) + 1", "grad(...) is a command, not an expression", "grad(f)"],
    ["a reserved name", "sin = 3", "cannot define 'sin': it is a built-in function", "sin"],
    ["a repeated parameter", "k(a, a) = a", "parameter 'a' is a repeated parameter", "a)"],
    ["not a variable in grad", "grad(f, 2*x)", "'2*x' is not a variable", "2*x"],
    ["eval without a value", "eval(f, x)", "expected NAME=VALUE", "x"],
    ["a syntax error inside eval", "eval(f, x=1+)", "", "@)"],
  ];
  it.each(cases)("%s", (_, line, message, marked) => {
    const { state: before } = session([`f = ${F}`]);
    const o = evaluateLine(before, line);
    expect(o.error).toBeDefined();
    expect(o.error!.startsWith("error: ")).toBe(true);
    expect(o.error).toContain(message);
    const c = caret(o.error!);
    expect(c.source).toBe(line);
    // "@s" marks the last occurrence of s, plain "s" the first.
    const expectedAt = marked.startsWith("@") ? line.lastIndexOf(marked.slice(1)) : line.indexOf(marked);
    expect(expectedAt).toBeGreaterThanOrEqual(0);
    expect(c.at).toBe(expectedAt);
    expect(o.state).toBe(before);
    expect(o.error).toContain(`at column ${expectedAt + 1}`);
  });

  it("a callback error is placed at its own call among several", () => {
    const line = "f(1) + f(2) + f(3, 4)";
    const o = session([`f = ${F}`, line]).last;
    expect(caret(o.error!).at).toBe(line.indexOf("f(3, 4)"));
  });
});

describe("meta commands", () => {
  it(":latex on prints LaTeX beside the plain text, :latex off stops it", () => {
    const { outcomes } = session([`f = ${F}`, ":latex on", "diff(f, x)", ":latex off", "diff(f, x)"]);
    const d = diff(F, "x");
    expect(outcomes[1]!.output).toBe("latex on");
    expect(outcomes[2]!.output).toBe(`${print(d)}\nlatex: ${toLatex(d)}`);
    expect(outcomes[4]!.output).toBe(print(d));
  });
  it(":vars lists the definitions and ans, :clear forgets them", () => {
    const { outcomes, state } = session([`f = ${F}`, `g(x, y) = ${G}`, "f(2)", ":vars", ":clear", ":vars"]);
    expect(outcomes[3]!.output).toBe([`f = ${print(parse(F))}`, `g(x, y) = ${print(parse(G))}`, `ans = ${print(parse("12"))}`].join("\n"));
    expect(outcomes[5]!.output).toBe("(no definitions)");
    expect(state.defs.size).toBe(0);
    expect(state.ans).toBeUndefined();
  });
  it(":time on appends the time the clock measured", () => {
    let t = 0;
    const { last } = session([":time on", "x + x"], () => (t += 2.5));
    expect(last.output).toBe(`${print(parse("2*x"))}\ntime: 2.50 ms`);
  });
  it.each([":quit", ":q", ":exit"])("%s quits", (line) => {
    expect(session([line]).last.quit).toBe(true);
  });
  it.each([
    [":latex maybe", "usage: :latex on|off"],
    [":frob", "unknown command ':frob' (type :help)"],
  ])("%s is an error", (line, message) => {
    expect(session([line]).last.error).toBe(`error: ${message}${line.startsWith(":latex") ? " (now off)" : ""}`);
  });
  it(":help names every meta command", () => {
    const help = session([":help"]).last.output;
    for (const m of [":help", ":latex", ":vars", ":clear", ":time", ":quit"]) expect(help).toContain(m);
  });
});

describe("input helpers", () => {
  it.each([
    ["diff(f,", true],
    ["(x + 1) * (", true],
    ["f(x)", false],
    ["x)", false],
    ["", false],
  ] as const)("needsMoreInput(%j) = %s", (text, expected) => {
    expect(needsMoreInput(text)).toBe(expected);
  });
  it("completes meta commands, functions, commands and defined names", () => {
    const { state } = session(["alpha = 1", "alphabet(x) = x"]);
    expect(complete(state, ":la")).toEqual([[":latex"], ":la"]);
    expect(complete(state, "1 + alp")).toEqual([["alpha", "alphabet"], "alp"]);
    expect(complete(state, "diff(as")[0]).toEqual(expect.arrayContaining(["asin", "asinh", "asec"]));
    expect(complete(state, "gr")).toEqual([["grad"], "gr"]);
    expect(complete(createSession(), "an")[0]).not.toContain("ans");
    expect(complete(session(["1"]).state, "an")[0]).toContain("ans");
    expect(complete(state, ":help exp")).toEqual([["exp", "expand"], "exp"]);
    expect(complete(state, ":clear alpha")).toEqual([["alpha", "alphabet"], "alpha"]);
    expect(complete(state, ":clear e")).toEqual([[], "e"]);
  });
});

describe("a definition never stands where a variable was written", () => {
  /** [what, lines before, line, the expected output or "error: <part of the message>" with the marked text]. */
  const cases: [string, string[], string, string, string?][] = [
    ["as the variable of diff", ["x = 3"], "diff(x^2, x)", "error: 'x' is defined (x = 3), not a variable: use another name, or :clear x", "@x"],
    ["as the variable of grad", ["x = 3"], "grad(x*y, x)", "error: 'x' is defined (x = 3), not a variable", "@x"],
    ["as a variable of hessian", ["y = 1"], "hessian(x*y, x, y)", "error: 'y' is defined (y = 1), not a variable", "@y"],
    ["in the order's place of diff", ["n = 2"], "diff(x^3, x, n)", "error: 'n' is defined (n = 2), not a variable", "n"],
    ["a function's name as the variable", ["g(t) = t^2"], "diff(g, g)", "error: 'g' is defined (g(t) = t^2), not a variable", "@g"],
    ["ans as the variable", ["x^2"], "diff(ans, ans)", "error: 'ans' is the last result, not a variable", "@ans"],
    ["an eval binding wins over a definition", ["x = 3"], "eval(sin(x), x=1)", String(Math.sin(1))],
    ["an eval binding binds the variable inside a definition made before", ["f = x^2", "x = 3"], "eval(f + x, x=2)", "6"],
    ["a binding's value may use definitions", ["a = 2"], "eval(x^2, x=a)", "4"],
    ["a definition in a body is its value at that moment", ["x = 3", "q(y) = x*y"], "q(2)", "6"],
    ["a parameter shadows a definition", ["x = 3", "p(x) = x^2"], "p(5)", "25"],
    ["a redefinition does not change earlier definitions", ["x = 3", "f = x^2", "x = 4"], "f + x", "13"],
    ["a definition made before a name was defined keeps its variable", ["f = x^2", "x = 3"], "simplify(f)", print(parse("x^2"))],
    ["cleared, the name is a variable again", ["x = 3", ":clear x"], "diff(x^2, x)", print(diff("x^2", "x"))],
    ["clearing keeps the definitions made with it", ["x = 3", "f = x^2", ":clear x"], "f", "9"],
    ["a result is not called", ["g(x, y) = x^2*y^3"], "diff(g, y)(2)", "error: the result of diff(...) cannot be called", "@("],
    ["a named result is called", ["g(x, y) = x^2*y^3", "d = diff(g, y)"], "d(1, 2)", "12"],
    [
      "a call of a name without parameters is not a product",
      ["c = 5"],
      "c(x + 1)",
      "error: c takes no arguments, got 1 (for a product write c*(...))",
      "c(x + 1)",
    ],
  ];
  it.each(cases)("%s", (_, before, line, expected, marked) => {
    const { last } = session([...before, line]);
    if (!expected.startsWith("error: ")) {
      expect(last.error).toBeUndefined();
      expect(last.output).toBe(expected);
      return;
    }
    expect(last.output).toBe("");
    expect(last.error).toContain(expected);
    const at = marked!.startsWith("@") ? line.lastIndexOf(marked!.slice(1)) : line.indexOf(marked!);
    expect(caret(last.error!)).toEqual({ at, width: (marked!.startsWith("@") ? marked!.slice(1) : marked!).length, source: line });
  });

  it("property: with x defined, eval(p, x=k) is p at k and diff(p, x) is an error", () => {
    fc.assert(
      fc.property(fc.integer({ min: -9, max: 9 }), fc.integer({ min: -9, max: 9 }), fc.integer({ min: -9, max: 9 }), (a, b, k) => {
        const p = `${a}*x^2 + ${b}*x`;
        const { outcomes } = session([`x = ${a + 100}`, `eval(${p}, x=${k})`, `diff(${p}, x)`]);
        expect(outcomes[1]!.output).toBe(String(a * k * k + b * k));
        expect(outcomes[2]!.error).toContain("'x' is defined");
      }),
      { seed: 19, numRuns: 40 },
    );
  });
});

describe("the command table in the REPL", () => {
  it.each([
    ["expand((x + 1)^3)", () => print(expand("(x + 1)^3"))],
    ["factor(x^2 - 1)", () => print(factor("x^2 - 1"))],
    ["cancel((x^2 - 1)/(x - 1))", () => print(cancel("(x^2 - 1)/(x - 1)"))],
    ["together(1/x + 1/y)", () => print(together("1/x + 1/y"))],
    ["diff(expand((x + 1)^3), x)", () => print(diff(expand("(x + 1)^3"), "x"))],
  ])("%s", (line, expected) => {
    expect(session([line]).last.output).toBe(expected());
  });

  it.each(COMMAND_TABLE.map((c) => [c.name, c] as const))(":help %s shows its REPL forms", (name, c) => {
    const help = session([`:help ${name}`]).last.output;
    expect(help).toBe(commandHelp(c));
    expect(help).toContain(c.repl);
  });

  it(":help of a built-in function, a definition, and an unknown name", () => {
    expect(session([":help sin"]).last.output).toBe("sin: built-in function of 1 argument");
    expect(session(["f(t) = t^2", ":help f"]).last.output).toBe("f(t) = t^2");
    expect(session([":help frob"]).last.error).toBe("error: no help for 'frob' (type :help for the list)");
  });
});

describe(":limits", () => {
  afterEach(resetLimits);
  it("shows every limit, sets some, and the LimitError names :limits", () => {
    const shown = session([":limits"]).last.output.split("\n");
    expect(shown.map((l) => l.split(/\s+/)[0])).toEqual(Object.keys(DEFAULT_LIMITS));
    const { outcomes } = session([":limits maxOrder=5 diffTimeMs=30000", "diff(x^9, x, 6)", "diff(x^9, x, 5)"]);
    expect(outcomes[0]!.output).toBe("maxOrder    5  (default 1000)\ndiffTimeMs  30000  (default 10000)");
    expect(limits.diffTimeMs).toBe(30000);
    expect(outcomes[1]!.error).toContain("raise it with :limits maxOrder=N");
    expect(outcomes[1]!.error).not.toContain("setLimits");
    expect(outcomes[2]!.output).toBe(print(diff("x^9", "x", 5)));
  });
  it.each([
    [":limits maxOrder=0", "error: limit maxOrder must be a positive integer, got 0"],
    [":limits maxOrdr=5", "error: unknown limit 'maxOrdr'"],
    [":limits maxOrder", "error: usage: :limits [NAME=N ...], got 'maxOrder'"],
  ])("%s is an error and changes nothing", (line, message) => {
    const { last } = session([line]);
    expect(last.error).toContain(message);
    expect(limits).toEqual(DEFAULT_LIMITS);
  });
});

describe("a defined name inside a function definition's body", () => {
  it("a parameter is the variable of a diff in the body, even when the name is defined", () => {
    const { outcomes } = session(["x = 3", "h(x) = diff(x^3, x)", "h(2)"]);
    expect(outcomes[1]!.output).toBe(`h(x) = ${print(diff("x^3", "x"))}`);
    expect(outcomes[2]!.output).toBe("12");
  });
  it("a defined name that is not a parameter is refused as the variable of a diff in the body", () => {
    expect(session(["x = 3", "h(y) = diff(x^3*y, x)"]).last.error).toContain("'x' is defined (x = 3), not a variable");
  });
});

describe("snapshots (how an interrupted session is restored)", () => {
  afterEach(resetLimits);
  it("a session copied as text comes back as the same nodes, settings and limits", () => {
    const { state } = session(["g(x, y) = sin(x)^2*exp(y)/(1 + x)", "h = g(t, 2) + 1/3", "diff(h, t)", ":latex on", ":limits maxOrder=7"]);
    const copy = JSON.parse(JSON.stringify(toSnapshot(state))) as ReturnType<typeof toSnapshot>;
    resetLimits();
    const back = fromSnapshot(copy);
    expect([...back.defs.values()]).toEqual([...state.defs.values()]);
    for (const [name, d] of state.defs) expect(back.defs.get(name)!.body).toBe(d.body);
    expect(back.ans).toBe(state.ans);
    expect([back.latex, back.time, limits.maxOrder]).toEqual([true, false, 7]);
  });
});
