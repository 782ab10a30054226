/**
 * A session as plain data, to move it between threads: every expression as its printed text,
 * which parses back to the same node (`parse(print(e)) === e`), and the limits in force.
 */
import { limits, setLimits, type Limits } from "../core/limits.js";
import { parse } from "../parse/parser.js";
import { print } from "../print/plain.js";
import type { Definition } from "./definitions.js";
import type { SessionState } from "./session-state.js";

export interface SessionSnapshot {
  readonly defs: readonly { name: string; params: readonly string[]; explicit: boolean; body: string }[];
  readonly ans: string | undefined;
  readonly latex: boolean;
  readonly time: boolean;
  readonly functions: readonly string[];
  readonly limits: Limits;
}

/** The snapshot of `state` (throws a LimitError when a body is too long to print). */
export function toSnapshot(state: SessionState): SessionSnapshot {
  return {
    defs: [...state.defs.values()].map((d) => ({ name: d.name, params: [...d.params], explicit: d.explicit, body: print(d.body) })),
    ans: state.ans === undefined ? undefined : print(state.ans),
    latex: state.latex,
    time: state.time,
    functions: [...state.functions],
    limits: { ...limits },
  };
}

/** The session of a snapshot; sets the process-wide limits to the snapshot's. */
export function fromSnapshot(s: SessionSnapshot): SessionState {
  setLimits(s.limits);
  // The bodies were printed with the declared functions in them (`f'(x)`): they read back with them.
  const read = (text: string) => parse(text, { undefinedFunctions: s.functions });
  const defs = new Map<string, Definition>(s.defs.map((d) => [d.name, { ...d, body: read(d.body) }]));
  return { defs, ans: s.ans === undefined ? undefined : read(s.ans), latex: s.latex, time: s.time, functions: [...s.functions] };
}
