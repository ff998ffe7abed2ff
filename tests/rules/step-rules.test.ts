import { describe, expect, it } from 'vitest';
import { stepDuplicateId } from '../../core/rules/step-duplicate-id.js';
import { stepUnknownMeta } from '../../core/rules/step-unknown-meta.js';
import { stepExpectRegex } from '../../core/rules/step-expect-regex.js';
import { stepDangerRollback } from '../../core/rules/step-danger-rollback.js';
import { stepExpectUnconditional } from '../../core/rules/step-expect-unconditional.js';
import { stepDangerParamDefault } from '../../core/rules/step-danger-param-default.js';
import { stepParamReference } from '../../core/rules/step-param-reference.js';
import { stepExpectNegated } from '../../core/rules/step-expect-negated.js';
import { rules } from '../../core/rules/index.js';
import type { Rule } from '../../core/rules/types.js';
import { brief, fixturesOf, runRule } from './harness.js';

const notOk = (rule: Rule) => fixturesOf(rule.id).find((f) => f.name === 'not-ok.md')!;

describe.each([stepDuplicateId, stepUnknownMeta, stepExpectRegex, stepDangerRollback, stepExpectUnconditional, stepDangerParamDefault, stepParamReference, stepExpectNegated])('$id', (rule) => {
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

  it('step-expect-unconditional reports the line that prints the expected text whatever happens', async () => {
    const found = await runRule(stepExpectUnconditional, 'not-ok.md', notOk(stepExpectUnconditional).text);
    const advice = 'expected an expect only success prints (`... && echo "check: PASS" || echo "check: FAIL"` with `expect="check: PASS"`)';
    expect(brief(found)).toEqual([
      [6, 1, 'error', `Unexpected expect \`v1:\`, printed whatever happens by \`echo "v1: $(systemctl is-active v1 || true)"\`, ${advice}`],
      [13, 1, 'error', `Unexpected expect \`restore finished\`, printed whatever happens by \`printf '%s\\n' "restore finished"\`, ${advice}`],
      [16, 1, 'error', `Unexpected expect \`ready:\`, printed whatever happens by \`echo "ready: $(curl -s localhost/health)"\`, ${advice}`],
    ]);
  });

  it('step-danger-param-default reports the default of each parameter a danger step uses, on its YAML value', async () => {
    const found = await runRule(stepDangerParamDefault, 'not-ok.md', notOk(stepDangerParamDefault).text);
    expect(brief(found)).toEqual([
      [7, 14, 'error', 'Unexpected default `1` of parameter `KEEP_VERSION`, which danger step `delete-the-old-versions` uses, expected no default: a destructive step takes a value chosen for the run'],
      [10, 14, 'error', 'Unexpected default `reports` of parameter `BUCKET`, which danger step `delete-the-old-versions` (and 1 more) uses, expected no default: a destructive step takes a value chosen for the run'],
    ]);
    expect(found[1]).toMatchObject({ endLine: 10, endColumn: 21 });
  });

  it('step-param-reference reports reads by name, other expansions and references in single quotes', async () => {
    const found = await runRule(stepParamReference, 'not-ok.md', notOk(stepParamReference).text);
    const form = 'the form the page and `handbook run` fill';
    expect(brief(found)).toEqual([
      [18, 1, 'error', `Unexpected \`env.SOURCE_API_KEY\` in step \`store-the-key\` (a read from the environment by name), expected \`\${SOURCE_API_KEY}\` outside single quotes, ${form}`],
      [24, 1, 'error', `Unexpected \`\${EXECUTION_ARN##*:}\` in step \`read-the-execution-s-report\` (an expansion), expected \`\${EXECUTION_ARN}\` outside single quotes, ${form}`],
      [30, 1, 'error', `Unexpected \`\${NAMESPACE}\` in step \`count-the-namespace-s-entries\` (in single quotes, which the shell does not expand), expected \`\${NAMESPACE}\` outside single quotes, ${form}`],
    ]);
  });

  it('step-expect-negated reports an expect that the failure word matches too', async () => {
    const found = await runRule(stepExpectNegated, 'not-ok.md', notOk(stepExpectNegated).text);
    expect(brief(found)).toEqual([
      [3, 1, 'error', 'Unexpected expect `healthy`, also matched by `unhealthy`, expected an expect that only `healthy` matches (the whole word or field: `/\\bhealthy\\b/`, `"status":"healthy"`)'],
      [7, 1, 'error', 'Unexpected expect `active`, also matched by `inactive`, expected an expect that only `active` matches (the whole word or field: `/\\bactive\\b/`, `"status":"active"`)'],
      [11, 1, 'error', 'Unexpected expect `/Ready/`, also matched by `NotReady`, expected an expect that only `Ready` matches (the whole word or field: `/\\bReady\\b/`, `"status":"Ready"`)'],
    ]);
  });
});
