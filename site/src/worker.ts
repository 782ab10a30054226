/**
 * The playground's worker: computes one request at a time (compute.ts) and renders its LaTeX with
 * KaTeX, so the page never runs symbolic work on its own thread. The page terminates this worker
 * when a newer input arrives while it is busy, which is how long computations are cancelled.
 */
import katex from "katex";
import { compute, type Request } from "./compute.js";

export type WorkerReply = ReturnType<typeof compute> & { html?: string; ms: number };

self.onmessage = (event: MessageEvent<Request>) => {
  const start = performance.now();
  const response = compute(event.data);
  const reply: WorkerReply = { ...response, ms: 0 };
  if (response.kind !== "error") {
    reply.html = katex.renderToString(response.latex, { displayMode: true, throwOnError: false, output: "htmlAndMathml", maxSize: 20, maxExpand: 1000 });
  }
  reply.ms = performance.now() - start;
  self.postMessage(reply);
};
