import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';

/**
 * The fetching service of `handbook check --external`: each URL once per run,
 * a few at a time (fewer per host), HEAD first and GET when HEAD is refused,
 * redirects followed, a timeout per request. Successes are remembered in a
 * cache file for `maxAgeDays`; failures never are, so a page that was down
 * is fetched again on the next run rather than reported from memory.
 */
export interface ExternalLinkOptions {
  /** JSON file of URLs that answered, with when (null: no cache). */
  cacheFile: string | null;
  /** How long a success is trusted (default 7 days). */
  maxAgeDays?: number;
  /** Per request, in milliseconds (default 10 s). */
  timeoutMs?: number;
  /** Requests in flight, in all and per host (default 8 and 2). */
  concurrency?: number;
  perHost?: number;
  /** The clock, for tests. */
  now?: () => number;
  /** The fetch implementation, for tests (default the global fetch). */
  fetch?: typeof fetch;
}

export type ExternalLinkResult = { ok: true } | { ok: false; message: string } | null;

export interface ExternalLinkService {
  check(url: string): Promise<ExternalLinkResult>;
  /** Writes the successes to the cache file (call once at the end of the run). */
  save(): Promise<void>;
  /** What the run did: URLs fetched, answered from the cache, failed. */
  stats: { fetched: number; cached: number; failed: number };
}

interface CacheFile {
  version: 1;
  /** URL -> time it last answered, in ms since the epoch. */
  ok: Record<string, number>;
}

const USER_AGENT = 'handbook-check (link checker)';

export async function createExternalLinkService(options: ExternalLinkOptions): Promise<ExternalLinkService> {
  const now = options.now ?? Date.now;
  const maxAge = (options.maxAgeDays ?? 7) * 24 * 3600 * 1000;
  const timeoutMs = options.timeoutMs ?? 10_000;
  const limit = options.concurrency ?? 8;
  const perHost = options.perHost ?? 2;
  const doFetch = options.fetch ?? fetch;
  let remembered: Record<string, number> = {};
  if (options.cacheFile) {
    try {
      const data = JSON.parse(await readFile(options.cacheFile, 'utf8')) as CacheFile;
      if (data.version === 1 && data.ok && typeof data.ok === 'object') remembered = data.ok;
    } catch {
      // No cache yet, or unreadable: fetch everything.
    }
  }
  const stats = { fetched: 0, cached: 0, failed: 0 };
  const results = new Map<string, Promise<ExternalLinkResult>>();
  const queue: { start: () => void; fits: () => boolean }[] = [];
  const inFlightByHost = new Map<string, number>();
  let inFlight = 0;

  const hostOf = (url: string) => {
    try {
      return new URL(url).host;
    } catch {
      return '';
    }
  };
  /** Runs `task` when a slot is free overall and for its host. */
  const schedule = <T>(host: string, task: () => Promise<T>): Promise<T> =>
    new Promise<T>((resolve, reject) => {
      const fits = () => inFlight < limit && (inFlightByHost.get(host) ?? 0) < perHost;
      const start = () => {
        inFlight++;
        inFlightByHost.set(host, (inFlightByHost.get(host) ?? 0) + 1);
        task()
          .then(resolve, reject)
          .finally(() => {
            inFlight--;
            inFlightByHost.set(host, inFlightByHost.get(host)! - 1);
            // Start every waiting task that now fits, in order.
            for (let i = 0; i < queue.length && inFlight < limit; ) {
              if (queue[i]!.fits()) queue.splice(i, 1)[0]!.start();
              else i++;
            }
          });
      };
      if (fits()) start();
      else queue.push({ start, fits });
    });

  const request = async (url: string, method: 'HEAD' | 'GET'): Promise<{ status: number } | { error: string }> => {
    try {
      const response = await doFetch(url, { method, redirect: 'follow', signal: AbortSignal.timeout(timeoutMs), headers: { 'user-agent': USER_AGENT, accept: '*/*' } });
      // The body is not needed: release the connection.
      await response.body?.cancel().catch(() => undefined);
      return { status: response.status };
    } catch (error) {
      const cause = (error as { cause?: { code?: string; message?: string } }).cause;
      if ((error as Error).name === 'TimeoutError') return { error: `no answer within ${Math.round(timeoutMs / 1000)} s` };
      return { error: cause?.code ?? cause?.message ?? (error as Error).message };
    }
  };

  const fetchOnce = async (url: string): Promise<ExternalLinkResult> => {
    stats.fetched++;
    let answer = await request(url, 'HEAD');
    // Many servers refuse or mishandle HEAD: ask again with GET before judging.
    if (!('status' in answer) || answer.status >= 400) answer = await request(url, 'GET');
    if ('error' in answer) {
      stats.failed++;
      return { ok: false, message: `failure (${answer.error})` };
    }
    const { status } = answer;
    if (status < 400) {
      remembered[url] = now();
      return { ok: true };
    }
    // Rate limits and robots refused access say nothing about the page.
    if (status === 429 || status === 401 || status === 403) return null;
    stats.failed++;
    return { ok: false, message: `HTTP ${status}` };
  };

  return {
    stats,
    check(url) {
      let result = results.get(url);
      if (!result) {
        const seen = remembered[url];
        if (seen !== undefined && now() - seen < maxAge) {
          stats.cached++;
          result = Promise.resolve({ ok: true });
        } else result = schedule(hostOf(url), () => fetchOnce(url));
        results.set(url, result);
      }
      return result;
    },
    async save() {
      if (!options.cacheFile) return;
      const fresh = Object.fromEntries(Object.entries(remembered).filter(([, at]) => now() - at < maxAge));
      try {
        await mkdir(dirname(options.cacheFile), { recursive: true });
        const temp = `${options.cacheFile}.${process.pid}.tmp`;
        await writeFile(temp, JSON.stringify({ version: 1, ok: fresh } satisfies CacheFile));
        await rename(temp, options.cacheFile);
      } catch {
        // Read-only checkout: next run fetches again.
      }
    },
  };
}
