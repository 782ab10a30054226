/** The state of one REPL session; immutable, replaced by each statement that changes it. */
import type { Expr } from "../core/node.js";
import type { Definition } from "./definitions.js";

export interface SessionState {
  /** In definition order. */
  readonly defs: ReadonlyMap<string, Definition>;
  readonly ans: Expr | undefined;
  readonly latex: boolean;
  readonly time: boolean;
}

export function createSession(): SessionState {
  return { defs: new Map(), ans: undefined, latex: false, time: false };
}
