// Browser bundle sizes of symgrad's entry points: each entry is a one-line module importing some
// names from "symgrad", bundled as a user's bundler would (esbuild, platform browser, minified, ESM,
// code splitting on, the package resolved through its own package.json). A chunk holding mathjs
// (split off by the dynamic import in loadMathjs) is loaded on demand only, so code reachable through
// dynamic imports is reported apart from the code loaded up front.
//
// `node scripts/bundle-size.mjs` prints a Markdown table; `measure()` is used by the size test.
// `node scripts/bundle-size.mjs --modules` prints what the first entry's bundle is made of: per
// directory and per module of dist/, the minified bytes and the gzip bytes the bundle would lose
// without that code (`composition()`).
import { build } from "esbuild";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..");

/** The measured entry points: a label and the import statement a user writes. */
export const ENTRIES = [
  { label: "diff, toLatex", code: 'import { diff, toLatex } from "symgrad"; export { diff, toLatex };' },
  { label: "diff, gradient, hessian, print", code: 'import { diff, gradient, hessian, print } from "symgrad"; export { diff, gradient, hessian, print };' },
  { label: "simplify, factor, expand", code: 'import { simplify, factor, expand } from "symgrad"; export { simplify, factor, expand };' },
  { label: "valueAndGrad, compile, evaluate", code: 'import { valueAndGrad, compile, evaluate } from "symgrad"; export { valueAndGrad, compile, evaluate };' },
  { label: "everything (import * as symgrad)", code: 'import * as symgrad from "symgrad"; export { symgrad };' },
  { label: "diff, toLatex from symgrad/lite", code: 'import { diff, toLatex } from "symgrad/lite"; export { diff, toLatex };' },
];

/**
 * Bundles every entry and returns, per entry, the minified and gzip (level 9) bytes of the code
 * loaded up front (`eager`) and of the chunks loaded on demand (`lazy`: mathjs, 0 when unreachable),
 * plus the text of the entry chunk.
 */
export async function measure(entries = ENTRIES) {
  const dir = scratchProject();
  try {
    const results = [];
    for (const [i, entry] of entries.entries()) {
      const file = join(dir, `entry${i}.js`);
      writeFileSync(file, entry.code);
      const out = await build({
        entryPoints: [file],
        absWorkingDir: dir,
        bundle: true,
        minify: true,
        splitting: true,
        format: "esm",
        platform: "browser",
        outdir: join(dir, `out${i}`),
        write: false,
        metafile: true,
        logLevel: "silent",
      });
      const outputs = out.metafile.outputs;
      const entryOut = Object.keys(outputs).find((k) => outputs[k].entryPoint !== undefined);
      const eager = closure(outputs, [entryOut], (kind) => kind === "import-statement");
      const lazy = closure(outputs, [entryOut], () => true).filter((k) => !eager.includes(k));
      const size = (keys) => {
        const files = out.outputFiles.filter((f) => keys.includes(relativeOut(dir, f.path)));
        return {
          min: files.reduce((n, f) => n + f.contents.length, 0),
          gzip: files.reduce((n, f) => n + gzipSync(f.contents, { level: 9 }).length, 0),
        };
      };
      const sizes = { eager: size(eager), lazy: size(lazy) };
      const text = out.outputFiles.find((f) => relativeOut(dir, f.path) === entryOut).text;
      results.push({ label: entry.label, ...sizes, text });
    }
    return results;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** A scratch folder whose node_modules/symgrad is this package; the caller removes it. */
function scratchProject() {
  const dir = mkdtempSync(join(tmpdir(), "symgrad-size-"));
  mkdirSync(join(dir, "node_modules"));
  symlinkSync(ROOT, join(dir, "node_modules", "symgrad"), "dir");
  return dir;
}

const gzipBytes = (text) => gzipSync(text, { level: 9 }).length;

/** The comment that marks where a module's code starts in the bundle (a legal comment survives minifying). */
const MODULE_MARK = /\/\*! symgrad-module:(\S+) \*\/\n?/;

/**
 * What the browser bundle of `entry` (default: the first of ENTRIES) is made of, as in `measure`
 * but in one file without code splitting. Each module of dist/ is marked by a comment; the bundle
 * is cut at the marks, and a part's `gzip` is its marginal cost: the gzip bytes of the whole minus
 * those of the whole without that part (so the parts add up to less than the whole, the rest being
 * what gzip shares between them). Returns `{ total, directories, modules }`, each part with
 * `name`, `min` and `gzip`, largest marginal first.
 */
export async function composition(entry = ENTRIES[0]) {
  const dir = scratchProject();
  try {
    const file = join(dir, "entry.js");
    writeFileSync(file, entry.code);
    const dist = join(ROOT, "dist") + "/";
    const markModules = {
      name: "mark-modules",
      setup(b) {
        b.onLoad({ filter: /\.js$/ }, (args) => {
          if (!args.path.startsWith(dist)) return undefined;
          return { contents: `/*! symgrad-module:${args.path.slice(dist.length)} */\n` + readFileSync(args.path, "utf8"), loader: "js" };
        });
      },
    };
    const out = await build({
      entryPoints: [file],
      absWorkingDir: dir,
      bundle: true,
      minify: true,
      format: "esm",
      platform: "browser",
      write: false,
      logLevel: "silent",
      legalComments: "inline",
      external: ["mathjs"],
      plugins: [markModules],
    });
    const pieces = out.outputFiles[0].text.split(MODULE_MARK);
    /** [module, code] in bundle order; the text before the first mark is esbuild's own. */
    const parts = [["(bundler)", pieces[0]]];
    for (let i = 1; i < pieces.length; i += 2) parts.push([pieces[i], pieces[i + 1]]);
    const whole = parts.map(([, code]) => code).join("");
    const total = { min: whole.length, gzip: gzipBytes(whole) };
    const without = (drop) => total.gzip - gzipBytes(parts.map(([m, code]) => (drop(m) ? "" : code)).join(""));
    const summarise = (names, belongs) =>
      names
        .map((name) => ({
          name,
          min: parts.filter(([m]) => belongs(m, name)).reduce((n, [, code]) => n + code.length, 0),
          gzip: without((m) => belongs(m, name)),
        }))
        .filter((p) => p.min > 0)
        .sort((a, b) => b.gzip - a.gzip);
    const directoryOf = (m) => (m.includes("/") ? m.slice(0, m.indexOf("/")) : m);
    const modules = summarise([...new Set(parts.map(([m]) => m))], (m, name) => m === name);
    const directories = summarise([...new Set(parts.map(([m]) => directoryOf(m)))], (m, name) => directoryOf(m) === name);
    return { total, directories, modules };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The outputs reachable from `start` through imports whose kind passes `follow`. */
function closure(outputs, start, follow) {
  const seen = new Set(start);
  for (const key of seen) {
    for (const imp of outputs[key].imports) if (!imp.external && follow(imp.kind)) seen.add(imp.path);
  }
  return [...seen];
}

function relativeOut(dir, path) {
  return path
    .slice(dir.length + 1)
    .split("\\")
    .join("/");
}

const kb = (n) => `${(n / 1024).toFixed(1)} KB`;

if (process.argv[1] === fileURLToPath(import.meta.url) && process.argv.includes("--modules")) {
  const { total, directories, modules } = await composition();
  console.log(`\`${ENTRIES[0].label}\`: ${kb(total.min)} minified, ${kb(total.gzip)} gzip; the gzip bytes are what the bundle would lose without the part`);
  for (const [title, rows] of [
    ["directory", directories],
    ["module", modules],
  ]) {
    console.log(`\n| ${title} | minified | gzip |\n|---|---|---|`);
    for (const r of rows) console.log(`| \`${r.name}\` | ${kb(r.min)} | ${kb(r.gzip)} |`);
  }
} else if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const rows = await measure();
  console.log("| import | minified | gzip | loaded on demand (gzip) |");
  console.log("|---|---|---|---|");
  for (const r of rows)
    console.log(`| \`${r.label}\` | ${kb(r.eager.min)} | ${kb(r.eager.gzip)} | ${r.lazy.gzip === 0 ? "nothing" : `${kb(r.lazy.gzip)} (mathjs)`} |`);
}
