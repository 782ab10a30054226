// The printed form of a dozen derivations, pinned in explain-golden.txt (reviewed by reading it:
// each derivation should be one a teacher accepts). `UPDATE_GOLDEN=1 npx vitest run
// test/calculus/explain-golden.test.ts` rewrites the file after a deliberate change; review the diff.
import { readFileSync, writeFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { explainDiff } from "../../src/api/explain.js";
import { formatSteps } from "../../src/print/steps.js";

/** [input, variable(s), order]. */
const CASES: [string, string | string[], number?][] = [
  ["x^2*sin(x)", "x"],
  ["sin(x^2)", "x"],
  ["3*x^2 + 5*x - 7", "x"],
  ["x/(x + 1)", "x"],
  ["sqrt(1 + x^2)", "x"],
  ["log(cos(x))", "x"],
  ["atan(2*x)", "x"],
  ["tanh(x)^3", "x"],
  ["exp(-x^2/2)", "x"],
  ["x^x", "x"],
  ["exp(x)*sin(x^2 + 3*x)", "x"],
  ["exp(sin(x^2 + 3*x)) + sin(x^2 + 3*x)^2", "x"],
  ["x*abs(x)", "x"],
  ["x^3*y^2", ["x", "y"]],
  ["tan(x)", "x", 2],
];

const FILE = new URL("./explain-golden.txt", import.meta.url);

function golden(): string {
  return CASES.map(([e, v, order]) => {
    const call = `explainDiff(${JSON.stringify(e)}, ${JSON.stringify(v)}${order === undefined ? "" : `, { order: ${order} }`})`;
    return `== ${call}\n${formatSteps(explainDiff(e, v, order === undefined ? {} : { order }))}\n`;
  }).join("\n");
}

describe("golden derivations", () => {
  it("print as pinned in explain-golden.txt", () => {
    const text = golden();
    if (process.env.UPDATE_GOLDEN === "1") writeFileSync(FILE, text);
    expect(text).toBe(readFileSync(FILE, "utf8"));
  });

  it("shows the product, power and trig rules for x^2*sin(x), the chain rule with its inner derivative for sin(x^2)", () => {
    expect(explainDiff("x^2*sin(x)", "x").steps.map((s) => s.rule)).toEqual(["product", "power", "trig", "simplify"]);
    const chain = explainDiff("sin(x^2)", "x").steps;
    expect(chain.map((s) => [s.rule, s.via])).toEqual([
      ["chain", "trig"],
      ["power", undefined],
    ]);
    expect(String(chain[0]!.expr)).toBe("cos(x^2)*d/dx(x^2)");
  });
});
