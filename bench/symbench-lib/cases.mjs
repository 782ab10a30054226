// The symbench cases, written once per system. Each case is a setup (untimed) and a timed step; a
// diff case differentiates the expansion of its setup. Formulas follow symbench (S3, S3a) and
// Fateman's expand2; `terms` is the term count of the timed result, checked in symgrad.
export const CASES = [
  { id: "S3", what: "expand((x^y + y^z + z^x)^50)", kind: "expand", base: "(x^y + y^z + z^x)^50", terms: 1326 },
  { id: "S3 diff", what: "diff(S3, x), simplify: false", kind: "diff", base: "(x^y + y^z + z^x)^50", variable: "x" },
  { id: "S3a", what: "expand((x^y + y^z + z^x)^500)", kind: "expand", base: "(x^y + y^z + z^x)^500", terms: 125751, slow: true },
  { id: "S3a diff", what: "diff(S3a, x), simplify: false", kind: "diff", base: "(x^y + y^z + z^x)^500", variable: "x", slow: true },
  { id: "expand2", what: "expand(((x+y+z+w)^15 + w)*(x+y+z+w)^15)", kind: "expand", base: "((x + y + z + w)^15 + w)*(x + y + z + w)^15", terms: 6272 },
];

/** The targets: symgrad time / GiNaC time at most this, per case. */
export const GINAC_TARGETS = { S3: 2, "S3 diff": 1.5, S3a: 2, "S3a diff": 2, expand2: 1.5 };

/** The formula in SymPy's syntax (`**` for powers). */
export function toSympySyntax(formula) {
  return formula.replaceAll("^", "**");
}

/**
 * A ginsh script that times `repeats` runs of the case and prints one `time(...)` line each. The
 * setup of a diff case (its expansion) is done once, untimed (`:` silences its output).
 */
export function ginshScript(c, repeats) {
  const lines = [];
  if (c.kind === "expand") {
    for (let i = 0; i < repeats; i++) lines.push(`time(e=expand(${c.base}));`);
  } else {
    lines.push(`e=expand(${c.base}):`);
    for (let i = 0; i < repeats; i++) lines.push(`time(d=diff(e,${c.variable}));`);
  }
  lines.push("quit;");
  return lines.join("\n") + "\n";
}

/** Milliseconds from ginsh's `time(...)` lines ("0.004878s"); other lines are ignored. */
export function parseGinshTimes(output) {
  const out = [];
  for (const line of output.split("\n")) {
    const m = /^\s*(\d+(?:\.\d+)?(?:e[-+]?\d+)?)s\s*$/.exec(line);
    if (m) out.push(Number(m[1]) * 1000);
  }
  return out;
}

/**
 * A Python script that times the case in SymPy: it prints one line of JSON with the run times in
 * milliseconds; SymPy's cache is cleared before each run. It stops repeating once the runs so far took more than `budgetMs`.
 */
export function sympyScript(c, repeats, budgetMs) {
  const base = toSympySyntax(c.base);
  const timed = c.kind === "expand" ? `expand(${base})` : `e.diff(${c.variable})`;
  return [
    "import json, time",
    "from sympy import symbols, expand",
    "from sympy.core.cache import clear_cache",
    "x, y, z, w = symbols('x y z w')",
    c.kind === "diff" ? `e = expand(${base})` : "",
    "times = []",
    `for _ in range(${repeats}):`,
    "    clear_cache()",
    "    t = time.perf_counter()",
    `    r = ${timed}`,
    "    times.append((time.perf_counter() - t) * 1000)",
    `    if sum(times) > ${budgetMs}: break`,
    "print(json.dumps(times))",
  ].join("\n");
}

export function median(xs) {
  if (xs.length === 0) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 === 1 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/** "12.3 ms" / "1.23 s" for a time in milliseconds. */
export function formatMs(ms) {
  if (!Number.isFinite(ms)) return "-";
  if (ms >= 1000) return `${(ms / 1000).toFixed(2)} s`;
  if (ms >= 10) return `${ms.toFixed(1)} ms`;
  return `${ms.toFixed(2)} ms`;
}

/** symgrad's time over a peer's, as "1.23x", or "-" when either is missing. */
export function formatRatio(ours, theirs) {
  if (!Number.isFinite(ours) || !Number.isFinite(theirs) || theirs <= 0) return "-";
  const r = ours / theirs;
  return `${r >= 0.01 ? r.toFixed(2) : r.toPrecision(2)}x`;
}
