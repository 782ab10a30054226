/**
 * Dense univariate polynomials over the integers modulo a prime p below 2^26.
 *
 * Invariants of a `ModPoly`: coefficients lowest degree first, every entry an integer in [0, p),
 * no trailing zero (the zero polynomial is `[]`). A product of two residues is below 2^52 and a
 * residue plus such a product below 2^53, so every operation is exact in doubles.
 *
 * Work is charged to the polynomial budget in force (`spendWork`), one unit per
 * `OPS_PER_WORK` coefficient operations (these are double operations, not rational ones).
 */
import { spendWork } from "./poly.js";

export type ModPoly = number[];

const OPS_PER_WORK = 8;

function charge(ops: number): void {
  spendWork(ops / OPS_PER_WORK, 1);
}

/** Drops trailing zeros in place. */
export function trimMod(a: number[]): ModPoly {
  while (a.length > 0 && a[a.length - 1] === 0) a.length--;
  return a;
}

export function degMod(a: ModPoly): number {
  return a.length - 1;
}

/** n mod p in [0, p). */
function residueOf(n: bigint, p: number): number {
  const r = Number(n % BigInt(p));
  return r < 0 ? r + p : r;
}

/** The image of an integer polynomial (lowest degree first) modulo p. */
export function modImage(a: readonly bigint[], p: number): ModPoly {
  charge(a.length);
  return trimMod(a.map((c) => residueOf(c, p)));
}

/** a^-1 mod p for a in [1, p) (p below 2^26, so the products stay exact doubles). */
export function invMod(a: number, p: number): number {
  let [r0, r1] = [p, a];
  let [t0, t1] = [0, 1];
  while (r1 !== 0) {
    const q = Math.floor(r0 / r1);
    [r0, r1] = [r1, r0 - q * r1];
    [t0, t1] = [t1, t0 - q * t1];
  }
  if (r0 !== 1) throw new RangeError(`${a} has no inverse modulo ${p}`);
  return t0 < 0 ? t0 + p : t0;
}

export function subMod(a: ModPoly, b: ModPoly, p: number): ModPoly {
  const n = Math.max(a.length, b.length);
  charge(n);
  const out = new Array<number>(n);
  for (let i = 0; i < n; i++) out[i] = ((a[i] ?? 0) - (b[i] ?? 0) + p) % p;
  return trimMod(out);
}

function scaleMod(a: ModPoly, c: number, p: number): ModPoly {
  charge(a.length);
  return trimMod(a.map((x) => (x * c) % p));
}

export function mulMod(a: ModPoly, b: ModPoly, p: number): ModPoly {
  if (a.length === 0 || b.length === 0) return [];
  charge(a.length * b.length);
  const out = new Array<number>(a.length + b.length - 1).fill(0);
  for (let i = 0; i < a.length; i++) {
    const ai = a[i]!;
    if (ai === 0) continue;
    for (let j = 0; j < b.length; j++) out[i + j] = (out[i + j]! + ai * b[j]!) % p;
  }
  return trimMod(out);
}

/** Quotient and remainder of a by b (b non-zero): a = q*b + r with deg r < deg b. */
export function divRemMod(a: ModPoly, b: ModPoly, p: number): { q: ModPoly; r: ModPoly } {
  if (b.length === 0) throw new RangeError("polynomial division by zero modulo p");
  const db = b.length - 1;
  if (a.length - 1 < db) return { q: [], r: a.slice() };
  charge((a.length - db) * b.length);
  const r = a.slice();
  const q = new Array<number>(a.length - db).fill(0);
  const inv = invMod(b[db]!, p);
  for (let i = a.length - 1; i >= db; i--) {
    const c = (r[i]! * inv) % p;
    q[i - db] = c;
    if (c === 0) continue;
    for (let j = 0; j <= db; j++) r[i - db + j] = (r[i - db + j]! - ((c * b[j]!) % p) + p) % p;
  }
  r.length = db;
  return { q: trimMod(q), r: trimMod(r) };
}

export function remMod(a: ModPoly, b: ModPoly, p: number): ModPoly {
  return divRemMod(a, b, p).r;
}

/** a scaled to leading coefficient 1 (zero stays zero). */
export function monicMod(a: ModPoly, p: number): ModPoly {
  if (a.length === 0 || a[a.length - 1] === 1) return a;
  return scaleMod(a, invMod(a[a.length - 1]!, p), p);
}

/** The monic gcd of a and b (zero when both are zero). */
export function gcdMod(a: ModPoly, b: ModPoly, p: number): ModPoly {
  let [x, y] = [a, b];
  while (y.length > 0) [x, y] = [y, remMod(x, y, p)];
  return monicMod(x, p);
}

/** s, t with s*a + t*b = g, the monic gcd of a and b (a, b not both zero). */
export function extGcdMod(a: ModPoly, b: ModPoly, p: number): { g: ModPoly; s: ModPoly; t: ModPoly } {
  let [r0, r1] = [a, b];
  let [s0, s1]: [ModPoly, ModPoly] = [[1], []];
  let [t0, t1]: [ModPoly, ModPoly] = [[], [1]];
  while (r1.length > 0) {
    const { q, r } = divRemMod(r0, r1, p);
    [r0, r1] = [r1, r];
    [s0, s1] = [s1, subMod(s0, mulMod(q, s1, p), p)];
    [t0, t1] = [t1, subMod(t0, mulMod(q, t1, p), p)];
  }
  const inv = invMod(r0[r0.length - 1]!, p);
  return { g: scaleMod(r0, inv, p), s: scaleMod(s0, inv, p), t: scaleMod(t0, inv, p) };
}

/** base^e mod f for e >= 0 (f of degree >= 1). */
export function powRemMod(base: ModPoly, e: bigint, f: ModPoly, p: number): ModPoly {
  let result: ModPoly = [1];
  let b = remMod(base, f, p);
  let k = e;
  while (k > 0n) {
    if (k & 1n) result = remMod(mulMod(result, b, p), f, p);
    k >>= 1n;
    if (k > 0n) b = remMod(mulMod(b, b, p), f, p);
  }
  return remMod(result, f, p);
}

export function derivativeMod(a: ModPoly, p: number): ModPoly {
  charge(a.length);
  const out: number[] = [];
  for (let i = 1; i < a.length; i++) out.push((a[i]! * (i % p)) % p);
  return trimMod(out);
}
