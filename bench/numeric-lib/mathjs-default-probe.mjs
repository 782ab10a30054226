// Worker: times mathjs's `derivative` with its default options (which simplify the result) for
// one variable of one formula, and posts { ms, size } (size: length of the printed derivative).
// The parent terminates the worker when it exceeds the time limit.
import { parentPort, workerData } from "node:worker_threads";
import { performance } from "node:perf_hooks";
import * as math from "mathjs";

const { formula, variable } = workerData;
const node = math.parse(formula);
const t0 = performance.now();
const d = math.derivative(node, variable);
const ms = performance.now() - t0;
parentPort.postMessage({ ms, size: d.toString().length });
