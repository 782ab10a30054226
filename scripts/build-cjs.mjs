// The CommonJS build, made from the ESM build in dist/ (run after tsc):
// - dist/cjs/index.js: one esbuild bundle of dist/index.js in CommonJS format, mathjs external;
//   import.meta.url (used to resolve mathjs from this package) becomes this file's URL;
// - dist/cjs/**/*.d.ts: copies of the declarations, typed as CommonJS by dist/cjs/package.json,
//   so a TypeScript CommonJS project gets CommonJS types for require("symgrad"). mathjs ships
//   ESM-only declarations, so type imports of mathjs there carry resolution-mode "import"
//   (TypeScript refuses them from a CommonJS file otherwise).
import { build } from "esbuild";
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const dist = join(root, "dist");
const out = join(dist, "cjs");

rmSync(out, { recursive: true, force: true });
await build({
  entryPoints: [join(dist, "index.js")],
  outfile: join(out, "index.js"),
  bundle: true,
  format: "cjs",
  platform: "node",
  target: "node20",
  external: ["mathjs"],
  define: { "import.meta.url": "__symgradModuleUrl" },
  banner: { js: 'const __symgradModuleUrl = require("node:url").pathToFileURL(__filename).href;' },
  logLevel: "warning",
});
writeFileSync(join(out, "package.json"), '{ "type": "commonjs" }\n');

for (const file of walk(dist)) {
  if (!file.endsWith(".d.ts") || file.startsWith(out) || file.startsWith(join(dist, "cli"))) continue;
  const target = join(out, relative(dist, file));
  mkdirSync(dirname(target), { recursive: true });
  writeFileSync(target, withEsmTypeImports(readFileSync(file, "utf8")));
}

function withEsmTypeImports(text) {
  return text
    .replace(/(import type .* from "mathjs");/g, '$1 with { "resolution-mode": "import" };')
    .replace(/import\("mathjs"\)/g, 'import("mathjs", { with: { "resolution-mode": "import" } })');
}

function* walk(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* walk(path);
    else yield path;
  }
}
