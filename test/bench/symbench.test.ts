import { describe, expect, it } from "vitest";
import { CASES, formatMs, formatRatio, ginshScript, median, parseGinshTimes, sympyScript, toSympySyntax } from "../../bench/symbench-lib/cases.mjs";
import { expand, parse } from "../../src/index.js";

describe("symbench helpers", () => {
  it("reads ginsh's time lines and ignores the others", () => {
    const times = parseGinshTimes("0.004878s\n1326\n0.015488s\n1.5e-05s\nsyntax error at =\n");
    expect(times).toHaveLength(3);
    [4.878, 15.488, 0.015].forEach((want, i) => expect(times[i]).toBeCloseTo(want, 9));
    expect(parseGinshTimes("")).toEqual([]);
  });

  it("writes a ginsh script with one timed line per repeat and an untimed setup for diff", () => {
    const d = CASES.find((c) => c.kind === "diff")!;
    const script = ginshScript(d, 3);
    expect(script.split("\n").filter((l) => l.startsWith("time("))).toHaveLength(3);
    expect(script.startsWith(`e=expand(${d.base}):\n`)).toBe(true);
    expect(script).toContain(`time(d=diff(e,${d.variable}));`);
    const x = CASES.find((c) => c.kind === "expand")!;
    expect(ginshScript(x, 2)).toBe(`time(e=expand(${x.base}));\ntime(e=expand(${x.base}));\nquit;\n`);
  });

  it("writes a SymPy script in Python syntax that clears SymPy's cache per run", () => {
    expect(toSympySyntax("(x^y + y^z)^50")).toBe("(x**y + y**z)**50");
    const s = sympyScript(CASES[0]!, 5, 1000);
    expect(s).toContain("clear_cache()");
    expect(s).toContain("expand((x**y + y**z + z**x)**50)");
    expect(s).not.toContain("^");
  });

  it.each([
    [[3, 1, 2], 2],
    [[4, 1, 3, 2], 2.5],
    [[], NaN],
  ])("median(%j) = %d", (xs, want) => {
    expect(median(xs)).toBe(want);
  });

  it.each([
    [12.345, "12.3 ms"],
    [1.5, "1.50 ms"],
    [2500, "2.50 s"],
    [NaN, "-"],
  ])("formatMs(%d) = %s", (ms, want) => {
    expect(formatMs(ms)).toBe(want);
  });

  it.each([
    [20, 10, "2.00x"],
    [1, 1000, "0.0010x"],
    [1, NaN, "-"],
    [NaN, 1, "-"],
    [1, 0, "-"],
  ])("formatRatio(%d, %d) = %s", (a, b, want) => {
    expect(formatRatio(a, b)).toBe(want);
  });

  it("states S3's term count correctly", () => {
    const s3 = CASES.find((c) => c.id === "S3")!;
    expect((expand(parse(s3.base)) as { args: readonly unknown[] }).args.length).toBe(s3.terms);
  });
});
