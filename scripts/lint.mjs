// `npm run lint`: the four checks, run side by side (the two type-aware ones, tsc and ESLint, each
// build a TypeScript program, so running them at once halves the wall-clock time on two cores).
// Each check's output is printed when it ends, with its time; the exit code is 1 when any failed.
// tsc and Prettier keep caches in node_modules/.cache (both are exact: tsc's incremental build
// info and Prettier's per-file content hashes), so a second run on an unchanged tree is quicker;
// `npm ci` starts them afresh. ESLint runs without a cache: its type-aware results for one file
// depend on the others.
import { spawn } from "node:child_process";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const bin = (name) => join(root, "node_modules", ".bin", name);
const cache = (name) => join(root, "node_modules", ".cache", "symgrad-lint", name);

/** [label, command, arguments]: the compiler with the strict flags, ESLint, Prettier, knip. */
const CHECKS = [
  ["tsc", bin("tsc"), ["-p", "tsconfig.json", "--noEmit", "--incremental", "--tsBuildInfoFile", cache("tsc.tsbuildinfo")]],
  ["tsc (playground)", bin("tsc"), ["-p", "site/tsconfig.json", "--incremental", "--tsBuildInfoFile", cache("tsc-site.tsbuildinfo")]],
  ["eslint", bin("eslint"), ["."]],
  ["prettier", bin("prettier"), ["--check", "--log-level", "warn", "--cache", "--cache-location", cache("prettier"), "."]],
  ["knip", bin("knip"), []],
];

function run([label, command, args]) {
  const t0 = performance.now();
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: root, stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    child.stdout.on("data", (d) => (output += d));
    child.stderr.on("data", (d) => (output += d));
    child.on("error", (e) => (output += String(e)));
    child.on("close", (code) => {
      const seconds = ((performance.now() - t0) / 1000).toFixed(1);
      const ok = code === 0;
      process.stdout.write(`${ok ? "ok  " : "FAIL"} ${label} (${seconds} s)\n${output.trim() === "" ? "" : output.trimEnd() + "\n"}`);
      resolve(ok);
    });
  });
}

const results = await Promise.all(CHECKS.map(run));
process.exitCode = results.every(Boolean) ? 0 : 1;
