/**
 * Times parse + diff + simplify over the corpus in one process: `npx tsx bench/corpus-time.ts
 * [src-dir] [passes]`. Each pass clears the memo tables first (so every formula is simplified
 * anew) and differentiates every problem in every one of its variables; prints the median pass
 * time (wall clock, and CPU time of the process, which a loaded machine disturbs less). The source directory defaults to this checkout's `src`, so two checkouts can be compared.
 */
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";

interface Problem {
  readonly expr: string;
  readonly vars: readonly string[];
}

const srcDir = resolve(process.argv[2] ?? new URL("../src", import.meta.url).pathname);
const passes = Number(process.argv[3] ?? 7);
const api = (await import(pathToFileURL(`${srcDir}/index.ts`).href)) as typeof import("../src/index.js");
const corpus = JSON.parse(readFileSync(new URL("../test/data/problems.json", import.meta.url), "utf8")) as { problems: Problem[] };

const times: number[] = [];
const cpu: number[] = [];
for (let p = 0; p < passes; p++) {
  api.clearCaches();
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  for (const problem of corpus.problems) {
    const e = api.parse(problem.expr);
    for (const v of problem.vars) api.diff(e, v);
  }
  times.push(performance.now() - t0);
  const c = process.cpuUsage(c0);
  cpu.push((c.user + c.system) / 1000);
}
const median = (xs: number[]): number => Number([...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!.toFixed(1));
const min = (xs: number[]): number => Number(Math.min(...xs).toFixed(1));
console.log(JSON.stringify({ src: srcDir, passes, medianMs: median(times), minMs: min(times), cpuMedianMs: median(cpu), cpuMinMs: min(cpu) }));
