/**
 * The intern tables hold nodes weakly: a node that is referenced stays the one structurally equal
 * node (`===` survives garbage collection and generation rotations), and nodes nobody references
 * are forgotten, so the tables' size follows the live nodes.
 */
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { add, internTableSize, mul, num, pow, sym } from "../../src/core/build.js";
import type { Expr } from "../../src/core/node.js";
import { generation } from "../../src/core/weak-intern.js";
import { diff, parse } from "../../src/index.js";

setFlagsFromString("--expose-gc");
const gc = runInNewContext("gc") as () => void;

/** Ends the current job (V8 keeps WeakRef targets alive until then) and collects garbage. */
async function collect(): Promise<void> {
  for (let i = 0; i < 2; i++) {
    await new Promise((r) => setImmediate(r));
    gc();
  }
}

const x = sym("x");

/** `count` distinct nodes nobody keeps: x + k for k from `from`. */
function churn(from: number, count: number): void {
  for (let k = from; k < from + count; k++) add(x, num(k));
}

/** A small young generation, so that a few thousand nodes rotate it several times. */
const CAPACITY = 2048;
let saved = 0;

describe("weak interning", () => {
  beforeAll(() => {
    saved = generation.capacity;
    generation.capacity = CAPACITY;
  });
  afterAll(() => {
    generation.capacity = saved;
  });

  it("keeps a referenced node the unique one through collections and rotations", async () => {
    const kept: Expr = parse("sin(x)^2*exp(y) + 12345678*x/(x + 987654321)");
    const keptDerivative = diff(kept, "x");
    for (let round = 0; round < 4; round++) {
      churn(10_000_000 + round * CAPACITY * 2, CAPACITY * 2);
      await collect();
    }
    expect(parse("sin(x)^2*exp(y) + 12345678*x/(x + 987654321)")).toBe(kept);
    expect(diff("sin(x)^2*exp(y) + 12345678*x/(x + 987654321)", "x")).toBe(keptDerivative);
    // The subexpressions of the kept node are the ones the builder finds again.
    const quotient = mul(num(12345678), x, pow(add(x, num(987654321)), num(-1)));
    expect(kept.args).toContain(quotient);
  });

  it("forgets nodes nobody references", async () => {
    await collect();
    const before = internTableSize();
    const n = CAPACITY * 8;
    churn(50_000_000, n);
    await collect();
    // More rotations so that the sweep runs over the collected entries.
    churn(60_000_000, CAPACITY * 4);
    await collect();
    churn(70_000_000, CAPACITY * 4);
    const after = internTableSize();
    // 16 * CAPACITY nodes (and their numbers) were created; strong tables would hold all.
    expect(after - before).toBeLessThan(CAPACITY * 12);
  });
});
