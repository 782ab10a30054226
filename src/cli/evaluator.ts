/**
 * Where the REPL's inputs are evaluated. `inProcess` runs them on the calling thread (scripts and
 * pipes); `inWorker` runs them on a worker thread that `interrupt` terminates and replaces with a
 * new one holding the session of the last snapshot (definitions, ans, settings and limits), so
 * Ctrl-C stops any computation at once, whatever loop it is in.
 */
import { Worker } from "node:worker_threads";
import { COMMAND_TABLE } from "./command-table.js";
import { complete } from "./completion.js";
import { loadNumeric } from "./numeric-loader.js";
import { createSession, evaluateLine, type SessionState } from "./session.js";
import type { SessionSnapshot } from "./snapshot.js";
import type { WorkerReply } from "./repl-worker.js";

export interface Evaluation {
  readonly output: string;
  readonly error?: string;
  readonly quit?: boolean;
  /** The input was stopped by `interrupt`. */
  readonly interrupted?: boolean;
  /** With `interrupted`: the session went back to an earlier state (a later one was too large to copy). */
  readonly restoredEarlier?: boolean;
}

export interface Evaluator {
  run(text: string): Promise<Evaluation>;
  /** Stops the input being evaluated, if any (its `run` resolves with `interrupted`). */
  interrupt(): void;
  /** Tab completion against the session. */
  complete(line: string): [string[], string];
  close(): Promise<void>;
}

const NUMERIC_CALL = new RegExp(
  `\\b(${COMMAND_TABLE.filter((c) => c.numeric === true)
    .map((c) => c.name)
    .join("|")})\\s*\\(`,
);

/** Loads numeric evaluation when `text` calls a command that needs it. */
export async function loadNumericFor(text: string): Promise<void> {
  if (NUMERIC_CALL.test(text)) await loadNumeric();
}

export function inProcess(color: boolean): Evaluator {
  let state: SessionState = createSession();
  return {
    async run(text) {
      await loadNumericFor(text);
      const outcome = evaluateLine(state, text, { color });
      state = outcome.state;
      return outcome;
    },
    interrupt() {},
    complete: (line) => complete(state, line),
    close: async () => {},
  };
}

export function inWorker(color: boolean): Evaluator {
  let snapshot: SessionSnapshot | undefined;
  /** True when the session changed after `snapshot` was taken and could not be copied. */
  let stale = false;
  let names: string[] = [];
  let functions: string[] = [];
  let hasAns = false;
  let pending: ((e: Evaluation) => void) | undefined;
  let closing = false;
  let worker = spawn();

  function spawn(): Worker {
    const w = new Worker(new URL("./repl-worker.js", import.meta.url), { workerData: { snapshot, color } });
    w.on("message", (reply: WorkerReply) => {
      if (reply.snapshot !== undefined) {
        snapshot = reply.snapshot;
        stale = false;
      }
      if (reply.snapshotFailed === true) stale = true;
      names = reply.names;
      functions = reply.functions;
      hasAns = reply.hasAns;
      settle(reply);
    });
    w.on("error", (err) => {
      if (w !== worker) return;
      settle({ output: "", error: `error: internal error: ${err.message}` });
      replace();
    });
    // A worker that ends by itself (out of memory) is replaced like an interrupted one.
    w.on("exit", () => {
      if (w !== worker || closing) return;
      settle({ output: "", error: "error: internal error: the computation stopped (out of memory?)" });
      worker = spawn();
    });
    return w;
  }
  function settle(e: Evaluation): void {
    const p = pending;
    pending = undefined;
    p?.(e);
  }
  function replace(): void {
    const old = worker;
    worker = spawn();
    void old.terminate();
  }
  return {
    run(text) {
      return new Promise((resolve) => {
        pending = resolve;
        worker.postMessage({ text });
      });
    },
    interrupt() {
      if (pending === undefined) return;
      replace();
      settle({ output: "", interrupted: true, ...(stale ? { restoredEarlier: true } : {}) });
      stale = false;
    },
    complete: (line) => complete({ defs: new Map(names.map((n) => [n, n])), ans: hasAns ? true : undefined, functions }, line),
    close: async () => {
      closing = true;
      await worker.terminate();
    },
  };
}
