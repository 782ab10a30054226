// Times one symbench case in symgrad in a fresh process (so the first call is really cold):
// `node symgrad-case.mjs <case id> <repeats>` prints one line of JSON
// { cold, runs, terms } (milliseconds; `terms` of the timed result) or { error }. The runs follow
// a warm-up (V8 optimises the hot functions only after several calls).
// Memo tables are cleared before every timed call (`clearCaches`), so no call reuses a simplified
// form; the intern table persists, as it does for any user.
import * as symgrad from "../../dist/index.js";
import { CASES } from "./cases.mjs";

const [id, repeatsText] = process.argv.slice(2);
const c = CASES.find((x) => x.id === id);
if (c === undefined) throw new Error(`unknown case ${id}`);
const repeats = Number(repeatsText ?? 5);

const setup = c.kind === "diff" ? symgrad.expand(c.base) : null;
const step = c.kind === "expand" ? () => symgrad.expand(c.base) : () => symgrad.diff(setup, c.variable, 1, { simplify: false });

function timeOnce() {
  symgrad.clearCaches();
  const t = performance.now();
  const result = step();
  return { ms: performance.now() - t, result };
}

/** Warm-up after the cold call: until WARM_CALLS calls or WARM_MS milliseconds, whichever first. */
const WARM_CALLS = 20;
const WARM_MS = 3000;

try {
  const first = timeOnce();
  const warmStart = performance.now();
  for (let i = 0; i < WARM_CALLS && performance.now() - warmStart < WARM_MS; i++) timeOnce();
  const runs = [];
  for (let i = 0; i < repeats; i++) runs.push(timeOnce().ms);
  const r = first.result;
  process.stdout.write(JSON.stringify({ cold: first.ms, runs, terms: r.kind === "add" ? r.args.length : 1 }) + "\n");
} catch (e) {
  process.stdout.write(JSON.stringify({ error: `${e.name}: ${e.message}` }) + "\n");
}
