/**
 * Runs the real built CLI (`node dist/cli/main.js`). `ensureBuilt` compiles dist/ once when it is
 * missing or older than any file under src/ (CI builds it through `npm ci`'s prepare script).
 */
import { spawn, spawnSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { expect } from "vitest";

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
export const MAIN = join(ROOT, "dist/cli/main.js");

function newestSourceTime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    const t = entry.isDirectory() ? newestSourceTime(path) : statSync(path).mtimeMs;
    if (t > newest) newest = t;
  }
  return newest;
}

/** Compiles dist/ if needed. Type errors elsewhere do not stop the emit; a missing bin does. */
export function ensureBuilt(): void {
  if (existsSync(MAIN) && statSync(MAIN).mtimeMs >= newestSourceTime(join(ROOT, "src"))) return;
  const r = spawnSync(process.execPath, [join(ROOT, "node_modules/typescript/bin/tsc"), "-p", "tsconfig.build.json"], { cwd: ROOT, encoding: "utf8" });
  if (!existsSync(MAIN)) throw new Error(`build failed:\n${r.stdout}${r.stderr}`);
}

export interface RunResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs `symgrad ...args`. The environment is the test's minus NO_COLOR / FORCE_COLOR, with no
 * history file, plus `env`.
 */
export function runCli(args: readonly string[], options: { input?: string; env?: Record<string, string> } = {}): Promise<RunResult> {
  const merged: Record<string, string | undefined> = { ...process.env, NO_COLOR: undefined, FORCE_COLOR: undefined, SYMGRAD_HISTORY: "", ...options.env };
  const env = Object.fromEntries(Object.entries(merged).filter(([, v]) => v !== undefined));
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [MAIN, ...args], { cwd: ROOT, env: env, timeout: 30_000 });
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (d: string) => (stdout += d));
    child.stderr.setEncoding("utf8").on("data", (d: string) => (stderr += d));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(options.input ?? "");
  });
}

/** Asserts a usage error: exit code 2, nothing on stdout, `error: MESSAGE` then the usage line starting with `usage`. */
export function expectUsageError(r: RunResult, message: string, usage: string): void {
  expect(r.code).toBe(2);
  expect(r.stdout).toBe("");
  const [first, second] = r.stderr.split("\n");
  expect(first).toBe(`error: ${message}`);
  expect(second!.startsWith(usage)).toBe(true);
}
