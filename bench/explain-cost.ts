/**
 * Cost of explaining: for each corpus problem, the time of `explainDiff` (without and with
 * `{ verify: true }`) over the time of `diff`, for the problem's first variable (its order for
 * higher-order problems). Each timed call starts from cold caches (`clearCaches()`, as in
 * bench/run.mjs), the input parsed beforehand; each time is the median of `REPEATS` calls (one
 * call for inputs whose diff takes over 200 ms). Reports the median ratio over the corpus, the
 * 90th percentile and the worst five, and writes bench/EXPLAIN.md.
 *
 *   npx tsx bench/explain-cost.ts
 */
import { readFileSync, writeFileSync } from "node:fs";
import { diff } from "../src/api/calculus.js";
import { explainDiff } from "../src/api/explain.js";
import { clearCaches } from "../src/core/memo.js";
import type { Expr } from "../src/core/node.js";
import { parse } from "../src/parse/parser.js";

interface Problem {
  id: string;
  expr: string;
  vars: string[];
  order?: number;
}

const REPEATS = 5;
const corpus = JSON.parse(readFileSync(new URL("../test/data/problems.json", import.meta.url), "utf8")) as { problems: Problem[] };

function time(work: () => unknown, repeats: number): number {
  const times: number[] = [];
  for (let i = 0; i < repeats; i++) {
    clearCaches();
    const t0 = performance.now();
    work();
    times.push(performance.now() - t0);
  }
  return median(times);
}

function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 === 1 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

function quantile(xs: readonly number[], q: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))]!;
}

interface Row {
  id: string;
  diffMs: number;
  explainMs: number;
  verifyMs: number;
}

const rows: Row[] = [];
for (const p of corpus.problems) {
  const e: Expr = parse(p.expr);
  const v = p.vars[0]!;
  const order = p.order ?? 1;
  // Warm up the code paths once (JIT), then time from cold caches.
  diff(e, v, order);
  explainDiff(e, v, { order });
  const first = time(() => diff(e, v, order), 1);
  const repeats = first > 200 ? 1 : REPEATS;
  const diffMs = time(() => diff(e, v, order), repeats);
  const explainMs = time(() => explainDiff(e, v, { order }), repeats);
  const verifyMs = time(() => explainDiff(e, v, { order, verify: true }), repeats);
  rows.push({ id: p.id, diffMs, explainMs, verifyMs });
}

const ratios = rows.map((r) => r.explainMs / r.diffMs);
const verifyRatios = rows.map((r) => r.verifyMs / r.diffMs);
const worst = [...rows].sort((a, b) => b.explainMs / b.diffMs - a.explainMs / a.diffMs).slice(0, 5);
const fmt = (x: number) => (x < 10 ? x.toFixed(2) : x.toFixed(1));
const report = [
  "# Cost of explainDiff against diff",
  "",
  "`npx tsx bench/explain-cost.ts`: every corpus problem, its first variable (and its order), each",
  `call from cold caches, the median of ${REPEATS} calls (1 for problems whose diff takes over 200 ms).`,
  "",
  "| | explainDiff / diff | explainDiff with verify / diff |",
  "|---|---|---|",
  `| median over the corpus | ${fmt(median(ratios))}x | ${fmt(median(verifyRatios))}x |`,
  `| 90th percentile | ${fmt(quantile(ratios, 0.9))}x | ${fmt(quantile(verifyRatios, 0.9))}x |`,
  `| corpus median times | ${fmt(median(rows.map((r) => r.explainMs)))} ms vs ${fmt(median(rows.map((r) => r.diffMs)))} ms | ${fmt(median(rows.map((r) => r.verifyMs)))} ms |`,
  "",
  "Highest ratios:",
  "",
  "| problem | diff ms | explainDiff ms | ratio |",
  "|---|---|---|---|",
  ...worst.map((r) => `| ${r.id} | ${fmt(r.diffMs)} | ${fmt(r.explainMs)} | ${fmt(r.explainMs / r.diffMs)}x |`),
  "",
].join("\n");
writeFileSync(new URL("./EXPLAIN.md", import.meta.url), report);
process.stdout.write(report);
