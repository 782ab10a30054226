/**
 * Dense univariate polynomials with integer (bigint) coefficients, lowest degree first, no
 * trailing zero (the zero polynomial is `[]`). Reduction modulo M uses either the non-negative
 * range [0, M) or the symmetric range (-M/2, M/2], as each function says.
 *
 * Work is charged to the polynomial budget in force, one unit per coefficient operation.
 */
import { gcd } from "../core/rational.js";
import { spendWork } from "./poly.js";

export type IntPoly = bigint[];

export function trimInt(a: bigint[]): IntPoly {
  while (a.length > 0 && a[a.length - 1] === 0n) a.length--;
  return a;
}

export function mulInt(a: IntPoly, b: IntPoly): IntPoly {
  if (a.length === 0 || b.length === 0) return [];
  spendWork(a.length * b.length);
  const out = new Array<bigint>(a.length + b.length - 1).fill(0n);
  for (let i = 0; i < a.length; i++) {
    const ai = a[i]!;
    if (ai === 0n) continue;
    for (let j = 0; j < b.length; j++) out[i + j]! += ai * b[j]!;
  }
  return trimInt(out);
}

/** n mod m in [0, m) for m > 0. */
export function modNonNegative(n: bigint, m: bigint): bigint {
  const r = n % m;
  return r < 0n ? r + m : r;
}

/** Every coefficient reduced into the symmetric range (-m/2, m/2]. */
export function symmetricMod(a: IntPoly, m: bigint): IntPoly {
  spendWork(a.length);
  const half = m / 2n;
  return trimInt(
    a.map((c) => {
      const r = modNonNegative(c, m);
      return r > half ? r - m : r;
    }),
  );
}

/** The gcd of the coefficients (0 for the zero polynomial). */
function contentInt(a: IntPoly): bigint {
  let g = 0n;
  for (const c of a) {
    g = gcd(g, c);
    if (g === 1n) break;
  }
  return g;
}

/** a divided by its content, with a positive leading coefficient (zero stays zero). */
export function primitiveInt(a: IntPoly): IntPoly {
  if (a.length === 0) return a;
  let g = contentInt(a);
  if (a[a.length - 1]! < 0n) g = -g;
  return g === 1n ? a : a.map((c) => c / g);
}

/** The exact quotient a / b over the integers, or null when b does not divide a in Z[x]. */
export function divExactInt(a: IntPoly, b: IntPoly): IntPoly | null {
  if (b.length === 0) throw new RangeError("polynomial division by zero");
  if (a.length === 0) return [];
  const db = b.length - 1;
  if (a.length - 1 < db) return null;
  const lb = b[db]!;
  const r = a.slice();
  const q = new Array<bigint>(a.length - db).fill(0n);
  for (let i = a.length - 1; i >= db; i--) {
    const top = r[i]!;
    if (top === 0n) continue;
    if (top % lb !== 0n) return null;
    const c = top / lb;
    q[i - db] = c;
    spendWork(db + 1);
    for (let j = 0; j <= db; j++) r[i - db + j]! -= c * b[j]!;
  }
  for (let i = 0; i < db; i++) if (r[i] !== 0n) return null;
  return trimInt(q);
}

export function derivativeInt(a: IntPoly): IntPoly {
  const out: bigint[] = [];
  for (let i = 1; i < a.length; i++) out.push(a[i]! * BigInt(i));
  return trimInt(out);
}

/** The sum of the absolute values of the coefficients (an upper bound on the 2-norm). */
export function oneNorm(a: IntPoly): bigint {
  let s = 0n;
  for (const c of a) s += c < 0n ? -c : c;
  return s;
}
