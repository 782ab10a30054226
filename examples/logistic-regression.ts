/**
 * Logistic regression on eight labelled points in the plane, trained by `minimize` on the
 * compiled exact gradient. The loss is the mean logistic loss plus a small L2 penalty,
 *   L(w1, w2, b) = (1/8) sum_i log(1 + exp(-y_i (w1 x1_i + w2 x2_i + b))) + 0.01 (w1^2 + w2^2),
 * with labels y_i in {-1, 1}; it is strictly convex, so gradient descent and Newton's method reach
 * the same minimum.
 *
 * Run: npx tsx examples/logistic-regression.ts
 */
import { pathToFileURL } from "node:url";
import { evaluate } from "../src/numeric/evaluate.js";
import { minimize } from "../src/numeric/minimize.js";
import { parse } from "../src/parse/parser.js";

/** [x1, x2, label]. The L2 penalty keeps the minimum finite even where the data are separable. */
export const DATA: readonly (readonly [number, number, -1 | 1])[] = [
  [0.5, 1.5, 1],
  [1.0, 2.0, 1],
  [2.0, 1.0, 1],
  [1.5, 0.5, -1],
  [-0.5, -1.0, -1],
  [-1.0, 0.5, -1],
  [0.0, -1.5, -1],
  [-1.5, 1.0, 1],
];

const lit = (v: number) => `(${v})`;

export function lossFormula(): string {
  const terms = DATA.map(([x1, x2, y]) => `log(1 + exp(-${lit(y)}*(w1*${lit(x1)} + w2*${lit(x2)} + b)))`);
  return `(${terms.join(" + ")})/${DATA.length} + 0.01*(w1^2 + w2^2)`;
}

export interface LogisticResult {
  initialLoss: number;
  finalLoss: number;
  weights: Record<string, number>;
  iterations: number;
  newtonWeights: Record<string, number>;
  newtonLoss: number;
  /** Fraction of points whose predicted sign matches the label. */
  accuracy: number;
}

export function main(): LogisticResult {
  const loss = parse(lossFormula());
  const start = { w1: 0, w2: 0, b: 0 };
  const gd = minimize(loss, start, { method: "gd", steps: 500, tol: 1e-9 });
  const newton = minimize(loss, start, { method: "newton" });
  const correct = DATA.filter(([x1, x2, y]) => Math.sign(gd.x.w1! * x1 + gd.x.w2! * x2 + gd.x.b!) === y).length;
  return {
    initialLoss: evaluate(loss, start),
    finalLoss: gd.value,
    weights: gd.x,
    iterations: gd.iterations,
    newtonWeights: newton.x,
    newtonLoss: newton.value,
    accuracy: correct / DATA.length,
  };
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const r = main();
  console.log(`loss ${r.initialLoss} -> ${r.finalLoss} in ${r.iterations} gradient steps (Newton: ${r.newtonLoss})`);
  console.log(`weights ${JSON.stringify(r.weights)}; accuracy ${r.accuracy}`);
}
