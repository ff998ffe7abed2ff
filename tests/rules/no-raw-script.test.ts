import { describe, expect, it } from 'vitest';
import { noRawScript } from '../../core/rules/no-raw-script.js';
import { brief, fixturesOf, runRule } from './harness.js';

const script = 'Unexpected raw `<script>` element, expected no script in a doc (a component under `src/` instead)';
const handler = (name: string) => `Unexpected \`${name}\` handler attribute, expected no inline event handler in a doc`;
const url = (where: string, scheme = 'javascript:') => `Unexpected \`${scheme}\` URL in ${where}, expected an http(s), relative or doc link`;

/** Every finding of the rule's fixtures, exactly. */
const expected: Record<string, ReturnType<typeof brief>> = {
  'ok.md': [],
  'not-ok.md': [
    [3, 1, 'error', script],
    [5, 29, 'error', handler('onerror')],
    [5, 58, 'error', url('`href`')],
    [7, 14, 'error', url('a link')],
    [7, 46, 'error', url('an image')],
    [9, 8, 'error', handler('ONMOUSEOVER')],
    [11, 4, 'error', url('`href`')],
    [13, 8, 'error', url('a definition')],
  ],
  'not-ok.mdx': [
    [3, 1, 'error', script],
    [5, 9, 'error', handler('onClick')],
    [7, 4, 'error', url('`href`')],
  ],
};

describe('no-raw-script', () => {
  for (const { name, text } of fixturesOf('no-raw-script')) {
    it(`${name}: ${expected[name]!.length} findings`, async () => {
      expect(brief(await runRule(noRawScript, name, text))).toEqual(expected[name]);
    });
  }
});
