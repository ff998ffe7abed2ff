import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { defaultCheckInput, isAlertRule, parseDoc, parseTagVocabulary, rules, runChecks, toJson, type AlertRule, type CheckInput, type Rule, type TagVocabulary } from '../core/index.js';
import { parseAlertFile } from '../core/alerts/index.js';
import { defaultServices } from '../lib/services/index.js';

/**
 * Builds `docs/handbook/check-rules.md`: every rule of `handbook check` with
 * its ok and not-ok fixtures (the same files its tests run) and what the rule
 * reports on them. `tests/rules/rules-doc.test.ts` fails when the page and
 * the fixtures drift apart; `npx tsx scripts/rules-doc.ts > docs/handbook/check-rules.md` regenerates it.
 */
export const fixturesRoot = join(import.meta.dirname, '..', 'tests', 'rules', 'fixtures');

const fenceFor = (text: string) => '`'.repeat(Math.max(4, ...[...text.matchAll(/`{3,}/g)].map((m) => m[0].length + 1)));

function example(label: string, name: string, text: string, findings: string[], lang = 'markdown'): string {
  const fence = fenceFor(text);
  const body = [`**${label}** (\`${name}\`):`, '', `${fence}${lang}`, text.replace(/\n$/, ''), fence, ''];
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

/** The site URL the alert rules' fixtures write their runbook URLs against. */
export const FIXTURE_SITE_URL = 'https://handbook.example/';

/**
 * The check input of an alert rule's fixtures: the given YAML files as
 * `alerts/<name>`, and the docs of the rule's fixture site
 * (`<rule-id>/docs/**`) as the docs their runbook URLs point into.
 */
export function fixtureAlertInput(ruleId: string, files: { name: string; text: string }[]): CheckInput {
  const root = join(fixturesRoot, ruleId, 'docs');
  const list = (dir: string, prefix = ''): string[] =>
    existsSync(dir)
      ? readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? list(join(dir, e.name), `${prefix}${e.name}/`) : /\.mdx?$/.test(e.name) ? [`${prefix}${e.name}`] : []))
      : [];
  const docs = list(root).map((path) => parseDoc({ path: `docs/${path}`, text: readFileSync(join(root, path), 'utf8') }));
  return defaultCheckInput({
    docs,
    today: '2026-11-22',
    alerts: { siteUrl: FIXTURE_SITE_URL, files: files.map(({ name, text }) => parseAlertFile({ path: `alerts/${name}`, text })) },
  });
}

async function alertFindingsFor(rule: AlertRule, name: string, text: string): Promise<string[]> {
  return (await runChecks(fixtureAlertInput(rule.id, [{ name, text }]), [rule])).map(toJson).map((d) => `${d.line}:${d.column}  ${d.severity}  ${d.message}  ${d.ruleId}`);
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
    '`handbook check` runs these rules over every document (the `alert-*` rules over the alert files under `alerts/`). Errors fail CI; warnings fail it only with `--strict`. Silence a rule for one block with `<!-- lint ignore rule-id -->` right before it, or for a range with `<!-- lint disable rule-id -->` ... `<!-- lint enable rule-id -->` (in MDX: `{/* lint ignore rule-id */}`). The examples below are the files the rules\' own tests run.',
    '',
    '| Rule | Severity | Expects |',
    '|---|---|---|',
    ...[...rules].sort((a, b) => a.id.localeCompare(b.id)).map((r) => `| [\`${r.id}\`](#${r.id}) | ${r.severity} | ${r.description.replace(/\|/g, '\\|')} |`),
    '',
  ];
  for (const rule of [...rules].sort((a, b) => a.id.localeCompare(b.id))) {
    out.push(`## ${rule.id} {#${rule.id}}`, '', `${rule.description}. Severity: **${rule.severity}**.`, '');
    const dir = join(fixturesRoot, rule.id);
    if (isAlertRule(rule)) {
      // Alert rules read YAML alert files; their runbook fixtures are under `docs/` beside them.
      const yaml = existsSync(dir) ? readdirSync(dir).filter((f) => /\.ya?ml$/.test(f)) : [];
      const notOkName = yaml.includes('not-ok.yml') ? 'not-ok.yml' : yaml.find((f) => f.startsWith('not-ok'));
      const okName = yaml.includes('ok.yml') ? 'ok.yml' : yaml.find((f) => f.startsWith('ok'));
      if (notOkName) {
        const text = readFileSync(join(dir, notOkName), 'utf8');
        out.push(example('Not OK', notOkName, text, await alertFindingsFor(rule, notOkName, text), 'yaml'));
      }
      if (okName) out.push(example('OK', okName, readFileSync(join(dir, okName), 'utf8'), [], 'yaml'));
      continue;
    }
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
  out.push('## Version history', '', '| Version | Date | Author | Change |', '|---|---|---|---|', '| 1.0.0 | 2026-11-22 | platform-team | First version, generated from the rule fixtures. |', '| 1.1.0 | 2026-11-22 | platform-team | `link-external` (`handbook check --external`). |', '| 1.2.0 | 2026-11-22 | platform-team | `header-tags`: tags come from the vocabulary in `docs/tags.yml`. |', '| 1.3.0 | 2026-12-03 | platform-team | `step-expect-unconditional`, `step-danger-param-default`, `step-param-reference`, `step-expect-negated`; `alert-rule-syntax`, `alert-runbook-missing`, `alert-runbook-link` (the alert files under `alerts/`); `no-raw-script` (no raw `<script>`, `on*=` handlers or `javascript:` URLs in docs); `header-unknown-key` knows Docusaurus\'s own keys. |', '');
  return out.join('\n');
}

if (import.meta.url === `file://${process.argv[1]}`) {
  process.stdout.write(await renderRulesDoc());
}
