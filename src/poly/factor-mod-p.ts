/**
 * Factoring modulo an odd prime p: distinct-degree factorisation, then Cantor–Zassenhaus
 * equal-degree splitting.
 *
 * Contract: for f monic and square-free modulo p (degree >= 1), `factorModP(f, p)` returns the
 * monic irreducible factors of f over F_p, whose product is f, sorted by degree and then by
 * coefficients. The random splitting polynomials come from a fixed-seed generator, so the result
 * and the work charged are the same on every run.
 */
import { degMod, divRemMod, gcdMod, mulMod, powRemMod, remMod, subMod, trimMod, type ModPoly } from "./dense-mod.js";

const X: ModPoly = [0, 1];

/**
 * The distinct-degree factorisation of monic square-free f: pairs [g, d] where g is the product
 * of all irreducible factors of f of degree d (only non-trivial g, increasing d).
 */
function distinctDegree(f: ModPoly, p: number): [ModPoly, number][] {
  const out: [ModPoly, number][] = [];
  let rest = f;
  // Invariant: h = x^(p^d) mod rest.
  let h: ModPoly = X;
  const P = BigInt(p);
  for (let d = 1; 2 * d <= degMod(rest); d++) {
    h = powRemMod(h, P, rest, p);
    const g = gcdMod(subMod(h, X, p), rest, p);
    if (degMod(g) > 0) {
      out.push([g, d]);
      rest = divRemMod(rest, g, p).q;
      h = remMod(h, rest, p);
    }
  }
  if (degMod(rest) > 0) out.push([rest, degMod(rest)]);
  return out;
}

/** A deterministic stream of residues modulo p (a 32-bit xorshift generator). */
class Residues {
  private state = 0x2545f491;
  next(p: number): number {
    let x = this.state;
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    this.state = x >>> 0;
    return this.state % p;
  }
}

/**
 * Splits g, a monic product of distinct irreducibles of degree d each, into those irreducibles
 * (Cantor–Zassenhaus: for a random a, gcd(a^((p^d - 1)/2) - 1, g) is a proper factor with
 * probability at least 1/2).
 */
function equalDegree(g: ModPoly, d: number, p: number, rng: Residues, out: ModPoly[]): void {
  const n = degMod(g);
  if (n === d) {
    out.push(g);
    return;
  }
  const e = (BigInt(p) ** BigInt(d) - 1n) / 2n;
  for (;;) {
    const a = trimMod(Array.from({ length: n }, () => rng.next(p)));
    if (degMod(a) < 1) continue;
    const u = gcdMod(subMod(powRemMod(a, e, g, p), [1], p), g, p);
    const du = degMod(u);
    if (du > 0 && du < n) {
      equalDegree(u, d, p, rng, out);
      equalDegree(divRemMod(g, u, p).q, d, p, rng, out);
      return;
    }
  }
}

function compareModPoly(a: ModPoly, b: ModPoly): number {
  if (a.length !== b.length) return a.length - b.length;
  for (let i = a.length - 1; i >= 0; i--) if (a[i] !== b[i]) return a[i]! - b[i]!;
  return 0;
}

export function factorModP(f: ModPoly, p: number): ModPoly[] {
  if (p === 2) throw new RangeError("factorModP needs an odd prime");
  const rng = new Residues();
  const out: ModPoly[] = [];
  for (const [g, d] of distinctDegree(f, p)) equalDegree(g, d, p, rng, out);
  return out.sort(compareModPoly);
}

/** The product of monic factors modulo p. */
export function productMod(factors: readonly ModPoly[], p: number): ModPoly {
  return factors.reduce<ModPoly>((acc, g) => mulMod(acc, g, p), [1]);
}
