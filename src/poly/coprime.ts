/**
 * A fast, one-sided coprimality test by modular images: `provablyCoprime(a, b)` is true only when
 * the gcd of `a` and `b` over the rationals is a non-zero constant; false means "not known".
 *
 * Method: the gcd g can only depend on variables that both a and b have. For each such variable v,
 * the coefficients are reduced modulo the prime P and every other variable is evaluated at a fixed
 * point, giving images a', b' in F_P[v]. When no coefficient denominator is divisible by P and the
 * leading coefficients in v of a and b do not vanish in the image, the image of g keeps its degree
 * in v and divides gcd(a', b') (Gauss's lemma: over the integers, g's leading coefficient divides
 * theirs), so deg_v g <= deg gcd(a', b'). If that is 0 for every shared variable, g is constant.
 * All arithmetic is on doubles below 2^52, so it is exact.
 */
import type { Rational } from "../core/rational.js";
import { spendWork, type Poly } from "./poly.js";
import { invMod } from "./dense-mod.js";

/** A prime below 2^26: products of two residues stay below 2^52, exact in a double. */
const P = 67108859;
const P_BIG = 67108859n;
/** Univariate images of higher degree are not tried (the caller falls back to the full gcd). */
const MAX_IMAGE_DEGREE = 4096;

function mulMod(a: number, b: number): number {
  return (a * b) % P;
}

function powMod(base: number, k: number): number {
  let result = 1;
  let b = base;
  let e = k;
  while (e > 0) {
    if (e & 1) result = mulMod(result, b);
    e = Math.floor(e / 2);
    if (e > 0) b = mulMod(b, b);
  }
  return result;
}

function bigMod(n: bigint): number {
  if (n >= -9007199254740991n && n <= 9007199254740991n) {
    const r = Number(n) % P;
    return r < 0 ? r + P : r;
  }
  const r = Number(n % P_BIG);
  return r < 0 ? r + P : r;
}

/** The residue of a rational, or -1 when P divides its denominator. */
function residue(c: Rational): number {
  const d = bigMod(c.den);
  if (d === 0) return -1;
  const n = bigMod(c.num);
  return d === 1 ? n : mulMod(n, invMod(d, P));
}

/** The fixed evaluation point of variable i (never 0 or 1). */
function pointOf(i: number): number {
  return 2 + (((i + 1) * 1_000_003 + 7_919) % (P - 2));
}

/**
 * The image of `p` in F_P[v] (dense, lowest degree first, trimmed), or null when a coefficient's
 * denominator is divisible by P, an exponent is negative, the degree is too high or the leading
 * coefficient in v vanishes.
 */
function imageIn(p: Poly, v: number): number[] | null {
  let degree = 0;
  for (const t of p.values()) {
    const k = t.mono[v] ?? 0;
    if (k > degree) degree = k;
  }
  if (degree > MAX_IMAGE_DEGREE) return null;
  const out = new Array<number>(degree + 1).fill(0);
  for (const t of p.values()) {
    let c = residue(t.coef);
    if (c < 0) return null;
    const mono = t.mono;
    for (let i = 0; i < mono.length; i++) {
      const k = mono[i]!;
      if (k < 0) return null;
      if (i !== v && k !== 0) c = mulMod(c, powMod(pointOf(i), k));
    }
    const k = mono[v] ?? 0;
    out[k] = (out[k]! + c) % P;
  }
  return out[degree] === 0 ? null : out;
}

/** The degree of gcd(a, b) in F_P[v] for non-zero dense a, b (leading coefficients non-zero). */
function gcdDegree(a: number[], b: number[]): number {
  let p = a.slice();
  let q = b.slice();
  if (p.length < q.length) [p, q] = [q, p];
  while (q.length > 1) {
    // p := p mod q (q's leading coefficient is non-zero).
    const dq = q.length - 1;
    const inv = invMod(q[dq]!, P);
    for (let i = p.length - 1; i >= dq; i--) {
      const f = mulMod(p[i]!, inv);
      if (f === 0) continue;
      for (let j = 0; j <= dq; j++) {
        const x = p[i - dq + j]! - mulMod(f, q[j]!);
        p[i - dq + j] = x < 0 ? x + P : x;
      }
    }
    p.length = dq;
    while (p.length > 0 && p[p.length - 1] === 0) p.length--;
    if (p.length === 0) return dq;
    [p, q] = [q, p];
  }
  // q is a non-zero constant.
  return 0;
}

function variables(p: Poly): Set<number> {
  const s = new Set<number>();
  for (const t of p.values()) {
    const mono = t.mono;
    for (let i = 0; i < mono.length; i++) if (mono[i] !== 0) s.add(i);
  }
  return s;
}

/** True only when gcd(a, b) is a non-zero constant (see the module comment); a and b non-zero. */
export function provablyCoprime(a: Poly, b: Poly): boolean {
  if (a.size === 0 || b.size === 0) return false;
  const va = variables(a);
  const vb = variables(b);
  for (const v of va) {
    if (!vb.has(v)) continue;
    spendWork(a.size + b.size);
    const ia = imageIn(a, v);
    if (ia === null) return false;
    const ib = imageIn(b, v);
    if (ib === null) return false;
    if (gcdDegree(ia, ib) !== 0) return false;
  }
  return true;
}
