/**
 * The interactive REPL over node:readline. The evaluation of a line is `session.ts`; this file
 * owns the terminal: prompts, multi-line input, history, completion, Ctrl-C and Ctrl-D.
 *
 * - History persists in `$SYMGRAD_HISTORY`, default `~/.symgrad_history` (newest line last), only
 *   when standard input is a terminal; SYMGRAD_HISTORY set to the empty string disables it.
 * - When standard input is not a terminal (a piped script), every input line is echoed after its
 *   prompt, so the output reads as the transcript of the session.
 * - Errors are written to the output stream, in order with the results.
 */
import { appendFileSync, readFileSync, writeFileSync } from "node:fs";
import { homedir } from "node:os";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { loadNumeric } from "./commands.js";
import { formatError, useColor } from "./format.js";
import { complete, createSession, evaluateLine, needsMoreInput, type SessionState } from "./session.js";

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
    const lines = readFileSync(path, "utf8").split("\n").filter((l) => l !== "");
    if (lines.length > 2 * HISTORY_SIZE) writeFileSync(path, lines.slice(-HISTORY_SIZE).join("\n") + "\n");
  } catch {
    // History is a convenience: an unwritable file must not stop the session.
  }
}

/** Runs the REPL until `:quit` or end of input; resolves to the exit code (0). */
export function startRepl(options: ReplOptions): Promise<number> {
  const { input, output, env } = options;
  const terminal = input.isTTY === true && output.isTTY === true;
  const echo = input.isTTY !== true;
  const color = options.color ?? useColor(output.isTTY, env);
  const history = terminal ? historyPath(env, homedir()) : undefined;
  let state: SessionState = createSession();
  let pending: string[] = [];

  const rl = createInterface({
    input,
    output,
    terminal,
    prompt: PROMPT,
    history: history === undefined ? [] : loadHistory(history),
    historySize: HISTORY_SIZE,
    removeHistoryDuplicates: true,
    completer: (line: string) => complete(state, line),
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
    // Lines are handled one after another, in order, even when one waits for a module to load.
    let queue: Promise<void> = Promise.resolve();
    const enqueue = (work: () => void | Promise<void>) => {
      queue = queue.then(work).catch((err: unknown) => write(formatError(err, color)));
    };
    /** Evaluates a complete input, loading numeric evaluation first if the input needs it. */
    const run = async (text: string) => {
      if (/\beval\s*\(/.test(text)) await loadNumeric();
      const outcome = evaluateLine(state, text, { color });
      state = outcome.state;
      write(outcome.output);
      if (outcome.error !== undefined) write(outcome.error);
      return outcome;
    };
    rl.on("line", (line) =>
      enqueue(async () => {
        if (closed) return;
        if (echo) output.write(line + "\n");
        pending.push(line);
        const text = pending.join("\n");
        if (needsMoreInput(text)) return prompt();
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
      }),
    );
    rl.on("SIGINT", () => {
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
        resolve(0);
      }),
    );
    if (terminal) output.write(`symgrad: exact derivatives. Type :help for help, :quit or Ctrl-D to leave.\n`);
    prompt();
  });
}
