import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { serveStatic } from '../support/static-server.js';
import { startHandbookBuild } from '../support/handbook-build.js';
import { openHydrated } from '../support/browser.js';

/**
 * What an operator pastes or types into the search, and the runbook that
 * should come first: alert names as Prometheus and CloudWatch write them,
 * alert names as words, raw error strings from logs, symptoms. Searched on
 * the built site's /search page (the search plugin's own worker over the
 * real `build/search-index.json`, `npm run build` first); the rank is the
 * runbook's place among the distinct pages of the results (0: not found).
 *
 * Before -> after (issue 25; plugins/search/options.ts unchanged):
 * - `Task timed out after 900.00 seconds`: 0 -> 1. The pipeline timeout
 *   runbook names the Lambda's error under Symptoms and in its keywords.
 * - `Integrity Check Failed`: 7 -> 1. The corruption runbook's title names
 *   its alert (a title outranks every heading; the Abathur alerting rules
 *   reference has a heading of that name).
 * - `Disk Space Critical`: 6 -> 2. A runbook's keywords carry its alerts'
 *   names as words (core/site/alert-keywords.ts). Still second, as is
 *   `Query Latency Spike` (2 -> 2): the plugin ranks a heading match above
 *   keywords, and the alerting rules reference has one heading per alert,
 *   each linking to the runbook.
 * - Every other query: 1 -> 1.
 * 19 of 21 first.
 */
const QUERIES: { query: string; runbook: string; rank: number }[] = [
  // Error strings from logs and terminals.
  { query: 'Task timed out after 900.00 seconds', runbook: '/docs/data-pipeline/runbooks/pipeline-timeout', rank: 1 },
  { query: 'Runtime exited with error: signal: killed', runbook: '/docs/data-pipeline/runbooks/lambda-out-of-memory', rank: 1 },
  { query: 'ERROR: deadlock detected', runbook: '/docs/ms5/runbooks/deadlocks', rank: 1 },
  { query: 'FOREIGN KEY constraint failed', runbook: '/docs/abathur/runbooks/foreign-key-violations', rank: 1 },
  { query: 'SQL logic error', runbook: '/docs/abathur/runbooks/database-corruption', rank: 1 },
  { query: 'password authentication failed', runbook: '/docs/weatherinsight/runbooks/database-connection-failures', rank: 1 },
  { query: 'database is locked', runbook: '/docs/abathur/runbooks/concurrent-access-deadlocks', rank: 1 },
  { query: 'checksum verification failed', runbook: '/docs/weatherinsight/emergency/data-corruption', rank: 1 },
  { query: 'QualityGateFailed', runbook: '/docs/data-pipeline/runbooks/quality-check-failures', rank: 1 },
  // Alert names as the rule files (alerts/) write them, and a CloudWatch alarm as its e-mail names it.
  { query: 'AbathurWalFileLarge', runbook: '/docs/abathur/runbooks/wal-growth', rank: 1 },
  { query: 'MS5ConnectionsSaturated', runbook: '/docs/ms5/runbooks/connection-saturation', rank: 1 },
  { query: 'MS5InsertsStalled', runbook: '/docs/ms5/runbooks/chunk-problems', rank: 1 },
  { query: 'WeatherInsightPostgresDown', runbook: '/docs/weatherinsight/runbooks/database-connection-failures', rank: 1 },
  { query: 'data-pipeline-prod-queue-backed-up-bronze-to-silver', runbook: '/docs/data-pipeline/runbooks/queue-backed-up', rank: 1 },
  // Alert names as words.
  { query: 'Integrity Check Failed', runbook: '/docs/abathur/runbooks/database-corruption', rank: 1 },
  { query: 'Disk Space Critical', runbook: '/docs/abathur/runbooks/disk-space-exhaustion', rank: 2 },
  { query: 'Query Latency Spike', runbook: '/docs/abathur/runbooks/database-performance', rank: 2 },
  // Symptoms.
  { query: 'WAL file growing', runbook: '/docs/abathur/runbooks/wal-growth', rank: 1 },
  { query: 'ollama connection refused', runbook: '/docs/abathur/runbooks/ollama-failures', rank: 1 },
  { query: 'cache hit ratio low', runbook: '/docs/ms5/runbooks/low-cache-hit-ratio', rank: 1 },
  { query: 'Lambda timeout', runbook: '/docs/data-pipeline/runbooks/pipeline-timeout', rank: 1 },
];

describe('search: what an operator types finds the runbook first', () => {
  let server: Awaited<ReturnType<typeof serveStatic>>;
  let browser: Browser;

  beforeAll(async () => {
    ({ server, browser } = await startHandbookBuild());
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it(`ranks the right runbook for ${QUERIES.length} queries, at least 10 of the first 12 and ${QUERIES.filter((q) => q.rank === 1).length} of all first`, async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await openHydrated(page, `${server.url}/search`);
    const input = page.locator('main input[type=search]');
    const ranks: Record<string, number> = {};
    for (const { query, runbook } of QUERIES) {
      await input.fill(query);
      // The page writes the query into the URL, then lists one result per matching title, heading or section.
      await page.waitForURL((url) => url.searchParams.get('q') === query);
      await page.waitForFunction(() => document.querySelector('main [class*="searchResultItem_"]') || /No documents were found/.test(document.querySelector('main')?.textContent ?? ''), undefined, { timeout: 30_000 });
      const pages = [...new Set(await page.locator('main [class*="searchResultItem_"] h2 a').evaluateAll((links) => links.map((a) => (a as HTMLAnchorElement).pathname)))];
      ranks[query] = pages.indexOf(runbook) + 1;
      await input.fill('');
      await page.waitForFunction(() => !document.querySelector('main [class*="searchResultItem_"]'));
    }
    expect(ranks).toEqual(Object.fromEntries(QUERIES.map((q) => [q.query, q.rank])));
    expect(QUERIES.slice(0, 12).filter((q) => ranks[q.query] === 1).length).toBeGreaterThanOrEqual(10);
    await context.close();
  });
});
