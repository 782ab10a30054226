// Worker thread: loads one system and answers tasks from the pool.
// Protocol (parent -> worker): { id, task: { expr, vars, order?, checks }, timing }.
// Worker -> parent: { id, type: "first", ms } right after the first call returns, then
// { id, type: "done", result }. The parent enforces the time limits by terminating the worker.
import { parentPort, workerData } from "node:worker_threads";
import { performance } from "node:perf_hooks";
import { size } from "../../test/data/size.mjs";
import { measure } from "./measure.mjs";
import { checkValues } from "./stats.mjs";
import { SYSTEM_LOADERS } from "./systems.mjs";

const errorText = (e) => (e instanceof Error ? `${e.name}: ${e.message}` : String(e)).slice(0, 300);

function valuesAt(system, raw, n, checks, precise) {
  return checks.map((c) =>
    Array.from({ length: n }, (_, k) => {
      try {
        return system.evaluate(raw, k, c.at, precise);
      } catch (e) {
        return errorText(e);
      }
    }),
  );
}

function firstError(values) {
  for (const row of values) for (const v of row) if (typeof v === "string") return v;
  return null;
}

async function handle(system, { id, task, timing }) {
  const run = system.prepare(task);
  let raw;
  const t0 = performance.now();
  try {
    raw = run();
  } catch (e) {
    parentPort.postMessage({ id, type: "first", ms: performance.now() - t0 });
    return { outcome: "error", error: errorText(e), firstMs: performance.now() - t0 };
  }
  const firstMs = performance.now() - t0;
  parentPort.postMessage({ id, type: "first", ms: firstMs });

  const n = task.order !== undefined ? 1 : task.vars.length;
  let texts = null;
  let printError = null;
  try {
    texts = system.outputs(raw);
  } catch (e) {
    printError = errorText(e);
  }
  const result = {
    firstMs,
    size: texts ? texts.reduce((s, t) => s + size(t), 0) : NaN,
    length: texts ? texts.reduce((s, t) => s + t.length, 0) : NaN,
    nodes: system.nodes ? system.nodes(raw) : undefined,
    output: texts ? texts.map((t) => (t.length > 400 ? t.slice(0, 400) + "…" : t)) : null,
    printError,
  };
  if (system.roundTrips) result.roundTrip = system.roundTrips(raw, texts);

  let values = valuesAt(system, raw, n, task.checks, false);
  let check = checkValues(values, task.checks);
  result.precise = false;
  if (!check.ok) {
    // A correct but badly conditioned form can lose digits in float64: retry at 50 digits.
    const precise = valuesAt(system, raw, n, task.checks, true);
    const again = checkValues(precise, task.checks);
    if (again.ok || firstError(values) !== null) {
      values = precise;
      check = again;
      result.precise = again.ok;
    }
  }
  const evalError = firstError(values);
  if (check.ok) result.outcome = "correct";
  else if (evalError !== null && check.firstMismatch && typeof check.firstMismatch.got === "string") {
    result.outcome = "error";
    result.error = `result not evaluable: ${evalError}`;
  } else {
    result.outcome = "wrong";
    result.mismatch = check.firstMismatch;
  }

  const m = measure(run, firstMs, timing);
  result.medianMs = m.medianMs;
  result.samples = m.samples;
  return result;
}

/** How long a new worker differentiates warm-up formulas before its first task. */
const WARMUP_MS = 300;

const system = await SYSTEM_LOADERS[workerData.system]();
// One-time initialisation (rule tables compiled on first use, lazy imports) and the JIT's first
// tiers are not the cost of a derivative: a new worker (the scaling families start each with a new
// symgrad worker) first runs a few unrelated formulas for WARMUP_MS, so that the first sizes of a
// family are not timed on cold code.
try {
  const warmups = [
    { expr: "x^2*sin(x) + exp(x)/(1 + x)", vars: ["x"] },
    { expr: "x*y + cos(x*y)", vars: ["x", "y"] },
    { expr: "log(1 + x^2)*atan(x)/sqrt(x)", vars: ["x"] },
    { expr: "(x^3 - 2*x)/(x^2 + 1)^2", vars: ["x"] },
  ].map((t) => system.prepare(t));
  const start = performance.now();
  do for (const run of warmups) run();
  while (performance.now() - start < WARMUP_MS);
} catch {
  // A system that fails here fails the same way on the tasks, where it is reported.
}
parentPort.on("message", async (msg) => {
  let result;
  try {
    result = await handle(system, msg);
  } catch (e) {
    result = { outcome: "error", error: errorText(e) };
  }
  parentPort.postMessage({ id: msg.id, type: "done", result });
});
parentPort.postMessage({ type: "ready", features: system.features ?? null });
