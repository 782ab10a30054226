/** The k-element subsets of [0, n) as sorted index arrays, in lexicographic order (k >= 1). */
export function* subsets(n: number, k: number): Generator<number[]> {
  if (k < 1 || k > n) return;
  const idx = Array.from({ length: k }, (_, i) => i);
  for (;;) {
    yield idx.slice();
    let i = k - 1;
    while (i >= 0 && idx[i] === n - k + i) i--;
    if (i < 0) return;
    idx[i]!++;
    for (let j = i + 1; j < k; j++) idx[j] = idx[j - 1]! + 1;
  }
}

/** A factor found from the pieces at indices `used`, and what is left of the polynomial. */
export interface Split<P> {
  readonly factor: P;
  readonly quotient: P;
  readonly used: readonly number[];
}

/**
 * The recombination loop of Zassenhaus and of Kronecker's substitution: `find` looks for a factor
 * of `rest` made of exactly `size` of the unused pieces. Invariant: every factor of rest made of
 * fewer than `size` pieces has been split off, so a factor found at this size is irreducible, and
 * once 2*size exceeds the unused count what is left is irreducible too (returned as `rest`).
 */
export function splitBySubsets<P, F>(
  f: P,
  pieces: readonly F[],
  find: (rest: P, unused: readonly F[], size: number) => Split<P> | null,
): { factors: P[]; rest: P } {
  const factors: P[] = [];
  let rest = f;
  let unused = pieces;
  let size = 1;
  while (2 * size <= unused.length) {
    const found = find(rest, unused, size);
    if (found === null) {
      size++;
      continue;
    }
    factors.push(found.factor);
    rest = found.quotient;
    const used = new Set(found.used);
    unused = unused.filter((_, i) => !used.has(i));
  }
  return { factors, rest };
}
