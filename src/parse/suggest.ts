/** "Did you mean" suggestions for unknown function names. */

/** Levenshtein distance between `a` and `b` (insertions, deletions, substitutions), by code point. */
export function editDistance(a: string, b: string): number {
  const s = Array.from(a);
  const t = Array.from(b);
  let prev = Array.from({ length: t.length + 1 }, (_, j) => j);
  for (let i = 1; i <= s.length; i++) {
    const row = [i];
    for (let j = 1; j <= t.length; j++) {
      const cost = s[i - 1] === t[j - 1] ? 0 : 1;
      row.push(Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + cost));
    }
    prev = row;
  }
  return prev[t.length]!;
}

/**
 * The candidate closest to `name`, or undefined when none is close. Close means an edit distance of
 * at most 2 and at most half the length of `name` (so 'x' and 'foo' get no suggestion, 'sinn' and
 * 'arctan' do); one differing only in case is closer than any other. Ties go to the candidate
 * sharing the longest prefix with `name`,
 * then to the alphabetically first ('sinn' suggests 'sin', not 'sign').
 */
export function closestName(name: string, candidates: Iterable<string>): string | undefined {
  const length = Array.from(name).length;
  let best: string | undefined;
  let bestDistance = Infinity;
  let bestPrefix = -1;
  for (const c of candidates) {
    if (c === name || Math.abs(Array.from(c).length - length) > 2) continue;
    // A candidate differing only in case is the closest ('Sin' suggests 'sin', not 'min').
    const d = c.toLowerCase() === name.toLowerCase() ? 0.5 : editDistance(name, c);
    if (d > Math.min(2, Math.floor(length / 2))) continue;
    const prefix = commonPrefix(name, c);
    if (d < bestDistance || (d === bestDistance && (prefix > bestPrefix || (prefix === bestPrefix && c < best!)))) {
      best = c;
      bestDistance = d;
      bestPrefix = prefix;
    }
  }
  return best;
}

function commonPrefix(a: string, b: string): number {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return i;
}
