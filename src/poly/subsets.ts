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
