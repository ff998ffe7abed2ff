/**
 * Heading anchor cases. Each `expected` was read from the HTML of a real
 * `docusaurus build` of this site's settings; `tests/e2e/anchors-build.test.ts`
 * builds a fixture site from these same cases and checks them again.
 * A case is a sequence of headings in one document (slugs depend on what came before).
 */
export interface HeadingCase {
  name: string;
  format: 'md' | 'mdx';
  /** Heading lines in order, in one document (after an h1 title). */
  headings: string[];
  /** Expected anchor of each heading (null: rendered without an id). */
  expected: (string | null)[];
}

export const headingCases: HeadingCase[] = [
  { name: 'plain words', format: 'md', headings: ['## Setup the database'], expected: ['setup-the-database'] },
  { name: 'duplicates get -1, -2', format: 'md', headings: ['## Setup', '## Setup', '## Setup'], expected: ['setup', 'setup-1', 'setup-2'] },
  { name: 'german umlauts kept', format: 'md', headings: ['## Überprüfung der Daten'], expected: ['überprüfung-der-daten'] },
  { name: 'colon and parentheses dropped', format: 'md', headings: ['## Step 1: Stop the API (v2)'], expected: ['step-1-stop-the-api-v2'] },
  { name: 'inline code keeps underscores', format: 'md', headings: ['## Run `pg_dump` first'], expected: ['run-pg_dump-first'] },
  { name: 'explicit id in md', format: 'md', headings: ['## Rollback {#custom-id}'], expected: ['custom-id'] },
  { name: 'explicit id in mdx', format: 'mdx', headings: ['## Rollback {#custom-id}'], expected: ['custom-id'] },
  { name: 'mdx comment id', format: 'mdx', headings: ['## Rollback {/* #comment-id */}'], expected: ['comment-id'] },
  { name: 'explicit id does not count as a slug', format: 'md', headings: ['## Setup {#setup}', '## Setup'], expected: ['setup', 'setup'] },
  { name: 'emoji removed, space kept', format: 'md', headings: ['## 🚨 Emergency stop'], expected: ['-emergency-stop'] },
  { name: 'emoji at end', format: 'md', headings: ['## Done ✅'], expected: ['done-'] },
  { name: 'link in heading uses its text', format: 'md', headings: ['## See [the guide](https://example.com) now'], expected: ['see-the-guide-now'] },
  { name: 'emphasis and strong', format: 'md', headings: ['## A *very* **important** step'], expected: ['a-very-important-step'] },
  { name: 'ampersand and slash removed', format: 'md', headings: ['## Backup & Restore / DR'], expected: ['backup--restore--dr'] },
  { name: 'dots removed', format: 'md', headings: ['## Upgrade to v1.2.3'], expected: ['upgrade-to-v123'] },
  { name: 'hyphens kept, no collapsing', format: 'md', headings: ['## Pre-flight -- checks'], expected: ['pre-flight----checks'] },
  { name: 'uppercase lowered', format: 'md', headings: ['## WAL File Growing'], expected: ['wal-file-growing'] },
  { name: 'numbers only', format: 'md', headings: ['## 2024'], expected: ['2024'] },
  { name: 'question mark and quotes', format: 'md', headings: ['## What if "it" fails?'], expected: ['what-if-it-fails'] },
  { name: 'underscore words', format: 'md', headings: ['## last_updated field'], expected: ['last_updated-field'] },
  { name: 'accented french', format: 'md', headings: ['## Procédure de reprise'], expected: ['procédure-de-reprise'] },
  { name: 'cjk characters', format: 'md', headings: ['## 手順 確認'], expected: ['手順-確認'] },
  { name: 'percent and dollar', format: 'md', headings: ['## Error rate > 5% costs $15'], expected: ['error-rate--5-costs-15'] },
  { name: 'h3 and h4 get ids too', format: 'md', headings: ['### Deep', '#### Deeper'], expected: ['deep', 'deeper'] },
  { name: 'duplicate across levels', format: 'md', headings: ['## Verify', '### Verify'], expected: ['verify', 'verify-1'] },
  { name: 'raw html removed from text', format: 'md', headings: ['## Status <span>live</span>'], expected: ['status-live'] },
  { name: 'mdx jsx text kept', format: 'mdx', headings: ['## Status <span>live</span>'], expected: ['status-live'] },
  { name: 'numbered slug collides with later literal', format: 'md', headings: ['## Setup', '## Setup', '## Setup 1'], expected: ['setup', 'setup-1', 'setup-1-1'] },
  { name: 'explicit id with trailing spaces', format: 'md', headings: ['## Title {#  spaced  }'], expected: ['spaced'] },
];
