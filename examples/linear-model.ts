/**
 * A linear model y = w*x + b with squared-error loss (w*x + b - t)^2: its exact gradient in w and
 * b, and one SGD step at learning rate 0.01 for the sample x = 1, t = 2.
 *
 * Closed form: with r = w*x + b - t, dL/dw = 2*r*x and dL/db = 2*r, so the step is
 * w' = w - 0.01*2*r*x, b' = b - 0.01*2*r.
 *
 * Run: npx tsx examples/linear-model.ts
 */
import { pathToFileURL } from "node:url";
import { gradientExprs } from "../src/calculus/gradient.js";
import type { Expr } from "../src/core/node.js";
import { valueAndGrad } from "../src/numeric/compile.js";
import { parse } from "../src/parse/parser.js";
import { print } from "../src/print/plain.js";

export interface LinearModelStep {
  loss: Expr;
  /** d loss / d w and d loss / d b, exact. */
  gradient: { w: Expr; b: Expr };
  /** Loss and gradient at (w, b) for the sample. */
  lossValue: number;
  gradientValue: { w: number; b: number };
  /** (w, b) after one SGD step. */
  updated: { w: number; b: number };
}

export function main(w = 0.5, b = 0.25, sample = { x: 1, t: 2 }, lr = 0.01): LinearModelStep {
  const loss = parse("(w*x + b - t)^2");
  const [dw, db] = gradientExprs(loss, ["w", "b"]) as [Expr, Expr];
  // Data enter as extra inputs of the compiled function; the gradient is taken in w and b only.
  const lossAndGrad = valueAndGrad(loss, ["w", "b", "x", "t"]);
  const { value, gradient } = lossAndGrad([w, b, sample.x, sample.t]);
  const gw = gradient[0]!;
  const gb = gradient[1]!;
  return {
    loss,
    gradient: { w: dw, b: db },
    lossValue: value,
    gradientValue: { w: gw, b: gb },
    updated: { w: w - lr * gw, b: b - lr * gb },
  };
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const r = main();
  console.log(`loss            ${print(r.loss)}`);
  console.log(`d loss / d w    ${print(r.gradient.w)}`);
  console.log(`d loss / d b    ${print(r.gradient.b)}`);
  console.log(`at w=0.5, b=0.25, x=1, t=2: loss ${r.lossValue}, gradient (${r.gradientValue.w}, ${r.gradientValue.b})`);
  console.log(`after one SGD step (lr 0.01): w=${r.updated.w}, b=${r.updated.b}`);
}
