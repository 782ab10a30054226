/**
 * The REPL as a person uses it, in a pseudo-terminal (tmux): keys in, screen out. Required in CI
 * (tmux is a Debian package); skipped elsewhere when tmux is missing.
 */
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { diff } from "../../src/api/calculus.js";
import { parse } from "../../src/parse/parser.js";
import { print } from "../../src/print/plain.js";
import { ensureBuilt, ROOT } from "./support.js";
import { hasTmux, lastLine, Terminal } from "./terminal.js";

const PROMPT = "symgrad>";
const available = hasTmux();
if (!available && process.env.CI !== undefined) throw new Error("the terminal tests need tmux (apt-get install tmux)");

beforeAll(() => {
  ensureBuilt();
}, 120_000);

let open: Terminal[] = [];
afterEach(() => {
  for (const t of open) t.close();
  open = [];
});

async function start(env?: Record<string, string>, width?: number, height?: number): Promise<Terminal> {
  const t = new Terminal(env, width, height);
  open.push(t);
  await t.waitForLastLine(PROMPT);
  return t;
}

/** Types a line, presses Enter and waits for the next prompt; returns the screen's new lines. */
async function enter(t: Terminal, line: string, prompt = PROMPT): Promise<string[]> {
  const before = t.screen().split("\n").length;
  t.type(line);
  t.press("Enter");
  const s = await t.waitFor((s) => s.split("\n").length > before && lastLine(s) === prompt, `the prompt after ${JSON.stringify(line)}`);
  return s.split("\n").slice(before - 1, -1);
}

describe.skipIf(!available)("the REPL in a terminal", () => {
  it("multi-line input, Tab completion, Ctrl-C at an empty prompt, and Ctrl-D", async () => {
    const t = await start();
    expect(await enter(t, "diff(x^3,", "    ...>")).toEqual([`${PROMPT} diff(x^3,`]);
    expect(await enter(t, " x)")).toEqual(["    ...>  x)", print(diff("x^3", "x"))]);

    // One candidate completes in place; several are listed.
    t.type("expa");
    t.press("Tab");
    await t.waitFor((s) => lastLine(s) === `${PROMPT} expand`, "expand completed");
    t.type("((x + 1)^2)");
    t.press("Enter");
    await t.waitFor((s) => s.includes(print(parse("x^2 + 2*x + 1"))), "the expansion");
    t.type("1 + asi");
    t.press("Tab");
    await t.waitForLastLine(`${PROMPT} 1 + asin`);
    t.press("Tab");
    const listed = await t.waitFor((s) => /\nasin +asinh\n/.test(s), "the candidates listed");
    expect(lastLine(listed)).toBe(`${PROMPT} 1 + asin`);
    t.press("C-u");
    await t.waitForLastLine(PROMPT);

    t.press("C-c");
    await t.waitFor((s) => s.includes("(To exit, press Ctrl-D or type :quit)") && lastLine(s) === PROMPT, "the Ctrl-C hint");
    t.press("C-d");
    await t.waitFor(() => t.exited().dead, "the program to end");
    expect(t.exited()).toMatchObject({ status: 0, signal: undefined });
  }, 30_000);

  it("Ctrl-C during a computation stops it within a second and keeps the definitions", async () => {
    const t = await start();
    await enter(t, "f = x^2 + 1");
    t.type("diff(x^x, x, 300)");
    t.press("Enter");
    // The computation runs for seconds; interrupt it once it has surely started.
    await new Promise((r) => setTimeout(r, 300));
    const pressed = Date.now();
    t.press("C-c");
    const s = await t.waitFor((s) => s.includes("interrupted (the definitions are kept)") && lastLine(s) === PROMPT, "the interruption");
    expect(Date.now() - pressed).toBeLessThan(1000);
    expect(s).toContain(`${PROMPT} diff(x^x, x, 300)\n^C\ninterrupted (the definitions are kept)\n`);
    expect((await enter(t, "f(3)")).slice(1)).toEqual(["10"]);

    // A session that can no longer be copied (its definitions print longer than the limit now
    // allows) goes back to the last copy on an interruption, and says so.
    await enter(t, ":limits maxOutputLength=5");
    t.type("diff(x^x, x, 300)");
    t.press("Enter");
    await new Promise((r) => setTimeout(r, 300));
    t.press("C-c");
    await t.waitFor(
      (s) => s.includes("interrupted (the session is as it was before a definition too large to keep)") && lastLine(s) === PROMPT,
      "the interruption",
    );
    expect((await enter(t, "f")).slice(1)).toEqual([print(parse("x^2 + 1"))]);
  }, 30_000);

  it("replays the README transcript key by key, the interrupted computation included", async () => {
    const transcript = readFileSync(join(ROOT, "test/cli/repl-transcript.txt"), "utf8").trimEnd();
    const lines = transcript.split("\n");
    const t = await start({}, 200, 120);
    const banner = t.screen().split("\n")[0]!;
    for (let i = 0; i < lines.length; i++) {
      const m = /^(symgrad> | {4}\.\.\.> )(.*)$/.exec(lines[i]!);
      if (m === null) continue;
      // Wait for this prompt (the screen so far is the transcript so far), then type the input.
      const expected = [banner, ...lines.slice(0, i), m[1]!.trimEnd()].join("\n");
      await t.waitFor((s) => s === expected, `the transcript up to line ${i + 1}`);
      t.type(m[2]!);
      t.press("Enter");
      if (lines[i + 1] === "^C") {
        await t.waitFor((s) => s.endsWith(m[2]!), "the input echoed");
        await new Promise((r) => setTimeout(r, 300));
        t.press("C-c");
      }
    }
    await t.waitFor(() => t.exited().dead, "the program to end");
    const all = [banner, ...lines].join("\n");
    expect(t.screen().slice(0, all.length + 1)).toBe(all + "\n");
  }, 60_000);

  it("history: Up recalls earlier lines, also in the next session", async () => {
    const history = join(mkdtempSync(join(tmpdir(), "symgrad-history-")), "history");
    const first = await start({ SYMGRAD_HISTORY: history });
    await enter(first, "g = x^5");
    await enter(first, "diff(g, x)");
    first.press("Up", "Up");
    await first.waitForLastLine(`${PROMPT} g = x^5`);
    first.press("C-u");
    first.type(":quit");
    first.press("Enter");
    await first.waitFor(() => first.exited().dead, "the first session to end");
    expect(readFileSync(history, "utf8")).toBe("g = x^5\ndiff(g, x)\n:quit\n");

    const second = await start({ SYMGRAD_HISTORY: history });
    second.press("Up", "Up");
    await second.waitForLastLine(`${PROMPT} diff(g, x)`);
    second.press("Up");
    await second.waitForLastLine(`${PROMPT} g = x^5`);
    second.press("Enter");
    await second.waitFor((s) => s.includes("g = x^5\n" + PROMPT), "the recalled definition");
  }, 30_000);
});
