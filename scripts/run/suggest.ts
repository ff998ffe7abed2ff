/** Levenshtein distance, for "did you mean" hints. */
function distance(a: string, b: string): number {
  const previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = previous[0]!;
    previous[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = previous[j]!;
      previous[j] = Math.min(previous[j]! + 1, previous[j - 1]! + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
      diagonal = above;
    }
  }
  return previous[b.length]!;
}

/** ` (did you mean `x`?)` for the closest candidate, or an empty string when none is close. */
export function didYouMean(value: string, candidates: Iterable<string>): string {
  let best: string | null = null;
  let bestDistance = Infinity;
  const list = [...candidates];
  // A prefix (`verify` for `Verification`) is as good as a near miss.
  const prefixed = value.length >= 3 ? list.filter((c) => c.toLowerCase().startsWith(value.toLowerCase().slice(0, -1))) : [];
  if (prefixed.length === 1) return ` (did you mean \`${prefixed[0]}\`?)`;
  for (const candidate of list) {
    const d = distance(value.toLowerCase(), candidate.toLowerCase());
    if (d < bestDistance) {
      best = candidate;
      bestDistance = d;
    }
  }
  return best !== null && bestDistance <= Math.max(2, Math.floor(best.length / 3)) ? ` (did you mean \`${best}\`?)` : '';
}
