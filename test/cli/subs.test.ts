// subs through the command table: on the command line and in the REPL, values are expressions
// and every binding is substituted at once.
import { beforeAll, describe, expect, it } from "vitest";
import { createSession, evaluateLine } from "../../src/cli/session.js";
import { ensureBuilt, runCli } from "./support.js";

beforeAll(() => {
  ensureBuilt();
}, 120_000);

describe("subs in the front ends", () => {
  it("substitutes on the command line", async () => {
    expect(await runCli(["subs", "sin(x)*y", "x=pi/2", "y=z^2"])).toMatchObject({ code: 0, stdout: "z^2\n" });
    expect(await runCli(["subs", "x + y", "x=y", "y=x"])).toMatchObject({ code: 0, stdout: "x + y\n" });
  });

  it("substitutes in the REPL, with definitions and nested commands", () => {
    let state = createSession();
    const out = ["f = x^2 + y", "subs(f, x=3, y=z)", "subs(diff(sin(x), x), x=pi)"].map((line) => {
      const r = evaluateLine(state, line);
      state = r.state;
      return r.output;
    });
    expect(out).toEqual(["f = x^2 + y", "z + 9", "-1"]);
  });
});
