/**
 * Multivariate factoring over the rationals by Kronecker's substitution.
 *
 * For f in variables x_1..x_n of degrees d_1..d_n, the substitution x_i -> t^(D_i) with
 * D_1 = 1 and D_(i+1) = D_i·(d_i + 1) is a ring homomorphism Z[x] -> Z[t] that is injective on
 * polynomials of degree at most d_i in each x_i (the exponent of t spells the exponents of x in
 * mixed radix), and every factor of f is such a polynomial. So each irreducible factor g of f
 * maps to ±t^a times a product of some of the irreducible factors of f's image; the subsets are
 * searched by increasing size and each candidate is confirmed by exact division of f.
 *
 * Contract: for f primitive, square-free, without monomial content and in at least two
 * variables, `factorByKronecker(f, factorUnivariate)` returns the irreducible factors of f over
 * Q (each primitive, positive leading coefficient, product f), or null when the image's degree
 * passes `MAX_KRONECKER_DEGREE` or the search passes its share of the work budget (a quarter of
 * the work left): the caller then keeps f as it is, which is correct but may be reducible.
 */
import { LimitError } from "../core/errors.js";
import { limits } from "../core/limits.js";
import { Rational } from "../core/rational.js";
import { mulInt, type IntPoly } from "./dense-int.js";
import {
  degreeIn,
  maxTerms,
  minMonomial,
  polyDivExact,
  polyFromTerms,
  polyWorkLeft,
  primitiveNumeric,
  shiftMono,
  spendWork,
  variablesOf,
  withPolyBudget,
  type Poly,
  type Term,
} from "./poly.js";
import { splitBySubsets, subsets, type Split } from "./subsets.js";

/** Images of higher degree in t are not factored. */
const MAX_KRONECKER_DEGREE = 120;

/** The mixed-radix layout of one substitution: variable indices and their radices. */
interface Layout {
  readonly vars: readonly number[];
  readonly radix: readonly number[];
  readonly weight: readonly number[];
  readonly size: number;
}

function layoutOf(f: Poly): Layout {
  const vars = [...variablesOf(f)].sort((a, b) => a - b);
  const radix = vars.map((v) => degreeIn(f, v) + 1);
  const weight: number[] = [];
  let w = 1;
  for (const r of radix) {
    weight.push(w);
    w *= r;
  }
  return { vars, radix, weight, size: w };
}

function substitute(f: Poly, layout: Layout): IntPoly {
  const out = new Array<bigint>(layout.size).fill(0n);
  for (const t of f.values()) {
    let e = 0;
    layout.vars.forEach((v, i) => (e += (t.mono[v] ?? 0) * layout.weight[i]!));
    out[e] = t.coef.num;
  }
  return out;
}

/** The polynomial whose image is `a` (deg a < layout.size). */
function unsubstitute(a: IntPoly, layout: Layout): Poly {
  spendWork(a.length);
  const terms: Term[] = [];
  const width = Math.max(...layout.vars) + 1;
  a.forEach((c, e) => {
    if (c === 0n) return;
    const mono = new Array<number>(width).fill(0);
    layout.vars.forEach((v, i) => (mono[v] = Math.floor(e / layout.weight[i]!) % layout.radix[i]!));
    terms.push({ mono, coef: Rational.int(c) });
  });
  return polyFromTerms(terms);
}

/**
 * `factorUnivariate(F)` factors a primitive integer polynomial of degree >= 1 into irreducibles,
 * repeated by multiplicity.
 */
export function factorByKronecker(f: Poly, factorUnivariate: (F: IntPoly) => IntPoly[]): Poly[] | null {
  const layout = layoutOf(f);
  if (layout.size - 1 > MAX_KRONECKER_DEGREE) return null;
  const share = Math.min(polyWorkLeft() / 4, limits.maxPolyWork);
  try {
    return withPolyBudget({ maxTerms: maxTerms(), maxWork: share }, () => search(f, layout, factorUnivariate));
  } catch (err) {
    if (err instanceof LimitError) return null;
    throw err;
  }
}

/**
 * Recombination (`splitBySubsets`) of the factors of f's image. Invariant: the image of rest is
 * ±t^a·∏ unused for some a <= shift.
 */
function search(f: Poly, layout: Layout, factorUnivariate: (F: IntPoly) => IntPoly[]): Poly[] {
  const image = substitute(f, layout);
  let shift = 0;
  while (image[shift] === 0n) shift++;
  const { factors, rest } = splitBySubsets(f, factorUnivariate(image.slice(shift)), (rest, unused, size) => findFactor(rest, unused, size, shift, layout));
  factors.push(primitiveNumeric(rest));
  return factors;
}

function findFactor(rest: Poly, unused: readonly IntPoly[], size: number, shift: number, layout: Layout): Split<Poly> | null {
  for (const subset of subsets(unused.length, size)) {
    let product: IntPoly = [1n];
    for (const i of subset) product = mulInt(product, unused[i]!);
    for (let a = 0; a <= shift && a + product.length <= layout.size; a++) {
      const shifted = new Array<bigint>(a).fill(0n).concat(product);
      const g = unsubstitute(shifted, layout);
      const factor = primitiveNumeric(
        shiftMono(
          g,
          minMonomial(g).map((k) => -k),
        ),
      );
      if (variablesOf(factor).size === 0) continue;
      const quotient = polyDivExact(rest, factor);
      if (quotient !== null) return { factor, quotient, used: subset };
    }
  }
  return null;
}
