/**
 * The typed errors of the public API. Every failure a caller can provoke with input ends in a
 * subclass of `SymgradError` carrying data; the CLI and REPL format them.
 */
/**
 * The base class of every error that input can provoke: `ParseError`, `DomainError` and
 * `LimitError` extend it, so `catch (e) { if (e instanceof SymgradError) ... }` separates bad input
 * from programming errors (TypeError, RangeError).
 *
 * @example
 * const caught = (f) => { try { f(); } catch (e) { return e; } };
 * caught(() => parse("1/0")) instanceof SymgradError;        // => true
 * caught(() => diff("x", "x", 0.5)) instanceof SymgradError; // => false
 */
export class SymgradError extends Error {
  override name = "SymgradError";
}

/**
 * A syntax error or an unknown name in an expression string. `start`/`end` are 0-based
 * code-point offsets (an emoji is one), `column` is 1-based, `expected` lists what would have been
 * accepted, `found` describes what was there, and `format()` shows the source with a caret.
 *
 * @example
 * parse("x^2 +* 3");                            // throws ParseError: expected a number, a name, '(' or a unary operator but found '*' at column 6
 * const e = (() => { try { parse("x^2 +* 3"); } catch (err) { return err; } })();
 * [e.start, e.end, e.column, e.found];       // => [5, 6, 6, "'*'"]
 */
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

/**
 * An operation is undefined for its arguments: exact `1/0`, an unbound variable in `evaluate`, or
 * strict evaluation of `log(0)`.
 *
 * @example
 * parse("1/0");                                 // throws DomainError: division by zero (0 raised to a negative power)
 * evaluate("x + 1", {});                        // throws DomainError: unbound variable 'x'
 */
export class DomainError extends SymgradError {
  override name = "DomainError";
}

/**
 * A configured limit was exceeded. `limit` names the field of `Limits` to raise with `setLimits`,
 * and `value` is its current setting.
 *
 * @example
 * parse("2^600000*2^600000");                   // throws LimitError: a number of 1200001 bits (limit maxIntegerBits = 1000000; raise it with setLimits({ maxIntegerBits: ... }))
 */
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
