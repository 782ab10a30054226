// Pure helpers of the benchmark: statistics, the numeric check of a result against reference
// values, and aggregation of per-problem records into the report's rows. No I/O, no timing.

/** Tolerance of the numeric check: |got - want| <= REL * |want| + ABS. */
export const REL_TOL = 1e-9;
export const ABS_TOL = 1e-12;

/** The median of a non-empty list of finite numbers (mean of the middle two for even length); NaN when empty. */
export function median(xs) {
  const v = xs.filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
  if (v.length === 0) return NaN;
  const mid = v.length >> 1;
  return v.length % 2 === 1 ? v[mid] : (v[mid - 1] + v[mid]) / 2;
}

/**
 * Least-squares slope and intercept of log(y) against log(x) over the points with x > 0 and
 * y > 0: y ~ c * x^exponent. Needs at least two distinct x; otherwise exponent is NaN.
 */
export function fitPowerLaw(points) {
  const ps = points.filter((p) => p.x > 0 && p.y > 0 && Number.isFinite(p.x) && Number.isFinite(p.y));
  const n = ps.length;
  if (n < 2) return { exponent: NaN, coefficient: NaN, points: n };
  let sx = 0,
    sy = 0;
  for (const p of ps) {
    sx += Math.log(p.x);
    sy += Math.log(p.y);
  }
  const mx = sx / n,
    my = sy / n;
  let sxx = 0,
    sxy = 0;
  for (const p of ps) {
    const dx = Math.log(p.x) - mx;
    sxx += dx * dx;
    sxy += dx * (Math.log(p.y) - my);
  }
  if (sxx === 0) return { exponent: NaN, coefficient: NaN, points: n };
  const exponent = sxy / sxx;
  return { exponent, coefficient: Math.exp(my - exponent * mx), points: n };
}

/**
 * The growth exponent of a scaling family: the log-log slope over the `tail` largest sizes whose
 * value is at least `floor` (tiny times are dominated by fixed overhead and timer noise).
 */
export function growthExponent(points, { tail = 4, floor = 0 } = {}) {
  const usable = points.filter((p) => p.y >= floor && p.y > 0).sort((a, b) => a.x - b.x);
  return fitPowerLaw(usable.slice(-tail)).exponent;
}

/** Whether `got` matches the reference `want` within the tolerance; non-finite `got` never matches. */
export function closeTo(got, want, rel = REL_TOL, abs = ABS_TOL) {
  if (typeof got !== "number" || !Number.isFinite(got)) return false;
  return Math.abs(got - want) <= rel * Math.abs(want) + abs;
}

/**
 * Compares computed values with the corpus checks. `values[c][k]` is the k-th result evaluated at
 * check point c (a number, or a string describing why it could not be evaluated). Returns
 * { ok, firstMismatch } where firstMismatch is { check, index, got, want } or null.
 */
export function checkValues(values, checks) {
  if (!Array.isArray(values) || values.length !== checks.length) {
    return { ok: false, firstMismatch: { check: -1, index: -1, got: `${values?.length ?? 0} check rows`, want: checks.length } };
  }
  for (let c = 0; c < checks.length; c++) {
    const want = checks[c].values;
    const got = values[c];
    if (!Array.isArray(got) || got.length !== want.length) {
      return { ok: false, firstMismatch: { check: c, index: -1, got: `${got?.length ?? 0} results`, want: want.length } };
    }
    for (let k = 0; k < want.length; k++) {
      if (!closeTo(got[k], want[k])) return { ok: false, firstMismatch: { check: c, index: k, got: got[k], want: want[k] } };
    }
  }
  return { ok: true, firstMismatch: null };
}

/** The outcome classes of one system on one problem. */
export const OUTCOMES = ["correct", "wrong", "error", "timeout"];

/**
 * Aggregates per-problem records into one row per (group, system).
 * `records`: { problem: { id, category, sympy_size }, results: { [system]: { outcome, medianMs, size } } }.
 * Ratios: time = median over problems of peerMs / baselineMs where both were correct (a wrong
 * answer is not a speed);
 * size = median over problems of size / sympy_size where the system was correct and sympy_size is known.
 */
export function summarize(records, systems, baseline, groupOf = (r) => r.problem.category) {
  const groups = new Map();
  for (const r of records) {
    for (const g of [groupOf(r), "overall"]) {
      if (!groups.has(g)) groups.set(g, []);
      groups.get(g).push(r);
    }
  }
  const rows = [];
  for (const [group, rs] of groups) {
    for (const s of systems) {
      const counts = Object.fromEntries(OUTCOMES.map((o) => [o, 0]));
      const timeRatios = [];
      const sizeRatios = [];
      const times = [];
      for (const r of rs) {
        const res = r.results[s];
        if (res === undefined) continue;
        counts[res.outcome]++;
        const finished = res.outcome === "correct" || res.outcome === "wrong";
        if (finished) times.push(res.medianMs);
        const base = r.results[baseline];
        if (res.outcome === "correct" && base?.outcome === "correct" && base.medianMs > 0) timeRatios.push(res.medianMs / base.medianMs);
        const ref = r.problem.sympy_size;
        if (res.outcome === "correct" && typeof ref === "number" && ref > 0 && Number.isFinite(res.size)) {
          sizeRatios.push(res.size / ref);
        }
      }
      rows.push({
        group,
        system: s,
        problems: rs.length,
        ...counts,
        medianMs: median(times),
        timeRatio: s === baseline ? 1 : median(timeRatios),
        timeRatioN: timeRatios.length,
        sizeRatio: median(sizeRatios),
        sizeRatioN: sizeRatios.length,
      });
    }
  }
  return rows;
}

/** A number in a table cell: 3 significant digits, "—" when not a finite number. */
export function fmt(x, digits = 3) {
  if (typeof x !== "number" || !Number.isFinite(x)) return "—";
  if (x === 0) return "0";
  const a = Math.abs(x);
  if (a >= 1e5 || a < 1e-3) return x.toExponential(digits - 1);
  return Number(x.toPrecision(digits)).toString();
}
