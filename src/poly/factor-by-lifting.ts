/**
 * Multivariate factoring over the rationals by evaluation and lifting.
 *
 * With x a main variable in which f is primitive and t the others: the image f(x, a) at a good
 * point (`evaluation-point.ts`) is factored over Z, its monic irreducible factors ū_i are lifted
 * to the monic factors u_i of f/lc_x(f) over the power series in t - a
 * (`multivariate-hensel.ts`), past D = the total degree of f in t, and recombined: an
 * irreducible factor g of f has image lc(g)(a)·∏_(i∈S) ū_i for one subset S, so by the
 * uniqueness of the lift g/lc_x(g) = ∏_(i∈S) u_i, and lc_x(f)·∏_(i∈S) u_i truncated at t-degree
 * D is the polynomial lc_x(f/g)·g (of t-degree <= D). Its primitive part in x is g; each
 * candidate is screened by degrees and by its images at two points, then confirmed by exact
 * division. The leading coefficient is thus handled by
 * multiplying the lifted monic factors by it, as Zassenhaus's method does with lc·∏ mod p^k.
 *
 * Contract: for f with integer coefficients, primitive, square-free, without monomial content
 * and in at least two variables, `factorByLifting(f, factorUnivariate)` returns the irreducible
 * factors of f over Q, each primitive with a positive leading coefficient, whose product is f;
 * or null when f has a coefficient that is not an integer, is primitive in none of its
 * variables, has no good evaluation point among those tried, or the work
 * passes its share of the budget (half of the work left): the caller then tries another method.
 * `factorUnivariate(F)` factors a primitive integer polynomial of degree >= 1 into irreducibles,
 * repeated by multiplicity (adjacent).
 */
import { LimitError } from "../core/errors.js";
import { limits } from "../core/limits.js";
import { Rational } from "../core/rational.js";
import { divExactInt, type IntPoly } from "./dense-int.js";
import type { RatPoly } from "./dense-rat.js";
import { contentOf } from "./content.js";
import { chooseImage, imageAt } from "./evaluation-point.js";
import { liftFactors } from "./multivariate-hensel.js";
import { coefficientsIn, degreeIn, maxTerms, polyDivExact, polyWorkLeft, primitiveNumeric, variablesOf, withPolyBudget, type Poly } from "./poly.js";
import { mulTruncated, seriesOrder, truncate } from "./series.js";
import { splitBySubsets, subsets, type Split } from "./subsets.js";
import { translate } from "./translate.js";

/** Values of the other variables at which a candidate's image must divide the image of rest. */
const TEST_POINTS: readonly (readonly bigint[])[] = [
  [2n, -3n, 5n, -7n],
  [-5n, 3n, 7n, 2n],
];

interface DivisionTest {
  readonly main: number;
  readonly others: readonly number[];
  readonly points: readonly (readonly bigint[])[];
}

export function factorByLifting(f: Poly, factorUnivariate: (F: IntPoly) => IntPoly[]): Poly[] | null {
  if ([...f.values()].some((t) => !t.coef.isInteger())) return null;
  const share = Math.min(polyWorkLeft() / 2, limits.maxPolyWork);
  try {
    return withPolyBudget({ maxTerms: maxTerms(), maxWork: share }, () => factorWithin(f, factorUnivariate));
  } catch (err) {
    if (err instanceof LimitError) return null;
    throw err;
  }
}

/** The variable of lowest degree in which f is primitive (the lowest index on a tie), or null. */
function mainVariable(f: Poly): number | null {
  const vars = [...variablesOf(f)].sort((a, b) => degreeIn(f, a) - degreeIn(f, b) || a - b);
  for (const v of vars) if (variablesOf(contentOf(f, v)).size === 0) return v;
  return null;
}

function monicRat(g: IntPoly): RatPoly {
  const lc = Rational.int(g[g.length - 1]!);
  return g.map((c) => Rational.int(c).div(lc));
}

function factorWithin(f: Poly, factorUnivariate: (F: IntPoly) => IntPoly[]): Poly[] | null {
  const main = mainVariable(f);
  if (main === null) return null;
  // Primitive and of degree 1 in x: irreducible.
  if (degreeIn(f, main) === 1) return [f];
  const others = [...variablesOf(f)].filter((v) => v !== main).sort((a, b) => a - b);
  const image = chooseImage(f, main, others, factorUnivariate);
  if (image === null) return null;
  if (image.factors.length === 1) return [f];
  const lifted = liftFactors(translate(f, image.point), main, image.factors.map(monicRat), seriesOrder(f, main));
  const back = new Map([...image.point].map(([v, a]) => [v, -a]));
  const test = { main, others, points: TEST_POINTS.map((values) => others.map((_, j) => values[j % values.length]!)) };
  const { factors, rest } = splitBySubsets(f, lifted, (rest, unused, size) => findFactor(rest, unused, size, image.point, back, test));
  factors.push(primitiveNumeric(rest));
  return factors;
}

/**
 * A necessary condition for g | h (both primitive with integer coefficients), given the images of
 * h at the test points: where g's image is not zero, it divides h's image in Z[x] (Gauss's lemma:
 * h = g·q with q in Z[x, t]). Cheap next to a multivariate division that fails late.
 */
function divisibleAtPoints(images: readonly IntPoly[], g: Poly, test: DivisionTest): boolean {
  return test.points.every((point, i) => {
    const image = imageAt(g, test.main, test.others, point);
    return image.length === 0 || divExactInt(images[i]!, image) !== null;
  });
}

/**
 * A factor of rest made of `size` of the unused lifted factors. Invariant: rest/lc_x(rest) is
 * the product of the unused lifted factors over the power series in t - a.
 */
function findFactor(
  rest: Poly,
  unused: readonly Poly[],
  size: number,
  point: ReadonlyMap<number, bigint>,
  back: ReadonlyMap<number, bigint>,
  test: DivisionTest,
): Split<Poly> | null {
  const main = test.main;
  const primitiveRest = primitiveNumeric(rest);
  const restImages = test.points.map((values) => imageAt(primitiveRest, main, test.others, values));
  const lc = translate(coefficientsIn(rest, main).get(degreeIn(rest, main))!, point);
  const order = seriesOrder(rest, main);
  for (const subset of subsets(unused.length, size)) {
    let product = truncate(lc, main, order);
    for (const i of subset) product = mulTruncated(product, unused[i]!, main, order);
    const candidate = translate(product, back);
    // lc_x(h)·g for rest = g·h has degree at most deg_v(g) + deg_v(h) in every variable v.
    if ([...variablesOf(candidate)].some((v) => degreeIn(candidate, v) > degreeIn(rest, v))) continue;
    const factor = primitiveNumeric(polyDivExact(candidate, contentOf(candidate, main))!);
    if (!divisibleAtPoints(restImages, factor, test)) continue;
    const quotient = polyDivExact(rest, factor);
    if (quotient !== null) return { factor, quotient, used: subset };
  }
  return null;
}
