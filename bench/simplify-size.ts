/**
 * Simplifier size benchmark: for each corpus problem, differentiate, simplify, and compare the
 * size (test/data/size.mjs) of the printed result with SymPy's simplified derivative
 * (`sympy_size`, the total over the problem's derivatives). Reports the median and 90th
 * percentile of the ratio, the worst ten, numeric mismatches against the problem's checks
 * (relative 1e-9 plus absolute 1e-12, retried at 40 digits), the slowest simplify time and the
 * ratio of the time of diff plus simplify to the time of diff alone (median, 90th percentile; each
 * measured after clearCaches, the best of three).
 *
 *   npx tsx bench/simplify-size.ts [--verbose] [--set bench/generated/tune.json]
 */
import { readFileSync } from "node:fs";
import { diffExpr, diffOrder } from "../src/calculus/diff.js";
import type { Expr } from "../src/core/node.js";
import { evaluate } from "../src/numeric/evaluate.js";
import { parse } from "../src/parse/parser.js";
import { print } from "../src/print/plain.js";
import { simplifyWithReport } from "../src/rewrite/simplify.js";
import { clearCaches } from "../src/core/memo.js";
import { size } from "../test/data/size.mjs";

interface Problem {
  id: string;
  expr: string;
  vars: string[];
  order?: number;
  checks: { at: Record<string, number>; values: number[] }[];
  sympy_simplified: string[] | null;
  /** Absent in the generated sets: computed here from `sympy_simplified`. */
  sympy_size?: number | null;
}

const setIndex = process.argv.indexOf("--set");
const setPath = setIndex >= 0 ? new URL(`../${process.argv[setIndex + 1]}`, import.meta.url) : new URL("../test/data/problems.json", import.meta.url);
const corpus = JSON.parse(readFileSync(setPath, "utf8")) as { problems: Problem[] };
const verbose = process.argv.includes("--verbose");

/** Best of three times of `f` (ms), each after clearCaches. */
function timed(f: () => void): number {
  let best = Infinity;
  for (let i = 0; i < 3; i++) {
    clearCaches();
    const t0 = performance.now();
    f();
    best = Math.min(best, performance.now() - t0);
  }
  return best;
}
const timeRatios: number[] = [];

function close(actual: number, expected: number): boolean {
  return Math.abs(actual - expected) <= 1e-9 * Math.abs(expected) + 1e-12;
}

function derivatives(p: Problem): Expr[] {
  const e = parse(p.expr);
  if (p.order !== undefined) return [diffOrder(e, p.vars[0]!, p.order)];
  return p.vars.map((v) => diffExpr(e, v));
}

const rows: { id: string; ratio: number; ours: number; sympy: number; ms: number; text: string; stoppedBy: string }[] = [];
let mismatches = 0;
let maxMs = 0;
let maxId = "";
for (const p of corpus.problems) {
  const raw = derivatives(p);
  const plain = timed(() => derivatives(p));
  const full = timed(() => derivatives(p).forEach((r) => simplifyWithReport(r)));
  timeRatios.push(full / Math.max(plain, 0.001));
  clearCaches(); // the timed runs above left this problem's results in the memo tables
  const t0 = performance.now();
  const reports = raw.map((r) => simplifyWithReport(r));
  const ms = performance.now() - t0;
  if (ms > maxMs) {
    maxMs = ms;
    maxId = p.id;
  }
  const simplified = reports.map((r) => r.result);
  for (const check of p.checks) {
    simplified.forEach((r, i) => {
      const expected = check.values[i]!;
      let actual = evaluate(r, check.at);
      if (!close(actual, expected)) actual = evaluate(r, check.at, { precision: 40 });
      if (!close(actual, expected)) {
        mismatches++;
        console.log(`MISMATCH ${p.id} d/d${p.vars[i]} at ${JSON.stringify(check.at)}: ${actual} vs ${expected}: ${print(r)}`);
      }
    });
  }
  const sympySize = p.sympy_size ?? (p.sympy_simplified ? p.sympy_simplified.reduce((t, x) => t + size(x), 0) : null);
  if (sympySize === null) continue;
  const texts = simplified.map(print);
  const ours = texts.reduce((s, t) => s + size(t), 0);
  const stoppedBy = reports.map((r) => r.stoppedBy).join(",");
  rows.push({ id: p.id, ratio: ours / sympySize, ours, sympy: sympySize, ms, text: texts.join(" ; "), stoppedBy });
  if (verbose) console.log(`${p.id}\t${(ours / sympySize).toFixed(2)}\t${texts.join(" ; ")}\t|| ${p.sympy_simplified?.join(" ; ")}`);
}

const ratios = rows.map((r) => r.ratio).sort((a, b) => a - b);
const quantile = (q: number) => ratios[Math.min(ratios.length - 1, Math.ceil(q * ratios.length) - 1)]!;
console.log(`problems compared: ${rows.length} of ${corpus.problems.length}`);
console.log(`median ratio: ${quantile(0.5).toFixed(3)}`);
console.log(`90th percentile: ${quantile(0.9).toFixed(3)}`);
console.log(`above 2: ${rows.filter((r) => r.ratio > 2).length}`);
console.log(`above 1.5: ${rows.filter((r) => r.ratio > 1.5).length}; above 1: ${rows.filter((r) => r.ratio > 1).length}`);
console.log(`numeric mismatches: ${mismatches}`);
timeRatios.sort((a, b) => a - b);
console.log(
  `time (diff + simplify) / diff: median ${timeRatios[Math.floor(timeRatios.length / 2)]!.toFixed(1)}, p90 ${timeRatios[Math.ceil(0.9 * timeRatios.length) - 1]!.toFixed(1)}`,
);
console.log(`slowest simplify: ${maxMs.toFixed(1)} ms (${maxId})`);
console.log(
  `stopped by a budget: ${
    rows
      .filter((r) => !/^(fixpoint,?)+$/.test(r.stoppedBy))
      .map((r) => `${r.id}:${r.stoppedBy}`)
      .join(" ") || "none"
  }`,
);
console.log("worst ten:");
for (const r of [...rows].sort((a, b) => b.ratio - a.ratio).slice(0, 10)) {
  const sympy = corpus.problems.find((p) => p.id === r.id)!.sympy_simplified!.join(" ; ");
  console.log(`  ${r.id}  ${r.ratio.toFixed(2)}  (${r.ours} vs ${r.sympy})  ${r.text}   || sympy: ${sympy}`);
}
