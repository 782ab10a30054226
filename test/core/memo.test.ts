import { describe, expect, it } from "vitest";
import { clearCaches, NodeMemo, registerCache } from "../../src/core/memo.js";
import { parse } from "../../src/parse/parser.js";
import { diff, simplify } from "../../src/index.js";
import { print } from "../../src/print/plain.js";

describe("clearCaches", () => {
  it("empties every NodeMemo", () => {
    const memo = new NodeMemo<number>();
    const x = parse("x + 1");
    memo.set(x, 7);
    expect(memo.get(x)).toBe(7);
    clearCaches();
    expect(memo.get(x)).toBeUndefined();
  });

  it("calls every registered clearer", () => {
    const table = new Map([[1, 2]]);
    registerCache(() => table.clear());
    clearCaches();
    expect(table.size).toBe(0);
  });

  it.each([
    ["sin(2*x)/(1+cos(x))", "x"],
    ["x/(1+x/(1+x))", "x"],
    ["exp(x)*sin(x)*x^2", "x"],
  ])("gives the same results cold as warm: d/d%s", (text, v) => {
    const warm = diff(text, v);
    expect(diff(text, v)).toBe(warm);
    clearCaches();
    const cold = diff(text, v);
    expect(cold).toBe(warm); // interned: the same node, not merely an equal print
    expect(print(simplify(cold))).toBe(print(warm));
  });
});
