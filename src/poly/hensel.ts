/**
 * Multifactor Hensel lifting over the p-adic integers.
 *
 * Contract: for an integer polynomial f whose leading coefficient p does not divide, and monic
 * g_1..g_r modulo p that are pairwise coprime with f ≡ lc(f)·g_1···g_r (mod p),
 * `henselLift(f, g, p, k)` returns monic G_1..G_r with integer coefficients in [0, p^k),
 * G_i ≡ g_i (mod p) and f ≡ lc(f)·G_1···G_r (mod p^k). Such a lift is unique (Hensel's lemma).
 *
 * Method: the factor list is split in halves down a binary tree; each split F ≡ G·H is lifted
 * one p-adic digit at a time (linear lifting) with one Bezout pair s·g + t·h ≡ 1 (mod p).
 */
import { extGcdMod, mulMod, remMod, subMod, divRemMod, type ModPoly } from "./dense-mod.js";
import { productMod } from "./factor-mod-p.js";
import { modNonNegative, mulInt, trimInt, type IntPoly } from "./dense-int.js";
import { spendWork } from "./poly.js";

function toInt(a: ModPoly): IntPoly {
  return a.map((c) => BigInt(c));
}

function reduceNonNegative(a: IntPoly, m: bigint): IntPoly {
  spendWork(a.length);
  return trimInt(a.map((c) => modNonNegative(c, m)));
}

/** a^-1 mod m for gcd(a, m) = 1. */
function invModBig(a: bigint, m: bigint): bigint {
  let [r0, r1] = [m, modNonNegative(a, m)];
  let [t0, t1] = [0n, 1n];
  while (r1 !== 0n) {
    const q = r0 / r1;
    [r0, r1] = [r1, r0 - q * r1];
    [t0, t1] = [t1, t0 - q * t1];
  }
  if (r0 !== 1n) throw new RangeError("no inverse: the leading coefficient shares a factor with the modulus");
  return modNonNegative(t0, m);
}

export function henselLift(f: IntPoly, factors: readonly ModPoly[], p: number, k: number): IntPoly[] {
  const P = BigInt(p);
  const M = P ** BigInt(k);
  const lc = f[f.length - 1]!;
  const monic = reduceNonNegative(
    f.map((c) => c * invModBig(lc, M)),
    M,
  );
  return liftTree(monic, factors, p, k);
}

/** F monic modulo p^k with F ≡ ∏ factors (mod p): the lifted factors, in the same order. */
function liftTree(F: IntPoly, factors: readonly ModPoly[], p: number, k: number): IntPoly[] {
  if (factors.length === 1) return [F];
  const half = factors.length >> 1;
  const left = factors.slice(0, half);
  const right = factors.slice(half);
  const [G, H] = liftPair(F, productMod(left, p), productMod(right, p), p, k);
  return [...liftTree(G, left, p, k), ...liftTree(H, right, p, k)];
}

/**
 * Monic G ≡ g, H ≡ h (mod p) with F ≡ G·H (mod p^k), for F monic modulo p^k, g and h monic and
 * coprime modulo p with F ≡ g·h (mod p).
 */
function liftPair(F: IntPoly, g: ModPoly, h: ModPoly, p: number, k: number): [IntPoly, IntPoly] {
  const { s } = extGcdMod(g, h, p);
  const P = BigInt(p);
  let G = toInt(g);
  let H = toInt(h);
  let m = P;
  // Invariant: F ≡ G·H (mod m), G and H monic of the degrees of g and h, m = p^j.
  for (let j = 1; j < k; j++) {
    const next = m * P;
    const gh = mulInt(G, H);
    spendWork(F.length);
    const diff: bigint[] = [];
    for (let i = 0; i < Math.max(F.length, gh.length); i++) diff.push(modNonNegative((F[i] ?? 0n) - (gh[i] ?? 0n), next) / m);
    const e: ModPoly = trimInt(diff).map((c) => Number(c));
    if (e.length > 0) {
      // dG·h + dH·g ≡ e (mod p) with deg dH < deg h and deg dG < deg g.
      const dH = remMod(mulMod(s, e, p), h, p);
      const dG = divRemMod(subMod(e, mulMod(dH, g, p), p), h, p).q;
      G = addScaled(G, dG, m);
      H = addScaled(H, dH, m);
    }
    m = next;
  }
  return [G, H];
}

/** a + m·d (d a polynomial modulo p). */
function addScaled(a: IntPoly, d: ModPoly, m: bigint): IntPoly {
  spendWork(d.length);
  const out = a.slice();
  for (let i = 0; i < d.length; i++) out[i] = (out[i] ?? 0n) + m * BigInt(d[i]!);
  return trimInt(out);
}
