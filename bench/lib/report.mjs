// The markdown report and the scaling plot (vega-lite compiled to vega, rendered headless to SVG).
import * as vega from "vega";
import * as vl from "vega-lite";
import { fmt } from "./stats.mjs";

const cell = (s) => String(s).replaceAll("|", "\\|").replaceAll("\n", " ");

/** A markdown table from a header row and data rows. */
export function table(header, rows, align) {
  const a = align ?? header.map((_, i) => (i === 0 ? "---" : "---:"));
  return [`| ${header.map(cell).join(" | ")} |`, `| ${a.join(" | ")} |`, ...rows.map((r) => `| ${r.map(cell).join(" | ")} |`)].join("\n");
}

const counts = (r) => `${r.correct} / ${r.wrong} / ${r.error} / ${r.timeout}`;

/** Overall summary: one row per system. */
export function summaryTable(rows, systems, baseline) {
  const overall = systems.map((s) => rows.find((r) => r.group === "overall" && r.system === s));
  return table(
    ["system", "correct / wrong / error / timeout", `median time ratio system/${baseline}`, "median output size / SymPy", "median time per problem (ms)"],
    overall.map((r) => [
      r.system,
      counts(r),
      r.system === baseline ? "1" : `${fmt(r.timeRatio)} (n=${r.timeRatioN})`,
      `${fmt(r.sizeRatio)} (n=${r.sizeRatioN})`,
      fmt(r.medianMs),
    ]),
    ["---", "---:", "---:", "---:", "---:"],
  );
}

/** category × system tables: time ratio, counts, size ratio. */
export function categoryTables(rows, systems, baseline, categories) {
  const get = (g, s) => rows.find((r) => r.group === g && r.system === s);
  const peers = systems.filter((s) => s !== baseline);
  const groups = [...categories, "overall"];
  const time = table(
    ["category", "problems", ...peers.map((p) => `${p}/${baseline}`)],
    groups.map((g) => [g === "overall" ? "**overall**" : g, get(g, baseline).problems, ...peers.map((p) => fmt(get(g, p).timeRatio))]),
  );
  const outcome = table(
    ["category", ...systems],
    groups.map((g) => [g === "overall" ? "**overall**" : g, ...systems.map((s) => counts(get(g, s)))]),
  );
  const size = table(
    ["category", ...systems],
    groups.map((g) => [g === "overall" ? "**overall**" : g, ...systems.map((s) => fmt(get(g, s).sizeRatio))]),
  );
  return { time, outcome, size };
}

/** The vega-lite spec of the scaling plot: time against n, log-log, one panel per family. */
export function scalingSpec(points, families) {
  return {
    $schema: "https://vega.github.io/schema/vega-lite/v5.json",
    title: "Time per derivative against problem size (log-log; missing points: over the time limit)",
    data: { values: points },
    facet: { field: "family", type: "nominal", sort: families, title: null },
    columns: 3,
    spec: {
      width: 230,
      height: 180,
      layer: [
        {
          mark: { type: "line", point: true },
          encoding: {
            x: { field: "n", type: "quantitative", scale: { type: "log" }, title: "n" },
            y: { field: "ms", type: "quantitative", scale: { type: "log" }, title: "time (ms)" },
            color: { field: "system", type: "nominal", title: "system" },
          },
        },
      ],
    },
    resolve: { scale: { x: "independent", y: "independent" } },
  };
}

/** Renders a vega-lite spec to an SVG string. */
export async function renderSvg(spec) {
  const compiled = vl.compile(spec).spec;
  const view = new vega.View(vega.parse(compiled), { renderer: "none" });
  const svg = await view.toSVG();
  view.finalize();
  return svg;
}
