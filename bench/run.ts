/**
 * `npm run bench [-- --docs N] [-- --no-peers] [-- --no-mlc] [-- --warm-only]`: replicates the handbook's
 * own docs with variations to N docs (bench/replicate.ts) and, on the same
 * corpus in the same run, measures wall time, CPU time, peak RSS, recall and
 * precision against the manifest of
 *
 * - `handbook check` cold (no cache), with the link rules, and with every default rule;
 * - a second run with nothing changed (cache warm), links only and every rule;
 * - `handbook check <one doc>` after renaming a heading other docs link to
 *   (cache warm: the doc is re-parsed, its referrers re-checked);
 * - `remark-validate-links` through `remark-cli` (`repository: false`);
 * - `markdown-link-check` over the docs folder.
 *
 * Prints a Markdown table for BENCHMARKS.md and writes bench/out/results-N.json.
 */
import { execFile } from 'node:child_process';
import { readFile, rm, writeFile, mkdir } from 'node:fs/promises';
import { cpus, loadavg, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs, promisify } from 'node:util';
import { replicateCorpus, type Manifest } from './replicate.js';

const root = resolve(fileURLToPath(new URL('..', import.meta.url)));
const bin = (name: string) => join(root, 'node_modules', '.bin', name);
const LINK_RULES = 'link-target,link-anchor';

interface Measure {
  tool: string;
  seconds: number;
  /** User + system CPU seconds: robust to a shared machine's load, unlike wall time. */
  cpu: number;
  peakMb: number;
  exit: number | null;
  output: string;
}

/** Runs a command under GNU time for wall time and peak RSS (of the largest process). */
function measure(tool: string, command: string, args: string[], cwd: string, timeoutMs = 30 * 60_000): Promise<Measure> {
  const timeFile = join(root, 'bench', 'out', `time-${process.pid}.txt`);
  return new Promise((done) => {
    execFile('/usr/bin/time', ['-f', '%e %U %S %M', '-o', timeFile, command, ...args], { cwd, maxBuffer: 1024 * 1024 * 1024, timeout: timeoutMs, env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' } }, async (error, stdout, stderr) => {
      const [seconds, user, system, kb] = (await readFile(timeFile, 'utf8').catch(() => '0 0 0 0')).trim().split(/\s+/).slice(-4).map(Number);
      await writeFile(join(root, 'bench', 'out', `${tool.replace(/[^a-z0-9]+/gi, '-').replace(/^-|-$/g, '').toLowerCase()}.log`), stdout + stderr).catch(() => undefined);
      done({ tool, seconds: seconds ?? 0, cpu: (user ?? 0) + (system ?? 0), peakMb: Math.round((kb ?? 0) / 1024), exit: error ? ((error as { code?: number }).code ?? 1) : 0, output: stdout + stderr });
    });
  });
}

type Key = string; // `${file}:${line}`

function score(found: Set<Key>, manifest: Manifest): { found: number; recall: number; precision: number; missed: Key[]; wrong: Key[] } {
  const truth = new Set(manifest.links.filter((l) => l.broken).map((l) => `${l.file}:${l.line}`));
  const hits = [...found].filter((k) => truth.has(k));
  return {
    found: found.size,
    recall: truth.size === 0 ? 1 : hits.length / truth.size,
    precision: found.size === 0 ? 1 : hits.length / found.size,
    missed: [...truth].filter((k) => !found.has(k)).slice(0, 5),
    wrong: [...found].filter((k) => !truth.has(k)).slice(0, 5),
  };
}

/** The findings of `handbook check --format json` (of these rules only, when given: the link findings of a run with every rule). */
function handbookFindings(output: string, ruleIds?: string): Set<Key> {
  const json = JSON.parse(output.slice(output.indexOf('{'))) as { diagnostics: { file: string; line: number; ruleId: string }[] };
  const only = ruleIds ? new Set(ruleIds.split(',')) : null;
  return new Set(json.diagnostics.filter((d) => !only || only.has(d.ruleId)).map((d) => `${d.file}:${d.line}`));
}

/** remark-cli's default reporter: a file line, then `line:col-line:col  warning  message  rule  source`. */
function remarkFindings(output: string): Set<Key> {
  const found = new Set<Key>();
  let file = '';
  for (const line of output.split('\n')) {
    const header = /^(docs\/\S+\.md)/.exec(line);
    if (header) file = header[1]!;
    const finding = /^\s*(\d+):\d+(?:-\d+:\d+)?\s+warning\s/.exec(line);
    if (finding && file) found.add(`${file}:${finding[1]}`);
  }
  return found;
}

/** markdown-link-check: `ERROR: n dead links found in path !` then `[✖] url → Status: 400` (no line numbers: mapped through the manifest's link list). */
function mlcFindings(output: string, manifest: Manifest): Set<Key> {
  const lineOf = new Map(manifest.links.map((l) => [`${l.file} ${l.url}`, l.line]));
  const found = new Set<Key>();
  let file = '';
  for (const line of output.split('\n')) {
    const header = /(?:FILE:|found in) (?:\.\/)?(\S+\.md)/.exec(line);
    if (header) file = header[1]!;
    const dead = /\[✖\] (\S+)/.exec(line);
    if (dead && file) {
      const at = lineOf.get(`${file} ${dead[1]}`);
      found.add(`${file}:${at ?? '?' + dead[1]}`);
    }
  }
  return found;
}

/** Makes the corpus a git repository of its own with everything committed (bench/out is ignored by ours). */
async function commitCorpus(dir: string): Promise<void> {
  const git = (...args: string[]) => promisify(execFile)('git', ['-C', dir, ...args], { maxBuffer: 64 * 1024 * 1024, env: { ...process.env, GIT_AUTHOR_NAME: 'bench', GIT_AUTHOR_EMAIL: 'bench@localhost', GIT_COMMITTER_NAME: 'bench', GIT_COMMITTER_EMAIL: 'bench@localhost' } });
  await git('init', '-q');
  await writeFile(join(dir, '.gitignore'), '.handbook/\n');
  await git('add', '-A');
  await git('commit', '-q', '-m', 'replicated corpus');
}

const USAGE = `Usage: npm run bench -- [--docs N] [--no-peers] [--no-mlc] [--warm-only]

Replicates the handbook's own docs (with variations and known broken links) to N docs
in bench/out/corpus-N, then measures \`handbook check\` cold, warm and after one edit,
and the peers (remark-validate-links, markdown-link-check) on the same corpus, in one run.

  --docs N      docs in the corpus (default 1000; whole copies of the handbook's docs)
  --no-peers    measure the handbook only
  --no-mlc      leave out markdown-link-check (it is slow on large corpora)
  --warm-only   only the runs after a full one (the 10,000-doc re-check)
  -h, --help    this help
`;

async function main(): Promise<void> {
  let values;
  try {
    ({ values } = parseArgs({ options: { docs: { type: 'string', default: '1000' }, 'no-peers': { type: 'boolean' }, 'no-mlc': { type: 'boolean' }, 'warm-only': { type: 'boolean' }, help: { type: 'boolean', short: 'h' } } }));
  } catch (error) {
    process.stderr.write(`npm run bench: ${(error as Error).message}\n\n${USAGE}`);
    process.exit(2);
  }
  if (values.help) {
    process.stdout.write(USAGE);
    return;
  }
  const docs = Number(values.docs);
  if (!Number.isInteger(docs) || docs < 96) {
    process.stderr.write(`npm run bench: --docs ${values.docs}: expected a whole number of docs, at least 96 (one copy of the handbook's docs)\n`);
    process.exit(2);
  }
  const dir = join(root, 'bench', 'out', `corpus-${docs}`);
  await mkdir(join(root, 'bench', 'out'), { recursive: true });
  process.stderr.write(`replicating the handbook's docs to ${docs} in ${dir}\n`);
  const manifest = await replicateCorpus({ dir, docs });
  // A repository, as docs live in one: the file listing is git's, as in a real checkout.
  await commitCorpus(dir);
  const broken = manifest.links.filter((l) => l.broken).length;
  const handbook = [join(root, 'bin', 'handbook.mjs'), 'check', '--cwd', dir, '--rules', LINK_RULES, '--format', 'json'];
  const cacheEnv = join(dir, '.handbook');
  await rm(cacheEnv, { recursive: true, force: true });

  const allRules = handbook.filter((arg, i) => arg !== '--rules' && handbook[i - 1] !== '--rules');
  const rows: { measure: Measure; findings: Set<Key> | null }[] = [];
  // --warm-only: the runs after a full one (the 10,000-doc re-check), without the cold runs and the peers.
  if (!values['warm-only']) {
    process.stderr.write('handbook check, cold\n');
    const cold = await measure('`handbook check` cold (no cache), links', 'node', [...handbook, '--no-cache'], root);
    rows.push({ measure: cold, findings: handbookFindings(cold.output) });
    process.stderr.write('handbook check, cold, every rule\n');
    const coldAll = await measure('`handbook check` cold (no cache), every default rule', 'node', [...allRules, '--no-cache'], root);
    rows.push({ measure: coldAll, findings: handbookFindings(coldAll.output, LINK_RULES) });
  }

  // Warm: fill the cache, run again unchanged, then rename a heading that other docs link to and re-check that doc (and its referrers).
  const fill = await measure('`handbook check` filling the cache (first run), every default rule', 'node', allRules, root);
  if (values['warm-only']) rows.push({ measure: fill, findings: handbookFindings(fill.output, LINK_RULES) });
  rows.push({ measure: await measure('`handbook check` second run, nothing changed, links', 'node', handbook, root), findings: null });
  rows.push({ measure: await measure('`handbook check` second run, nothing changed, every default rule', 'node', allRules, root), findings: null });
  const { file: edited, heading, referrers } = manifest.edit;
  const text = await readFile(join(dir, edited), 'utf8');
  // Five edits in a row (each a real change: the doc is parsed and the cache written every time); the median is reported.
  const warmRuns: Measure[] = [];
  for (let i = 0; i < 5; i++) {
    await writeFile(join(dir, edited), text.replace(heading, `${heading} now${i % 2 ? '!' : '?'}`));
    warmRuns.push(await measure('`handbook check <edited doc>` warm (cache, one heading renamed)', 'node', [...handbook, edited], root));
  }
  const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
  const warm: Measure = { ...warmRuns[0]!, seconds: median(warmRuns.map((m) => m.seconds)), cpu: median(warmRuns.map((m) => m.cpu)), peakMb: Math.max(...warmRuns.map((m) => m.peakMb)) };
  const newlyBroken = (JSON.parse(warm.output.slice(warm.output.indexOf('{'))) as { diagnostics: { message: string }[] }).diagnostics.filter((d) => d.message.includes(`\`#${manifest.edit.anchor}\``)).length;
  warm.tool += ` (median of 5 edits: wall ${warmRuns.map((m) => m.seconds.toFixed(2)).join(', ')} s; ${newlyBroken} links into it now broken, ${referrers} expected)`;
  rows.push({ measure: warm, findings: null });
  // The same edit checked with every rule, as the pre-commit hook runs it.
  await writeFile(join(dir, edited), text.replace(heading, `${heading} later`));
  rows.push({ measure: await measure('`handbook check <edited doc>` warm, every rule (the pre-commit hook)', 'node', [...allRules, edited], root), findings: null });
  const warmAll = await measure('`handbook check` warm (cache, all docs)', 'node', handbook, root);
  rows.push({ measure: warmAll, findings: null });
  await writeFile(join(dir, edited), text);

  if (!values['no-peers'] && !values['warm-only']) {
    process.stderr.write('remark-validate-links\n');
    const remark = await measure(
      'remark-validate-links (remark-cli, `repository: false`)',
      bin('remark'),
      ['docs', '--no-config', '--no-ignore', '--no-stdout', '--no-color', '--quiet', '--use', 'remark-frontmatter', '--use', 'remark-validate-links=repository:false'],
      dir,
    );
    rows.push({ measure: remark, findings: remarkFindings(remark.output) });
  }
  if (!values['no-peers'] && !values['no-mlc'] && !values['warm-only']) {
    process.stderr.write('markdown-link-check\n');
    // It writes each file's header to stderr and its dead links to stdout: one stream keeps them in order.
    const mlc = await measure('markdown-link-check', 'sh', ['-c', 'exec "$0" -q docs 2>&1', bin('markdown-link-check')], dir);
    rows.push({ measure: mlc, findings: mlcFindings(mlc.output, manifest) });
  }

  const machine = `${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${Math.round(totalmem() / 2 ** 30)} GB, Node ${process.version}, load average ${loadavg().map((l) => l.toFixed(1)).join(' ')} at the end`;
  const lines = [
    `Corpus: ${manifest.docs} docs (${docs} asked, whole copies), ${(manifest.bytes / 1e6).toFixed(1)} MB, ${manifest.links.length} links, ${broken} broken (manifest: bench/out/corpus-${docs}/manifest.json). Machine: ${machine}. Date: ${new Date().toISOString().slice(0, 16)}Z.`,
    '',
    '| tool | wall (s) | CPU user+sys (s) | peak RSS (MB) | reported | recall | precision |',
    '|---|---:|---:|---:|---:|---:|---:|',
  ];
  const results = [];
  for (const { measure: m, findings } of rows) {
    const s = findings ? score(findings, manifest) : null;
    lines.push(`| ${m.tool} | ${m.seconds.toFixed(2)} | ${m.cpu.toFixed(2)} | ${m.peakMb} | ${s ? s.found : '–'} | ${s ? (s.recall * 100).toFixed(1) + '%' : '–'} | ${s ? (s.precision * 100).toFixed(1) + '%' : '–'} |`);
    results.push({ tool: m.tool, seconds: m.seconds, cpu: m.cpu, peakMb: m.peakMb, exit: m.exit, ...(s ?? {}) });
  }
  await writeFile(join(root, 'bench', 'out', `results-${docs}.json`), JSON.stringify({ docs, bytes: manifest.bytes, links: manifest.links.length, broken, machine, results }, null, 2));
  process.stdout.write(lines.join('\n') + '\n');
}

await main();
