// Spelling differences between the corpus syntax and the peers. Pure string rewriting over a
// small tokenizer (names, numbers with exponents, parentheses); nothing is evaluated.
//
// Corpus: natural `log`, constants `e` and `pi`, functions sin cos tan sec csc cot asin acos atan
// sinh cosh tanh exp log sqrt abs.
// - mathjs and nerdamer accept the corpus syntax unchanged (both have sec/csc/cot, asin..., natural
//   log, abs, and the constants e and pi).
// - Algebrite spells the inverse functions arcsin/arccos/arctan, has no sec/csc/cot (it leaves
//   d(sec(x),x) unevaluated), and reads `e` as an ordinary symbol. We send sec(u) as (1/cos(u)),
//   csc(u) as (1/sin(u)), cot(u) as (1/tan(u)) and e as exp(1). Its results use arcsin.., sgn and
//   exp, which we rename to mathjs's asin.., sign before evaluating them with mathjs.

const IDENT_START = /[A-Za-z_]/;
const IDENT_PART = /[A-Za-z0-9_]/;
const DIGIT = /[0-9]/;

/** Index of the parenthesis closing the one at `open`, or -1. */
export function matchingParen(s, open) {
  let depth = 0;
  for (let i = open; i < s.length; i++) {
    if (s[i] === "(") depth++;
    else if (s[i] === ")" && --depth === 0) return i;
  }
  return -1;
}

/**
 * Rewrites names in `s`: `calls[name](argText)` replaces a call `name(...)` (its argument text
 * already rewritten), `names[name]` replaces a name used as a function or symbol, and
 * `constants[name]` replaces a name that is not followed by `(`.
 */
export function rewriteNames(s, { calls = {}, names = {}, constants = {} } = {}) {
  let out = "";
  let i = 0;
  while (i < s.length) {
    const c = s[i];
    if (DIGIT.test(c) || (c === "." && DIGIT.test(s[i + 1] ?? ""))) {
      const start = i;
      while (i < s.length && (DIGIT.test(s[i]) || s[i] === ".")) i++;
      const m = /^[eE][+-]?[0-9]+/.exec(s.slice(i, i + 16));
      if (m) i += m[0].length;
      out += s.slice(start, i);
      continue;
    }
    if (!IDENT_START.test(c)) {
      out += c;
      i++;
      continue;
    }
    const start = i;
    while (i < s.length && IDENT_PART.test(s[i])) i++;
    const name = s.slice(start, i);
    let j = i;
    while (s[j] === " ") j++;
    const isCall = s[j] === "(";
    if (isCall && Object.hasOwn(calls, name)) {
      const close = matchingParen(s, j);
      if (close < 0) throw new Error(`unbalanced parentheses after ${name}`);
      out += calls[name](rewriteNames(s.slice(j + 1, close), { calls, names, constants }));
      i = close + 1;
    } else if (Object.hasOwn(names, name)) {
      out += names[name];
    } else if (!isCall && Object.hasOwn(constants, name)) {
      out += constants[name];
    } else {
      out += name;
    }
  }
  return out;
}

const ALGEBRITE_IN = {
  calls: {
    sec: (u) => `(1/cos(${u}))`,
    csc: (u) => `(1/sin(${u}))`,
    cot: (u) => `(1/tan(${u}))`,
  },
  names: { asin: "arcsin", acos: "arccos", atan: "arctan" },
  constants: { e: "exp(1)" },
};

const ALGEBRITE_OUT = {
  names: {
    arcsin: "asin",
    arccos: "acos",
    arctan: "atan",
    arcsinh: "asinh",
    arccosh: "acosh",
    arctanh: "atanh",
    sgn: "sign",
  },
};

/** A corpus formula in Algebrite's spelling. */
export function toAlgebrite(expr) {
  return rewriteNames(expr, ALGEBRITE_IN);
}

/** An Algebrite result in mathjs's spelling. */
export function fromAlgebrite(text) {
  return rewriteNames(text, ALGEBRITE_OUT);
}
