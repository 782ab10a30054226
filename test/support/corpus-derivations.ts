/**
 * The derivations asked of the differentiation corpus (test/data/problems.json), shared by the
 * tests that verify them (test/calculus/explain-corpus.test.ts) and render them
 * (test/calculus/explain-corpus-katex.test.ts).
 */
import { readFileSync } from "node:fs";
import type { Derivation, Step } from "../../src/calculus/explain.js";

export interface Problem {
  id: string;
  expr: string;
  vars: string[];
  order?: number;
}

export const corpusProblems: readonly Problem[] = (
  JSON.parse(readFileSync(new URL("../data/problems.json", import.meta.url), "utf8")) as { problems: Problem[] }
).problems;

/** Every step of a derivation, a group's steps before the step that holds them. */
export function allSteps(d: Derivation): Step[] {
  return d.steps.flatMap((s) => (s.group === undefined ? [s] : [...allSteps(s.group), s]));
}

/**
 * The derivatives a problem asks for: order n, or one explanation per variable of a gradient. Of
 * a gradient in more than three variables the first two and the last are explained (the
 * others have the same shape; all 50 would make the corpus tests take minutes).
 */
export function explanations(p: Problem): { vars: [string]; order: number }[] {
  if (p.order !== undefined) return [{ vars: [p.vars[0]!], order: p.order }];
  const vars = p.vars.length <= 3 ? p.vars : [p.vars[0]!, p.vars[1]!, p.vars[p.vars.length - 1]!];
  return vars.map((v) => ({ vars: [v], order: 1 }));
}
