/**
 * Doctests: every export of src/index.ts has a doc comment, every value export an `@example`, and
 * every example runs. An example is JavaScript, one statement per line; a line ending in
 * `// => text` checks that the statement's value shows as `text`, and `// throws Name: message`
 * that it throws that error. Values show as in the README: an expression (and anything with its
 * own toString, such as Rational) by its formula, a string in double quotes, arrays as
 * `[a, b]`, typed arrays as `Float64Array [a, b]`, plain objects as `{ k: v }`. The examples run
 * with every export of src/index.ts in scope, in one async function per export, so `await` works.
 */
import ts from "typescript";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import * as symgrad from "../../src/index.js";
import { ROOT } from "../cli/support.js";

interface Doc {
  name: string;
  isValue: boolean;
  text: string;
  examples: string[];
}

function exportedDocs(): Doc[] {
  const index = join(ROOT, "src/index.ts");
  const program = ts.createProgram([index], {
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    noEmit: true,
    skipLibCheck: true,
    types: [],
  });
  const checker = program.getTypeChecker();
  const moduleSymbol = checker.getSymbolAtLocation(program.getSourceFile(index)!)!;
  return checker.getExportsOfModule(moduleSymbol).map((s) => {
    const target = s.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(s) : s;
    const examples = target
      .getJsDocTags(checker)
      .filter((t) => t.name === "example")
      .map((t) =>
        ts
          .displayPartsToString(t.text)
          .replace(/^```\w*\n?|```$/gm, "")
          .trim(),
      );
    return {
      name: s.name,
      isValue: (target.flags & ts.SymbolFlags.Value) !== 0,
      text: ts.displayPartsToString(target.getDocumentationComment(checker)).trim(),
      examples,
    };
  });
}

/** How a value shows in an example's `// =>` comment. */
export function show(v: unknown): string {
  if (typeof v === "string") return JSON.stringify(v);
  if (v === null || typeof v !== "object") return String(v);
  if (Array.isArray(v)) return `[${v.map(show).join(", ")}]`;
  if (ArrayBuffer.isView(v))
    return `${v.constructor.name} [${Array.from(v as unknown as ArrayLike<number>)
      .map(show)
      .join(", ")}]`;
  if (Object.getPrototypeOf(v) === Object.prototype)
    return `{ ${Object.entries(v)
      .map(([k, x]) => `${k}: ${show(x)}`)
      .join(", ")} }`;
  const own = (v as { toString?: unknown }).toString;
  if (typeof own === "function" && own !== Object.prototype.toString) return (v as { toString(): string }).toString();
  return Object.prototype.toString.call(v);
}

/** The example as an async function body that records each checked line's actual result. */
function instrument(example: string): string {
  return example
    .split("\n")
    .map((line, i) => {
      const check = /^(.*?);?\s*\/\/ => (.*)$/.exec(line);
      if (check) return `__results.push([${i}, ${JSON.stringify(check[2])}, __show(await (async () => (${check[1]}))())]);`;
      const thrower = /^(.*?);?\s*\/\/ throws (.*)$/.exec(line);
      if (thrower)
        return `try { ${thrower[1]}; __results.push([${i}, ${JSON.stringify(thrower[2])}, "no error"]); } catch (e) { __results.push([${i}, ${JSON.stringify(thrower[2])}, e.name + ": " + e.message]); }`;
      return line;
    })
    .join("\n");
}

const AsyncFunction = (Object.getPrototypeOf(async () => {}) as { constructor: new (...args: string[]) => (...args: unknown[]) => Promise<void> }).constructor;
const docs = exportedDocs();

describe("API documentation", () => {
  it("covers every export, each with a doc comment, and every value with an @example", () => {
    expect(docs.length).toBe(Object.keys(symgrad).length + docs.filter((d) => !d.isValue).length);
    expect(docs.filter((d) => d.text === "" || (d.isValue && d.examples.length === 0)).map((d) => d.name)).toEqual([]);
    expect(docs.filter((d) => d.isValue && d.examples.length === 0).map((d) => d.name)).toEqual([]);
  });

  const withExamples = docs.filter((d) => d.examples.length > 0);
  it.each(withExamples.map((d) => [d.name, d] as const))("%s: its examples print what they say", async (_name, doc) => {
    for (const example of doc.examples) {
      expect(example).toMatch(/\/\/ (=>|throws) /);
      const names = Object.keys(symgrad);
      const run = new AsyncFunction("__results", "__show", ...names, instrument(example));
      const results: [number, string, string][] = [];
      await run(results, show, ...names.map((n) => (symgrad as Record<string, unknown>)[n]));
      for (const [line, expected, actual] of results)
        expect(`${example.split("\n")[line]!.split("//")[0]!.trim()} // ${actual}`).toBe(`${example.split("\n")[line]!.split("//")[0]!.trim()} // ${expected}`);
      symgrad.resetLimits();
    }
  });
});
