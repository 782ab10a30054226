/**
 * The REPL's computing thread: it holds the session and evaluates one input per message, so that
 * the terminal thread can stop a computation by terminating it (Ctrl-C) and start a new one from
 * the last snapshot (`workerData`). Messages in: `{ text }`; out: a `WorkerReply` per input.
 */
import { parentPort, workerData } from "node:worker_threads";
import { createSession, evaluateLine, type SessionState } from "./session.js";
import { fromSnapshot, toSnapshot, type SessionSnapshot } from "./snapshot.js";
import { loadNumericFor } from "./evaluator.js";

export interface WorkerReply {
  output: string;
  error?: string;
  quit?: boolean;
  /** The session after the input, when it changed and could be snapshot. */
  snapshot?: SessionSnapshot;
  /** The session changed but is too large to snapshot (printing it hit a limit). */
  snapshotFailed?: boolean;
  /** Names for completion. */
  names: string[];
  /** The declared undefined functions (for completion). */
  functions: string[];
  hasAns: boolean;
}

const init = workerData as { snapshot?: SessionSnapshot; color: boolean };
let state: SessionState = init.snapshot === undefined ? createSession() : fromSnapshot(init.snapshot);

parentPort!.on("message", (message: { text: string }) => {
  void (async () => {
    await loadNumericFor(message.text);
    const before = state;
    const outcome = evaluateLine(state, message.text, { color: init.color });
    state = outcome.state;
    let snapshot: SessionSnapshot | undefined;
    let snapshotFailed = false;
    if (state !== before || message.text.trim().startsWith(":limits")) {
      try {
        snapshot = toSnapshot(state);
      } catch {
        // Too long to print: the previous snapshot stays the one an interruption returns to.
        snapshotFailed = true;
      }
    }
    const reply: WorkerReply = { output: outcome.output, names: [...state.defs.keys()], functions: [...state.functions], hasAns: state.ans !== undefined };
    if (outcome.error !== undefined) reply.error = outcome.error;
    if (outcome.quit === true) reply.quit = true;
    if (snapshot !== undefined) reply.snapshot = snapshot;
    if (snapshotFailed) reply.snapshotFailed = true;
    parentPort!.postMessage(reply);
  })();
});
