import * as mathjsModule from "mathjs";
import { describe, expect, it } from "vitest";
import { loadMathjs, toMathjs, useMathjs } from "../../src/index.js";

describe("loading mathjs", () => {
  it("loads it with loadMathjs (idempotent) and with a synchronous require in Node", async () => {
    await loadMathjs();
    await loadMathjs();
    expect(toMathjs("x^2").toString()).toBe("x ^ 2");
  });

  it("accepts the mathjs module object with useMathjs", () => {
    useMathjs(mathjsModule);
    expect(toMathjs("sin(x)").evaluate({ x: 0 })).toBe(0);
  });

  it.each([[{}], [null], [{ create: () => 0 }], [42]])("refuses %j with a TypeError", (m) => {
    expect(() => useMathjs(m as never)).toThrow(new TypeError('useMathjs expects the mathjs module (import * as mathjs from "mathjs")'));
  });
});
