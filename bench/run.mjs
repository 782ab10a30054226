// The benchmark: symgrad against mathjs, nerdamer and Algebrite on the corpus and on scaling
// families, with every result checked numerically. Writes bench/RESULTS.md, bench/scaling.svg and
// bench/results.json. Run with `npm run bench` (builds dist/ first).
//
//   node bench/run.mjs [--quick] [--systems=symgrad,mathjs] [--categories=poly,trig]
//                      [--no-corpus] [--no-scaling] [--limit=ms] [--scaling-limit=ms]
//                      [--symgrad-scaling-limit=ms]
//
// What is timed: string in -> derivative object out (parse + differentiate + the system's own
// default simplification), each system in its own worker thread, the median of batches after a
// warm-up (see lib/measure.mjs). Printing and checking are not timed. The first (cold) call is
// recorded as well and reported separately.
import { readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import { fileURLToPath } from "node:url";
import { FAMILIES } from "./lib/families.mjs";
import { Pool } from "./lib/pool.mjs";
import { categoryTables, renderSvg, scalingSpec, summaryTable, table } from "./lib/report.mjs";
import { fmt, growthExponent, median, summarize } from "./lib/stats.mjs";
import { SYSTEM_NAMES } from "./lib/systems.mjs";

const BASELINE = "symgrad";
const RAW = "symgrad-raw";
const here = (p) => fileURLToPath(new URL(p, import.meta.url));

/**
 * The marker of the simplifier section at the end of RESULTS.md: figures of bench/simplify-size.ts
 * (size ratios to SymPy on the corpus and the generated sets, diff + simplify time over diff),
 * written by hand after a run of it. A run of this script keeps that section as it is.
 */
const SIMPLIFIER_MARKER = "<!-- simplifier figures from bench/simplify-size.ts: kept by bench/run.mjs -->";

function keptSimplifierSection() {
  let old;
  try {
    old = readFileSync(here("./RESULTS.md"), "utf8");
  } catch {
    return [];
  }
  const i = old.indexOf(SIMPLIFIER_MARKER);
  return i < 0 ? [] : [old.slice(i)];
}

function parseArgs(argv) {
  const opts = {
    quick: false,
    corpus: true,
    scaling: true,
    systems: SYSTEM_NAMES,
    categories: null,
    limitMs: null,
    scalingLimitMs: null,
    baselineScalingLimitMs: null,
  };
  for (const a of argv) {
    const [k, v] = a.split("=", 2);
    if (k === "--quick") opts.quick = true;
    else if (k === "--no-corpus") opts.corpus = false;
    else if (k === "--no-scaling") opts.scaling = false;
    else if (k === "--systems") opts.systems = v.split(",");
    else if (k === "--categories") opts.categories = v.split(",");
    else if (k === "--limit") opts.limitMs = Number(v);
    else if (k === "--scaling-limit") opts.scalingLimitMs = Number(v);
    else if (k === "--symgrad-scaling-limit") opts.baselineScalingLimitMs = Number(v);
    else throw new Error(`unknown option ${a}`);
  }
  if (!opts.systems.includes(BASELINE)) opts.systems = [BASELINE, ...opts.systems];
  for (const s of opts.systems) if (!SYSTEM_NAMES.includes(s)) throw new Error(`unknown system ${s}`);
  // Limits chosen so that the full run stays under 10 minutes on 2 cores; symgrad, the subject of
  // the scaling study, gets a longer limit there so that its largest sizes are measured.
  opts.limitMs ??= opts.quick ? 1000 : 2000;
  opts.scalingLimitMs ??= opts.quick ? 1000 : 3000;
  opts.baselineScalingLimitMs ??= opts.quick ? 5000 : 30000;
  opts.timing = opts.quick ? { warmupMs: 2, targetMs: 5, minSamples: 3, slowMs: 50 } : { warmupMs: 5, targetMs: 20, minSamples: 5, slowMs: 100 };
  // A scaling size is one formula run many times in a row: a longer warm-up and more timed calls,
  // so that the small sizes are not timed while the JIT is still compiling the family's code paths
  // (which would flatten the fitted growth exponents).
  opts.scalingTiming = opts.quick ? opts.timing : { warmupMs: 30, targetMs: 150, minSamples: 5, slowMs: 500 };
  // The scaling study also times symgrad without simplification, to separate the derivative's growth from the simplifier's.
  opts.scalingSystems = [BASELINE, RAW, ...opts.systems.filter((s) => s !== BASELINE)];
  return opts;
}

const log = (...a) => process.stderr.write(a.join(" ") + "\n");

function selectProblems(corpus, opts) {
  let ps = corpus.problems;
  if (opts.categories) ps = ps.filter((p) => opts.categories.includes(p.category));
  if (opts.quick) {
    // The first problem of each category (the smallest).
    const seen = new Set();
    ps = ps.filter((p) => !seen.has(p.category) && seen.add(p.category));
  }
  return ps;
}

const taskOf = (p) => ({ expr: p.expr, vars: p.vars, ...(p.order !== undefined ? { order: p.order } : {}), checks: p.checks });

async function runCorpus(pool, problems, opts) {
  const records = [];
  const t0 = Date.now();
  // Within a generated family a larger size only costs more: after a peer's timeout at size n, the
  // larger members count as its timeouts without being run (this keeps the run under 10 minutes).
  // symgrad runs every problem.
  const timedOutAt = new Map();
  for (const [i, p] of problems.entries()) {
    const results = {};
    for (const s of opts.systems) {
      // A sized problem without a family name belongs to its category's unnamed family.
      const family = p.family ?? (p.size !== undefined ? `${p.category} (unnamed)` : undefined);
      const key = `${s}/${family}`;
      if (s !== BASELINE && family !== undefined && timedOutAt.has(key) && p.size >= timedOutAt.get(key)) {
        results[s] = { outcome: "timeout", error: `not run: timed out at size ${timedOutAt.get(key)} of family ${family}`, skipped: true };
        continue;
      }
      results[s] = await pool.get(s).run(taskOf(p), { limitMs: opts.limitMs, timing: opts.timing });
      if (results[s].outcome === "timeout" && family !== undefined) timedOutAt.set(key, Math.min(p.size, timedOutAt.get(key) ?? Infinity));
    }
    records.push({ problem: { id: p.id, category: p.category, sympy_size: p.sympy_size ?? null }, results });
    const line = opts.systems
      .map((s) => `${s}:${results[s].outcome[0]}${results[s].medianMs !== undefined ? ` ${fmt(results[s].medianMs)}ms` : ""}`)
      .join("  ");
    log(`[${i + 1}/${problems.length} ${Math.round((Date.now() - t0) / 1000)}s] ${p.id}  ${line}`);
  }
  return records;
}

async function runScaling(pool, opts) {
  const out = [];
  for (const fam of FAMILIES) {
    const sizes = opts.quick ? fam.quick : fam.sizes;
    for (const s of opts.scalingSystems) {
      let stopped = null;
      for (const n of sizes) {
        if (stopped !== null) {
          out.push({ family: fam.id, system: s, n, outcome: "skipped", error: `not run: ${stopped}` });
          continue;
        }
        const task = fam.make(n);
        const limitMs = s === BASELINE || s === RAW ? opts.baselineScalingLimitMs : opts.scalingLimitMs;
        const r = await pool.get(s).run(task, { limitMs, timing: opts.scalingTiming });
        out.push({ family: fam.id, system: s, n, ...r });
        log(`scaling ${fam.id} n=${n} ${s}: ${r.outcome} ${r.medianMs !== undefined ? fmt(r.medianMs) + "ms" : (r.error ?? "")}`);
        // Larger sizes only cost more: stop a system after its first timeout or crash, or when
        // linear growth from this size would already pass the limit at the next size.
        const next = sizes[sizes.indexOf(n) + 1];
        if (r.outcome === "timeout" || (r.outcome === "error" && r.firstMs === undefined)) stopped = `${r.outcome} at n=${n}`;
        else if (next !== undefined && r.firstMs !== undefined && (r.firstMs * next) / n > limitMs)
          stopped = `${fmt(r.firstMs)} ms at n=${n} predicts more than ${limitMs} ms at n=${next}`;
      }
    }
    // symgrad starts every family with empty interning tables, so sizes are not helped by earlier families.
    if (!opts.quick) {
      await pool.get(BASELINE).restart();
      await pool.get(RAW).restart();
    }
  }
  return out;
}

function machine() {
  const cpus = os.cpus();
  return {
    cpu: cpus[0]?.model?.trim() ?? "unknown",
    cores: cpus.length,
    memoryGb: Math.round(os.totalmem() / 2 ** 30),
    node: process.version,
    platform: `${os.platform()} ${os.release()}`,
    date: new Date().toISOString(),
  };
}

function symgradProblems(records) {
  const bad = records.filter((r) => r.results[BASELINE].outcome !== "correct");
  const rows = bad.map((r) => {
    const res = r.results[BASELINE];
    const detail =
      res.outcome === "wrong" && res.mismatch
        ? `check ${res.mismatch.check}, result ${res.mismatch.index}: got ${res.mismatch.got}, want ${res.mismatch.want}`
        : (res.error ?? "");
    return [r.problem.id, res.outcome, detail, (res.output ?? []).join("; ").slice(0, 160)];
  });
  return rows;
}

function scalingSection(scaling, opts) {
  const others = opts.scalingSystems.filter((s) => s !== BASELINE);
  const parts = [];
  const exponents = [];
  for (const fam of FAMILIES) {
    const sizes = opts.quick ? fam.quick : fam.sizes;
    const pts = scaling.filter((p) => p.family === fam.id);
    const at = (s, n) => pts.find((p) => p.system === s && p.n === n);
    const timeCell = (r) => {
      if (r === undefined) return "";
      if (r.outcome === "correct") return fmt(r.medianMs);
      if (r.outcome === "wrong") return `${fmt(r.medianMs)} ✗`;
      return r.outcome === "skipped" ? "—" : r.outcome;
    };
    const rows = sizes.map((n) => {
      const sg = at(BASELINE, n);
      return [
        n,
        timeCell(sg),
        sg?.nodes !== undefined ? sg.nodes : "—",
        sg?.printError ? "print failed" : fmt(sg?.length),
        ...others.map((s) => timeCell(at(s, n))),
      ];
    });
    parts.push(`### ${fam.title}\n\n` + table(["n", `${BASELINE} ms`, "result nodes", "printed length", ...others.map((s) => `${s} ms`)], rows));
    const expOf = (s, key) => {
      const ok = pts.filter((p) => p.system === s && p.outcome === "correct" && Number.isFinite(p[key]));
      return growthExponent(
        ok.map((p) => ({ x: p.n, y: p[key] })),
        { tail: 4, floor: key === "medianMs" ? 0.005 : 0 },
      );
    };
    exponents.push([
      fam.title,
      fmt(expOf(BASELINE, "medianMs"), 2),
      fmt(expOf(BASELINE, "nodes"), 2),
      fmt(expOf(BASELINE, "length"), 2),
      ...others.map((s) => fmt(expOf(s, "medianMs"), 2)),
    ]);
  }
  const expTable = table(["family", `${BASELINE} time`, `${BASELINE} nodes`, `${BASELINE} printed length`, ...others.map((s) => `${s} time`)], exponents);
  return { parts, expTable };
}

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  const started = Date.now();
  // Other work on the machine slows every system; the load average tells a reader how noisy a run was.
  const loadBefore = os
    .loadavg()
    .map((x) => x.toFixed(1))
    .join(" ");
  const corpus = JSON.parse(readFileSync(here("../test/data/problems.json"), "utf8"));
  const problems = opts.corpus ? selectProblems(corpus, opts) : [];
  const pool = new Pool(opts.scaling ? opts.scalingSystems : opts.systems);
  try {
    await pool.get(BASELINE).start();
  } catch (e) {
    log(`cannot load symgrad: ${e.message}`);
    process.exitCode = 1;
    return;
  }
  const features = pool.get(BASELINE).features;
  if (features && (!features.print || !features.evaluate)) {
    log(`note: symgrad ${features.print ? "" : "printer "}${features.evaluate ? "" : "evaluator "}not built; results are checked with what exists`);
  }
  const records = opts.corpus ? await runCorpus(pool, problems, opts) : [];
  if (opts.corpus && opts.scaling && !opts.quick) await pool.get(BASELINE).restart();
  const scaling = opts.scaling ? await runScaling(pool, opts) : [];
  await pool.stop();
  const m = machine();
  const elapsed = (Date.now() - started) / 1000;
  const cpu = process.cpuUsage();
  const cpuSeconds = (cpu.user + cpu.system) / 1e6;

  const categories = [...new Set(problems.map((p) => p.category))];
  const rows = summarize(records, opts.systems, BASELINE);
  const md = [];
  md.push("# Benchmark results", "");
  md.push(
    `Written by \`node bench/run.mjs${process.argv
      .slice(2)
      .map((a) => " " + a)
      .join("")}\` (\`npm run bench\`); do not edit by hand.`,
    "",
  );
  md.push(
    table(
      ["", ""],
      [
        ["date", m.date],
        ["CPU", `${m.cpu} (${m.cores} logical cores)`],
        ["memory", `${m.memoryGb} GB`],
        ["Node", m.node],
        ["platform", m.platform],
        ["mode", opts.quick ? "quick (smoke run: the first problem per category, small sizes, short timing; not for quoting)" : "full"],
        [
          "time limit",
          `${opts.limitMs} ms per problem (corpus); per size in the scaling families ${opts.scalingLimitMs} ms (peers), ${opts.baselineScalingLimitMs} ms (${BASELINE})`,
        ],
        [
          "run time",
          `${fmt(elapsed)} s wall, ${fmt(cpuSeconds)} s CPU (all threads); load average ${loadBefore} at the start, ${os
            .loadavg()
            .map((x) => x.toFixed(1))
            .join(" ")} at the end`,
        ],
      ],
      ["---", "---"],
    ),
    "",
  );
  md.push(
    "Each system runs in its own worker thread and differentiates the formula string the way its users do it:",
    "symgrad `diff(expr, v[, order])` / `gradient(expr, vars)`; mathjs `derivative(parse(expr), v)` with its default simplification",
    "(n-th derivative: applied n times); nerdamer `nerdamer.diff(expr, v[, n])`; Algebrite `derivative(expr, v[, n])` (its `d`),",
    "with the spelling changes documented in `bench/lib/translate.mjs`. A gradient is one call per variable for the peers.",
    `Time is the median of batch means after a warm-up (about ${opts.timing.targetMs} ms of timed calls per problem; a first call slower than ${opts.timing.slowMs} ms is`,
    "not repeated). Every result is evaluated at the corpus check points (symgrad with its own `evaluate`, peers' printed results",
    "with mathjs) and compared with relative tolerance 1e-9 plus absolute 1e-12, retrying at 50 digits when float64 fails.",
    "Time ratios use the problems both systems got right; size is the corpus `size` of the printed result, against SymPy's",
    "simplified result (`sympy_size`). symgrad simplifies its results by default and memoises simplified forms, costs and",
    "free symbols across calls; every timed call first drops all of them (`clearCaches`, see `bench/lib/systems.mjs`), so it",
    "pays for its work as a call on a new formula would. The machine may be shared: absolute times move from run to run.",
    "",
  );
  if (opts.corpus) {
    md.push(`## Summary (${problems.length} problems)`, "", summaryTable(rows, opts.systems, BASELINE), "");
    const firstRatios = opts.systems
      .filter((s) => s !== BASELINE)
      .map((s) => {
        const rs = records.filter((r) => r.results[s].outcome === "correct" && r.results[BASELINE].outcome === "correct");
        return [s, fmt(median(rs.map((r) => r.results[s].firstMs / r.results[BASELINE].firstMs)))];
      });
    md.push("First (cold) call instead of the warm median, median ratio system/symgrad:", "", table(["system", "first-call ratio"], firstRatios), "");
    const ct = categoryTables(rows, opts.systems, BASELINE, categories);
    md.push("## Per category", "", "### Median time ratio (peer time / symgrad time; higher means symgrad is faster)", "", ct.time, "");
    md.push("### Outcomes (correct / wrong / error / timeout)", "", ct.outcome, "");
    md.push("### Median output size relative to SymPy's simplified result (lower is simpler)", "", ct.size, "");
    const bad = symgradProblems(records);
    md.push(`## symgrad problems that were not correct (${bad.length})`, "");
    md.push(bad.length === 0 ? "None." : table(["problem", "outcome", "detail", "output"], bad, ["---", "---", "---", "---"]), "");
    const rt = records.filter((r) => r.results[BASELINE].roundTrip === false).map((r) => r.problem.id);
    if (rt.length > 0) md.push(`Printed results that do not parse back to the same expression (\`parse(print(e)) !== e\`): ${rt.join(", ")}.`, "");
    const slow = records
      .filter((r) => r.results[BASELINE].medianMs !== undefined)
      .sort((a, b) => b.results[BASELINE].medianMs - a.results[BASELINE].medianMs)
      .slice(0, 8);
    md.push(
      "## symgrad's slowest problems",
      "",
      table(
        ["problem", "symgrad ms", "result nodes", "printed size", "SymPy size", ...opts.systems.filter((s) => s !== BASELINE).map((s) => `${s} ms`)],
        slow.map((r) => [
          r.problem.id,
          fmt(r.results[BASELINE].medianMs),
          r.results[BASELINE].nodes ?? "—",
          fmt(r.results[BASELINE].size),
          r.problem.sympy_size ?? "—",
          ...opts.systems.filter((s) => s !== BASELINE).map((s) => (r.results[s].outcome === "correct" ? fmt(r.results[s].medianMs) : r.results[s].outcome)),
        ]),
      ),
      "",
    );
    const big = records
      .filter((r) => r.results[BASELINE].outcome === "correct" && r.problem.sympy_size)
      .map((r) => ({ r, ratio: r.results[BASELINE].size / r.problem.sympy_size }))
      .sort((a, b) => b.ratio - a.ratio)
      .slice(0, 8);
    md.push(
      "## symgrad's largest outputs relative to SymPy",
      "",
      table(
        ["problem", "size / SymPy", "symgrad size", "SymPy size", "symgrad output (start)"],
        big.map(({ r, ratio }) => [
          r.problem.id,
          fmt(ratio),
          r.results[BASELINE].size,
          r.problem.sympy_size,
          (r.results[BASELINE].output ?? []).join("; ").slice(0, 120),
        ]),
        ["---", "---:", "---:", "---:", "---"],
      ),
      "",
    );
  }
  if (opts.scaling) {
    const points = scaling
      .filter((p) => p.outcome === "correct" || p.outcome === "wrong")
      .map((p) => ({ family: p.family, system: p.system, n: p.n, ms: Math.max(p.medianMs, 1e-4) }));
    const svg = await renderSvg(
      scalingSpec(
        points,
        FAMILIES.map((f) => f.id),
      ),
    );
    writeFileSync(here("./scaling.svg"), svg);
    const sc = scalingSection(scaling, opts);
    md.push("## Scaling", "", "![time against n, log-log](scaling.svg)", "");
    md.push(
      `${RAW} is symgrad with \`{ simplify: false }\`: the canonical derivative without simplification.`,
      `Each size is timed like a corpus problem but with about ${opts.scalingTiming.targetMs} ms of timed calls after ${opts.scalingTiming.warmupMs} ms of warm-up (a first call slower than ${opts.scalingTiming.slowMs} ms is not repeated;`,
      `calls over ${fmt((4 * opts.scalingTiming.targetMs) / opts.scalingTiming.minSamples)} ms get 3 timed samples);`,
      "symgrad starts every family in a new worker, warmed up on unrelated formulas, with empty interning tables.",
      "Times in ms (✗: wrong result; timeout: over the limit; —: not run after a smaller size timed out or was predicted to). Result nodes are",
      "the distinct nodes of symgrad's result graph (`foldGraph` over all results); printed length is the length of the printed",
      "results in characters (a tree, so shared subgraphs count every time they occur).",
      "",
    );
    md.push(...sc.parts.flatMap((p) => [p, ""]));
    md.push("### Fitted growth exponents (log-log slope over the four largest sizes that finished)", "", sc.expTable, "");
  }
  md.push(...keptSimplifierSection());
  writeFileSync(here("./RESULTS.md"), md.join("\n"));
  writeFileSync(here("./results.json"), JSON.stringify({ machine: m, options: opts, records, scaling }, null, 1));
  log(`wrote bench/RESULTS.md${opts.scaling ? ", bench/scaling.svg" : ""} and bench/results.json in ${fmt(elapsed)} s`);
  if (opts.corpus) log("\n" + summaryTable(rows, opts.systems, BASELINE));
}

await main();
// Workers still loading in the background must not keep the process alive.
process.exit(process.exitCode ?? 0);
