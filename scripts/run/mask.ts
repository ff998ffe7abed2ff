import { SECRET_MASK } from './types.js';

/**
 * Masking of secret parameter values in text: in the log, in the Markdown
 * twin, and in the output streamed to the terminal (which a CI system keeps).
 */

interface Occurrence {
  start: number;
  end: number;
}

/** Leftmost, longest, non-overlapping occurrences of any secret. */
function occurrences(text: string, secrets: readonly string[]): Occurrence[] {
  const found: Occurrence[] = [];
  let at = 0;
  while (at < text.length) {
    let best: Occurrence | null = null;
    for (const secret of secrets) {
      const start = text.indexOf(secret, at);
      if (start === -1) continue;
      if (!best || start < best.start || (start === best.start && start + secret.length > best.end)) best = { start, end: start + secret.length };
    }
    if (!best) break;
    found.push(best);
    at = best.end;
  }
  return found;
}

function replace(text: string, found: readonly Occurrence[]): string {
  let out = '';
  let at = 0;
  for (const { start, end } of found) {
    out += text.slice(at, start) + SECRET_MASK;
    at = end;
  }
  return out + text.slice(at);
}

/** `text` with every secret value replaced by the mask. Empty secrets are ignored. */
export function maskSecrets(text: string, secrets: readonly string[]): string {
  const nonEmpty = secrets.filter(Boolean);
  return nonEmpty.length ? replace(text, occurrences(text, nonEmpty)) : text;
}

export interface StreamMasker {
  /** Masks a chunk; returns what is safe to show now. */
  push(chunk: string): string;
  /** Everything held back, masked (call when the stream ends). */
  flush(): string;
}

/**
 * Masks a stream whose chunks may split a secret. Only the shortest tail that
 * could still become a secret is held back (a suffix that is a proper prefix
 * of one), so output is not delayed unless it looks like the start of a secret.
 */
export function createStreamMasker(secrets: readonly string[]): StreamMasker {
  const nonEmpty = secrets.filter(Boolean);
  let held = '';
  return {
    push(chunk) {
      if (!nonEmpty.length) return chunk;
      const text = held + chunk;
      const found = occurrences(text, nonEmpty);
      const afterLast = found.length ? found.at(-1)!.end : 0;
      let keep = 0;
      for (const secret of nonEmpty) {
        const max = Math.min(secret.length - 1, text.length - afterLast);
        for (let k = max; k > keep; k--) {
          if (text.endsWith(secret.slice(0, k))) {
            keep = k;
            break;
          }
        }
      }
      held = text.slice(text.length - keep);
      return replace(text.slice(0, text.length - keep), found);
    },
    flush() {
      const rest = maskSecrets(held, nonEmpty);
      held = '';
      return rest;
    },
  };
}
