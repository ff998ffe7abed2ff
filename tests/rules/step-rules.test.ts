import { describe, expect, it } from 'vitest';
import { stepDuplicateId } from '../../core/rules/step-duplicate-id.js';
import { stepUnknownMeta } from '../../core/rules/step-unknown-meta.js';
import { stepExpectRegex } from '../../core/rules/step-expect-regex.js';
import { stepDangerRollback } from '../../core/rules/step-danger-rollback.js';
import { rules } from '../../core/rules/index.js';
import type { Rule } from '../../core/rules/types.js';
import { brief, fixturesOf, runRule } from './harness.js';

const notOk = (rule: Rule) => fixturesOf(rule.id).find((f) => f.name === 'not-ok.md')!;

describe.each([stepDuplicateId, stepUnknownMeta, stepExpectRegex, stepDangerRollback])('$id', (rule) => {
  it.each(fixturesOf(rule.id).filter((f) => f.name.startsWith('ok')))('$name passes', async ({ name, text }) => {
    expect(await runRule(rule, name, text)).toEqual([]);
  });

  it('is registered', () => {
    expect(rules).toContain(rule);
  });
});

describe('step rules on their not-ok fixtures', () => {
  it('step-duplicate-id reports every reuse of an explicit id at its fence', async () => {
    const found = await runRule(stepDuplicateId, 'not-ok.md', notOk(stepDuplicateId).text);
    expect(brief(found)).toEqual([
      [7, 1, 'error', 'Unexpected duplicate step id `drain`, expected ids unique in the doc (first used at line 3)'],
      [11, 1, 'error', 'Unexpected duplicate step id `drain`, expected ids unique in the doc (first used at line 3)'],
    ]);
    expect(found[0]).toMatchObject({ endLine: 7, endColumn: 17 });
  });

  it('step-unknown-meta suggests the key that was meant', async () => {
    const found = await runRule(stepUnknownMeta, 'not-ok.md', notOk(stepUnknownMeta).text);
    expect(brief(found)).toEqual([
      [3, 1, 'error', 'Unexpected step meta `dangerous`, expected `danger`'],
      [7, 1, 'error', 'Unexpected step meta `titel="Restart"`, expected `title`'],
      [
        11,
        1,
        'error',
        'Unexpected step meta `colour=blue`, expected one of `title="..."`, `id=...`, `expect="..."`, `time=5m`, `danger`, `skip`',
      ],
    ]);
  });

  it('step-expect-regex reports a regex that does not compile and a malformed time', async () => {
    const found = await runRule(stepExpectRegex, 'not-ok.md', notOk(stepExpectRegex).text);
    expect(brief(found)).toEqual([
      [
        3,
        1,
        'error',
        'Unexpected expect regex `/ready (/` that does not compile (Invalid regular expression: /ready (/: Unterminated group), expected a valid JavaScript regular expression',
      ],
      [7, 1, 'error', 'Unexpected time `5min`, expected a number with s, m or h, like `time=5m`'],
    ]);
  });

  it('step-danger-rollback warns once, at the first danger step', async () => {
    const found = await runRule(stepDangerRollback, 'not-ok.md', notOk(stepDangerRollback).text);
    expect(brief(found)).toEqual([
      [
        7,
        1,
        'warning',
        'Unexpected danger step `drop-the-old-replica` (and 1 more danger step) in a doc without a Rollback section, expected a `## Rollback` section that says how to undo it',
      ],
    ]);
    expect(found[0]).toMatchObject({ endLine: 7, endColumn: 15 });
  });
});
