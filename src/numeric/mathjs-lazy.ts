/**
 * mathjs, loaded on first use. Loading it costs over a second of start-up CPU, which the parser,
 * diff, the printers and most CLI commands never need.
 *
 * Contract of `mathjs()`: returns the mathjs module, or throws a `SymgradError` saying how to load
 * it. It never imports a Node built-in statically, so every file that reaches it bundles for the
 * browser:
 * - in Node (ESM or CommonJS) mathjs is required synchronously on first use, through
 *   `process.getBuiltinModule("module")` (Node >= 20.16), resolved from this package's location;
 * - anywhere else (browsers, workers, Deno without Node globals) `await loadMathjs()` once first,
 *   or `useMathjs(m)` with a module the caller imported. `loadMathjs` is a dynamic
 *   `import("mathjs")`, which bundlers see and split into its own chunk (or drop when unused).
 */
import { SymgradError } from "../core/errors.js";

type MathjsModule = typeof import("mathjs");

type NodeModuleApi = { createRequire(from: string): (id: string) => unknown };
type NodeProcess = { getBuiltinModule?: (id: string) => unknown };

let loaded: MathjsModule | null = null;

/** The mathjs module: the registered one, else a synchronous require in Node, else an error. */
export function mathjs(): MathjsModule {
  loaded ??= requireInNode();
  if (loaded === null) {
    throw new SymgradError(
      "mathjs is not loaded: call `await loadMathjs()` once before toMathjs, fromMathjs or evaluate with { precision } (needed outside Node)",
    );
  }
  return loaded;
}

/**
 * Uses `m` (the module object of `import * as mathjs from "mathjs"`) for every mathjs-backed
 * function: `toMathjs`, `fromMathjs` and `evaluate` with `precision`. Only needed outside Node, and
 * only instead of `loadMathjs`, e.g. when the page already imports mathjs.
 *
 * @throws TypeError when `m` is not the mathjs module.
 * @example
 * useMathjs({});                                // throws TypeError: useMathjs expects the mathjs module (import * as mathjs from "mathjs")
 */
export function useMathjs(m: MathjsModule): void {
  const given = m as Partial<MathjsModule> | null | undefined; // callers without types may pass anything
  if (typeof given?.create !== "function" || typeof given.parse !== "function") {
    throw new TypeError('useMathjs expects the mathjs module (import * as mathjs from "mathjs")');
  }
  loaded = m;
}

/**
 * Imports mathjs (a dynamic `import("mathjs")`, which bundlers split into its own chunk) and uses
 * it; resolves when it is ready. Needed once before `toMathjs`, `fromMathjs` or `evaluate` with
 * `precision` outside Node (where mathjs is required synchronously on first use); calling it again
 * does nothing.
 *
 * @example
 * await loadMathjs();
 * evaluate("exp(x)", { x: 1 }, { precision: 30 });  // => 2.718281828459045
 */
export async function loadMathjs(): Promise<void> {
  if (loaded !== null) return;
  useMathjs(await import("mathjs"));
}

function requireInNode(): MathjsModule | null {
  const proc = (globalThis as { process?: NodeProcess }).process;
  const moduleApi = proc?.getBuiltinModule?.("module") as NodeModuleApi | undefined;
  if (moduleApi === undefined) return null;
  return moduleApi.createRequire(import.meta.url)("mathjs") as MathjsModule;
}
