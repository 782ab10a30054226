// The examples, run through their main() and checked against closed forms computed here.
import { describe, expect, it } from "vitest";
import { main as linearModel } from "../../examples/linear-model.js";
import { DATA, main as logisticRegression } from "../../examples/logistic-regression.js";
import { parse } from "../../src/parse/parser.js";

describe("examples/linear-model", () => {
  it.each([
    [0.5, 0.25],
    [-1, 3],
    [2, 0],
  ])("from w = %d, b = %d matches the closed-form SGD step", (w, b) => {
    const r = linearModel(w, b);
    const residual = w * 1 + b - 2;
    expect(r.gradient.w).toBe(parse("2*x*(w*x + b - t)"));
    expect(r.gradient.b).toBe(parse("2*(w*x + b - t)"));
    expect(r.lossValue).toBeCloseTo(residual ** 2, 14);
    expect(r.gradientValue.w).toBeCloseTo(2 * residual, 14);
    expect(r.gradientValue.b).toBeCloseTo(2 * residual, 14);
    expect(r.updated.w).toBeCloseTo(w - 0.01 * 2 * residual, 14);
    expect(r.updated.b).toBeCloseTo(b - 0.01 * 2 * residual, 14);
  });
});

describe("examples/logistic-regression", () => {
  const r = logisticRegression();

  it("lowers the loss from log(2) at zero weights", () => {
    expect(r.initialLoss).toBeCloseTo(Math.LN2, 14);
    expect(r.finalLoss).toBeLessThan(0.5 * r.initialLoss);
  });

  it("reaches the same minimum as Newton's method", () => {
    for (const k of ["w1", "w2", "b"]) expect(Math.abs(r.weights[k]! - r.newtonWeights[k]!)).toBeLessThan(1e-6);
    expect(r.finalLoss - r.newtonLoss).toBeLessThan(1e-12);
  });

  it("classifies the training points", () => {
    const correct = DATA.filter(([x1, x2, y]) => Math.sign(r.weights.w1! * x1 + r.weights.w2! * x2 + r.weights.b!) === y).length;
    expect(r.accuracy).toBe(correct / DATA.length);
    expect(r.accuracy).toBeGreaterThanOrEqual(0.875);
  });
});
