/**
 * The playground in a real browser: builds site/ (npm run site), serves site/dist on 127.0.0.1 and
 * drives Debian's Chromium headlessly with puppeteer-core. Chromium is found at $CHROMIUM_PATH or
 * /usr/bin/chromium; CI installs it (.ci/run). Without Chromium the test fails when $CI is set (as
 * .ci/run sets it) and is skipped with a warning otherwise, so `npm test` works on a fresh clone.
 * A screenshot goes to test-output/playground.png.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync } from "node:fs";
import { join } from "node:path";
import puppeteer, { type Browser, type Page } from "puppeteer-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ROOT } from "../cli/support.js";
import { serve } from "./serve.js";

const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const OUTPUT = join(ROOT, "test-output");
const SKIP = !existsSync(CHROMIUM) && !process.env.CI;
if (SKIP) console.warn(`skipping the browser test: no Chromium at ${CHROMIUM} (apt-get install -y chromium, or set CHROMIUM_PATH)`);

let browser: Browser | undefined; // unset when the launch fails
let page: Page;
let base = "";
let stop: () => Promise<void> = async () => {};

beforeAll(async () => {
  if (SKIP) return;
  if (!existsSync(CHROMIUM)) throw new Error(`no Chromium at ${CHROMIUM}: apt-get install -y chromium, or set CHROMIUM_PATH`);
  const built = spawnSync(process.execPath, [join(ROOT, "site/build.mjs")], { cwd: ROOT, encoding: "utf8" });
  if (built.status !== 0) throw new Error(`npm run site failed:\n${built.stdout}${built.stderr}`);
  const server = await serve(join(ROOT, "site/dist"));
  base = server.url;
  stop = server.close;
  browser = await puppeteer.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run"],
  });
  page = await browser.newPage();
  await page.setViewport({ width: 960, height: 1100 });
  page.on("pageerror", (e) => {
    throw e;
  });
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await stop();
});

/** Waits until #result belongs to `expr` (and `vars`) and is no longer pending; returns it. */
async function resultFor(expr: string, vars = "", timeout = 15_000): Promise<{ state: string; plain: string }> {
  await page.waitForFunction(
    (e, v) => {
      const r = document.getElementById("result")!;
      return r.dataset.expr === e && r.dataset.vars === v && r.dataset.state !== "pending";
    },
    { timeout },
    expr,
    vars,
  );
  return page.$eval("#result", (r) => ({ state: (r as HTMLElement).dataset.state!, plain: (r as HTMLElement).dataset.plain! }));
}

async function typeInto(id: string, text: string): Promise<void> {
  await page.click(`#${id}`, { count: 3 });
  await page.keyboard.press("Backspace");
  if (text !== "") await page.type(`#${id}`, text);
}

describe.skipIf(SKIP)("the playground", () => {
  it("opens with a formula from the URL and shows its derivative", async () => {
    await page.goto(`${base}?f=${encodeURIComponent("cos(x)")}`);
    expect(await resultFor("cos(x)")).toEqual({ state: "done", plain: "-sin(x)" });
  });

  it("differentiates what is typed, rendered with KaTeX, with the plain text and the plot", async () => {
    await typeInto("expr", "x^2+3*x+2");
    expect(await resultFor("x^2+3*x+2")).toEqual({ state: "done", plain: "2*x + 3" });
    expect(await page.$eval("#plain", (e) => e.textContent)).toBe("2*x + 3");
    expect(await page.$$eval("#rendered .katex", (es) => es.length)).toBe(1);
    expect(await page.$eval("#rendered .katex-mathml annotation", (e) => e.textContent)).toContain("2 x + 3");
    expect(await page.$eval("#plot", (e) => (e as unknown as SVGElement).dataset.drawn)).toBe("true");
    const lengths = await page.$$eval("#plot path.curve", (ps) => ps.map((p) => p.getTotalLength()));
    expect(lengths).toHaveLength(2);
    for (const l of lengths) expect(l).toBeGreaterThan(100);
    expect(new URL(page.url()).searchParams.get("f")).toBe("x^2+3*x+2");
  });

  it("gives the gradient and the Hessian for several variables", async () => {
    await typeInto("expr", "x^2*y + y^3");
    expect(await resultFor("x^2*y + y^3")).toEqual({ state: "done", plain: "gradient: [2*x*y, x^2 + 3*y^2]\nhessian: [[2*y, 2*x], [2*x, 6*y]]" });
    await typeInto("vars", "y");
    expect(await resultFor("x^2*y + y^3", "y")).toEqual({ state: "done", plain: "x^2 + 3*y^2" });
    await typeInto("vars", "");
  });

  it.each([
    ["sin(x", "expected an operator, ',' or ')' but found end of input at column 6", "  sin(x\n       ^"],
    ["sinn(x)", "unknown function 'sinn' (did you mean 'sin'?) at column 1", "  sinn(x)\n  ^^^^"],
  ])("shows the parse error of %j with a caret", async (expr, message, caret) => {
    await typeInto("expr", expr);
    expect(await resultFor(expr)).toEqual({ state: "error", plain: message });
    expect(await page.$eval("#rendered pre.error", (e) => e.textContent)).toBe(`${message}\n${caret}`);
    expect(await page.$eval("#plot", (e) => (e as unknown as SVGElement).dataset.drawn)).toBe("false");
  });

  it("shows where f is undefined instead of drawing across it", async () => {
    await typeInto("xmin", "-2");
    await typeInto("xmax", "2");
    await typeInto("expr", "sqrt(1 - x^2)");
    expect(await resultFor("sqrt(1 - x^2)")).toEqual({ state: "done", plain: "-x/sqrt(1 - x^2)" });
    const shaded = await page.$$eval("#plot rect.undefined", (rs) =>
      rs.map((r) => [Number(r.getAttribute("x")), Number(r.getAttribute("x")) + Number(r.getAttribute("width"))]),
    );
    expect(shaded).toHaveLength(2);
    const xs = await page.$eval("#plot path.curve.f", (p) => (p.getAttribute("d")!.match(/[ML][\d.]+/g) ?? []).map((m) => Number(m.slice(1))));
    expect(xs.length).toBeGreaterThan(100);
    // No point of f lies inside a shaded (undefined) band: the curve stops at x = -1 and x = 1.
    for (const x of xs) for (const [a, b] of shaded) expect(x <= a! + 0.5 || x >= b! - 0.5).toBe(true);
    mkdirSync(OUTPUT, { recursive: true });
    await page.screenshot({ path: join(OUTPUT, "playground.png"), fullPage: true });
  });

  it("keeps typing responsive during a slow formula, and a newer input cancels it", async () => {
    const slow = "exp(sin(x)^2*cos(y)^3)*log(1+x^2+y^2+z^2+w^2)*(a*x+b*y+c*z+d*w)^5/(1+x*y*z*w*a*b*c*d)";
    const restartsBefore = Number(await page.evaluate(() => document.body.dataset.restarts ?? "0"));
    await page.$eval(
      "#expr",
      (e, s) => {
        (e as HTMLInputElement).value = s;
        e.dispatchEvent(new Event("input"));
      },
      slow,
    );
    await page.waitForFunction(() => document.getElementById("result")!.dataset.state === "pending");
    await new Promise((r) => setTimeout(r, 300));
    const t0 = Date.now();
    await typeInto("expr", "x^3");
    const typing = Date.now() - t0;
    expect(await page.$eval("#expr", (e) => (e as HTMLInputElement).value)).toBe("x^3");
    expect(await resultFor("x^3", "", 5_000)).toEqual({ state: "done", plain: "3*x^2" });
    expect(typing).toBeLessThan(2_000);
    expect(Number(await page.evaluate(() => document.body.dataset.restarts))).toBeGreaterThanOrEqual(restartsBefore + 1);
  });
});
