import { beforeAll, describe, expect, it } from 'vitest';
import { copyText } from '../../core/index.js';
import { sandboxAvailable } from '../support/sandbox-bash.js';
import { assignment, casesOf, copied, original, type Case } from '../support/copy-differential.js';

/**
 * The copy button's differential test over every step of the handbook
 * (tests/support/copy-differential.ts): some 600 steps use parameters, two
 * sandboxed shells each, which takes minutes on a shared machine, so it runs
 * in the e2e tier; the torture fixture runs in `npm test`.
 */
describe.runIf(sandboxAvailable())('copy button over the handbook: the copied text executes what the command does', () => {
  let handbook: Case[];
  beforeAll(async () => {
    handbook = await casesOf(['docs/**/*.md', 'docs/**/*.mdx']);
  });

  it('copies a step without parameters exactly as written', () => {
    const plain = handbook.filter((c) => c.step.params.length === 0);
    expect(plain.length).toBeGreaterThan(50);
    for (const c of plain) expect(copyText({ command: c.step.command, params: [] })).toEqual({ ok: true, text: c.step.command });
  });

  it('runs the same commands for every step of the handbook that uses parameters', { timeout: 900_000 }, () => {
    const withParams = handbook.filter((c) => c.step.params.length > 0);
    // The steps the issue found filled wrongly are among them.
    expect(withParams.map((c) => `${c.doc}#${c.step.id}`)).toEqual(expect.arrayContaining([expect.stringMatching(/^docs\/abaco\/production-cutover\.md#/)]));
    for (const c of withParams) {
      // A different assignment of the hostile values for each step.
      const params = assignment(c, c.step.index);
      const result = copyText({ command: c.step.command, params });
      if (!result.ok) throw new Error(`${c.doc}#${c.step.id}: not copied`);
      expect(copied(result.text, params), `${c.doc}#${c.step.id} with ${JSON.stringify(params.map((p) => p.value))}`).toEqual(original(c, params));
    }
  });
});
