/**
 * Soak test of bounded memory: differentiates and simplifies N distinct random formulas in one
 * process and reports the heap after a forced GC. Run it with
 *
 *   node --expose-gc --import tsx bench/soak.ts [count] [src-dir]
 *
 * (count defaults to 200,000). The heap is sampled after every 10,000 formulas; the run fails (exit
 * code 1) when a sample exceeds the sample after the first 10,000 by more than 100 MB. The loop
 * yields to the event loop before each sample: V8 keeps the target of a `WeakRef` created or
 * dereferenced in the current job alive until the job ends, so memory is released between jobs.
 */
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { rng } from "./lib/rng.js";

const count = Number(process.argv[2] ?? 200_000);
const srcDir = resolve(process.argv[3] ?? new URL("../src", import.meta.url).pathname);
const SAMPLE_EVERY = 10_000;
const BOUND_MB = 100;

const gc = (globalThis as { gc?: () => void }).gc;
if (gc === undefined) throw new Error("run with node --expose-gc");
const api = (await import(pathToFileURL(`${srcDir}/index.ts`).href)) as typeof import("../src/index.js");

const random = rng(14);
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)]!;
const FUNCTIONS = ["sin", "cos", "exp", "log", "tan", "sqrt", "atan", "sinh", "abs"] as const;
const VARS = ["x", "y", "z"] as const;

/** A random formula; formula i contains the coefficient i + 2, so every formula is distinct. */
function formula(i: number, depth = 3): string {
  const leaf = (): string => (random() < 0.6 ? pick(VARS) : String(1 + Math.floor(random() * 97)));
  const build = (d: number): string => {
    if (d === 0) return leaf();
    switch (Math.floor(random() * 5)) {
      case 0:
        return `(${build(d - 1)} + ${build(d - 1)})`;
      case 1:
        return `${build(d - 1)}*${build(d - 1)}`;
      case 2:
        return `${build(d - 1)}^${1 + Math.floor(random() * 4)}`;
      case 3:
        return `${pick(FUNCTIONS)}(${build(d - 1)})`;
      default:
        return `${build(d - 1)}/(${build(d - 1)} + ${1 + Math.floor(random() * 9)})`;
    }
  };
  return `${i + 2}*${build(depth)} + ${build(depth - 1)}`;
}

const heapMb = (): number => process.memoryUsage().heapUsed / 2 ** 20;
const samples: { formulas: number; heapMb: number; seconds: number }[] = [];
const t0 = performance.now();
let errors = 0;
for (let i = 0; i < count; i++) {
  const text = formula(i);
  try {
    const e = api.parse(text);
    api.diff(e, pick(VARS));
    api.simplify(e);
  } catch (err) {
    if (!(err instanceof api.SymgradError)) throw err;
    errors++;
  }
  if ((i + 1) % SAMPLE_EVERY === 0) {
    await new Promise((r) => setImmediate(r));
    gc();
    samples.push({ formulas: i + 1, heapMb: Number(heapMb().toFixed(1)), seconds: Number(((performance.now() - t0) / 1000).toFixed(1)) });
    console.log(JSON.stringify(samples[samples.length - 1]));
  }
}
const base = samples[0]?.heapMb ?? heapMb();
const peak = Math.max(...samples.map((s) => s.heapMb));
const ok = peak - base <= BOUND_MB;
console.log(
  JSON.stringify({
    formulas: count,
    typedErrors: errors,
    heapAfterFirstMb: base,
    peakMb: peak,
    lastMb: samples[samples.length - 1]?.heapMb,
    growthMb: Number((peak - base).toFixed(1)),
    boundMb: BOUND_MB,
    ok,
  }),
);
if (!ok) process.exitCode = 1;
