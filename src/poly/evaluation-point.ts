/**
 * The evaluation point of multivariate factoring: integers for every variable but the main one
 * at which the univariate image keeps the degree in the main variable and stays square-free.
 *
 * Contract: for f with integer coefficients, `chooseImage(f, main, others, factorUnivariate)`
 * tries points in a fixed order (the origin first, then small integers from a fixed-seed
 * generator) and returns, of the first `POINTS_COMPARED` good points, the one whose image has the
 * fewest irreducible factors over Z (the earliest on a tie), with those factors (of fewer good
 * points when `MAX_POINTS` points give fewer); null when none of them is good. At a good point a, deg_x f(x, a) = deg_x f and
 * f(x, a) is square-free, so its irreducible factors are pairwise coprime, and when f is primitive
 * in x every factorisation of f maps to one of f(x, a) with the same degrees in x.
 */
import { primitiveInt, trimInt, type IntPoly } from "./dense-int.js";
import { degreeIn, spendWork, type Poly } from "./poly.js";

const POINTS_COMPARED = 3;
const MAX_POINTS = 40;

export interface Image {
  readonly point: ReadonlyMap<number, bigint>;
  readonly factors: readonly IntPoly[];
}

/** The points tried: the origin, then coordinates in [-b, b] with b growing slowly. */
function* points(count: number): Generator<bigint[]> {
  let state = 0x9e3779b9;
  const seen = new Set<string>();
  for (let i = 0; i < MAX_POINTS; i++) {
    const bound = 1 + Math.floor(i / 6);
    const point: bigint[] = [];
    for (let j = 0; j < count; j++) {
      state ^= state << 13;
      state ^= state >>> 17;
      state ^= state << 5;
      state >>>= 0;
      point.push(i === 0 ? 0n : BigInt((state % (2 * bound + 1)) - bound));
    }
    const key = point.join(",");
    if (seen.has(key)) continue;
    seen.add(key);
    yield point;
  }
}

/** f (integer coefficients) with others[j] set to point[j]: its coefficients in the main variable, lowest first. */
export function imageAt(f: Poly, main: number, others: readonly number[], point: readonly bigint[]): IntPoly {
  spendWork(f.size * (others.length + 1));
  const out = new Array<bigint>(degreeIn(f, main) + 1).fill(0n);
  for (const t of f.values()) {
    let c = t.coef.num;
    others.forEach((v, j) => (c *= point[j]! ** BigInt(t.mono[v] ?? 0)));
    out[t.mono[main] ?? 0]! += c;
  }
  return trimInt(out);
}

function sameIntPoly(a: IntPoly, b: IntPoly): boolean {
  return a.length === b.length && a.every((c, i) => c === b[i]);
}

export function chooseImage(f: Poly, main: number, others: readonly number[], factorUnivariate: (F: IntPoly) => IntPoly[]): Image | null {
  const n = degreeIn(f, main);
  let best: Image | null = null;
  let good = 0;
  for (const point of points(others.length)) {
    const image = imageAt(f, main, others, point);
    if (image.length !== n + 1) continue;
    const factors = factorUnivariate(primitiveInt(image));
    // Repeated irreducible factors are adjacent in the list: then the image is not square-free.
    if (factors.some((g, i) => i > 0 && sameIntPoly(g, factors[i - 1]!))) continue;
    if (best === null || factors.length < best.factors.length) best = { point: new Map(others.map((v, j) => [v, point[j]!])), factors };
    if (best.factors.length === 1 || ++good >= POINTS_COMPARED) return best;
  }
  return best;
}
