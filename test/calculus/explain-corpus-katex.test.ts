// The LaTeX of every derivation of the corpus (test/data/problems.json), every step of it, renders
// with KaTeX in strict mode. That the steps are right is explain-corpus.test.ts.
import katex from "katex";
import { describe, expect, it } from "vitest";
import { explainDiff } from "../../src/api/explain.js";
import { stepsToLatex } from "../../src/print/steps.js";
import { corpusProblems, explanations } from "../support/corpus-derivations.js";

/**
 * What limits rendering the whole corpus is time, nothing in KaTeX: symgrad's LaTeX defines and
 * expands no macros (so `maxExpand` is never reached) and sets no sizes (`maxSize`), and every
 * derivation renders. KaTeX's default output, HTML beside MathML, costs about 1 ms per 100
 * characters, and the corpus derivations print to about 7 MB of LaTeX: over a minute. The MathML
 * output alone, which runs KaTeX's whole parser (unknown commands, groups, `strict` checks) and its
 * MathML builder, costs about a quarter of that. So every derivation is rendered: the ones up to
 * HTML_RENDER_MAX characters (217 of the 317 explained) with the default output, the longer ones
 * to MathML.
 */
const HTML_RENDER_MAX = 6_000;

describe("the LaTeX of every corpus derivation renders with KaTeX", () => {
  it.each(corpusProblems.map((p) => [p.id, p] as const))("%s", (_id, p) => {
    for (const { vars, order } of explanations(p)) {
      const latex = stepsToLatex(explainDiff(p.expr, vars[0], { order }));
      const full = latex.length <= HTML_RENDER_MAX;
      const out = katex.renderToString(latex, { throwOnError: true, strict: "error", ...(full ? {} : { output: "mathml" as const }) });
      expect(out).toContain("<math");
      if (full) expect(out).toContain('class="katex-html"');
    }
  });
});
