/**
 * What the LaTeX reader knows, as data: function spellings, Greek letters, and the commands it
 * recognises but deliberately does not read. `grammar/latex.ebnf` lists the same tables in words.
 */
import { FUNCTION_NAMES, type FunctionName } from "../core/functions.js";
import { GREEK_LOWER, GREEK_UPPER, GREEK_VARIANTS, latexOperator } from "../print/latex.js";

/** A function as LaTeX spells it: the node's function, or "log" with an optional base. */
export interface LatexFunction {
  readonly fn: FunctionName;
  /** The function that `^{-1}` denotes (`\sin^{-1}` is asin); absent when `^{-1}` is refused. */
  readonly inverse?: FunctionName;
}

const INVERSES: Partial<Record<FunctionName, FunctionName>> = {
  sin: "asin",
  cos: "acos",
  tan: "atan",
  sec: "asec",
  csc: "acsc",
  cot: "acot",
  sinh: "asinh",
  cosh: "acosh",
  tanh: "atanh",
  sech: "asech",
  csch: "acsch",
  coth: "acoth",
};

function entry(fn: FunctionName): LatexFunction {
  const inverse = INVERSES[fn];
  return inverse === undefined ? { fn } : { fn, inverse };
}

/** The spellings toLatex gives the functions (`latexOperator`), by function. */
const PRINTED: readonly (readonly [FunctionName, string])[] = FUNCTION_NAMES.flatMap((f) => {
  const spelling = latexOperator(f);
  return spelling === undefined ? [] : [[f, spelling] as const];
});
const OPERATORNAME = /^\\operatorname\{([^}]*)\}$/;

/**
 * Function commands (`\\sin x`): every command toLatex writes for a function, plus `\\exp` and
 * `\\ln`. `\\log` is the natural logarithm, as symgrad prints it.
 */
export const FUNCTION_COMMANDS: ReadonlyMap<string, LatexFunction> = new Map([
  ...PRINTED.filter(([, s]) => !OPERATORNAME.test(s)).map(([f, s]) => [s, entry(f)] as const),
  ["\\exp", entry("exp")],
  ["\\ln", entry("log")],
]);

/**
 * Names inside `\\operatorname{...}` or `\\mathrm{...}` that are functions: symgrad's own names,
 * the names toLatex writes there, and their usual spellings.
 */
export const OPERATOR_NAMES: ReadonlyMap<string, LatexFunction> = new Map([
  ...FUNCTION_NAMES.map((f) => [f, entry(f)] as const),
  ...PRINTED.flatMap(([f, s]) => {
    const m = OPERATORNAME.exec(s);
    return m === null ? [] : [[m[1]!, entry(f)] as const];
  }),
  ...(
    [
      ["ln", "log"],
      ["arcsin", "asin"],
      ["arccos", "acos"],
      ["arctan", "atan"],
      ["arccot", "acot"],
      ["arcsec", "asec"],
      ["arccsc", "acsc"],
      ["arctan2", "atan2"],
      ["arsinh", "asinh"],
      ["arcsinh", "asinh"],
      ["arcosh", "acosh"],
      ["arccosh", "acosh"],
      ["artanh", "atanh"],
      ["arctanh", "atanh"],
      ["arsech", "asech"],
      ["arcsech", "asech"],
      ["arcsch", "acsch"],
      ["arccsch", "acsch"],
      ["arcoth", "acoth"],
      ["arccoth", "acoth"],
      ["sgn", "sign"],
    ] as const
  ).map(([name, f]) => [name, entry(f)] as const),
]);

/** Greek letter commands without the backslash, each a variable of that name; `\pi` is the constant. */
export const GREEK_COMMANDS: ReadonlySet<string> = new Set([...GREEK_LOWER, ...GREEK_UPPER, ...GREEK_VARIANTS].filter((g) => g !== "pi"));

/** LaTeX commands that mean something parseLatex does not read; each is an error saying so. */
export const NOT_READ_COMMANDS: ReadonlySet<string> = new Set([
  "\\int",
  "\\iint",
  "\\oint",
  "\\sum",
  "\\prod",
  "\\lim",
  "\\infty",
  "\\max",
  "\\min",
  "\\sup",
  "\\inf",
  "\\det",
  "\\gcd",
  "\\pm",
  "\\mp",
  "\\cdots",
  "\\ldots",
  "\\dots",
  "\\over",
  "\\choose",
  "\\binom",
  "\\text",
  "\\textrm",
  "\\mathbf",
  "\\boldsymbol",
  "\\vec",
  "\\hat",
  "\\bar",
  "\\dot",
  "\\ddot",
  "\\tilde",
  "\\prime",
  "\\nabla",
  "\\to",
  "\\le",
  "\\ge",
  "\\leq",
  "\\geq",
  "\\neq",
  "\\approx",
  "\\equiv",
  "\\circ",
  "\\degree",
  "\\lg",
  "\\arg",
  "\\ker",
  "\\dim",
  "\\hom",
  "\\Re",
  "\\Im",
  "\\imaginaryI",
  "\\lfloor",
  "\\rfloor",
  "\\lceil",
  "\\rceil",
  "\\langle",
  "\\rangle",
  "\\|",
  "\\lVert",
  "\\rVert",
  "\\Vert",
  "\\mid",
  "\\def",
  "\\newcommand",
  "\\renewcommand",
  "\\let",
  "\\begin",
  "\\end",
  "\\\\",
  "\\%",
  "\\$",
  "\\#",
  "\\&",
  "\\limits",
  "\\nolimits",
]);
