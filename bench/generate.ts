/**
 * Synthetic runbook corpus for the link-check benchmark: N docs of ~3 KB with
 * version headers, headings with duplicates, backticks, punctuation and
 * non-ASCII letters, fenced shell blocks (some holding link-like text that is
 * not a link), five relative links each, and about 1% broken links (half to a
 * missing file, half to a missing anchor), recorded in a ground-truth
 * manifest. The anchors of the manifest are written by hand below, not
 * computed by the handbook's code, so the benchmark cannot agree with itself.
 */
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';

/** Headings every doc carries, with the anchor the built site gives each (verified by a Docusaurus build, see link-checkers.md). */
const HEADINGS: [text: string, anchor: string][] = [
  ['Before you start', 'before-you-start'],
  ['Step 1: stop the API (v2)', 'step-1-stop-the-api-v2'],
  ['Run `pg_dump` first', 'run-pg_dump-first'],
  ['Verify', 'verify'],
  ['Überprüfung der Daten', 'überprüfung-der-daten'],
  ['Verify', 'verify-1'],
  ['Roll back?', 'roll-back'],
  ['Scale `ingest` to 3 replicas', 'scale-ingest-to-3-replicas'],
];

export interface ManifestLink {
  file: string;
  line: number;
  url: string;
  broken: null | 'file' | 'anchor';
}

export interface Manifest {
  docs: number;
  bytes: number;
  links: ManifestLink[];
}

/** A small deterministic PRNG (mulberry32) so every run writes the same corpus. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const PER_FOLDER = 100;
const folderOf = (i: number) => `svc-${String(Math.floor(i / PER_FOLDER)).padStart(3, '0')}`;
const fileOf = (i: number) => `docs/${folderOf(i)}/runbook-${String(i).padStart(5, '0')}.md`;

function relative(from: number, to: number): string {
  const name = `runbook-${String(to).padStart(5, '0')}.md`;
  return folderOf(from) === folderOf(to) ? `./${name}` : `../${folderOf(to)}/${name}`;
}

const FILLER = [
  'Check the dashboard for the error rate and the queue depth before you touch anything; write down the numbers in the incident channel.',
  'The service reads its configuration from the environment at start, so a restart is needed after every change to the secret store.',
  'If the replica lag stays above thirty seconds for more than five minutes, page the database on-call and stop the backfill job.',
  'Most alerts clear on their own within ten minutes after a deploy; wait for one full scrape interval before escalating.',
];

/**
 * Writes `docs/` and `manifest.json` under `dir` and returns the manifest.
 * `brokenRate` is the share of links that are broken (default 1%).
 */
export async function generateCorpus({ dir, docs, seed = 13, brokenRate = 0.01 }: { dir: string; docs: number; seed?: number; brokenRate?: number }): Promise<Manifest> {
  const rand = random(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)]!;
  await rm(dir, { recursive: true, force: true });
  const manifest: Manifest = { docs, bytes: 0, links: [] };
  const folders = new Set<string>();
  for (let i = 0; i < docs; i++) folders.add(join(dir, 'docs', folderOf(i)));
  await Promise.all([...folders].map((f) => mkdir(f, { recursive: true })));

  const writes: Promise<void>[] = [];
  for (let i = 0; i < docs; i++) {
    const file = fileOf(i);
    const lines: string[] = [
      '---',
      `title: Runbook ${i}`,
      `version: 1.${i % 7}.${i % 3}`,
      `last_updated: 2026-${String((i % 9) + 1).padStart(2, '0')}-${String((i % 27) + 1).padStart(2, '0')}`,
      'status: active',
      `owner: team-${i % 17}`,
      '---',
      '',
      `# Runbook ${i}: restart the \`ingest-${i % 50}\` worker`,
      '',
    ];
    // Five links per doc, spread over the sections; distinct URLs within a doc.
    const linkSections = new Set<number>();
    while (linkSections.size < 5) linkSections.add(Math.floor(rand() * HEADINGS.length));
    const used = new Set<string>();
    HEADINGS.forEach(([heading], section) => {
      lines.push(`## ${heading}`, '');
      lines.push(pick(FILLER) + ' ' + pick(FILLER), '');
      if (linkSections.has(section)) {
        let target = Math.floor(rand() * docs);
        if (target === i) target = (i + 1) % docs;
        let url = relative(i, target);
        const withAnchor = rand() < 0.6;
        if (withAnchor) url += '#' + pick(HEADINGS)[1];
        let broken: ManifestLink['broken'] = null;
        if (rand() < brokenRate) {
          if (rand() < 0.5) {
            broken = 'file';
            url = relative(i, target).replace(/runbook-(\d+)/, 'runbook-$1-old');
          } else {
            broken = 'anchor';
            url = relative(i, target) + '#' + pick(['step-1-stop-the-api', 'verify-2', 'run-pg-dump-first', 'Verify', 'roll-back-']);
          }
        }
        if (used.has(url)) url = relative(i, target) + (broken === 'anchor' ? '#verify-3' : '');
        used.add(url);
        const line = lines.length + 1;
        lines.push(`See [the related runbook](${url}) for the ${pick(['upstream', 'downstream', 'storage', 'network'])} side.`, '');
        manifest.links.push({ file, line, url, broken });
      }
      if (section % 3 === 1) {
        lines.push('```bash', `systemctl restart ingest-${i % 50}`, `# [not a link](./missing-${i}.md)`, 'journalctl -u ingest --since "-10m"', '```', '');
      }
    });
    const text = lines.join('\n');
    manifest.bytes += Buffer.byteLength(text);
    writes.push(writeFile(join(dir, file), text));
    if (writes.length >= 256) await Promise.all(writes.splice(0));
  }
  await Promise.all(writes);
  await mkdir(dirname(join(dir, 'manifest.json')), { recursive: true });
  await writeFile(join(dir, 'manifest.json'), JSON.stringify(manifest));
  return manifest;
}
