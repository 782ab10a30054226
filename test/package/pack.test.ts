/**
 * The packed tarball, installed as a user would install it (offline, from the npm cache) into one
 * scratch folder whose node_modules serves three consumer projects: plain ESM, plain CommonJS and
 * TypeScript compiled to CommonJS (checked with node16 and with legacy node10 resolution). Each
 * prints diff("x^2+3*x+2","x"), a LaTeX form and a mathjs BigNumber evaluation. A fourth, ESM,
 * imports symgrad/lite (an ESM-only subpath).
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ensurePackageBuilt, ROOT, run } from "./support.js";

const EXPECTED = ["2*x + 3", "\\frac{x}{\\sqrt{x^{2} + 1}}", "2.718281828459045"].join("\n") + "\n";

const ESM = `import { diff, toLatex, evaluate } from "symgrad";
console.log(String(diff("x^2+3*x+2", "x")));
console.log(toLatex(diff("sqrt(x^2+1)", "x")));
console.log(evaluate("exp(x)", { x: 1 }, { precision: 40 }));
`;
const LITE = `import { diff, toLatex } from "symgrad/lite";
console.log(String(diff("x^2*sin(x)", "x")));
console.log(toLatex(diff("sqrt(x^2+1)", "x")));
`;
const CJS = `const { diff, toLatex, evaluate } = require("symgrad");
console.log(String(diff("x^2+3*x+2", "x")));
console.log(toLatex(diff("sqrt(x^2+1)", "x")));
console.log(evaluate("exp(x)", { x: 1 }, { precision: 40 }));
`;
const TS = `import { diff, toLatex, evaluate, type Expr } from "symgrad";
const d: Expr = diff("x^2+3*x+2", "x");
console.log(String(d));
console.log(toLatex(diff("sqrt(x^2+1)", "x")));
const v: number = evaluate("exp(x)", { x: 1 }, { precision: 40 });
console.log(v);
`;

let dir = "";
const npm = process.platform === "win32" ? "npm.cmd" : "npm";

type LockEntry = { version?: string; dependencies?: Record<string, string>; [k: string]: unknown };

/**
 * A lockfile for the scratch folder: the tarball plus symgrad's runtime dependencies exactly as the
 * repository's lockfile pins them, so `npm ci --offline` takes every package from the npm cache
 * (which holds the tarballs `npm ci` fetched for this repository) and never asks the registry.
 */
function scratchLock(tarball: string): object {
  const repo = JSON.parse(readFileSync(join(ROOT, "package-lock.json"), "utf8")) as { packages: Record<string, LockEntry> };
  const own = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as {
    version: string;
    dependencies: Record<string, string>;
    bin: Record<string, string>;
  };
  const packages: Record<string, LockEntry> = {
    "": { name: "scratch", dependencies: { symgrad: `file:${tarball}` } },
    "node_modules/symgrad": { version: own.version, resolved: `file:${tarball}`, dependencies: own.dependencies, bin: own.bin },
  };
  const pending: [string, string][] = Object.keys(own.dependencies).map((name) => ["", name]);
  for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
    const [from, name] = next;
    let at: string = from;
    while (repo.packages[`${at}${at === "" ? "" : "/"}node_modules/${name}`] === undefined && at !== "") {
      at = at.includes("/node_modules/") ? at.slice(0, at.lastIndexOf("/node_modules/")) : "";
    }
    const key = `${at}${at === "" ? "" : "/"}node_modules/${name}`;
    const entry = repo.packages[key];
    if (entry === undefined) throw new Error(`the lockfile has no ${name} (needed by ${from || "symgrad"})`);
    if (packages[key] !== undefined) continue;
    packages[key] = entry;
    for (const dep of Object.keys(entry.dependencies ?? {})) pending.push([key, dep]);
  }
  return { name: "scratch", lockfileVersion: 3, requires: true, packages };
}

function project(name: string, files: Record<string, string>): string {
  const p = join(dir, name);
  mkdirSync(p);
  for (const [file, text] of Object.entries(files)) writeFileSync(join(p, file), text);
  return p;
}

beforeAll(() => {
  ensurePackageBuilt();
  dir = mkdtempSync(join(tmpdir(), "symgrad-pack-"));
  run(npm, ["pack", "--ignore-scripts", "--silent", "--pack-destination", dir], ROOT);
  const tarball = readdirSync(dir).find((f) => f.endsWith(".tgz"))!;
  const dependencies = { symgrad: `file:${tarball}` };
  writeFileSync(join(dir, "package.json"), JSON.stringify({ name: "scratch", private: true, dependencies }));
  writeFileSync(join(dir, "package-lock.json"), JSON.stringify(scratchLock(tarball)));
  run(npm, ["ci", "--offline", "--no-audit", "--no-fund", "--ignore-scripts"], dir, { npm_config_loglevel: "error" });
}, 120_000);

afterAll(async () => {
  if (dir !== "") await rm(dir, { recursive: true, force: true });
}, 60_000);

describe("the packed tarball", () => {
  it("holds the builds, the declarations, LICENSE and README, and no sources or tests", () => {
    const listing = run(npm, ["pack", "--dry-run", "--json", "--ignore-scripts"], ROOT);
    const files = (JSON.parse(listing) as { files: { path: string }[] }[])[0]!.files.map((f) => f.path);
    for (const f of [
      "LICENSE",
      "README.md",
      "package.json",
      "dist/index.js",
      "dist/index.d.ts",
      "dist/lite.js",
      "dist/lite.d.ts",
      "dist/cjs/index.js",
      "dist/cjs/index.d.ts",
      "dist/cjs/package.json",
      "dist/cli/main.js",
    ]) {
      expect(files).toContain(f);
    }
    expect(files.filter((f) => f.startsWith("src/") || f.startsWith("test/"))).toEqual([]);
  });

  it("works from an ESM project", () => {
    const p = project("esm", { "package.json": '{ "type": "module" }', "main.js": ESM });
    expect(run(process.execPath, ["main.js"], p)).toBe(EXPECTED);
  });

  it("serves symgrad/lite to an ESM project", () => {
    const p = project("esm-lite", { "package.json": '{ "type": "module" }', "main.js": LITE });
    expect(run(process.execPath, ["main.js"], p)).toBe("x^2*cos(x) + 2*x*sin(x)\n\\frac{x}{\\sqrt{x^{2} + 1}}\n");
  });

  it("works from a CommonJS project", () => {
    const p = project("cjs", { "package.json": '{ "type": "commonjs" }', "main.js": CJS });
    expect(run(process.execPath, ["main.js"], p)).toBe(EXPECTED);
  });

  it("type-checks and works from a TypeScript project compiled to CommonJS", () => {
    const tsc = join(ROOT, "node_modules/typescript/bin/tsc");
    const options = { strict: true, target: "ES2022", skipLibCheck: false, types: [], outDir: "out" };
    const p = project("ts-cjs", {
      "package.json": '{ "type": "commonjs" }',
      "main.ts": TS,
      "tsconfig.json": JSON.stringify({ compilerOptions: { ...options, module: "node16", moduleResolution: "node16" }, files: ["main.ts"] }),
      "tsconfig.node10.json": JSON.stringify({
        compilerOptions: { ...options, module: "commonjs", moduleResolution: "node10", noEmit: true, skipLibCheck: true },
        files: ["main.ts"],
      }),
    });
    run(process.execPath, [tsc, "-p", "tsconfig.json"], p);
    expect(run(process.execPath, ["out/main.js"], p)).toBe(EXPECTED);
    expect(readdirSync(join(p, "out"))).toEqual(["main.js"]);
    run(process.execPath, [tsc, "-p", "tsconfig.node10.json"], p);
  });

  it("installs the symgrad command", () => {
    expect(run(join(dir, "node_modules/.bin/symgrad"), ["diff", "x^2+3*x+2", "x"], dir)).toBe("2*x + 3\n");
  });
});
