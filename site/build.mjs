// Builds the playground into site/dist: a static folder that works from any file server.
// main.js (the page) and worker.js (symgrad and KaTeX, off the page's thread) are esbuild bundles
// of site/src (which imports symgrad's sources directly); KaTeX's stylesheet and fonts are copied.
import { build } from "esbuild";
import { cpSync, mkdirSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const site = dirname(fileURLToPath(import.meta.url));
const out = join(site, "dist");
const katex = dirname(createRequire(import.meta.url).resolve("katex/package.json"));

rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });
await build({
  entryPoints: { main: join(site, "src/main.ts"), worker: join(site, "src/worker.ts") },
  outdir: out,
  bundle: true,
  minify: true,
  format: "iife",
  platform: "browser",
  target: "es2022",
  // mathjs-lazy.ts resolves mathjs from import.meta.url only in Node; a page never gets there.
  define: { "import.meta.url": '""' },
  logLevel: "warning",
});
cpSync(join(site, "index.html"), join(out, "index.html"));
cpSync(join(site, "style.css"), join(out, "style.css"));
cpSync(join(katex, "dist/katex.min.css"), join(out, "katex/katex.min.css"));
cpSync(join(katex, "dist/fonts"), join(out, "katex/fonts"), { recursive: true, filter: (p) => !/\.(ttf|woff)$/.test(p) });
