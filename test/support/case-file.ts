/**
 * What the two case files (grammar/cases.txt, grammar/latex-cases.txt) share: `INPUT => OUTCOME`
 * lines, and the error outcomes `error at column N: REASON`, `limit NAME` and `domain error`.
 */
import { expect } from "vitest";
import { DomainError, LimitError, ParseError } from "../../src/core/errors.js";

/** The input and outcome of one `INPUT => OUTCOME` line (split at the last arrow). */
export function splitCase(source: string, file: string, line: number): { input: string; outcome: string } {
  const at = source.lastIndexOf(" => ");
  if (at < 0) throw new Error(`${file} line ${line}: no " => " in ${source}`);
  return { input: source.slice(0, at).trim(), outcome: source.slice(at + 4).trim() };
}

/** The error `run` throws, or undefined when it returns. */
export function thrownBy(run: () => unknown): unknown {
  try {
    run();
  } catch (err) {
    return err;
  }
  return undefined;
}

export interface ErrorOutcomeOptions {
  /** Whether `error at column N` must name its reason (latex-cases.txt) or may omit it (cases.txt). */
  readonly reasonRequired: boolean;
  /** Decodes the reason as written in the file (escapes). */
  readonly readReason?: (text: string) => string;
}

/**
 * Checks `err` against an error outcome: a ParseError at that column with that reason, whose
 * message, source and span agree; a LimitError of that limit; a DomainError. False when `outcome`
 * is not an error outcome, so the caller reports it as unknown.
 */
export function expectErrorOutcome(err: unknown, outcome: string, input: string, options: ErrorOutcomeOptions): boolean {
  const error = (options.reasonRequired ? /^error at column (\d+): (.*)$/ : /^error at column (\d+)(?:: (.*))?$/).exec(outcome);
  if (error !== null) {
    expect(err).toBeInstanceOf(ParseError);
    const e = err as ParseError;
    expect(e.column).toBe(Number(error[1]));
    if (error[2] !== undefined) expect(e.reason).toBe((options.readReason ?? ((t: string) => t))(error[2]));
    expect(e.message).toBe(`${e.reason} at column ${e.column}`);
    expect(e.source).toBe(input);
    expect(0 <= e.start && e.start <= e.end && e.end <= Array.from(input).length).toBe(true);
    return true;
  }
  const limit = /^limit (\w+)$/.exec(outcome);
  if (limit !== null) {
    expect(err).toBeInstanceOf(LimitError);
    expect((err as LimitError).limit).toBe(limit[1]);
    return true;
  }
  if (outcome === "domain error") {
    expect(err).toBeInstanceOf(DomainError);
    return true;
  }
  return false;
}
