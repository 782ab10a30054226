/**
 * Per-strategy profile of the simplifier: for each strategy id of the table (`strategies.ts`),
 * how many times its `when` gate was asked and passed, how many candidates it built (non-null
 * and different from the node), how many were kept (cheaper than the best so far, or a tie it
 * keeps) and the time its builds took; plus the whole simplify time. Wraps the table's functions
 * from outside, so the shipped driver carries no counters.
 *
 * With --cpu the times are the process's CPU time (user + system, `process.cpuUsage`) instead of
 * the wall clock: steadier on a shared machine.
 *
 *   npx tsx bench/strategy-profile.ts [--set bench/generated/tune.json] [--repeat 3] [--top N] [--only id,id,...] [--cpu]
 */
import { readFileSync } from "node:fs";
import { diffExpr, diffOrder } from "../src/calculus/diff.js";
import { clearCaches } from "../src/core/memo.js";
import type { Expr } from "../src/core/node.js";
import { parse } from "../src/parse/parser.js";
import { cost } from "../src/rewrite/cost.js";
import { simplifyWithReport } from "../src/rewrite/simplify.js";
import { STRATEGIES, type NodeFacts, type Strategy } from "../src/rewrite/strategies.js";

interface Problem {
  expr: string;
  vars: string[];
  order?: number;
}

const arg = (name: string): string | undefined => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
};
const setPath = new URL(`../${arg("--set") ?? "test/data/problems.json"}`, import.meta.url);
const repeat = Number(arg("--repeat") ?? 3);
const only = arg("--only");
const clock = process.argv.includes("--cpu")
  ? (): number => {
      const u = process.cpuUsage();
      return (u.user + u.system) / 1000;
    }
  : (): number => performance.now();
const problems = (JSON.parse(readFileSync(setPath, "utf8")) as { problems: (Problem & { id: string })[] }).problems.filter(
  (p) => only === undefined || only.split(",").includes(p.id),
);

interface Row {
  asked: number;
  passed: number;
  built: number;
  kept: number;
  ms: number;
}
const rows = new Map<string, Row>();
/** With --top N: the N slowest single builds (strategy, node cost, best cost before, ms, kept). */
const topN = Number(arg("--top") ?? 0);
let lastPass = false;
const slow: { id: string; node: number; best: number; got: number | null; ms: number }[] = [];
const rowOf = (s: Strategy): Row => {
  const key = `${s.id} [${s.kinds.join(",")}]`;
  let r = rows.get(key);
  if (r === undefined) rows.set(key, (r = { asked: 0, passed: 0, built: 0, kept: 0, ms: 0 }));
  return r;
};
for (const s of STRATEGIES as Strategy[]) {
  const row = rowOf(s);
  const { when, build } = s;
  const w = s as { when?: (f: NodeFacts) => boolean; build: (n: Expr, f: NodeFacts) => Expr | null };
  w.when = (f) => {
    row.asked++;
    const ok = when === undefined || when(f);
    if (ok) row.passed++;
    return ok;
  };
  w.build = (n, f) => {
    const before = f.bestCost();
    const t0 = clock();
    let c: Expr | null = null;
    try {
      c = build(n, f);
    } finally {
      const ms = clock() - t0;
      row.ms += ms;
      if (topN > 0 && lastPass) slow.push({ id: s.id, node: cost(n), best: before, got: c === null || c === n ? null : cost(c), ms });
    }
    if (c !== null && c !== n) {
      row.built++;
      if (cost(c) < before || (s.ties !== undefined && cost(c) === before)) row.kept++;
    }
    return c;
  };
}

const derivatives = (p: Problem): Expr[] => {
  const e = parse(p.expr);
  return p.order !== undefined ? [diffOrder(e, p.vars[0]!, p.order)] : p.vars.map((v) => diffExpr(e, v));
};
const raws = problems.map(derivatives);
let totalMs = 0;
/** Polynomial work of the last pass (deterministic, unlike the times). */
let work = 0;
for (let i = 0; i < repeat; i++) {
  lastPass = i === repeat - 1;
  clearCaches();
  const t0 = clock();
  work = 0;
  for (const rs of raws) for (const r of rs) work += simplifyWithReport(r).work;
  totalMs += clock() - t0;
}
const pad = (s: string | number, n: number): string => String(s).padStart(n);
console.log(`simplify total ${(totalMs / repeat).toFixed(1)} ms per pass over ${problems.length} problems; polynomial work ${work}`);
console.log(`${"strategy".padEnd(36)}${pad("asked", 8)}${pad("passed", 8)}${pad("built", 8)}${pad("kept", 8)}${pad("ms", 9)}`);
let buildMs = 0;
for (const [id, r] of rows) {
  buildMs += r.ms;
  const per = (x: number): number => Math.round(x / repeat);
  console.log(
    `${id.padEnd(36)}${pad(per(r.asked), 8)}${pad(per(r.passed), 8)}${pad(per(r.built), 8)}${pad(per(r.kept), 8)}${pad((r.ms / repeat).toFixed(1), 9)}`,
  );
}
slow.sort((a, b) => b.ms - a.ms);
for (const x of slow.slice(0, topN)) console.log(`  ${x.id.padEnd(24)} node ${x.node} best ${x.best} got ${x.got ?? "-"} ${x.ms.toFixed(2)} ms`);
console.log(`builds ${(buildMs / repeat).toFixed(1)} ms; the rest (rules, cost, gates, driver) ${((totalMs - buildMs) / repeat).toFixed(1)} ms`);
