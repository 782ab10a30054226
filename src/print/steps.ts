/**
 * Derivations for people: plain text (`formatSteps`), LaTeX (`stepsToLatex`, one KaTeX `aligned`
 * environment) and JSON (`stepsToJSON`, the structure with every expression printed).
 *
 * Layout (plain; LaTeX is the same rows):
 *   d/dx(u)
 *     = <expression after step 1>    [product rule]
 *       | d/dx(v)                          a nested group: printed before the step that uses it
 *       |   = ...                  [chain rule (trig)]
 *     = <expression after step 2>    [by the derivation above]
 * A step's label is its rule (`chain rule (trig)` names the outer rule too); a step that refers to
 * a group derived earlier says so ("as derived above").
 */
import type { Derivation, Explanation, Rule, Step } from "../calculus/explain.js";
import type { Expr } from "../core/node.js";
import { toLatex } from "./latex.js";
import { print } from "./plain.js";

const RULE_LABEL: Readonly<Record<Rule, string>> = {
  constant: "constant rule",
  power: "power rule",
  sum: "sum rule",
  "constant multiple": "constant multiple rule",
  product: "product rule",
  quotient: "quotient rule",
  chain: "chain rule",
  exp: "exponential rule",
  log: "logarithm rule",
  trig: "trig rule",
  "inverse trig": "inverse trig rule",
  hyperbolic: "hyperbolic rule",
  abs: "absolute value rule",
  special: "erf rule",
  rewrite: "rewrite u^v = exp(v*log(u))",
  simplify: "simplify",
};

/** The label of a step: its rule, or how it uses a group. */
export function stepLabel(s: Step): string {
  if (s.group !== undefined) return "by the derivation above";
  const rule = RULE_LABEL[s.rule] + (s.via !== undefined ? ` (${s.via})` : "");
  return s.reused === true ? `${rule}, as derived above` : rule;
}

interface Row {
  readonly depth: number;
  /** The start of a level, or a step. */
  readonly start: boolean;
  readonly expr: Expr;
  readonly label: string;
  readonly ok?: boolean;
}

function rows(d: Derivation, depth: number, out: Row[]): void {
  out.push({ depth, start: true, expr: d.start, label: "" });
  for (const s of d.steps) {
    if (s.group !== undefined) rows(s.group, depth + 1, out);
    out.push({ depth, start: false, expr: s.expr, label: stepLabel(s), ...(s.check !== undefined ? { ok: s.check.ok } : {}) });
  }
}

/**
 * The derivation as indented plain text, one step a line, each labelled with its rule (`parse`
 * reads every expression back); a nested group is indented under `|` before the step that uses it.
 *
 * @example
 * formatSteps(explainDiff("sin(x^2)", "x"));   // => "d/dx(sin(x^2))\n  = cos(x^2)*d/dx(x^2)    [chain rule (trig)]\n  = 2*x*cos(x^2)    [power rule]"
 */
export function formatSteps(explanation: Derivation): string {
  const out: Row[] = [];
  rows(explanation, 0, out);
  return out
    .map((r) => {
      const bar = "  | ".repeat(r.depth);
      if (r.start) return bar + print(r.expr);
      const check = r.ok === undefined ? "" : r.ok ? ", checked" : ", CHECK FAILED";
      return `${bar}  = ${print(r.expr)}    [${r.label}${check}]`;
    })
    .join("\n");
}

/**
 * The derivation as one KaTeX-renderable `aligned` environment, a row per step with its rule as
 * `\text{...}`; nested groups are indented with `\kern`.
 *
 * @example
 * stepsToLatex(explainDiff("x^2", "x"));   // => "\\begin{aligned}\n& \\frac{d}{dx}\\left(x^{2}\\right) \\\\\n& = 2 x && \\text{power rule}\n\\end{aligned}"
 */
export function stepsToLatex(explanation: Derivation): string {
  const out: Row[] = [];
  rows(explanation, 0, out);
  const lines = out.map((r) => {
    // One \kern per row (a primitive): repeated \qquad macros would exhaust KaTeX's maxExpand.
    const indent = r.depth === 0 ? "" : `\\kern${2 * r.depth}em `;
    if (r.start) return `& ${indent}${toLatex(r.expr)}`;
    return `& ${indent}= ${toLatex(r.expr)} && \\text{${r.label.replace(/\^/g, "\\^{}")}}`;
  });
  return `\\begin{aligned}\n${lines.join(" \\\\\n")}\n\\end{aligned}`;
}

interface StepJSON {
  rule: Rule;
  via?: Rule;
  label: string;
  parts: string[];
  results: string[];
  expr: string;
  latex: string;
  reused?: boolean;
  group?: DerivationJSON;
  check?: { points: number; maxError: number; ok: boolean };
}

interface DerivationJSON {
  start: string;
  steps: StepJSON[];
  result: string;
  verified?: boolean;
}

function derivationJSON(d: Derivation): DerivationJSON {
  const steps = d.steps.map((s): StepJSON => ({
    rule: s.rule,
    ...(s.via !== undefined ? { via: s.via } : {}),
    label: stepLabel(s),
    parts: s.parts.map(print),
    results: s.results.map(print),
    expr: print(s.expr),
    latex: toLatex(s.expr),
    ...(s.reused === true ? { reused: true } : {}),
    ...(s.group !== undefined ? { group: derivationJSON(s.group) } : {}),
    ...(s.check !== undefined ? { check: { ...s.check } } : {}),
  }));
  return { start: print(d.start), steps, result: print(d.result), ...(d.verified !== undefined ? { verified: d.verified } : {}) };
}

/**
 * The explanation as plain data for JSON: every expression printed, every step with its rule,
 * label and LaTeX, groups nested, checks when verified.
 *
 * @example
 * stepsToJSON(explainDiff("x^2", "x")).steps[0].rule;     // => "power"
 * stepsToJSON(explainDiff("x^2", "x")).result;            // => "2*x"
 */
export function stepsToJSON(explanation: Explanation): { input: string; variables: string[] } & DerivationJSON {
  return { input: print(explanation.expr), variables: [...explanation.variables], ...derivationJSON(explanation) };
}
