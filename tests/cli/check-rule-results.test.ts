import { cpSync, readdirSync, mkdtempSync, rmSync, writeFileSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { defaultCheckInput, parseDoc, rules, runChecks, type Finding, type Rule } from '../../core/index.js';
import { openRuleResults } from '../../lib/rule-results.js';
import { runHandbook } from '../support/cli.js';
import { repoRoot } from '../support/fixture-site.js';

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));
const temp = () => {
  const dir = mkdtempSync(join(tmpdir(), 'handbook-rule-results-'));
  dirs.push(dir);
  return dir;
};

/** A rule that counts its runs, reads only its doc. */
function countingRule(): Rule & { runs: number } {
  const rule = {
    id: 'counting',
    description: 'reports every h2',
    severity: 'warning' as const,
    runs: 0,
    check({ doc, report }: Parameters<Rule['check']>[0]) {
      rule.runs++;
      for (const h of doc.headings.filter((h) => h.depth === 2)) report({ message: `Unexpected h2 \`${h.text}\``, place: h.place });
    },
  };
  return rule;
}

describe('rule results reused from the last run', () => {
  const docs = [parseDoc({ path: 'docs/a.md', text: '# A\n\n## One\n' }), parseDoc({ path: 'docs/b.md', text: '# B\n\n## Two\n' })];

  it('reports the same findings without running the rule on unchanged docs, and runs it on a changed one', async () => {
    const dir = temp();
    const rule = countingRule();
    const input = defaultCheckInput({ today: '2026-12-03', docs });
    const first = openRuleResults(dir, input);
    const cold = await runChecks(input, [rule], { results: first });
    first.save();
    expect(rule.runs).toBe(2);

    const changed = [docs[0]!, parseDoc({ path: 'docs/b.md', text: '# B\n\n## Three\n' })];
    const input2 = defaultCheckInput({ today: '2026-12-03', docs: changed });
    const second = openRuleResults(dir, input2);
    const warm = await runChecks(input2, [rule], { results: second });
    expect(rule.runs).toBe(3);
    expect(second.stats).toEqual({ reused: 1, computed: 1 });
    expect(warm.map((d) => `${d.file}:${String(d)}`)).toEqual([`docs/a.md:${String(cold[0])}`, 'docs/b.md:3:1-3:9: Unexpected h2 `Three`']);
    expect(String(cold[0])).toBe('3:1-3:7: Unexpected h2 `One`');
  });

  it('does not reuse across settings (another day) or for rules that read other docs', async () => {
    const dir = temp();
    const rule = countingRule();
    const store = openRuleResults(dir, defaultCheckInput({ today: '2026-12-03', docs }));
    await runChecks(defaultCheckInput({ today: '2026-12-03', docs }), [rule], { results: store });
    store.save();
    const nextDay = openRuleResults(dir, defaultCheckInput({ today: '2026-12-04', docs }));
    expect(nextDay.get(docs[0]!, rule)).toBeUndefined();
    const linkRule = rules.find((r) => r.id === 'link-target')!;
    const seen: Finding[] = [];
    const spy = { get: () => seen, set: () => undefined };
    // A store that would answer everything is not asked for a cross-doc rule.
    const found = await runChecks(defaultCheckInput({ today: '2026-12-03', docs: [parseDoc({ path: 'docs/a.md', text: '[x](./missing.md)\n' })] }), [linkRule], { results: spy });
    expect(found.map((d) => d.ruleId)).toEqual(['link-target']);
  });

  it('a second `handbook check` over the fixture site reports exactly the same JSON', async () => {
    const site = temp();
    cpSync(join(repoRoot, 'tests/cli/fixtures/check-site'), site, { recursive: true, filter: (src) => !src.includes('.handbook') });
    const env = { HANDBOOK_CACHE_DIR: join(site, '.cache') };
    const first = await runHandbook(['check', '--format', 'json'], { cwd: site, env });
    const second = await runHandbook(['check', '--format', 'json'], { cwd: site, env });
    expect(second.stdout).toBe(first.stdout);
    expect(second.code).toBe(first.code);
    expect(readdirSync(join(site, '.cache')).filter((f) => /^rules-\d+\.v8$/.test(f)).length).toBeGreaterThan(0);
    // An edit is seen.
    writeFileSync(join(site, 'docs/good.md'), readFileSync(join(site, 'docs/good.md'), 'utf8') + '\n```bash\nif then\n```\n');
    const third = await runHandbook(['check', '--format', 'json'], { cwd: site, env });
    expect(JSON.parse(third.stdout).diagnostics.filter((d: { file: string }) => d.file === 'docs/good.md').map((d: { ruleId: string }) => d.ruleId)).toContain('shell-syntax');
  });
});
