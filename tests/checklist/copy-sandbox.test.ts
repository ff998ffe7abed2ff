import { beforeAll, describe, expect, it } from 'vitest';
import { copyText, singleQuote, type CopyParam } from '../../core/index.js';
import { runSandboxed, sandboxAvailable } from '../support/sandbox-bash.js';
import { assignment, casesOf, copied, HOSTILE, original, type Case } from '../support/copy-differential.js';

/** The copy button's differential test over a torture fixture (tests/support/copy-differential.ts); the handbook's own steps: tests/e2e/copy-sandbox.test.ts. */
describe.runIf(sandboxAvailable())('copy button: the copied text executes what the command does', () => {
  let torture: Case[];
  beforeAll(async () => {
    torture = await casesOf(['tests/fixtures/checklist/copy-torture.md']);
  });

  it('runs the same commands for every step of the torture fixture and every hostile value', { timeout: 120_000 }, () => {
    expect(torture.length).toBe(14);
    for (const c of torture) {
      for (let k = 0; k < HOSTILE.length / 2; k++) {
        const params = assignment(c, k);
        const result = copyText({ command: c.step.command, params });
        if (!result.ok) throw new Error(`${c.step.id}: not copied`);
        const label = `${c.step.id} with ${JSON.stringify(params.map((p) => p.value))}`;
        const reference = original(c, params);
        expect(copied(result.text, params), label).toEqual(reference);
        if (c.step.params.length > 0) expect(reference.calls.length + reference.stdout.length, `${label} does something`).toBeGreaterThan(0);
      }
    }
  });

  it('tells a wrong filling apart: substituting into the command, or setting without export', () => {
    const nested = torture.find((c) => c.step.title === 'Command substitution inside double quotes')!;
    const child = torture.find((c) => c.step.title === 'A child shell reads the environment')!;
    const params = assignment(nested, 0); // X='a b'
    const substituted = nested.step.command.replace(/\$\{X\}|\$X\b/g, `'${params[0]!.value}'`);
    expect(copied(substituted, params)).not.toEqual(original(nested, params));
    const childParams = assignment(child, 0);
    const notExported = `X=${singleQuote(childParams[0]!.value!)}\n${child.step.command}`;
    expect(copied(notExported, childParams).calls).not.toEqual(original(child, childParams).calls);
  });

  it('is not changed by history expansion when pasted into an interactive bash', () => {
    const step = torture.find((c) => c.step.title === 'History characters')!;
    const params: CopyParam[] = step.step.params.map((name) => ({ spec: step.declared[name]!, value: '!! !-1 !echo' }));
    const result = copyText({ command: step.step.command, params });
    if (!result.ok) throw new Error('not copied');
    // An interactive bash (history expansion on) reading the pasted text as its input, line by line.
    const interactive = (text: string) => runSandboxed({ script: `printf '%s\\n' ${singleQuote(text)} | /bin/bash --norc --noprofile -i 2>/dev/null` }).stdout;
    const reference = original(step, params);
    expect(reference.stdout).toBe('!! !-1 !echo! !! !-1 !echo !x\n');
    expect(interactive(result.text)).toBe(reference.stdout);
    // The same value in double quotes would be expanded.
    expect(interactive(`export X="!! !-1 !echo"\n${step.step.command}`)).not.toBe(reference.stdout);
  });
});
