/**
 * The benchmark corpus: the handbook's own docs, replicated with variations
 * until there are at least N of them, in whole copies (not a generator
 * shaped to suit a code path).
 * Copy k of `docs/<path>` is `docs/c<k>/<path>`, so every relative link
 * keeps working; each copy varies its docs (a title suffix, a sentence of
 * prose added or a paragraph dropped, front-matter slugs moved under the
 * copy) and about 1% of the docs get links broken on purpose (a missing file,
 * a missing anchor in another doc, a missing anchor in the same doc),
 * recorded with file and line in the ground-truth manifest. The manifest is
 * written by this file, not computed by the handbook's code, so the
 * benchmark cannot agree with itself.
 */
import { cp, mkdir, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

export interface ManifestLink {
  file: string;
  line: number;
  url: string;
  broken: null | 'file' | 'anchor';
}

export interface Manifest {
  docs: number;
  bytes: number;
  /** The links broken on purpose (the originals are clean under `handbook check`, which CI enforces). */
  links: ManifestLink[];
  /** The warm re-check's edit: a heading other docs link to, and how many links point at it. */
  edit: { file: string; heading: string; anchor: string; referrers: number };
}

const root = fileURLToPath(new URL('..', import.meta.url));

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

const PROSE = [
  'Write the numbers you see in the incident channel before you change anything.',
  'If the dashboard disagrees with the command output, trust the command and say so in the channel.',
  'Keep the terminal output: the post-incident review asks for it.',
  'Ask the owning team before you repeat this on a second region.',
];

async function sourceFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile()).map((e) => relative(dir, join(e.parentPath, e.name)).split('\\').join('/')).sort();
}

/** One doc's variation in copy `k`: title suffix, slug under the copy, prose added or a paragraph dropped. */
function vary(text: string, k: number, next: () => number): string {
  let out = text.replace(/^(---\n[\s\S]*?\n)title: (.*)\n/, (_, head: string, title: string) => `${head}title: ${title.replace(/^(['"]?)(.*?)\1$/, '$2')} (${k})\n`);
  out = out.replace(/^(---\n[\s\S]*?\n)slug: \/?(.*)\n/, (_, head: string, slug: string) => `${head}slug: /c${k}/${slug}\n`);
  const paragraphs = out.split('\n\n');
  // Only plain prose paragraphs change (no headings, fences, lists, tables, links, front matter).
  const plain = paragraphs.map((p, i) => ({ p, i })).filter(({ p }) => /^[A-Z][^\n]*[.:]$/.test(p) && !p.includes('](') && !p.includes('`'));
  if (plain.length > 0) {
    const { i } = plain[Math.floor(next() * plain.length)]!;
    if (next() < 0.5) paragraphs[i] = `${paragraphs[i]} ${PROSE[Math.floor(next() * PROSE.length)]}`;
    else paragraphs[i] = PROSE[Math.floor(next() * PROSE.length)]!;
  }
  return paragraphs.join('\n\n');
}

export async function replicateCorpus({ dir, docs, seed = 13, brokenRate = 0.01 }: { dir: string; docs: number; seed?: number; brokenRate?: number }): Promise<Manifest> {
  const next = random(seed);
  await rm(dir, { recursive: true, force: true });
  const source = join(root, 'docs');
  const files = await sourceFiles(source);
  const docFiles = files.filter((f) => /\.mdx?$/.test(f));
  const texts = new Map(await Promise.all(files.map(async (f) => [f, await readFile(join(source, f), 'utf8')] as const)));
  const manifest: Manifest = { docs: 0, bytes: 0, links: [], edit: { file: '', heading: '', anchor: '', referrers: 0 } };
  // The docs folder's own files (the tag vocabulary) once, at its root.
  for (const f of files.filter((f) => !/\.mdx?$/.test(f) && !f.includes('/'))) {
    await mkdir(join(dir, 'docs'), { recursive: true });
    await writeFile(join(dir, 'docs', f), texts.get(f)!);
  }
  // Docs link to repository files beside the docs folder (`../../alerts/...` from `docs/<system>/`); from
  // `docs/c<k>/<system>/` the same link lands in `docs/`, so those files are copied there.
  await cp(join(root, 'alerts'), join(dir, 'docs', 'alerts'), { recursive: true });
  // Whole copies only (N rounded up): a copy cut short would leave links into its missing docs broken.
  for (let k = 0; manifest.docs < docs; k++) {
    for (const f of docFiles) {
      const path = `docs/c${k}/${f}`;
      let text = vary(texts.get(f)!, k, next);
      if (next() < brokenRate) {
        const sibling = docFiles.find((o) => o !== f && dirname(o) === dirname(f));
        const lines = text.replace(/\n*$/, '\n').split('\n');
        const first = lines.length; // 1-based line of the first appended line (after a blank line)
        const added = [
          '',
          `See also [the older notes](./notes-${k}-${manifest.docs}.md).`,
          sibling ? `The [earlier check](./${sibling.split('/').pop()}#gone-${k}-${manifest.docs}) covers the rest.` : `The [earlier check](#gone-${k}-${manifest.docs}) covers the rest.`,
          `Then go back to [the summary](#no-such-summary-${k}).`,
          '',
        ];
        manifest.links.push({ file: path, line: first + 1, url: `./notes-${k}-${manifest.docs}.md`, broken: 'file' });
        manifest.links.push({ file: path, line: first + 2, url: sibling ? `./${sibling.split('/').pop()}#gone-${k}-${manifest.docs}` : `#gone-${k}-${manifest.docs}`, broken: 'anchor' });
        manifest.links.push({ file: path, line: first + 3, url: `#no-such-summary-${k}`, broken: 'anchor' });
        text = lines.join('\n').replace(/\n$/, '') + '\n' + added.join('\n');
      }
      await mkdir(dirname(join(dir, path)), { recursive: true });
      await writeFile(join(dir, path), text);
      manifest.docs++;
      manifest.bytes += Buffer.byteLength(text);
    }
  }
  // The warm re-check renames a heading the docs of copy 0 link to (ten links, in three docs).
  const file = 'docs/c0/weatherinsight/backfill/monitor-and-validate.md';
  let referrers = 0;
  for (const f of docFiles) {
    const text = await readFile(join(dir, `docs/c0/${f}`), 'utf8').catch(() => '');
    referrers += (text.match(/monitor-and-validate\.md#phase-2-validate-the-result/g) ?? []).length;
  }
  manifest.edit = { file, heading: '## Phase 2: Validate the result', anchor: 'phase-2-validate-the-result', referrers };
  await writeFile(join(dir, 'manifest.json'), JSON.stringify(manifest, null, 2));
  // A work tree of its own: `git ls-files` lists the files as in a fresh clone.
  return manifest;
}
