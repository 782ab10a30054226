/**
 * The interactive REPL over node:readline. The evaluation of a line is `session.ts`; this file
 * owns the terminal: prompts, multi-line input, history, completion, Ctrl-C and Ctrl-D.
 *
 * - History persists in `$SYMGRAD_HISTORY`, default `~/.symgrad_history` (newest line last), only
 *   when standard input is a terminal; SYMGRAD_HISTORY set to the empty string disables it.
 * - When standard input is not a terminal (a piped script), every input line is echoed after its
 *   prompt, so the output reads as the transcript of the session.
 * - Errors are written to the output stream, in order with the results.
 * - On a terminal the inputs are evaluated on a worker thread (evaluator.ts), so that Ctrl-C
 *   during a computation stops it and returns to the prompt with the session intact.
 */
import { appendFileSync, readFileSync, writeFileSync } from "node:fs";
import { homedir } from "node:os";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { needsMoreInput } from "./completion.js";
import { inProcess, inWorker, type Evaluator } from "./evaluator.js";
import { formatError, useColor } from "./format.js";

export const PROMPT = "symgrad> ";
export const CONTINUATION_PROMPT = "    ...> ";
/** Lines kept in the history file. */
export const HISTORY_SIZE = 1000;

export interface ReplOptions {
  input: NodeJS.ReadableStream & { isTTY?: boolean };
  output: NodeJS.WritableStream & { isTTY?: boolean };
  env: Readonly<Record<string, string | undefined>>;
  /** Colour the `error:` label; default: from the output stream and NO_COLOR. */
  color?: boolean;
}

/** The history file: SYMGRAD_HISTORY if set (empty: none), else `.symgrad_history` in `home`. */
export function historyPath(env: Readonly<Record<string, string | undefined>>, home: string): string | undefined {
  const configured = env.SYMGRAD_HISTORY;
  if (configured !== undefined) return configured === "" ? undefined : configured;
  return join(home, ".symgrad_history");
}

/** The saved lines, newest first (readline's order); none if the file is missing or unreadable. */
export function loadHistory(path: string): string[] {
  try {
    return readFileSync(path, "utf8")
      .split("\n")
      .filter((l) => l.trim() !== "")
      .slice(-HISTORY_SIZE)
      .reverse();
  } catch {
    return [];
  }
}

/** Appends one entered line to the history file, trimming the file when it grows past twice the size. */
export function appendHistory(path: string, line: string): void {
  try {
    appendFileSync(path, line.replace(/\n/g, " ") + "\n");
    const lines = readFileSync(path, "utf8")
      .split("\n")
      .filter((l) => l !== "");
    if (lines.length > 2 * HISTORY_SIZE) writeFileSync(path, lines.slice(-HISTORY_SIZE).join("\n") + "\n");
  } catch {
    // History is a convenience: an unwritable file must not stop the session.
  }
}

/**
 * Runs the REPL until `:quit` or end of input. Resolves to the exit code: 0, or 1 when standard
 * input is not a terminal (a piped session) and some input failed.
 */
export function startRepl(options: ReplOptions): Promise<number> {
  const { input, output, env } = options;
  const terminal = input.isTTY === true && output.isTTY === true;
  const echo = input.isTTY !== true;
  const color = options.color ?? useColor(output.isTTY, env);
  const history = terminal ? historyPath(env, homedir()) : undefined;
  // On a terminal the work runs where Ctrl-C can stop it; a pipe has no Ctrl-C to wait for.
  const evaluator: Evaluator = terminal ? inWorker(color) : inProcess(color);
  let pending: string[] = [];
  let failed = false;

  const rl = createInterface({
    input,
    output,
    terminal,
    prompt: PROMPT,
    history: history === undefined ? [] : loadHistory(history),
    historySize: HISTORY_SIZE,
    removeHistoryDuplicates: true,
    completer: (line: string) => evaluator.complete(line),
  });

  const write = (text: string) => {
    if (text !== "") output.write(text + "\n");
  };
  const prompt = () => {
    rl.setPrompt(pending.length > 0 ? CONTINUATION_PROMPT : PROMPT);
    rl.prompt();
  };

  return new Promise((resolve) => {
    let closed = false;
    let quit = false;
    /** True while an input is being evaluated. */
    let busy = false;
    /** Incremented by Ctrl-C during a computation: inputs queued before it are dropped. */
    let generation = 0;
    // Lines are handled one after another, in order.
    let queue: Promise<void> = Promise.resolve();
    const enqueue = (work: () => void | Promise<void>) => {
      queue = queue.then(work).catch((err: unknown) => write(formatError(err, color)));
    };
    const run = async (text: string) => {
      busy = true;
      const outcome = await evaluator.run(text);
      busy = false;
      if (outcome.interrupted === true) {
        write(
          outcome.restoredEarlier === true
            ? "interrupted (the session is as it was before a definition too large to keep)"
            : "interrupted (the definitions are kept)",
        );
        return outcome;
      }
      write(outcome.output);
      if (outcome.error !== undefined) {
        write(outcome.error);
        failed = true;
      }
      return outcome;
    };
    rl.on("line", (line) => {
      const born = generation;
      enqueue(async () => {
        if (closed || born !== generation) return;
        if (echo) output.write(line + "\n");
        pending.push(line);
        const text = pending.join("\n");
        if (needsMoreInput(text)) {
          prompt();
          return;
        }
        pending = [];
        if (history !== undefined && text.trim() !== "") appendHistory(history, text);
        const outcome = await run(text);
        if (outcome.quit === true) {
          closed = true;
          quit = true;
          rl.close();
          return;
        }
        prompt();
      });
    });
    rl.on("SIGINT", () => {
      if (busy) {
        // Ctrl-C during a computation stops it (and drops what was typed meanwhile).
        generation++;
        evaluator.interrupt();
        output.write("^C\n");
        return;
      }
      // Ctrl-C abandons the current input; Ctrl-D (end of input) or :quit leaves.
      if (pending.length === 0 && rl.line === "") output.write("\n(To exit, press Ctrl-D or type :quit)\n");
      else output.write("\n");
      pending = [];
      rl.write(null, { ctrl: true, name: "u" });
      prompt();
    });
    rl.on("close", () =>
      enqueue(async () => {
        closed = true;
        // Ctrl-D or the end of a script leaves the cursor after a prompt.
        if (!quit) output.write("\n");
        // End of input inside open parentheses: report the incomplete expression.
        if (pending.length > 0) await run(pending.join("\n"));
        await evaluator.close();
        resolve(failed && !terminal ? 1 : 0);
      }),
    );
    if (terminal) output.write(`symgrad: exact derivatives. Type :help for help, :quit or Ctrl-D to leave.\n`);
    prompt();
  });
}
