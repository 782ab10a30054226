/**
 * Generator of new differentiation problems (not the public corpus): seeded random compositions
 * of the function set, in the shapes derivatives meet in practice (products and quotients of
 * functions of small polynomials, compositions two or three deep, powers, higher derivatives and
 * gradients of two variables).
 *
 * Every problem is kept only when the function and its unsimplified derivative evaluate to finite
 * numbers at its three check points (drawn from its domain), so the reference is defined there.
 * Problems are split by a hash of their id into a tuning part and a held-out part; the held-out
 * part is for reporting only.
 *
 *   npx tsx bench/generate.ts [count] [seed]     writes bench/generated/{tune,heldout}.json
 *
 * The SymPy reference (`sympy_simplified`, the checks' values) is added offline by
 * `bench/sympy-reference.py`; `npx tsx bench/simplify-size.ts --set bench/generated/tune.json`
 * compares with it.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { diffExpr, diffOrder } from "../src/calculus/diff.js";
import type { Expr } from "../src/core/node.js";
import { evaluate } from "../src/numeric/evaluate.js";
import { parse } from "../src/parse/parser.js";
import { rng } from "./lib/rng.js";

const count = Number(process.argv[2] ?? 320);
const random = rng(Number(process.argv[3] ?? 20261203));
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)]!;
const int = (lo: number, hi: number): number => lo + Math.floor(random() * (hi - lo + 1));

/** Small inner arguments: the variable, a multiple, a shift, a square plus one. */
function inner(v: string): string {
  return pick([v, v, `${int(2, 3)}*${v}`, `${v} + ${int(1, 3)}`, `${v}^2`, `${v}^2 + 1`, `1 - ${v}`, `-${v}`]);
}

const TRIG = ["sin", "cos", "tan", "sec", "csc", "cot"];
const HYP = ["sinh", "cosh", "tanh", "sech"];
const EXPLOG = ["exp", "log", "sqrt"];
const INV = ["asin", "acos", "atan"];

/** One function of a small argument, from the given families. */
function atom(v: string, families: readonly string[][]): string {
  const f = pick(pick(families));
  if (f === "log" || f === "sqrt") return `${f}(${pick([v, `${v}^2 + 1`, `${v} + 1`, `${v}^2 + ${int(2, 4)}`])})`;
  if (f === "asin" || f === "acos") return `${f}(${pick([`${v}/${int(3, 4)}`, `1/${v}^2`, `1/(${v} + 1)`])})`;
  return `${f}(${inner(v)})`;
}

function power(t: string): string {
  return `${t}^${pick(["2", "3", "2", "(1/2)", "(-1)", "4"])}`;
}

/** A combination of one to three atoms with the arithmetic operators. */
function combination(v: string, families: readonly string[][]): string {
  const a = atom(v, families);
  const b = atom(v, families);
  const mono = pick([v, `${v}^2`, `${v}^${int(3, 4)}`, `${int(2, 5)}*${v}`]);
  switch (int(0, 9)) {
    case 0:
      return `${mono}*${a}`;
    case 1:
      return `${a}*${b}`;
    case 2:
      return `${a}/${b}`;
    case 3:
      return `${a}/(${mono})`;
    case 4:
      return power(a);
    case 5:
      return `${power(a)} + ${power(b)}`;
    case 6:
      return `${a}^2*${b}`;
    case 7:
      return `${mono}*${a} + ${b}`;
    case 8:
      return `(${a} + ${int(1, 3)})/(${b} + ${int(2, 4)})`;
    default:
      return `${a}*${b}*${mono}`;
  }
}

/** f(g(u)): a composition two deep with a small argument. */
function composition(v: string): string {
  const outer = pick(["sin", "cos", "exp", "log", "sqrt", "tanh", "atan", "cosh"]);
  const g = pick(["sin", "cos", "exp", "tanh", "atan", "sinh", "cosh", "asinh"]);
  const u = `${g}(${inner(v)})`;
  if (outer === "log") return `log(${u}^2 + 1)`;
  if (outer === "sqrt") return `sqrt(${u}^2 + ${int(1, 3)})`;
  return pick([`${outer}(${u})`, `${v}*${outer}(${u})`, `${outer}(${u})^2`]);
}

/** An inverse composition or an even-power radical (sound reductions for real arguments). */
function inverse(v: string): string {
  const w = `${v}/${int(2, 3)}`;
  return pick([
    `cos(asin(${w}))`,
    `sin(acos(${w}))`,
    `tan(asin(${w}))`,
    `cos(atan(${v}))`,
    `sin(atan(${v}))`,
    `cosh(asinh(${v}))`,
    `sinh(asinh(${v}))*${v}`,
    `sqrt(${v}^${pick([4, 6, 8])})`,
    `(${v}^${pick([6, 10])})^(1/${pick([2, 3, 5])})`,
    `${v}*asin(${w})`,
    `atan(${v})/${v}`,
    `asin(${w})^2`,
    `sqrt(1 - ${w}^2)*asin(${w})`,
  ]);
}

function rational(v: string): string {
  const p = () => pick([`${v}^2 + 1`, `${v} + ${int(1, 4)}`, `${v}^2 - ${int(2, 3)}*${v} + 5`, `${v}^3 + ${v}`, `2*${v} - 1`]);
  return pick([`(${p()})/(${p()})`, `${v}/(${p()})^2`, `(${p()})^2/(${p()})`, `1/(${p()}) + 1/(${p()})`]);
}

interface Generated {
  id: string;
  category: string;
  expr: string;
  vars: string[];
  order?: number;
  domain: [number, number];
  checks: { at: Record<string, number> }[];
}

const SHAPES: { category: string; make: () => Pick<Generated, "expr" | "vars" | "order"> }[] = [
  { category: "trig", make: () => ({ expr: combination("x", [TRIG]), vars: ["x"] }) },
  { category: "hyperbolic", make: () => ({ expr: combination("x", [HYP, EXPLOG]), vars: ["x"] }) },
  { category: "exp-log", make: () => ({ expr: combination("x", [EXPLOG, TRIG]), vars: ["x"] }) },
  { category: "inv-trig", make: () => ({ expr: pick([combination("x", [INV, EXPLOG]), inverse("x")]), vars: ["x"] }) },
  { category: "composition", make: () => ({ expr: composition("x"), vars: ["x"] }) },
  { category: "rational", make: () => ({ expr: rational("x"), vars: ["x"] }) },
  { category: "mixed", make: () => ({ expr: combination("x", [TRIG, HYP, EXPLOG, INV]), vars: ["x"] }) },
  {
    category: "higher-order",
    make: () => ({
      expr: pick([`${pick([...TRIG, ...HYP])}(x)`, atom("x", [TRIG, HYP, EXPLOG]), `x^2*${atom("x", [EXPLOG, TRIG])}`]),
      vars: ["x"],
      order: int(2, 4),
    }),
  },
  {
    category: "gradient",
    make: () => ({
      expr: pick([
        `${atom("x", [TRIG, EXPLOG])}*${atom("y", [TRIG, HYP, EXPLOG])}`,
        `exp(x*y)/(x^2 + y^2)`,
        `log(x^2 + y^2)*${atom("x", [TRIG])}`,
        `sqrt(x^2 + y^2 + 1)*${atom("y", [HYP])}`,
        `atan(y/x)*${atom("x", [EXPLOG])}`,
      ]),
      vars: ["x", "y"],
    }),
  },
];

/** FNV-1a of the id: the split does not depend on generation order. */
function hash(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193) >>> 0;
  return h;
}

function derivatives(e: Expr, g: Pick<Generated, "vars" | "order">): Expr[] {
  if (g.order !== undefined) return [diffOrder(e, g.vars[0]!, g.order)];
  return g.vars.map((v) => diffExpr(e, v));
}

const seen = new Set<string>();
const out: Generated[] = [];
const perShape = new Map<string, number>();
let attempts = 0;
while (out.length < count && attempts++ < count * 50) {
  const shape = SHAPES[out.length % SHAPES.length]!;
  const g = shape.make();
  if (seen.has(g.expr)) continue;
  let e: Expr;
  try {
    e = parse(g.expr);
  } catch {
    continue;
  }
  if (e.kind === "num") continue;
  const domain: [number, number] = [0.5, 2];
  const checks: { at: Record<string, number> }[] = [];
  let ok = true;
  for (let k = 0; k < 3 && ok; k++) {
    const at: Record<string, number> = {};
    for (const v of g.vars) at[v] = Math.round((domain[0] + random() * (domain[1] - domain[0])) * 1e6) / 1e6;
    try {
      const values = [evaluate(e, at), ...derivatives(e, g).map((d) => evaluate(d, at))];
      ok = values.every((x) => Number.isFinite(x) && Math.abs(x) < 1e8);
    } catch {
      ok = false;
    }
    checks.push({ at });
  }
  if (!ok) continue;
  seen.add(g.expr);
  const n = (perShape.get(shape.category) ?? 0) + 1;
  perShape.set(shape.category, n);
  out.push({ id: `gen-${shape.category}-${String(n).padStart(2, "0")}`, category: shape.category, ...g, domain, checks });
}

const heldOut = out.filter((p) => hash(p.id) % 5 < 2);
const tune = out.filter((p) => hash(p.id) % 5 >= 2);
const dir = new URL("./generated/", import.meta.url);
mkdirSync(dir, { recursive: true });
const write = (name: string, problems: Generated[]) =>
  writeFileSync(new URL(name, dir), `{"count":${problems.length},\n"problems": [\n${problems.map((p) => JSON.stringify(p)).join(",\n")}\n]}\n`);
write("tune.raw.json", tune);
write("heldout.raw.json", heldOut);
console.log(`${out.length} problems (${tune.length} tuning, ${heldOut.length} held out)`);
