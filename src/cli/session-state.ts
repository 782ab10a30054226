/** The state of one REPL session; immutable, replaced by each statement that changes it. */
import type { Expr } from "../core/node.js";
import type { Definition } from "./definitions.js";

export interface SessionState {
  /** In definition order. */
  readonly defs: ReadonlyMap<string, Definition>;
  readonly ans: Expr | undefined;
  readonly latex: boolean;
  readonly time: boolean;
  /**
   * The undefined functions declared with `:functions f g`, in declaration order: every line is
   * parsed with them as `undefinedFunctions`. Disjoint from the names of `defs` (a name is either
   * defined or declared, never both, so a declaration never changes what a definition means).
   */
  readonly functions: readonly string[];
}

export function createSession(): SessionState {
  return { defs: new Map(), ans: undefined, latex: false, time: false, functions: [] };
}
