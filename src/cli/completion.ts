/** Input helpers of the REPL: when an input continues on the next line, and Tab completion. */
import { CALLABLE_NAMES } from "../core/functions.js";
import { COMMAND_TABLE } from "./command-table.js";
import { META_COMMANDS } from "./session.js";

/** True when `text` has more `(` than `)`: the REPL reads another line before evaluating. */
export function needsMoreInput(text: string): boolean {
  let depth = 0;
  for (const c of text) {
    if (c === "(") depth++;
    else if (c === ")") depth--;
  }
  return depth > 0;
}

/**
 * Tab completion: meta commands after `:`, names after `:help ` and `:clear `, else function names, commands,
 * constants, defined names and declared undefined functions. Returns readline's [candidates, the word completed].
 */
export function complete(
  state: { readonly defs: { keys(): Iterable<string> }; readonly ans: unknown; readonly functions: readonly string[] },
  line: string,
): [string[], string] {
  const metaMatch = /^\s*(:\w*)$/.exec(line);
  if (metaMatch !== null) {
    const word = metaMatch[1]!;
    return [META_COMMANDS.filter((c) => c.startsWith(word)), word];
  }
  // `:help NAME` completes commands, functions and definitions; `:clear NAME` definitions and declarations.
  const argMatch = /^\s*:(help|clear)\s+(?:\S+\s+)*(\S*)$/.exec(line);
  if (argMatch !== null) {
    const word = argMatch[2]!;
    const own = [...state.defs.keys(), ...state.functions];
    const pool = argMatch[1] === "help" ? [...COMMAND_TABLE.map((c) => c.name), ...CALLABLE_NAMES, ...own] : own;
    return [[...new Set(pool)].filter((n) => n.startsWith(word)).sort(), word];
  }
  const m = /[\p{L}_][\p{L}\p{N}_]*$/u.exec(line);
  const word = m === null ? "" : m[0];
  if (word === "") return [[], ""];
  const names = new Set<string>([...CALLABLE_NAMES, ...COMMAND_TABLE.map((c) => c.name), "pi", ...state.defs.keys(), ...state.functions]);
  if (state.ans !== undefined) names.add("ans");
  return [[...names].filter((n) => n.startsWith(word)).sort(), word];
}
