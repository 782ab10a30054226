// The differentiators under test, each called the way its users call it, behind one adapter shape:
//   prepare(task) -> run()               run() differentiates task.expr (a string) from scratch
//   outputs(raw)  -> string[]            the printed results, one per variable (or one for an order)
//   evaluate(raw, k, at, precise) -> number   result k at the point `at` (float64, or 50 digits)
//   nodes(raw)    -> number | undefined  distinct nodes of the result graph (symgrad only)
// task: { expr, vars: string[], order?: number }. One variable or an order: one derivative;
// several variables: the gradient, one result per variable.
import { fileURLToPath } from "node:url";
import * as math from "mathjs";
import { fromAlgebrite, toAlgebrite } from "./translate.mjs";

let bigMathInstance = null;
/** mathjs with 50-digit BigNumbers, created on first use (creating it takes about a second). */
const bigMath = () => (bigMathInstance ??= math.create(math.all, { number: "BigNumber", precision: 50 }));
const DIST = new URL("../../dist/", import.meta.url);

/** A mathjs result as a float, or NaN when it is not real. */
function toReal(v) {
  if (typeof v === "number") return v;
  if (v && typeof v.toNumber === "function" && !("im" in v)) return v.toNumber();
  if (v && typeof v.re !== "undefined" && typeof v.im !== "undefined") {
    const re = Number(v.re),
      im = Number(v.im);
    return Math.abs(im) <= 1e-12 * (1 + Math.abs(re)) ? re : NaN;
  }
  return NaN;
}

const compiledCache = new Map();
/** Evaluates a formula string with mathjs (the common evaluator of every peer's output). */
export function evaluateText(text, at, precise) {
  const key = (precise ? "b" : "d") + text;
  let code = compiledCache.get(key);
  if (code === undefined) {
    if (compiledCache.size > 64) compiledCache.clear();
    code = (precise ? bigMath() : math).compile(text);
    compiledCache.set(key, code);
  }
  const scope = {};
  for (const [k, v] of Object.entries(at)) scope[k] = precise ? bigMath().bignumber(String(v)) : v;
  return toReal(code.evaluate(scope));
}

async function importDist(path) {
  try {
    return await import(new URL(path, DIST).href);
  } catch (e) {
    if (e && (e.code === "ERR_MODULE_NOT_FOUND" || e.code === "MODULE_NOT_FOUND")) return null;
    throw e;
  }
}

/** symgrad as users call it (`raw`: with `{ simplify: false }`, the canonical derivative alone). */
async function loadSymgrad(raw = false) {
  const calculus = await importDist("api/calculus.js");
  const memo = await importDist("core/memo.js");
  if (calculus === null || memo === null)
    throw new Error(`symgrad is not built: ${fileURLToPath(new URL("api/calculus.js", DIST))} is missing (npm run build)`);
  const plain = await importDist("print/plain.js");
  const numeric = await importDist("numeric/evaluate.js");
  const traverse = await importDist("core/traverse.js");
  const parser = await importDist("parse/parser.js");
  const print = plain?.print;
  return {
    name: raw ? "symgrad-raw" : "symgrad",
    features: { print: typeof print === "function", evaluate: typeof numeric?.evaluate === "function" },
    prepare(task) {
      const { expr, vars, order } = task;
      // symgrad memoises simplified forms (and costs, free symbols...) across calls; a repeated
      // call on the same problem would time cache lookups. Each timed call first drops every such
      // table (clearCaches), so it pays for its work as a call on a formula not seen before does.
      const options = raw ? { simplify: false } : {};
      const cold = memo.clearCaches;
      if (order !== undefined) return () => (cold(), [calculus.diff(expr, vars[0], order, options)]);
      if (vars.length === 1) return () => (cold(), [calculus.diff(expr, vars[0], 1, options)]);
      return () => {
        cold();
        const g = calculus.gradient(expr, vars, options);
        return vars.map((v) => g[v]);
      };
    },
    outputs(raw) {
      if (typeof print !== "function") return null;
      return raw.map((e) => print(e));
    },
    evaluate(raw, k, at, precise) {
      if (precise) {
        // evaluate(e, scope, { precision }) when it exists, else the printed form with mathjs BigNumber.
        if (typeof numeric?.evaluate === "function") return numeric.evaluate(raw[k], at, { precision: 50 });
        if (typeof print !== "function") throw new Error("no printer to evaluate at 50 digits");
        return evaluateText(print(raw[k]), at, true);
      }
      if (typeof numeric?.evaluate === "function") return numeric.evaluate(raw[k], at);
      if (typeof print === "function") return evaluateText(print(raw[k]), at, false);
      throw new Error("neither dist/numeric/evaluate.js nor dist/print/plain.js is built");
    },
    nodes(raw) {
      if (typeof traverse?.foldGraph !== "function") return undefined;
      // Distinct nodes over all results together (a gradient's partials share subgraphs).
      const memo = new Map();
      for (const e of raw) traverse.foldGraph(e, () => null, undefined, memo);
      return memo.size;
    },
    /** parse(print(e)) === e for every result (interning makes this an identity test). */
    roundTrips(raw, texts) {
      if (typeof parser?.parse !== "function" || texts === null) return undefined;
      return raw.every((e, k) => {
        try {
          return parser.parse(texts[k]) === e;
        } catch {
          return false;
        }
      });
    },
  };
}

async function loadMathjs() {
  return {
    name: "mathjs",
    prepare(task) {
      const { expr, vars, order } = task;
      // math.derivative(node, v) simplifies its result by default ({ simplify: true }).
      if (order !== undefined) {
        return () => {
          let d = math.parse(expr);
          for (let i = 0; i < order; i++) d = math.derivative(d, vars[0]);
          return [d];
        };
      }
      return () => {
        const node = math.parse(expr);
        return vars.map((v) => math.derivative(node, v));
      };
    },
    outputs: (raw) => raw.map((n) => n.toString()),
    evaluate: (raw, k, at, precise) => evaluateText(raw[k].toString(), at, precise),
  };
}

async function loadNerdamer() {
  const { default: nerdamer } = await import("nerdamer");
  await import("nerdamer/Calculus.js");
  return {
    name: "nerdamer",
    prepare(task) {
      const { expr, vars, order } = task;
      if (order !== undefined) return () => [nerdamer.diff(expr, vars[0], order)];
      return () => vars.map((v) => nerdamer.diff(expr, v));
    },
    outputs: (raw) => raw.map((r) => r.toString()),
    evaluate: (raw, k, at, precise) => {
      const text = raw[k].toString();
      if (/\bdiff\(/.test(text)) throw new Error("unevaluated derivative diff(...) in the result");
      return evaluateText(text, at, precise);
    },
  };
}

async function loadAlgebrite() {
  const { default: Algebrite } = await import("algebrite");
  return {
    name: "algebrite",
    prepare(task) {
      const { vars, order } = task;
      const expr = toAlgebrite(task.expr);
      // Algebrite.derivative is the JavaScript binding of its d(f, x[, n]).
      if (order !== undefined) return () => [Algebrite.derivative(expr, vars[0], String(order))];
      return () => vars.map((v) => Algebrite.derivative(expr, v));
    },
    outputs: (raw) => raw.map((r) => r.toString()),
    evaluate: (raw, k, at, precise) => {
      const text = raw[k].toString();
      if (/\bd\(/.test(text)) throw new Error("unevaluated derivative d(...) in the result");
      return evaluateText(fromAlgebrite(text), at, precise);
    },
  };
}

export const SYSTEM_LOADERS = {
  symgrad: () => loadSymgrad(false),
  "symgrad-raw": () => loadSymgrad(true),
  mathjs: loadMathjs,
  nerdamer: loadNerdamer,
  algebrite: loadAlgebrite,
};

/** The systems of the corpus comparison (symgrad-raw runs in the scaling study only). */
export const SYSTEM_NAMES = ["symgrad", "mathjs", "nerdamer", "algebrite"];
