/**
 * The known key closest to a misspelt one, so `imagee` says "did you mean `image`?". A candidate
 * must be close relative to its length, or a short typo would suggest unrelated keys.
 */
export function closestKey(typo: string, known: readonly string[]): string | undefined {
  const lower = typo.toLowerCase();
  const limit = Math.max(1, Math.floor(typo.length / 3));
  let best: string | undefined;
  let bestDist = Infinity;
  for (const k of known) {
    // Lengths differing by more than the limit cannot be close: skip them cheaply, which keeps
    // a file with thousands of unknown keys fast.
    if (Math.abs(k.length - typo.length) > limit) continue;
    const dist = k.toLowerCase() === lower ? 0 : editDistance(lower, k.toLowerCase());
    if (
      dist <= limit &&
      (dist < bestDist || (dist === bestDist && best !== undefined && k < best))
    ) {
      best = k;
      bestDist = dist;
    }
  }
  return best;
}

/** Levenshtein distance where swapping two neighbours counts as one edit (`imgae` → `image`). */
export function editDistance(a: string, b: string): number {
  // Three rolling rows (two back, for the swap) instead of a matrix: no allocation per cell.
  let prev2 = new Int32Array(b.length + 1);
  let prev = Int32Array.from({ length: b.length + 1 }, (_, j) => j);
  let cur = new Int32Array(b.length + 1);
  for (let i = 1; i <= a.length; i++) {
    cur[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        d = Math.min(d, prev2[j - 2]! + 1);
      }
      cur[j] = d;
    }
    [prev2, prev, cur] = [prev, cur, prev2];
  }
  return prev[b.length]!;
}
