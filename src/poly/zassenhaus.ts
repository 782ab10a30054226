/**
 * Univariate factoring over the integers by the Zassenhaus method: factor modulo a prime, lift
 * the factors by Hensel's lemma past a bound on the coefficients of any factor, and recombine
 * subsets of the lifted factors into true factors, each confirmed by exact division.
 *
 * Contract: for f primitive, square-free, of degree >= 1, with a positive leading coefficient,
 * `factorSquareFreeInt(f)` returns the irreducible factors of f over Z (hence over Q), each
 * primitive with a positive leading coefficient, whose product is f. It never returns a
 * reducible factor: when the subset search would pass `maxPolyWork`, it throws that LimitError.
 * The search is exponential in the number of modular factors in the worst case (polynomials
 * such as Swinnerton-Dyer's, which split into many factors modulo every prime).
 */
import { degMod, gcdMod, modImage, monicMod, type ModPoly } from "./dense-mod.js";
import { factorModP } from "./factor-mod-p.js";
import { henselLift } from "./hensel.js";
import { derivativeInt, divExactInt, modNonNegative, mulInt, oneNorm, primitiveInt, symmetricMod, type IntPoly } from "./dense-int.js";
import { spendWork } from "./poly.js";
import { splitBySubsets, subsets, type Split } from "./subsets.js";

/** Good primes compared: the one with the fewest modular factors is lifted. */
const PRIMES_COMPARED = 3;

function isPrime(n: number): boolean {
  if (n < 2) return false;
  for (let d = 2; d * d <= n; d++) if (n % d === 0) return false;
  return true;
}

/** Odd primes in increasing order, from 3 (each below 2^26 in practice: the search stops long before). */
function* oddPrimes(): Generator<number> {
  for (let n = 3; ; n += 2) if (isPrime(n)) yield n;
}

/**
 * The modular factorisation used for lifting: a prime p that divides neither lc(f) nor the
 * discriminant (f stays square-free modulo p), with the fewest factors among the first few.
 */
function chooseFactorisation(f: IntPoly): { p: number; factors: ModPoly[] } {
  const lc = f[f.length - 1]!;
  const df = derivativeInt(f);
  let best: { p: number; factors: ModPoly[] } | null = null;
  let good = 0;
  for (const p of oddPrimes()) {
    spendWork(f.length);
    if (lc % BigInt(p) === 0n) continue;
    const image = modImage(f, p);
    if (degMod(gcdMod(image, modImage(df, p), p)) > 0) continue;
    const factors = factorModP(monicMod(image, p), p);
    if (best === null || factors.length < best.factors.length) best = { p, factors };
    if (best.factors.length === 1 || ++good >= PRIMES_COMPARED) return best;
  }
  throw new Error("unreachable: the primes are endless");
}

/**
 * The exponent k with p^k > 2·|lc(f)|·2^n·‖f‖₁: any factor g of f of degree <= n has
 * ‖g‖∞ <= 2^n·‖f‖₂ (Mignotte), so lc(f)/lc(g)·g is determined by its residue modulo p^k in the
 * symmetric range.
 */
function liftExponent(f: IntPoly, p: number): number {
  const lc = f[f.length - 1]!;
  const bound = 2n * (lc < 0n ? -lc : lc) * (1n << BigInt(f.length - 1)) * oneNorm(f);
  const P = BigInt(p);
  let k = 1;
  for (let m = P; m <= bound; m *= P) k++;
  return k;
}

export function factorSquareFreeInt(f: IntPoly): IntPoly[] {
  if (f.length <= 2) return [f];
  const { p, factors } = chooseFactorisation(f);
  if (factors.length === 1) return [f];
  const k = liftExponent(f, p);
  const M = BigInt(p) ** BigInt(k);
  return recombine(f, henselLift(f, factors, p, k), M);
}

/**
 * Zassenhaus recombination (`splitBySubsets`). Invariant: rest ≡ lc(rest)·∏ lifted (mod M) over
 * the lifted factors still unused.
 */
function recombine(f: IntPoly, lifted: IntPoly[], M: bigint): IntPoly[] {
  const { factors, rest } = splitBySubsets(f, lifted, (rest, unused, size) => liftedFactor(rest, unused, size, M));
  if (rest.length > 1) factors.push(primitiveInt(rest));
  return factors;
}

/** A factor of `rest` whose image mod M is lc(rest) times `size` of the unused lifted factors. */
function liftedFactor(rest: IntPoly, unused: readonly IntPoly[], size: number, M: bigint): Split<IntPoly> | null {
  const lc = rest[rest.length - 1]!;
  // The constant coefficient of lc·∏ g over a true factor g divides lc·rest(0) (when not 0).
  const constantTarget = lc * rest[0]!;
  const testConstant = constantTarget !== 0n;
  for (const subset of subsets(unused.length, size)) {
    spendWork(size);
    let c = lc;
    for (const i of subset) c = modNonNegative(c * unused[i]![0]!, M);
    if (c > M / 2n) c -= M;
    if (testConstant && (c === 0n || constantTarget % c !== 0n)) continue;
    let candidate: IntPoly = [lc];
    for (const i of subset) candidate = symmetricMod(mulInt(candidate, unused[i]!), M);
    const factor = primitiveInt(candidate);
    const quotient = divExactInt(rest, factor);
    if (quotient !== null) return { factor, quotient, used: subset };
  }
  return null;
}
