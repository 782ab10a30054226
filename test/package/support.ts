/**
 * The built package: dist/ (ESM, from tsc) and dist/cjs/ (CommonJS, from scripts/build-cjs.mjs),
 * rebuilt when missing or older than src/.
 */
import { spawnSync } from "node:child_process";
import { existsSync, statSync } from "node:fs";
import { join } from "node:path";
import { ensureBuilt, ROOT } from "../cli/support.js";

export { ROOT };
export const CJS_MAIN = join(ROOT, "dist/cjs/index.js");

/** Runs `cmd args` in `cwd` and returns stdout; a non-zero exit throws with the output. */
export function run(cmd: string, args: readonly string[], cwd: string, env: Record<string, string> = {}): string {
  const r = spawnSync(cmd, args, { cwd, encoding: "utf8", env: { ...process.env, ...env } });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(" ")} exited ${r.status}:\n${r.stdout}\n${r.stderr}`);
  return r.stdout;
}

/** Builds dist/ and dist/cjs/ if either is older than the ESM build it comes from. */
export function ensurePackageBuilt(): void {
  ensureBuilt();
  const esm = statSync(join(ROOT, "dist/index.js")).mtimeMs;
  if (existsSync(CJS_MAIN) && statSync(CJS_MAIN).mtimeMs >= esm) return;
  run(process.execPath, [join(ROOT, "scripts/build-cjs.mjs")], ROOT);
}
