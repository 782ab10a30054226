/**
 * Translation of variables: p(..., v + a_v, ...), the change of coordinates that moves an
 * evaluation point to the origin (and back, with -a). A ring automorphism, so it keeps
 * factorisations, total degrees and the degree in every variable.
 *
 * Contract: `translate(p, shift)` returns p with each variable v of `shift` replaced by
 * v + shift.get(v) (by the binomial expansion of each power), for p with non-negative exponents.
 * Work: one unit per term produced.
 */
import { Rational } from "../core/rational.js";
import { polyFromTerms, spendWork, type Poly, type Term } from "./poly.js";

/** Binomial coefficients C(e, 0..e) times the powers a^(e - j), for each j. */
function binomialRow(e: number, a: bigint): bigint[] {
  const row: bigint[] = [];
  let c = 1n;
  for (let j = 0; j <= e; j++) {
    row.push(c * a ** BigInt(e - j));
    c = (c * BigInt(e - j)) / BigInt(j + 1);
  }
  return row;
}

export function translate(p: Poly, shift: ReadonlyMap<number, bigint>): Poly {
  const moved = [...shift].filter(([, a]) => a !== 0n);
  if (moved.length === 0) return p;
  const out: Term[] = [];
  for (const term of p.values()) {
    let parts: Term[] = [term];
    for (const [v, a] of moved) {
      const e = term.mono[v] ?? 0;
      if (e === 0) continue;
      const row = binomialRow(e, a);
      spendWork(parts.length * row.length, 0);
      parts = parts.flatMap((t) =>
        row.map((c, j): Term => {
          const mono = t.mono.slice();
          mono[v] = j;
          return { mono, coef: t.coef.mul(Rational.int(c)) };
        }),
      );
    }
    out.push(...parts);
  }
  spendWork(out.length);
  return polyFromTerms(out);
}
