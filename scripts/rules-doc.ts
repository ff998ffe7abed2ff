import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { defaultCheckInput, parseDoc, parseTagVocabulary, rules, runChecks, toJson, type Rule, type TagVocabulary } from '../core/index.js';
import { defaultServices } from './check/services.js';

/**
 * Builds `docs/handbook/check-rules.md`: every rule of `handbook check` with
 * its ok and not-ok fixtures (the same files its tests run) and what the rule
 * reports on them. `tests/rules/rules-doc.test.ts` fails when the page and
 * the fixtures drift apart; `npx tsx scripts/rules-doc.ts > docs/handbook/check-rules.md` regenerates it.
 */
export const fixturesRoot = join(import.meta.dirname, '..', 'tests', 'rules', 'fixtures');

const fenceFor = (text: string) => '`'.repeat(Math.max(4, ...[...text.matchAll(/`{3,}/g)].map((m) => m[0].length + 1)));

function example(label: string, name: string, text: string, findings: string[]): string {
  const fence = fenceFor(text);
  const body = [`**${label}** (\`${name}\`):`, '', `${fence}markdown`, text.replace(/\n$/, ''), fence, ''];
  if (findings.length) body.push('Reports:', '', '```text', ...findings, '```', '');
  return body.join('\n');
}

/**
 * What the rule fixtures' external links answer, without a network: a path
 * `/status/<code>` answers that HTTP status, a host under `.invalid` (a name
 * that never resolves) fails to resolve, anything else answers 200.
 */
export async function fixtureExternalLink(url: string): Promise<{ ok: true } | { ok: false; message: string }> {
  const { host, pathname } = new URL(url);
  if (host.endsWith('.invalid')) return { ok: false, message: 'failure (ENOTFOUND)' };
  const status = /^\/status\/(\d{3})(?:\/|$)/.exec(pathname);
  return status && Number(status[1]) >= 400 ? { ok: false, message: `HTTP ${status[1]}` } : { ok: true };
}

/** A rule's fixture tag vocabulary (`tags.yml` beside its fixtures), as `docs/tags.yml`. */
export function fixtureTagVocabulary(ruleId: string): TagVocabulary | null {
  const file = join(fixturesRoot, ruleId, 'tags.yml');
  if (!existsSync(file)) return null;
  const parsed = parseTagVocabulary(readFileSync(file, 'utf8'));
  if (!parsed.ok) throw new Error(`${file}:${parsed.line}: ${parsed.message}`);
  return { file: 'docs/tags.yml', tags: parsed.tags };
}

async function findingsFor(rule: Rule, name: string, text: string): Promise<string[]> {
  const doc = parseDoc({ path: `docs/${name}`, text });
  const input = defaultCheckInput({ docs: [doc], today: '2026-11-22', tagVocabulary: fixtureTagVocabulary(rule.id), services: { ...defaultServices(), externalLink: fixtureExternalLink } });
  const own = (id: string) => id === rule.id || (rule.id === 'remark-lint' && !rules.some((r) => r.id === id) && id !== 'yaml-syntax' && id !== 'mdx-syntax');
  return (await runChecks(input, [rule])).map(toJson).filter((d) => own(d.ruleId)).map((d) => `${d.line}:${d.column}  ${d.severity}  ${d.message}  ${d.ruleId}`);
}

export async function renderRulesDoc(): Promise<string> {
  const out: string[] = [
    '---',
    'title: Check rules reference',
    'description: Every rule of handbook check, what it expects, and an example it accepts and one it reports.',
    'version: 1.3.0',
    'last_updated: 2026-12-03',
    'status: active',
    'owner: platform-team',
    'type: reference',
    'tags: [writing]',
    '---',
    '',
    '# Check rules reference',
    '',
    '<!-- This page is generated from the rule fixtures by scripts/rules-doc.ts: edit the fixtures, then regenerate. -->',
    '',
    '`handbook check` runs these rules over every document. Errors fail CI; warnings fail it only with `--strict`. Silence a rule for one block with `<!-- lint ignore rule-id -->` right before it, or for a range with `<!-- lint disable rule-id -->` ... `<!-- lint enable rule-id -->` (in MDX: `{/* lint ignore rule-id */}`). The examples below are the files the rules\' own tests run.',
    '',
    '| Rule | Severity | Expects |',
    '|---|---|---|',
    ...[...rules].sort((a, b) => a.id.localeCompare(b.id)).map((r) => `| [\`${r.id}\`](#${r.id}) | ${r.severity} | ${r.description.replace(/\|/g, '\\|')} |`),
    '',
  ];
  for (const rule of [...rules].sort((a, b) => a.id.localeCompare(b.id))) {
    out.push(`## ${rule.id} {#${rule.id}}`, '', `${rule.description}. Severity: **${rule.severity}**.`, '');
    const dir = join(fixturesRoot, rule.id);
    const files = existsSync(dir) ? readdirSync(dir).filter((f) => /\.mdx?$/.test(f)).sort() : [];
    const ok = files.find((f) => f.startsWith('ok'));
    const notOk = files.find((f) => f.startsWith('not-ok'));
    const secrets = rule.id === 'no-secrets';
    if (secrets) out.push('<!-- lint disable no-secrets -->', '');
    if (notOk) {
      const text = readFileSync(join(dir, notOk), 'utf8');
      out.push(example('Not OK', notOk, text, await findingsFor(rule, notOk, text)));
    }
    if (ok) out.push(example('OK', ok, readFileSync(join(dir, ok), 'utf8'), []));
    if (!ok && !notOk) out.push('This rule is tested with generated fixtures; see its test module.', '');
    if (secrets) out.push('<!-- lint enable no-secrets -->', '');
  }
  out.push('## Version history', '', '| Version | Date | Author | Change |', '|---|---|---|---|', '| 1.0.0 | 2026-11-22 | platform-team | First version, generated from the rule fixtures. |', '| 1.1.0 | 2026-11-22 | platform-team | `link-external` (`handbook check --external`). |', '| 1.2.0 | 2026-11-22 | platform-team | `header-tags`: tags come from the vocabulary in `docs/tags.yml`. |', '| 1.3.0 | 2026-12-03 | platform-team | `no-raw-script`: no raw `<script>`, `on*=` handlers or `javascript:` URLs in docs. |', '');
  return out.join('\n');
}

if (import.meta.url === `file://${process.argv[1]}`) {
  process.stdout.write(await renderRulesDoc());
}
