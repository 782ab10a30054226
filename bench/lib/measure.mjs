// Adaptive repetition: how long one call of `run` takes, as the median of batch means.
import { performance } from "node:perf_hooks";
import { median } from "./stats.mjs";

export const DEFAULT_TIMING = Object.freeze({
  /** Time spent on calls that are thrown away (JIT warm-up) after the first call. */
  warmupMs: 10,
  /** Time spent on timed calls; sampling stops once this is reached and minSamples are taken. */
  targetMs: 30,
  minSamples: 5,
  maxSamples: 200,
  /** A batch of calls lasts at least this long, so that timer resolution does not matter. */
  batchMs: 0.5,
  /** A first call at least this slow is not repeated: its time is the measurement. */
  slowMs: 200,
});

/**
 * Times `run` after a first call that took `firstMs`. Returns { medianMs, samples, calls }.
 * Contract: each sample is the mean time of one call in a batch; the result is their median.
 */
export function measure(run, firstMs, timing = DEFAULT_TIMING) {
  const t = { ...DEFAULT_TIMING, ...timing };
  if (firstMs >= t.slowMs) return { medianMs: firstMs, samples: 1, calls: 1 };
  let calls = 1;
  let per = Math.max(firstMs, 1e-4);
  if (t.warmupMs > 0) {
    const w0 = performance.now();
    let n = 0;
    while (performance.now() - w0 < t.warmupMs) {
      run();
      n++;
    }
    calls += n;
    per = Math.max((performance.now() - w0) / n, 1e-4);
  }
  const batch = Math.max(1, Math.ceil(t.batchMs / per));
  const samples = [];
  const start = performance.now();
  while (samples.length < t.maxSamples && (samples.length < t.minSamples || performance.now() - start < t.targetMs)) {
    const b0 = performance.now();
    for (let i = 0; i < batch; i++) run();
    samples.push((performance.now() - b0) / batch);
    calls += batch;
    // A call that is slower than the whole target gets minSamples at most.
    if (per * batch * t.minSamples > 4 * t.targetMs && samples.length >= 3) break;
  }
  return { medianMs: median(samples), samples: samples.length, calls };
}
