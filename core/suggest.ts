/**
 * "Did you mean": the closest candidate by edit distance, when it is close
 * enough to be a likely typo (at most a third of the longer string's length, at least 2).
 */
export function closest(wanted: string, candidates: Iterable<string>, key: (s: string) => string = (s) => s): string | null {
  let best: string | null = null;
  let bestDistance = Infinity;
  const wantedFull = wanted;
  wanted = key(wanted);
  for (const full of candidates) {
    if (full === wantedFull) continue;
    const candidate = key(full);
    if (Math.abs(candidate.length - wanted.length) >= bestDistance) continue;
    const limit = Math.min(bestDistance - 1, Math.max(2, Math.floor(Math.max(wanted.length, candidate.length) / 3)));
    const distance = editDistance(wanted, candidate, limit);
    if (distance <= limit && distance < bestDistance) {
      best = full;
      bestDistance = distance;
    }
  }
  return best;
}

/** The last path segment: did-you-mean compares names within one folder. */
export const baseName = (path: string): string => path.slice(path.lastIndexOf('/') + 1);

/** Levenshtein distance, giving up (returning limit + 1) once it exceeds `limit`. The one edit distance of the handbook. */
export function editDistance(a: string, b: string, limit = Infinity): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      const value = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      current.push(value);
      if (value < rowMin) rowMin = value;
    }
    if (rowMin > limit) return limit + 1;
    previous = current;
  }
  return previous[b.length]!;
}
