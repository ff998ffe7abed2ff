import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defaultCheckInput, parseDoc, runChecks, toJson, type AlertRule, type CheckInput, type DiagnosticJson, type Rule } from '../../core/index.js';
import { defaultServices } from '../../lib/services/index.js';
import { fixtureAlertInput } from '../../scripts/rules-doc.js';

export const fixturesDir = join(dirname(fileURLToPath(import.meta.url)), 'fixtures');

/** The ok/not-ok fixtures of one rule: `tests/rules/fixtures/<rule-id>/*.md(x)`. */
export function fixturesOf(ruleId: string): { name: string; text: string }[] {
  const dir = join(fixturesDir, ruleId);
  return readdirSync(dir)
    .filter((f) => /\.mdx?$/.test(f))
    .sort()
    .map((name) => ({ name, text: readFileSync(join(dir, name), 'utf8') }));
}

/** Runs one rule over one fixture as `docs/<name>` with the real services (bash -n, mermaid). */
export async function runRule(rule: Rule, name: string, text: string, extra: Partial<CheckInput> = {}, { tree = true }: { tree?: boolean } = {}): Promise<DiagnosticJson[]> {
  const parsed = parseDoc({ path: `docs/${name}`, text });
  // Without its tree, as a model read from the cache comes (the tree is not an enumerable property).
  const doc = tree ? parsed : { ...parsed };
  const input = defaultCheckInput({ docs: [doc], today: '2026-11-22', services: defaultServices(), ...extra });
  return (await runChecks(input, [rule])).map(toJson).filter((d) => d.ruleId === rule.id);
}

/** `[line, column, severity, message]` of each diagnostic: compact and exact. */
export const brief = (ds: DiagnosticJson[]) => ds.map((d) => [d.line, d.column, d.severity, d.message] as const);

/** The YAML fixtures of an alert rule: `tests/rules/fixtures/<rule-id>/*.{yml,yaml}`. */
export function alertFixturesOf(ruleId: string): { name: string; text: string }[] {
  const dir = join(fixturesDir, ruleId);
  return readdirSync(dir)
    .filter((f) => /\.ya?ml$/.test(f))
    .sort()
    .map((name) => ({ name, text: readFileSync(join(dir, name), 'utf8') }));
}

/** One alert fixture text by name. */
export function alertFixture(ruleId: string, name: string): string {
  return readFileSync(join(fixturesDir, ruleId, name), 'utf8');
}

/**
 * Runs one alert rule over one alert file `alerts/<name>`, with the docs of
 * the rule's fixture site (`fixtures/<rule-id>/docs/**`) as the corpus.
 */
export async function runAlertRule(rule: AlertRule, name: string, text: string): Promise<DiagnosticJson[]> {
  const input = fixtureAlertInput(rule.id, [{ name, text }]);
  return (await runChecks(input, [rule])).map(toJson).filter((d) => d.ruleId === rule.id);
}
