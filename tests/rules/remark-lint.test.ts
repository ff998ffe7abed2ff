import { describe, expect, it } from 'vitest';
import { defaultCheckInput, parseDoc, runChecks, toJson } from '../../core/index.js';
import { remarkLintRecommended } from '../../core/rules/remark-lint-recommended.js';
import { fixturesOf } from './harness.js';

async function lint(name: string, text: string) {
  const input = defaultCheckInput({ docs: [parseDoc({ path: `docs/${name}`, text })], today: '2026-11-22' });
  return (await runChecks(input, [remarkLintRecommended])).map(toJson).map((d) => [d.ruleId, d.line, d.column, d.severity, d.message]);
}

describe('remark-lint recommended preset inside handbook check', () => {
  const fixtures = Object.fromEntries(fixturesOf('remark-lint').map((f) => [f.name, f.text]));

  it('is clean on ok.md', async () => {
    expect(await lint('ok.md', fixtures['ok.md']!)).toEqual([]);
  });

  it('reports each preset rule under its own id, suppressible by that id', async () => {
    expect(await lint('not-ok.md', fixtures['not-ok.md']!)).toEqual([
      ['no-undefined-references', 3, 5, 'warning', 'Unexpected reference to undefined definition, expected corresponding definition (`nowhere`) for a link or escaped opening bracket (`\\[`) for regular text'],
      ['no-literal-urls', 3, 30, 'warning', 'Unexpected GFM autolink literal, expected regular autolink, add `<` before and `>` after'],
      ['no-unused-definitions', 7, 1, 'warning', 'Unexpected unused definition, expected no definition or one or more references to `unused`'],
    ]);
    const suppressed = fixtures['not-ok.md']!.replace('[unused]:', '<!-- lint ignore no-unused-definitions -->\n[unused]:');
    expect((await lint('not-ok.md', suppressed)).map((d) => d[0])).toEqual(['no-undefined-references', 'no-literal-urls']);
  });

  it("reads the doc's tree without changing it (the other rules read the same tree, so it is not copied per doc)", async () => {
    for (const [name, text] of Object.entries(fixtures)) {
      const doc = parseDoc({ path: `docs/${name}`, text });
      const before = JSON.stringify(doc.tree);
      await runChecks(defaultCheckInput({ docs: [doc], today: '2026-11-22' }), [remarkLintRecommended]);
      expect(JSON.stringify(doc.tree)).toBe(before);
    }
  });
});
