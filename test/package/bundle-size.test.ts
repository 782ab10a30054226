/**
 * The browser bundle: every entry point bundles for the browser (esbuild fails on any Node
 * built-in), `import { diff, toLatex }` stays within its size budget, and the bundle works in a
 * JavaScript realm with no Node globals (no process, no require; only `performance`), mathjs included once
 * `loadMathjs()` has resolved.
 */
import { build } from "esbuild";
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from "node:fs";
import { rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createContext, runInContext } from "node:vm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
// @ts-expect-error: a plain .mjs script without declarations
import { ENTRIES, measure } from "../../scripts/bundle-size.mjs";
import { ensurePackageBuilt, ROOT } from "./support.js";

type Size = { min: number; gzip: number };
type Measured = { label: string; eager: Size; lazy: Size; text: string };

/**
 * Most gzip bytes of the code `import { diff, toLatex } from "symgrad"` loads up front. The target
 * is 30 KB and is not met (38.3 KB measured with the exact-value tables, the special functions,
 * the simplifier's strategies, the inert derivative and the packed polynomials on the path of
 * diff); this bound keeps the size from growing further until the code is trimmed.
 */
const DIFF_LATEX_BUDGET = 40 * 1024;

let sizes: Measured[] = [];
let dir = "";

beforeAll(async () => {
  ensurePackageBuilt();
  sizes = await (measure as () => Promise<Measured[]>)();
  dir = mkdtempSync(join(tmpdir(), "symgrad-browser-"));
  mkdirSync(join(dir, "node_modules"));
  symlinkSync(ROOT, join(dir, "node_modules", "symgrad"), "dir");
}, 120_000);

afterAll(async () => {
  if (dir !== "") await rm(dir, { recursive: true, force: true });
}, 60_000);

describe("browser bundle sizes", () => {
  it("measures every entry point", () => {
    expect(sizes.map((s) => s.label)).toEqual((ENTRIES as { label: string }[]).map((e) => e.label));
    for (const s of sizes) expect(s.eager.gzip).toBeGreaterThan(1000);
  });

  it(`keeps import { diff, toLatex } within ${DIFF_LATEX_BUDGET / 1024} KB gzip, without mathjs`, () => {
    const s = sizes.find((x) => x.label === "diff, toLatex")!;
    expect(s.eager.gzip).toBeLessThanOrEqual(DIFF_LATEX_BUDGET);
    expect(s.lazy.gzip).toBe(0);
  });

  it("loads mathjs only on demand, as its own chunk, even when everything is imported", () => {
    const all = sizes.find((x) => x.label.startsWith("everything"))!;
    expect(all.lazy.gzip).toBeGreaterThan(100 * 1024);
    expect(all.eager.gzip).toBeLessThan(all.lazy.gzip);
  });
});

describe("the bundle in a realm without Node globals", () => {
  it("differentiates, prints, and evaluates with mathjs after loadMathjs()", async () => {
    const entry = join(dir, "browser-entry.js");
    writeFileSync(
      entry,
      `import { diff, toLatex, evaluate, toMathjs, loadMathjs } from "symgrad";
      const out = [String(diff("x^2+3*x+2", "x")), toLatex(diff("sqrt(x^2+1)", "x")), typeof globalThis.process, typeof globalThis.require];
      try { evaluate("exp(x)", { x: 1 }, { precision: 30 }); out.push("no error"); } catch (e) { out.push(e.name + ": " + e.message); }
      globalThis.done = loadMathjs().then(() => {
        out.push(String(evaluate("exp(x)", { x: 1 }, { precision: 30 })), toMathjs("x^2 + 1").toString());
        return out;
      });`,
    );
    const bundled = await build({
      entryPoints: [entry],
      absWorkingDir: dir,
      bundle: true,
      format: "iife",
      platform: "browser",
      write: false,
      logLevel: "silent",
    });
    const realm = createContext({ performance }); // the one non-ECMAScript global symgrad uses (browsers and workers have it)
    runInContext(bundled.outputFiles[0]!.text, realm);
    const out = await (realm as { done: Promise<string[]> }).done;
    expect(out).toEqual([
      "2*x + 3",
      "\\frac{x}{\\sqrt{x^{2} + 1}}",
      "undefined",
      "undefined",
      "SymgradError: mathjs is not loaded: call `await loadMathjs()` once before toMathjs, fromMathjs or evaluate with { precision } (needed outside Node)",
      "2.718281828459045",
      "1 + x ^ 2",
    ]);
  }, 60_000);
});
