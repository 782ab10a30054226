// Adaptive repetition for the numeric benchmark: the time of one call as the median of batch means.
import { performance } from "node:perf_hooks";

export const TIMING = Object.freeze({
  /** Untimed calls first, so that the function is optimised by the JIT before it is timed. */
  warmupMs: 50,
  /** A batch lasts at least this long, so that timer resolution does not matter. */
  batchMs: 5,
  /** Timed batches continue until this much time is spent and `minBatches` are taken. */
  totalMs: 200,
  minBatches: 15,
});

export function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 === 1 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/** Results of timed calls flow here so that the JIT cannot drop the calls as dead code. */
export let sink = 0;

/**
 * Times `run` (which returns a number). Returns { ms, batches, calls }: `ms` is the median over
 * batches of the mean time of one call in the batch.
 */
export function measure(run, timing = TIMING) {
  const t = { ...TIMING, ...timing };
  let calls = 0;
  const w0 = performance.now();
  do {
    sink += run();
    calls++;
  } while (performance.now() - w0 < t.warmupMs);
  const per = (performance.now() - w0) / calls;
  const batch = Math.max(1, Math.ceil(t.batchMs / per));
  const means = [];
  const start = performance.now();
  while (means.length < t.minBatches || performance.now() - start < t.totalMs) {
    const b0 = performance.now();
    for (let i = 0; i < batch; i++) sink += run();
    means.push((performance.now() - b0) / batch);
    calls += batch;
  }
  return { ms: median(means), batches: means.length, calls };
}

/** Wall time of one call of `run`, in ms, with its result. */
export function once(run) {
  const t0 = performance.now();
  const result = run();
  return { ms: performance.now() - t0, result };
}
