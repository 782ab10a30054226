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

  it("carries out an inert derivative by a substituted variable, in subs and in a call", () => {
    let state = createSession();
    const out = ["g(t) = d/dt(t^3)", "g(2)", "subs(d/dt(t^3) + d/dx(x*t), t=2)", "h(t) = d/dt(sin(t)^2)", "h(pi/4)", "\\frac{d}{dt} t^3", "subs(ans, t=2)"].map(
      (line) => {
        const r = evaluateLine(state, line);
        state = r.state;
        expect(r.error).toBeUndefined();
        return r.output;
      },
    );
    expect(out).toEqual(["g(t) = d/dt(t^3)", "12", "d/dx(2*x) + 12", "h(t) = d/dt(sin(t)^2)", "1", "d/dt(t^3)", "12"]);
  });
});
