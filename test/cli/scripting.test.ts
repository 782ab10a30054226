/** The built CLI used from scripts: script files, piped sessions, versions, the command table's commands. */
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { cancel, expand, factor, together } from "../../src/api/algebra.js";
import { diff } from "../../src/api/calculus.js";
import { COMMAND_TABLE } from "../../src/cli/command-table.js";
import { print } from "../../src/print/plain.js";
import { ensureBuilt, ROOT, runCli } from "./support.js";

beforeAll(() => {
  ensureBuilt();
}, 120_000);

const dir = mkdtempSync(join(tmpdir(), "symgrad-script-"));
function script(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

const SCRIPT = ["# a comment", "f = x^3 + x", "diff(f,", "  x)", "g = sinn(x)", "f(2)", ""].join("\n");

describe.concurrent("scripts", () => {
  it("symgrad FILE runs REPL statements: results on stdout, each error as FILE:LINE on stderr, exit 1", async () => {
    const path = script("s.sg", SCRIPT);
    const r = await runCli([path]);
    expect(r.stdout).toBe(["f = x^3 + x", print(diff("x^3 + x", "x")), "10", ""].join("\n"));
    expect(r.stderr).toBe(`${path}:5: error: unknown function 'sinn' (did you mean 'sin'?) at column 5\n  g = sinn(x)\n      ^^^^\n`);
    expect(r.code).toBe(1);
  });
  it("a script without errors exits 0, and :quit ends it", async () => {
    const r = await runCli([script("ok.sg", "a = 2\n:quit\na + 1\n")]);
    expect([r.code, r.stdout, r.stderr]).toEqual([0, "a = 2\n", ""]);
  });
  it("symgrad < FILE is a piped session: a transcript, exit 1 after an error, 0 without", async () => {
    const bad = await runCli([], { input: SCRIPT });
    expect(bad.code).toBe(1);
    expect(bad.stdout).toContain("symgrad> g = sinn(x)\nerror: unknown function 'sinn'");
    const good = await runCli([], { input: readFileSync(script("good.sg", "f = x^2\ndiff(f, x)\n"), "utf8") });
    expect([good.code, good.stdout]).toEqual([0, `symgrad> f = x^2\nf = x^2\nsymgrad> diff(f, x)\n2*x\nsymgrad> \n`]);
  });
  it("a script argument that is not a file is an unknown command; a script takes no more arguments", async () => {
    const [missing, extra] = await Promise.all([runCli([join(dir, "nope.sg")]), runCli([script("x.sg", "1\n"), "more"])]);
    expect([missing.code, extra.code]).toEqual([2, 2]);
    expect(missing.stderr).toContain("unknown command");
    expect(extra.stderr).toContain("a script takes no arguments (got 'more')");
  });
});

describe.concurrent("versions and the command table on the command line", () => {
  it.each(["-v", "-V", "--version"])("%s prints the version", async (flag) => {
    const r = await runCli([flag]);
    const version = (JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as { version: string }).version;
    expect([r.code, r.stdout]).toEqual([0, version + "\n"]);
  });
  it.each([
    ["expand", "(x + 1)^3", () => print(expand("(x + 1)^3"))],
    ["factor", "x^2 - 1", () => print(factor("x^2 - 1"))],
    ["cancel", "(x^2 - 1)/(x - 1)", () => print(cancel("(x^2 - 1)/(x - 1)"))],
    ["together", "1/x + 1/y", () => print(together("1/x + 1/y"))],
  ])("%s %s", async (command, input, expected) => {
    const r = await runCli([command, input]);
    expect([r.code, r.stdout, r.stderr]).toEqual([0, expected() + "\n", ""]);
  });
  it("--help lists every command of the table", async () => {
    const r = await runCli(["--help"]);
    for (const c of COMMAND_TABLE) expect(r.stdout).toContain(`  ${c.name} `);
  });
});

describe.concurrent("definitions through the built CLI", () => {
  it("a defined name is refused as a variable, a binding wins, a result is not called", async () => {
    const input = ["x = 3", "diff(x^2, x)", "eval(sin(x), x=1)", "g(x, y) = x^2*y^3", "diff(g, y)(2)", ":clear x", "diff(x^2, x)", ":help expand", ""].join(
      "\n",
    );
    const r = await runCli([], { input });
    expect(r.code).toBe(1);
    const out = r.stdout.split("\n");
    expect(out.slice(2, 6)).toEqual([
      "symgrad> diff(x^2, x)",
      "error: 'x' is defined (x = 3), not a variable: use another name, or :clear x at column 11",
      "  diff(x^2, x)",
      "            ^",
    ]);
    expect(out.slice(6, 8)).toEqual(["symgrad> eval(sin(x), x=1)", String(Math.sin(1))]);
    expect(out[11]).toBe("error: the result of diff(...) cannot be called: give it a name first, or write '*' for a product at column 11");
    expect(r.stdout).toContain(`symgrad> diff(x^2, x)\n${print(diff("x^2", "x"))}\n`);
    expect(r.stdout).toContain(`symgrad> :help expand\nexpand: ${COMMAND_TABLE.find((c) => c.name === "expand")!.summary}\n`);
  });
});
