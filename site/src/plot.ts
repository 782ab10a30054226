/**
 * The plot of f and f' as hand-drawn SVG. Contracts:
 * - a sample that is NaN (undefined, or not a finite real) breaks the curve: no segment is drawn
 *   across it, and runs of undefined samples of f are shaded and labelled "undefined";
 * - the y range comes from the bulk of the finite samples (plot-scale.ts `yRange`), so a pole
 *   does not flatten the rest; a segment that leaves the range by more than
 *   the range's height is not drawn (a jump across a pole, not a steep curve).
 */
import type { Plot } from "./compute.js";
import { runsOfNaN, ticks, yRange } from "./plot-scale.js";

const SVG = "http://www.w3.org/2000/svg";
const W = 640;
const H = 360;
const PAD = { left: 48, right: 16, top: 34, bottom: 28 };

function el<K extends keyof SVGElementTagNameMap>(name: K, attrs: Record<string, string | number>, text?: string): SVGElementTagNameMap[K] {
  const e = document.createElementNS(SVG, name);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, String(v));
  if (text !== undefined) e.textContent = text;
  return e;
}

const label = (t: number): string => String(Number(t.toPrecision(6)));

/** Draws `plot` into the SVG element `svg` (replacing its content); `null` shows a note instead. */
export function drawPlot(svg: SVGSVGElement, plot: Plot | null, note: string): void {
  svg.replaceChildren();
  if (plot === null) {
    svg.setAttribute("viewBox", `0 0 ${W} 64`);
    svg.dataset.drawn = "false";
    svg.append(el("text", { x: W / 2, y: 36, class: "note", "text-anchor": "middle" }, note));
    return;
  }
  svg.setAttribute("viewBox", `0 0 ${W} ${H}`);
  const { xs } = plot;
  const [x0, x1] = [xs[0]!, xs[xs.length - 1]!];
  const [y0, y1] = yRange(plot.f, plot.df);
  const sx = (x: number) => PAD.left + ((x - x0) / (x1 - x0)) * (W - PAD.left - PAD.right);
  const sy = (y: number) => H - PAD.bottom - ((y - y0) / (y1 - y0)) * (H - PAD.top - PAD.bottom);

  const undefinedRuns = runsOfNaN(plot.f);
  for (const [i, j] of undefinedRuns) {
    const a = sx(xs[Math.max(0, i - 1)]!);
    const b = sx(xs[Math.min(xs.length - 1, j + 1)]!);
    svg.append(el("rect", { class: "undefined", x: a, y: PAD.top, width: Math.max(1, b - a), height: H - PAD.top - PAD.bottom }));
    if (b - a > 60) svg.append(el("text", { class: "undefined-label", x: (a + b) / 2, y: PAD.top + 18, "text-anchor": "middle" }, `f undefined`));
  }

  const grid = el("g", { class: "grid" });
  for (const t of ticks(x0, x1)) {
    grid.append(el("line", { x1: sx(t), x2: sx(t), y1: PAD.top, y2: H - PAD.bottom }));
    grid.append(el("text", { x: sx(t), y: H - PAD.bottom + 16, "text-anchor": "middle" }, label(t)));
  }
  for (const t of ticks(y0, y1, 5)) {
    grid.append(el("line", { x1: PAD.left, x2: W - PAD.right, y1: sy(t), y2: sy(t) }));
    grid.append(el("text", { x: PAD.left - 6, y: sy(t) + 4, "text-anchor": "end" }, label(t)));
  }
  svg.append(grid);
  if (y0 < 0 && y1 > 0) svg.append(el("line", { class: "axis", x1: PAD.left, x2: W - PAD.right, y1: sy(0), y2: sy(0) }));
  if (x0 < 0 && x1 > 0) svg.append(el("line", { class: "axis", x1: sx(0), x2: sx(0), y1: PAD.top, y2: H - PAD.bottom }));

  const span = y1 - y0;
  const path = (ys: readonly number[]): string => {
    let d = "";
    let pen = false;
    for (let i = 0; i < xs.length; i++) {
      const y = ys[i]!;
      const prev = ys[i - 1];
      const far = y < y0 - span || y > y1 + span;
      const jump = prev !== undefined && Number.isFinite(prev) && ((prev < y0 && y > y1) || (prev > y1 && y < y0));
      if (!Number.isFinite(y) || far || jump) {
        pen = false;
        if (!(Number.isFinite(y) && !far)) continue;
      }
      d += `${pen ? "L" : "M"}${sx(xs[i]!).toFixed(2)},${sy(y).toFixed(2)}`;
      pen = true;
    }
    return d;
  };
  const clip = el("clipPath", { id: "plot-area" });
  clip.append(el("rect", { x: PAD.left, y: PAD.top, width: W - PAD.left - PAD.right, height: H - PAD.top - PAD.bottom }));
  svg.append(clip);
  const curves = el("g", { "clip-path": "url(#plot-area)" });
  curves.append(el("path", { class: "curve df", d: path(plot.df) }));
  curves.append(el("path", { class: "curve f", d: path(plot.f) }));
  svg.append(curves);

  const legend = el("g", { class: "legend", transform: `translate(${PAD.left}, 14)` });
  legend.append(el("line", { class: "curve f", x1: 0, x2: 26, y1: 0, y2: 0 }));
  legend.append(el("text", { x: 34, y: 4 }, `f(${plot.variable})`));
  legend.append(el("line", { class: "curve df", x1: 110, x2: 136, y1: 0, y2: 0 }));
  legend.append(el("text", { x: 144, y: 4 }, `f′(${plot.variable})`));
  svg.append(legend);
  svg.dataset.drawn = "true";
}
