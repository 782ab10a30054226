// One worker thread per system, restarted after a timeout or a crash, so that a peer that hangs
// or runs out of memory cannot stop the run.
import { Worker } from "node:worker_threads";

const WORKER_URL = new URL("./worker.mjs", import.meta.url);
const RESOURCE_LIMITS = { maxOldGenerationSizeMb: 4096, stackSizeMb: 256 };

export class SystemWorker {
  constructor(system) {
    this.system = system;
    this.worker = null;
    this.nextId = 0;
    this.features = null;
  }

  /** Starts the worker (if needed) and resolves once the system is loaded; rejects if it fails to load. */
  start() {
    if (this.worker !== null) return this.ready;
    const w = new Worker(WORKER_URL, { workerData: { system: this.system }, resourceLimits: RESOURCE_LIMITS, stdout: false, stderr: false });
    this.worker = w;
    // Errors between tasks (none are expected) must not become uncaught exceptions of the run.
    w.on("error", () => {});
    this.ready = new Promise((resolve, reject) => {
      const onMessage = (m) => {
        if (m.type === "ready") {
          w.off("message", onMessage);
          w.off("error", onError);
          this.features = m.features;
          resolve();
        }
      };
      const onError = (e) => {
        this.worker = null;
        reject(e);
      };
      w.on("message", onMessage);
      w.once("error", onError);
    });
    return this.ready;
  }

  async stop() {
    const w = this.worker;
    this.worker = null;
    if (w !== null) await w.terminate();
  }

  /** A fresh worker (empty caches and interning tables), loading in the background. */
  async restart() {
    await this.stop();
    this.start().catch(() => {});
  }

  /**
   * Runs one task. `limitMs` bounds the first call; after it returns, `afterMs(firstMs)` bounds
   * the checks and the repetitions. A first call over the limit is a "timeout"; a worker that
   * dies (out of memory, stack) is an "error". The worker is restarted in both cases.
   */
  async run(task, { limitMs, timing, afterMs = (first) => 20_000 + 30 * first }) {
    await this.start();
    const w = this.worker;
    const id = this.nextId++;
    return new Promise((resolve) => {
      let timer = null;
      let settled = false;
      const finish = (result, kill) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        w.off("message", onMessage);
        w.off("error", onError);
        w.off("exit", onExit);
        if (kill) {
          this.worker = null;
          // The replacement loads while other systems run (loading mathjs takes seconds).
          w.terminate().then(
            () => {
              this.start().catch(() => {});
              resolve(result);
            },
            () => resolve(result),
          );
        } else resolve(result);
      };
      let firstMs = null;
      const onMessage = (m) => {
        if (m.id !== id) return;
        if (m.type === "first") {
          firstMs = m.ms;
          clearTimeout(timer);
          timer = setTimeout(
            () => finish({ outcome: "error", error: `checking or repeating the result took longer than ${Math.round(afterMs(m.ms))} ms`, firstMs: m.ms }, true),
            afterMs(m.ms),
          );
        } else if (m.type === "done") finish(m.result, false);
      };
      const onError = (e) => finish({ outcome: "error", error: `worker died: ${e?.code ?? ""} ${e?.message ?? e}`.trim(), firstMs }, true);
      const onExit = (code) => finish({ outcome: "error", error: `worker exited with code ${code}`, firstMs }, true);
      w.on("message", onMessage);
      w.once("error", onError);
      w.once("exit", onExit);
      timer = setTimeout(() => finish({ outcome: "timeout", error: `no result within ${limitMs} ms` }, true), limitMs);
      w.postMessage({ id, task, timing });
    });
  }
}

/** A set of system workers addressed by name. */
export class Pool {
  constructor(systems) {
    this.workers = new Map(systems.map((s) => [s, new SystemWorker(s)]));
  }
  get(system) {
    return this.workers.get(system);
  }
  /** Terminates every worker. */
  async stop() {
    await Promise.all([...this.workers.values()].map((w) => w.stop()));
  }
}
