// `npm run lint`: the four checks, run side by side (the two type-aware ones, tsc and ESLint, each
// build a TypeScript program, so running them at once halves the wall-clock time on two cores).
// Each check's output is printed when it ends, with its time; the exit code is 1 when any failed.
import { spawn } from "node:child_process";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const bin = (name) => join(root, "node_modules", ".bin", name);

/** [label, command, arguments]: the compiler with the strict flags, ESLint, Prettier, knip. */
const CHECKS = [
  ["tsc", bin("tsc"), ["-p", "tsconfig.json", "--noEmit"]],
  ["tsc (playground)", bin("tsc"), ["-p", "site/tsconfig.json"]],
  ["eslint", bin("eslint"), ["."]],
  ["prettier", bin("prettier"), ["--check", "--log-level", "warn", "."]],
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
