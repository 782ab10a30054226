/**
 * `symgrad FILE`: the file's lines run as REPL statements, in one session. An input continues on
 * the next line while parentheses are open, as in the REPL. Results go to `out` without prompts;
 * an error goes to `err` as `FILE:LINE: error: ...` with its caret, and the script goes on with
 * the session unchanged. Resolves to the exit code: 1 if any statement failed, else 0.
 */
import { needsMoreInput } from "./completion.js";
import { inProcess } from "./evaluator.js";

export interface ScriptStreams {
  out: (text: string) => void;
  err: (text: string) => void;
  color: boolean;
}

export async function runScript(name: string, text: string, io: ScriptStreams): Promise<number> {
  const evaluator = inProcess(io.color);
  const lines = text.split("\n").map((l) => l.replace(/\r$/, ""));
  let code = 0;
  let pending: string[] = [];
  let firstLine = 1;
  for (let i = 0; i <= lines.length; i++) {
    const atEnd = i === lines.length;
    if (!atEnd) {
      if (pending.length === 0) firstLine = i + 1;
      pending.push(lines[i]!);
      if (needsMoreInput(pending.join("\n"))) continue;
    }
    const input = pending.join("\n");
    pending = [];
    if (input.trim() === "") continue;
    const outcome = await evaluator.run(input);
    if (outcome.output !== "") io.out(outcome.output + "\n");
    if (outcome.error !== undefined) {
      io.err(`${name}:${firstLine}: ${outcome.error}\n`);
      code = 1;
    }
    if (outcome.quit === true) break;
  }
  return code;
}
