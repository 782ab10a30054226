/**
 * The grammar is executable: random sentences generated from the rules of grammar/symgrad.ebnf
 * are accepted by the parser, with the structure the grammar gives them. Each sentence is also
 * rendered fully parenthesised from the same derivation (every operator explicit, every operand
 * in parentheses), and both must parse to the same interned node. The conditions the grammar
 * states in comments (which powers may follow implicitly, callable names and argument counts, a
 * name before "(" is a call) are the generator's hooks below.
 */
import { readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { DomainError, SymgradError } from "../../src/core/errors.js";
import { FUNCTION_ARITY } from "../../src/core/functions.js";
import { SUGAR_ARITY } from "../../src/core/functions.js";
import { tokenize } from "../../src/parse/lexer.js";
import { parse } from "../../src/parse/parser.js";
import { Generator, isTree, readEbnf, type Tok, type Tree } from "../support/ebnf.js";

const grammar = readEbnf(readFileSync(new URL("../../grammar/symgrad.ebnf", import.meta.url), "utf8"));

const CALLABLE: readonly [string, number][] = [
  ...Object.entries(FUNCTION_ARITY),
  ...Object.entries(SUGAR_ARITY).flatMap(([name, counts]) => counts.map((n) => [name, n] as [string, number])),
];
const CALLABLE_NAMES = new Set(CALLABLE.map(([n]) => n));
const LETTERS = Array.from("xyzabtuvθαβeEpXé");
const DERIVATIVE_OPERATORS = ["d/dx", "d / dy", "∂/∂θ", "d/dab"];

/** The first token of a derivation. */
function firstToken(p: Tok | Tree): Tok | undefined {
  if (!isTree(p)) return p;
  for (const q of p.parts) {
    const t = firstToken(q);
    if (t !== undefined) return t;
  }
  return undefined;
}

function tokensOf(p: Tok | Tree, out: Tok[] = []): Tok[] {
  if (isTree(p)) for (const q of p.parts) tokensOf(q, out);
  else out.push(p);
  return out;
}

function generator(random: () => number): Generator {
  const g: Generator = new Generator(
    grammar,
    random,
    {
      rule(rule, gen, depth) {
        if (rule !== "call") return undefined;
        // call = NAME "(" [ sum { "," sum } ] ")" with NAME callable and its argument count.
        const [name, arity] = CALLABLE[Math.floor(gen.random() * CALLABLE.length)]!;
        const parts: (Tok | Tree)[] = [
          { name: "NAME", text: name },
          { name: "(", text: "(" },
        ];
        for (let k = 0; k < arity; k++) {
          if (k > 0) parts.push({ name: ",", text: "," });
          parts.push(gen.tree("sum", depth + 1));
        }
        parts.push({ name: ")", text: ")" });
        return { rule, parts };
      },
      accept(rule, part, before) {
        // implicit: each further power starts with NAME, "(" or "√".
        if (rule === "implicit") {
          const first = firstToken(part)?.name;
          return first === "NAME" || first === "(" || first === "√";
        }
        // The grammar is ambiguous in "√x²" (the √'s postfix or this one takes "²"); longest
        // match gives every superscript to the √'s postfix, so a √ primary takes none here.
        if (rule === "postfix") return firstToken(before[0]!)?.name !== "√";
        return true;
      },
      special(text, r) {
        if (text.startsWith("any Unicode letter")) return LETTERS[Math.floor(r() * LETTERS.length)]!;
        if (text.startsWith('"d/d" or')) return DERIVATIVE_OPERATORS[Math.floor(r() * DERIVATIVE_OPERATORS.length)]!;
        if (text.startsWith("end of the input")) return "";
        if (text.startsWith("tab")) return "\t";
        if (text.startsWith("line feed")) return "\n";
        if (text.startsWith("carriage return")) return "\r";
        throw new Error(`unknown special ? ${text} ?`);
      },
    },
    // Rule levels: input, sum, term, implicit, unary, power, postfix, primary is 8 per bracket.
    12,
  );
  return g;
}

/** Joins tokens, with a space only where the two texts would lex as something else. */
function sentence(tokens: readonly Tok[], random: () => number): string {
  let out = "";
  let prev = "";
  for (const t of tokens) {
    if (t.text === "") continue;
    let glued: boolean;
    try {
      const lexed = tokenize(prev + t.text);
      glued = prev === "" || (lexed.length === 3 && lexed[0]!.text === prev && lexed[1]!.text === t.text);
    } catch {
      glued = false;
    }
    out += (glued && random() < 0.7 ? "" : " ") + t.text;
    prev = t.text;
  }
  return out.trim();
}

const NEGATE: Record<string, boolean> = { "+": false, "-": true };

/** The same derivation with every operator explicit and every operand parenthesised. */
function explicit(p: Tok | Tree): string {
  if (!isTree(p)) return p.name === "NUMBER" ? `(${p.text})` : p.text;
  const parts = p.parts;
  const sub = (q: Tok | Tree): string => `(${explicit(q)})`;
  switch (p.rule) {
    case "input":
      return explicit(parts[0]!);
    case "sum":
    case "term": {
      let acc = sub(parts[0]!);
      for (let i = 1; i < parts.length; i += 2) acc = `(${acc} ${(parts[i] as Tok).name} ${sub(parts[i + 1]!)})`;
      return acc;
    }
    case "implicit":
      return parts.map(sub).join("*");
    case "unary": {
      const negative = parts.slice(0, -1).filter((s) => NEGATE[(s as Tok).name]).length % 2 === 1;
      return negative ? `(-${sub(parts[parts.length - 1]!)})` : sub(parts[parts.length - 1]!);
    }
    case "power": {
      if (parts.length === 1) return sub(parts[0]!);
      const negative = parts.slice(2, -1).filter((s) => NEGATE[(s as Tok).name]).length % 2 === 1;
      return `(${sub(parts[0]!)}^(${negative ? "-" : ""}${sub(parts[parts.length - 1]!)}))`;
    }
    case "postfix": {
      let acc = sub(parts[0]!);
      for (const s of parts.slice(1)) acc = `(${acc}^${(s as Tok).name === "²" ? 2 : 3})`;
      return acc;
    }
    case "primary": {
      const first = parts[0]!;
      if (!isTree(first) && first.name === "(") return sub(parts[1]!);
      if (!isTree(first) && first.name === "DERIVATIVE") return `${first.text}${sub(parts[2]!)}`;
      if (!isTree(first) && first.name === "√") return `sqrt${sub(parts[1]!)}`;
      return explicit(first);
    }
    case "call": {
      const name = (parts[0] as Tok).text;
      const args = parts.filter((q) => isTree(q)).map((q) => explicit(q));
      return `${name}(${args.join(", ")})`;
    }
    default:
      throw new Error(`no explicit rendering for rule ${p.rule}`);
  }
}

/** A derivation of `input` whose tokens satisfy the grammar's comments, or null. */
function derivation(random: () => number): Tree | null {
  const tree = generator(random).tree("input");
  const tokens = tokensOf(tree);
  for (let i = 0; i + 1 < tokens.length; i++) {
    const t = tokens[i]!;
    const next = tokens[i + 1]!;
    // A name before "(" is always a call; a primary NAME is not callable.
    if (t.name === "NAME" && next.name === "(" && !CALLABLE_NAMES.has(t.text)) return null;
    if (t.name === "NAME" && next.name !== "(" && CALLABLE_NAMES.has(t.text)) return null;
  }
  return tree;
}

function outcome(text: string): unknown {
  try {
    return parse(text);
  } catch (e) {
    return e;
  }
}

describe("grammar/symgrad.ebnf is executable", () => {
  it("reads every rule the parser implements", () => {
    for (const r of ["input", "sum", "term", "implicit", "unary", "power", "postfix", "primary", "call", "NUMBER", "NAME"]) expect(grammar.has(r)).toBe(true);
  });

  it("the parser accepts random sentences of the grammar, with the grammar's precedence", () => {
    let checked = 0;
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 2 ** 31 - 1 }), (seed) => {
        let s = seed;
        const random = (): number => {
          s = (s * 48271) % 2147483647;
          return s / 2147483647;
        };
        const tree = derivation(random);
        if (tree === null) return;
        const text = sentence(tokensOf(tree), random);
        const plain = outcome(text);
        const full = outcome(explicit(tree));
        if (full instanceof DomainError) {
          // 1/0 and 0^-1 are undefined whichever way they are grouped.
          expect(plain, text).toBeInstanceOf(DomainError);
          return;
        }
        if (plain instanceof SymgradError || plain instanceof Error) throw new Error(`rejected ${JSON.stringify(text)}: ${plain.message}`);
        expect(plain, `${text}  vs  ${explicit(tree)}`).toBe(full);
        checked++;
      }),
      { numRuns: 200, seed: 14 },
    );
    expect(checked).toBeGreaterThan(130);
  });
});
