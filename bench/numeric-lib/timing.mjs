// Adaptive repetition for the numeric benchmark: the time of one call as the median of batch means.
import { performance } from "node:perf_hooks";

export const TIMING = Object.freeze({
  /**
   * Untimed warm-up, so that the steady state (the JIT's optimised code) is timed: at least
   * `warmupMs`, and until no batch has brought a new best mean (better by more than 2%) for
   * `stableMs` and for half the warm-up so far; at most `maxWarmupMs`. It is long because V8
   * optimises a generated function of a few thousand statements on a background thread in
   * 50-200 ms of CPU time, much longer in wall time on a loaded machine, and the plateau of the
   * baseline code before that would otherwise look stable.
   */
  warmupMs: 1000,
  stableMs: 500,
  maxWarmupMs: 6000,
  /**
   * A batch lasts at least this long, so that timer resolution (about 1 µs) does not matter; it
   * is short so that interleaved batches of different functions run under the same machine load.
   */
  batchMs: 0.25,
  /** Timed batches continue until this much time is spent and `minBatches` are taken. */
  totalMs: 200,
  minBatches: 15,
});

export function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 === 1 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/**
 * Results of timed calls flow here so that the JIT cannot drop the calls as dead code; exported
 * so that it is observable from outside.
 * @public
 */
export let sink = 0;

/** Calls `run` `n` times; returns the mean time of one call. */
function batchMean(run, n) {
  const b0 = performance.now();
  for (let i = 0; i < n; i++) sink += run();
  return (performance.now() - b0) / n;
}

/** Warms `run` up (see TIMING); returns the batch size for timing it and the warm-up time. */
function warmUp(run, t) {
  const w0 = performance.now();
  let batch = 1;
  let best = Infinity;
  let bestAt = 0;
  for (;;) {
    const mean = batchMean(run, batch);
    batch = Math.max(1, Math.ceil(t.batchMs / mean));
    const elapsed = performance.now() - w0;
    if (mean < best * 0.98) bestAt = elapsed;
    best = Math.min(best, mean);
    const stable = elapsed - bestAt;
    if (elapsed >= t.maxWarmupMs || (elapsed >= t.warmupMs && stable >= t.stableMs && stable >= elapsed / 2)) return { batch, warmupMs: elapsed };
  }
}

/**
 * Times each function of `runs` (name -> function returning a number) in its steady state.
 * After each is warmed up, the timed batches are interleaved (one batch of each per round), so
 * that a change in machine load affects all of them alike and their ratios stay meaningful.
 * Returns name -> { ms, means, batches, warmupMs }: `means[r]` is the mean time of one call in
 * that function's batch of round r, `ms` their median. Rounds continue until `totalMs` per function and
 * `minBatches` rounds.
 */
export function measure(runs, timing = TIMING) {
  const t = { ...TIMING, ...timing };
  const names = Object.keys(runs);
  const warm = Object.fromEntries(names.map((k) => [k, warmUp(runs[k], t)]));
  const means = Object.fromEntries(names.map((k) => [k, []]));
  const start = performance.now();
  let rounds = 0;
  while (rounds < t.minBatches || performance.now() - start < t.totalMs * names.length) {
    for (const k of names) means[k].push(batchMean(runs[k], warm[k].batch));
    rounds++;
  }
  return Object.fromEntries(names.map((k) => [k, { ms: median(means[k]), means: means[k], batches: rounds, warmupMs: warm[k].warmupMs }]));
}

/** Wall time of one call of `run`, in ms, with its result. */
export function once(run) {
  const t0 = performance.now();
  const result = run();
  return { ms: performance.now() - t0, result };
}
