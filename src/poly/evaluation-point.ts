/**
 * The evaluation point of multivariate factoring: integers for every variable but the main one
 * at which the univariate image keeps the degree in the main variable and stays square-free.
 *
 * Contract: for f with integer coefficients, `chooseImage(f, main, others, factorUnivariate)`
 * tries points in a fixed order (the origin first, then small integers from a fixed-seed
 * generator). A point is good when the image f(x, a) keeps deg_x f and is square-free modulo one
 * of `PRIMES` (so square-free over Q); the number of its factors modulo the first two such primes
 * bounds the number over Q. Of the first `POINTS_COMPARED` good points (fewer when `MAX_POINTS`
 * points give fewer), the one with the lowest bound (the earliest on a tie) is returned with the
 * irreducible factors of its image over Z (one factorisation over Z in all, none when the bound
 * is 1); null when no point is good. At a good point a, the irreducible factors of f(x, a) are
 * pairwise coprime, and when f is primitive in x every factorisation of f maps to one of f(x, a)
 * with the same degrees in x.
 */
import { primitiveInt, trimInt, type IntPoly } from "./dense-int.js";
import { degMod, derivativeMod, gcdMod, modImage, monicMod } from "./dense-mod.js";
import { factorModP } from "./factor-mod-p.js";
import { degreeIn, spendWork, type Poly } from "./poly.js";

const POINTS_COMPARED = 3;
const MAX_POINTS = 40;
/** The primes an image is reduced modulo, and how many of the good ones bound its factors. */
const PRIMES = [3, 5, 7, 11, 13, 17, 19, 23, 29, 31, 37, 41];
const PRIMES_COMPARED = 2;

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

/**
 * The fewest factors of F modulo the first `PRIMES_COMPARED` primes of `PRIMES` that divide
 * neither lc(F) nor the discriminant (an upper bound on the factors over Q), or null when none does.
 */
function modularFactorBound(F: IntPoly): number | null {
  const lc = F[F.length - 1]!;
  let bound: number | null = null;
  let good = 0;
  for (const p of PRIMES) {
    if (lc % BigInt(p) === 0n) continue;
    const image = modImage(F, p);
    if (degMod(gcdMod(image, derivativeMod(image, p), p)) > 0) continue;
    const count = factorModP(monicMod(image, p), p).length;
    bound = bound === null ? count : Math.min(bound, count);
    if (bound === 1 || ++good >= PRIMES_COMPARED) break;
  }
  return bound;
}

export function chooseImage(f: Poly, main: number, others: readonly number[], factorUnivariate: (F: IntPoly) => IntPoly[]): Image | null {
  const n = degreeIn(f, main);
  let best: { point: bigint[]; image: IntPoly; bound: number } | null = null;
  let good = 0;
  for (const point of points(others.length)) {
    const image = imageAt(f, main, others, point);
    if (image.length !== n + 1) continue;
    const bound = modularFactorBound(image);
    if (bound === null) continue;
    if (best === null || bound < best.bound) best = { point, image, bound };
    if (best.bound === 1 || ++good >= POINTS_COMPARED) break;
  }
  if (best === null) return null;
  const primitive = primitiveInt(best.image);
  return {
    point: new Map(others.map((v, j) => [v, best.point[j]!])),
    factors: best.bound === 1 ? [primitive] : factorUnivariate(primitive),
  };
}
