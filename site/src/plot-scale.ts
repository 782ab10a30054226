/** The pure parts of the plot (no DOM): the y range, tick values and the undefined runs. */

/** The [lo, hi] of the finite values of `ys` between the `p` and 1 - `p` quantiles, or null. */
function bulk(ys: readonly number[], p: number): [number, number] | null {
  const finite = ys.filter((y) => Number.isFinite(y)).sort((a, b) => a - b);
  if (finite.length === 0) return null;
  return [finite[Math.floor(finite.length * p)]!, finite[Math.max(0, Math.ceil(finite.length * (1 - p)) - 1)]!];
}

/**
 * The y interval shown: the bulk (5% to 95% quantiles) of f, widened to the bulk of f' unless that
 * would make f's span less than a quarter of the plot (a pole of f' must not flatten f), padded.
 */
export function yRange(f: readonly number[], df: readonly number[] = []): [number, number] {
  const a = bulk(f, 0.05) ?? bulk(df, 0.05);
  if (a === null) return [-1, 1];
  let [lo, hi] = a;
  const b = bulk(df, 0.05);
  if (b !== null) {
    const [l2, h2] = [Math.min(lo, b[0]), Math.max(hi, b[1])];
    if (h2 - l2 <= 4 * Math.max(hi - lo, 1e-9)) [lo, hi] = [l2, h2];
  }
  if (hi - lo < 1e-9 * Math.max(1, Math.abs(hi))) {
    lo -= 1;
    hi += 1;
  }
  const pad = (hi - lo) * 0.08;
  return [lo - pad, hi + pad];
}

/** Nice tick values covering [lo, hi]. */
export function ticks(lo: number, hi: number, count = 6): number[] {
  const step0 = (hi - lo) / count;
  const mag = 10 ** Math.floor(Math.log10(step0));
  const step = [1, 2, 5, 10].map((m) => m * mag).find((s) => s >= step0)!;
  const out: number[] = [];
  for (let k = Math.ceil(lo / step - 1e-9); k * step <= hi + step * 1e-9; k++) out.push(k === 0 ? 0 : Number((k * step).toPrecision(12)));
  return out;
}

/** Index ranges [i, j] of consecutive NaN entries. */
export function runsOfNaN(ys: readonly number[]): [number, number][] {
  const runs: [number, number][] = [];
  for (let i = 0; i < ys.length; i++) {
    if (!Number.isNaN(ys[i]!)) continue;
    let j = i;
    while (j + 1 < ys.length && Number.isNaN(ys[j + 1]!)) j++;
    runs.push([i, j]);
    i = j;
  }
  return runs;
}
