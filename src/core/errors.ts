/**
 * The typed errors of the public API. Every failure a caller can provoke with input ends in a
 * subclass of `SymgradError` carrying data; the CLI and REPL format them.
 */
export class SymgradError extends Error {
  override name = "SymgradError";
}

/** A syntax error in an expression string. `start`/`end` are 0-based code-point offsets; `column` is 1-based. */
export class ParseError extends SymgradError {
  override name = "ParseError";
  constructor(
    /** What went wrong, without position, e.g. "unknown function 'sinn' (did you mean 'sin'?)". */
    readonly reason: string,
    /** The source text that was parsed. */
    readonly source: string,
    /** 0-based code-point offset where the offending text starts. */
    readonly start: number,
    /** 0-based code-point offset just past the offending text (>= start). */
    readonly end: number,
    /** What the parser would have accepted here, e.g. ["number", "name", "("]. */
    readonly expected: readonly string[],
    /** A short description of what was found, e.g. "')'" or "end of input". */
    readonly found: string,
  ) {
    super(`${reason} at column ${start + 1}`);
  }

  /** 1-based column of the start, as a user counts characters. */
  get column(): number {
    return this.start + 1;
  }

  /** The message, the source line and a caret under the offending text. */
  format(): string {
    const chars = Array.from(this.source);
    const oneLine = chars.map((c) => (c === "\n" || c === "\r" || c === "\t" ? " " : c)).join("");
    const width = Math.max(1, this.end - this.start);
    return `${this.message}\n  ${oneLine}\n  ${" ".repeat(this.start)}${"^".repeat(width)}`;
  }
}

/** An operation is undefined for its arguments (1/0 with exact numbers, strict evaluation of log(-1)). */
export class DomainError extends SymgradError {
  override name = "DomainError";
}

/** A configured limit was exceeded. `limit` names the field of `Limits` to raise. */
export class LimitError extends SymgradError {
  override name = "LimitError";
  constructor(
    readonly limit: string,
    readonly value: number,
    detail: string,
  ) {
    super(`${detail} (limit ${limit} = ${value}; raise it with setLimits({ ${limit}: ... }))`);
  }
}
