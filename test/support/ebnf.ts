/**
 * A reader for the ISO-style EBNF of `grammar/symgrad.ebnf` and a random sentence generator over
 * it, for the executable-grammar test.
 *
 * Reader: rules `name = body ;` where the name is an identifier or a quoted token ("+" = "+" | "−"
 * lists the spellings of the token "+"); bodies use `,` (sequence), `|`, `{ }`, `[ ]`, `( )`,
 * "literals" and `? special ?`; `(* comments *)` are skipped.
 *
 * Generator: rules named in lower case are syntax rules and produce a derivation tree of tokens;
 * other rules are tokens and produce text. A literal in a syntax rule is a token, spelt by the
 * token rule of that name when there is one. Past the depth budget every choice takes its
 * shallowest option. The conditions the grammar states in comments are hooks of the caller.
 */

export type Item =
  | { readonly kind: "seq" | "alt"; readonly items: readonly Item[] }
  | { readonly kind: "rep" | "opt"; readonly item: Item }
  | { readonly kind: "ref"; readonly name: string }
  | { readonly kind: "lit" | "special"; readonly text: string };

export type Grammar = ReadonlyMap<string, Item>;

/** Parses the rules of an EBNF text; throws on anything it does not understand. */
export function readEbnf(text: string): Grammar {
  const tokens: string[] = [];
  const re = /\s+|\(\*[\s\S]*?\*\)|"[^"]*"|\?[^?]*\?|[A-Za-z_][A-Za-z0-9_]*|[=,|;{}[\]()]/y;
  for (let m = re.exec(text); m !== null && re.lastIndex <= text.length; m = re.exec(text)) {
    const t = m[0];
    if (!/^\s/.test(t) && !t.startsWith("(*")) tokens.push(t);
    if (re.lastIndex === text.length) break;
  }
  if (re.lastIndex !== text.length) throw new Error(`ebnf: cannot read at offset ${re.lastIndex}: ${text.slice(re.lastIndex, re.lastIndex + 20)}`);
  let i = 0;
  const peek = (): string | undefined => tokens[i];
  const expect = (t: string): void => {
    if (tokens[i] !== t) throw new Error(`ebnf: expected ${t} but found ${tokens[i]} (token ${i})`);
    i++;
  };
  const alt = (): Item => {
    const items = [seq()];
    while (peek() === "|") {
      i++;
      items.push(seq());
    }
    return items.length === 1 ? items[0]! : { kind: "alt", items };
  };
  const seq = (): Item => {
    const items = [factor()];
    while (peek() === ",") {
      i++;
      items.push(factor());
    }
    return items.length === 1 ? items[0]! : { kind: "seq", items };
  };
  const factor = (): Item => {
    const t = tokens[i++];
    if (t === undefined) throw new Error("ebnf: unexpected end");
    if (t === "{" || t === "[" || t === "(") {
      const inner = alt();
      expect(t === "{" ? "}" : t === "[" ? "]" : ")");
      return t === "(" ? inner : { kind: t === "{" ? "rep" : "opt", item: inner };
    }
    if (t.startsWith('"')) return { kind: "lit", text: t.slice(1, -1) };
    if (t.startsWith("?")) return { kind: "special", text: t.slice(1, -1).trim() };
    if (/^[A-Za-z_]/.test(t)) return { kind: "ref", name: t };
    throw new Error(`ebnf: unexpected ${t}`);
  };
  const rules = new Map<string, Item>();
  while (i < tokens.length) {
    const head = tokens[i++]!;
    const name = head.startsWith('"') ? head.slice(1, -1) : head;
    expect("=");
    rules.set(name, alt());
    expect(";");
  }
  return rules;
}

export const isSyntaxRule = (name: string): boolean => /^[a-z]/.test(name);

/** A token of a generated sentence: `name` is its token rule (or literal), `text` its spelling. */
export interface Tok {
  readonly name: string;
  readonly text: string;
}
/** A derivation: the syntax rule and its parts in order. */
export interface Tree {
  readonly rule: string;
  readonly parts: readonly (Tok | Tree)[];
}

export const isTree = (p: Tok | Tree): p is Tree => "rule" in p;

export interface Hooks {
  /** Generates the rule `rule` instead of the grammar (return undefined to use the grammar). */
  readonly rule?: (rule: string, gen: Generator, depth: number) => Tree | undefined;
  /** Accepts or rejects a part generated for a repetition in `rule` after `before` (retried). */
  readonly accept?: (rule: string, part: Tok | Tree, before: readonly (Tok | Tree)[]) => boolean;
  /** The text of a special sequence `? text ?`. */
  readonly special: (text: string, random: () => number) => string;
}

export class Generator {
  private readonly height = new Map<string, number>();

  constructor(
    readonly grammar: Grammar,
    readonly random: () => number,
    private readonly hooks: Hooks,
    private readonly maxDepth: number,
  ) {
    // Shallowest derivation height of every rule (a fixpoint), for choices past the budget.
    for (let changed = true; changed;) {
      changed = false;
      for (const [name, item] of grammar) {
        const h = this.itemHeight(item) + 1;
        if (h < (this.height.get(name) ?? Infinity)) {
          this.height.set(name, h);
          changed = true;
        }
      }
    }
  }

  private itemHeight(item: Item): number {
    switch (item.kind) {
      case "seq":
        return Math.max(0, ...item.items.map((x) => this.itemHeight(x)));
      case "alt":
        return Math.min(...item.items.map((x) => this.itemHeight(x)));
      case "rep":
      case "opt":
        return 0;
      case "ref":
        return this.height.get(item.name) ?? Infinity;
      default:
        return 0;
    }
  }

  /** A derivation of the syntax rule `rule` at nesting `depth`. */
  tree(rule: string, depth = 0): Tree {
    const hooked = this.hooks.rule?.(rule, this, depth);
    if (hooked !== undefined) return hooked;
    const parts: (Tok | Tree)[] = [];
    this.syntax(this.rule(rule), rule, depth + 1, parts);
    return { rule, parts };
  }

  private rule(name: string): Item {
    const item = this.grammar.get(name);
    if (item === undefined) throw new Error(`ebnf: no rule ${name}`);
    return item;
  }

  private count(depth: number): number {
    if (depth >= this.maxDepth) return 0;
    const r = this.random();
    return r < 0.45 ? 0 : r < 0.8 ? 1 : r < 0.95 ? 2 : 3;
  }

  private choose(items: readonly Item[], depth: number): Item {
    if (depth < this.maxDepth) return items[Math.floor(this.random() * items.length)]!;
    let best = items[0]!;
    for (const x of items) if (this.itemHeight(x) < this.itemHeight(best)) best = x;
    return best;
  }

  private syntax(item: Item, rule: string, depth: number, out: (Tok | Tree)[]): void {
    switch (item.kind) {
      case "seq":
        for (const x of item.items) this.syntax(x, rule, depth, out);
        return;
      case "alt":
        this.syntax(this.choose(item.items, depth), rule, depth, out);
        return;
      case "opt":
        if (this.count(depth) > 0) this.syntax(item.item, rule, depth, out);
        return;
      case "rep":
        for (let n = this.count(depth); n > 0; n--) {
          for (let attempt = 0; attempt < 20; attempt++) {
            const part: (Tok | Tree)[] = [];
            this.syntax(item.item, rule, depth, part);
            if (part.every((p) => this.hooks.accept?.(rule, p, out) ?? true)) {
              out.push(...part);
              break;
            }
          }
        }
        return;
      case "ref":
        out.push(isSyntaxRule(item.name) ? this.tree(item.name, depth) : { name: item.name, text: this.text(this.rule(item.name), depth) });
        return;
      case "lit":
        out.push({ name: item.text, text: this.grammar.has(item.text) ? this.text(this.rule(item.text), depth) : item.text });
        return;
      case "special":
        out.push({ name: item.text, text: this.hooks.special(item.text, this.random) });
        return;
    }
  }

  /** The text of a token rule's body (literals are plain text here). */
  text(item: Item, depth = 0): string {
    switch (item.kind) {
      case "seq":
        return item.items.map((x) => this.text(x, depth)).join("");
      case "alt":
        return this.text(this.choose(item.items, depth), depth);
      case "opt":
        return this.count(depth) > 0 ? this.text(item.item, depth) : "";
      case "rep": {
        let s = "";
        for (let n = this.count(depth); n > 0; n--) s += this.text(item.item, depth);
        return s;
      }
      case "ref":
        return this.text(this.rule(item.name), depth);
      case "lit":
        return item.text;
      case "special":
        return this.hooks.special(item.text, this.random);
    }
  }
}
