/**
 * The playground page. Every edit (debounced) becomes one request to the worker; a request sent
 * while the worker is still busy with an older one terminates that worker and starts a fresh one,
 * so an expensive formula never delays the newest input and never blocks typing. Replies for any
 * request but the newest are ignored. The inputs live in the URL (?f=&vars=&xmin=&xmax=), so a link
 * reproduces the page.
 *
 * Test hooks: #result has data-plain (the plain result or the error message), data-state
 * ("pending" | "done" | "error") and data-expr/data-vars (the input the result belongs to);
 * #plot has data-drawn ("true" when curves were drawn). document.body.dataset.restarts counts
 * cancelled workers.
 */
import type { Request } from "./compute.js";
import { drawPlot } from "./plot.js";
import type { WorkerReply } from "./worker.js";

// eslint-disable-next-line @typescript-eslint/no-unnecessary-type-parameters -- the caller names the element type the page has under that id
const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const exprInput = $<HTMLInputElement>("expr");
const varsInput = $<HTMLInputElement>("vars");
const xminInput = $<HTMLInputElement>("xmin");
const xmaxInput = $<HTMLInputElement>("xmax");
const result = $<HTMLElement>("result");
const rendered = $<HTMLElement>("rendered");
const plainOut = $<HTMLElement>("plain");
const status = $<HTMLElement>("status");
const copyButton = $<HTMLButtonElement>("copy");
const plot = document.getElementById("plot") as unknown as SVGSVGElement;

const DEBOUNCE_MS = 90;
const SAMPLES = 600;

let worker: Worker | null = null;
let busy = false;
let latest = 0;
/** The newest request sent; the only one whose reply is shown. */
let current: Request | null = null;
let restarts = 0;
let timer: ReturnType<typeof setTimeout> | undefined;

function spawn(): Worker {
  const w = new Worker("./worker.js");
  w.onmessage = (e: MessageEvent<WorkerReply>) => {
    busy = false;
    if (e.data.id === latest) show(e.data);
  };
  w.onerror = (e) => {
    busy = false;
    showError(`internal error: ${e.message}`, null);
  };
  return w;
}

function readState(): void {
  const q = new URLSearchParams(location.search);
  exprInput.value = q.get("f") ?? "x^2*sin(x)";
  varsInput.value = q.get("vars") ?? "";
  xminInput.value = q.get("xmin") ?? "-6";
  xmaxInput.value = q.get("xmax") ?? "6";
}

function writeState(): void {
  const q = new URLSearchParams({ f: exprInput.value, vars: varsInput.value, xmin: xminInput.value, xmax: xmaxInput.value });
  history.replaceState(null, "", `${location.pathname}?${q}`);
}

function send(): void {
  writeState();
  const r: Request = {
    id: ++latest,
    expr: exprInput.value,
    vars: varsInput.value,
    xmin: Number(xminInput.value),
    xmax: Number(xmaxInput.value),
    samples: SAMPLES,
  };
  current = r;
  if (busy && worker !== null) {
    worker.terminate();
    worker = null;
    document.body.dataset.restarts = String(++restarts);
  }
  worker ??= spawn();
  busy = true;
  result.dataset.state = "pending";
  const id = r.id;
  setTimeout(() => {
    if (id === latest && busy) status.textContent = "computing…";
  }, 200);
  worker.postMessage(r);
}

function schedule(): void {
  clearTimeout(timer);
  timer = setTimeout(send, DEBOUNCE_MS);
}

function stamp(): void {
  result.dataset.expr = current?.expr ?? "";
  result.dataset.vars = current?.vars ?? "";
}

function show(reply: WorkerReply): void {
  if (reply.kind === "error") {
    showError(reply.plain, reply.caret);
    return;
  }
  stamp();
  result.dataset.state = "done";
  result.dataset.plain = reply.plain;
  result.classList.remove("has-error");
  rendered.innerHTML = reply.html ?? "";
  plainOut.textContent = reply.plain;
  copyButton.disabled = false;
  status.textContent = `${reply.kind === "gradient" ? "gradient and Hessian" : "derivative"} in ${reply.ms.toFixed(0)} ms`;
  const note = reply.kind === "gradient" ? `the plot shows functions of one variable (this one has ${reply.variables.length})` : "a constant: nothing to plot";
  drawPlot(plot, reply.plot, reply.kind === "derivative" ? "the plot needs a formula of one variable and a range with from < to" : note);
}

function showError(message: string, caret: string | null): void {
  stamp();
  result.dataset.state = "error";
  result.dataset.plain = message;
  result.classList.add("has-error");
  rendered.replaceChildren();
  const pre = document.createElement("pre");
  pre.className = "error";
  pre.textContent = caret ?? message;
  rendered.append(pre);
  plainOut.textContent = "";
  copyButton.disabled = true;
  status.textContent = "";
  drawPlot(plot, null, "fix the formula to see its plot");
}

async function copy(): Promise<void> {
  const text = result.dataset.plain ?? "";
  try {
    await navigator.clipboard.writeText(text);
  } catch {
    const area = document.createElement("textarea");
    area.value = text;
    document.body.append(area);
    area.select();
    // eslint-disable-next-line @typescript-eslint/no-deprecated -- the fallback where the Clipboard API is refused (no secure context)
    document.execCommand("copy");
    area.remove();
  }
  copyButton.textContent = "Copied";
  setTimeout(() => (copyButton.textContent = "Copy"), 1200);
}

readState();
for (const input of [exprInput, varsInput, xminInput, xmaxInput]) input.addEventListener("input", schedule);
copyButton.addEventListener("click", () => void copy());
for (const b of document.querySelectorAll<HTMLButtonElement>("button[data-example]")) {
  b.addEventListener("click", () => {
    exprInput.value = b.dataset.example!;
    varsInput.value = b.dataset.vars ?? "";
    send();
  });
}
send();
