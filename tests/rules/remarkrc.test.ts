import { describe, expect, it } from 'vitest';
import { unified, type PluggableList } from 'unified';
import remarkParse from 'remark-parse';
import { VFile } from 'vfile';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import config from '../../.remarkrc.mjs';
import { fixturesDir } from './harness.js';

async function remark(fixture: string): Promise<string[]> {
  const path = join(fixturesDir, fixture);
  const file = new VFile({ path, value: readFileSync(path, 'utf8') });
  const processor = unified().use(remarkParse).use((config as { plugins: PluggableList }).plugins);
  await processor.run(processor.parse(file), file);
  return file.messages.map((m) => `${m.line}:${m.column} ${m.source}:${m.ruleId}`);
}

describe('.remarkrc.mjs (what editors run)', () => {
  it('reports the handbook rules at the same places as handbook check', async () => {
    expect(await remark('no-secrets/not-ok.md')).toEqual([
      '4:19 handbook:no-secrets',
      '5:24 handbook:no-secrets',
      '6:32 handbook:no-secrets',
      '9:12 handbook:no-secrets',
      '9:47 handbook:no-secrets',
      '12:13 handbook:no-secrets',
      '15:1 handbook:no-secrets',
    ]);
  });

  it('runs the recommended preset', async () => {
    expect(await remark('remark-lint/not-ok.md')).toEqual([
      '3:30 remark-lint:no-literal-urls',
      '3:5 remark-lint:no-undefined-references',
      '7:1 remark-lint:no-unused-definitions',
    ]);
  });
});
