#!/usr/bin/env node
/**
 * The `symgrad` command. Exit codes: 0 success, 1 a bad expression (or any other failure of the
 * computation), 2 a usage error. Results go to stdout, errors to stderr; with EXPR `-` every input
 * line gives exactly one output line (`error: ...` for a line that fails).
 */
import { readFileSync, realpathSync, statSync } from "node:fs";
import { pathToFileURL } from "node:url";
import { helpText, parseArgs, UsageError, type Invocation } from "./args.js";
import { loadNumeric, needsNumeric, runCommand, takesList } from "./commands.js";
import { errorJson, errorMarker, formatError, formatLatex, formatOneLine, formatPretty, resultJson, useColor } from "./format.js";
import { startRepl } from "./repl.js";
import { runScript } from "./script.js";

/** The version field of the package.json two directories above this module (dist/cli or src/cli). */
export function packageVersion(): string {
  const text = readFileSync(new URL("../../package.json", import.meta.url), "utf8");
  return String((JSON.parse(text) as { version?: unknown }).version);
}

/** The non-empty lines of a text (a trailing `\r` removed). */
export function inputLines(text: string): string[] {
  return text
    .split("\n")
    .map((l) => l.replace(/\r$/, ""))
    .filter((l) => l.trim() !== "");
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

/** Runs the program for `argv` (without node and script); returns the exit code. */
export async function main(argv: readonly string[]): Promise<number> {
  const color = useColor(process.stderr.isTTY, process.env);
  let invocation: Invocation;
  try {
    invocation = parseArgs(argv, isFile);
  } catch (err) {
    if (!(err instanceof UsageError)) throw err;
    process.stderr.write(formatError(err, color) + "\n");
    return 2;
  }
  switch (invocation.kind) {
    case "help":
      process.stdout.write(helpText(invocation.command));
      return 0;
    case "version":
      process.stdout.write(packageVersion() + "\n");
      return 0;
    case "repl":
      return startRepl({ input: process.stdin, output: process.stdout, env: process.env, color });
    case "script":
      return runScript(invocation.path, readFileSync(invocation.path, "utf8"), {
        out: (t) => process.stdout.write(t),
        err: (t) => process.stderr.write(t),
        color,
      });
    case "command":
      break;
  }
  const { command, exprs, json, latex } = invocation;
  if (needsNumeric(command)) await loadNumeric();
  const stdinText = exprs.includes("-") ? await readStdin() : "";
  // A command taking a list (jacobian, divergence, curl) takes all its expressions at once; every
  // other command runs once per input.
  const list = takesList(command);
  const jobs: string[][] = list
    ? [exprs.flatMap((t) => (t === "-" ? inputLines(stdinText) : [t]))]
    : exprs[0] === "-"
      ? inputLines(stdinText).map((line) => [line])
      : [[exprs[0]!]];
  if (jobs.length === 0 || jobs[0]!.length === 0) {
    process.stderr.write(formatError(new UsageError("no expression on standard input", command), color) + "\n");
    return 2;
  }
  // From standard input, each result stays on one line so that output lines match input lines.
  const perLine = exprs.includes("-") && !list;
  let code = 0;
  for (const job of jobs) {
    const input = job.join("\n");
    try {
      const r = runCommand(command, job, invocation);
      process.stdout.write(
        (json ? JSON.stringify(resultJson(input, r)) : latex ? formatLatex(r) : perLine || r.kind !== "vector" ? formatOneLine(r) : formatPretty(r)) + "\n",
      );
    } catch (err) {
      process.stderr.write(formatError(err, color) + "\n");
      if (err instanceof UsageError) return 2;
      if (json) process.stdout.write(JSON.stringify(errorJson(input, err)) + "\n");
      else if (perLine) process.stdout.write(errorMarker(err) + "\n");
      code = 1;
    }
  }
  return code;
}

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

function isEntryPoint(): boolean {
  const script = process.argv[1];
  if (script === undefined) return false;
  try {
    return import.meta.url === pathToFileURL(realpathSync(script)).href;
  } catch {
    return false;
  }
}

if (isEntryPoint()) {
  process.stdout.on("error", (err: NodeJS.ErrnoException) => {
    // A closed pipe (`symgrad ... | head`) ends the program quietly.
    if (err.code === "EPIPE") process.exit(process.exitCode ?? 0);
    throw err;
  });
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (err: unknown) => {
      process.stderr.write(formatError(err, useColor(process.stderr.isTTY, process.env)) + "\n");
      process.exitCode = 1;
    },
  );
}
