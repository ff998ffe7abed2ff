import { editDistance } from '../../core/suggest.js';

/** ` (did you mean `x`?)` for the closest candidate, or an empty string when none is close. */
export function didYouMean(value: string, candidates: Iterable<string>): string {
  let best: string | null = null;
  let bestDistance = Infinity;
  const list = [...candidates];
  // A prefix (`verify` for `Verification`) is as good as a near miss.
  const prefixed = value.length >= 3 ? list.filter((c) => c.toLowerCase().startsWith(value.toLowerCase().slice(0, -1))) : [];
  if (prefixed.length === 1) return ` (did you mean \`${prefixed[0]}\`?)`;
  for (const candidate of list) {
    const d = editDistance(value.toLowerCase(), candidate.toLowerCase());
    if (d < bestDistance) {
      best = candidate;
      bestDistance = d;
    }
  }
  return best !== null && bestDistance <= Math.max(2, Math.floor(best.length / 3)) ? ` (did you mean \`${best}\`?)` : '';
}
