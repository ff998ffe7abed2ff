import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { stepOneWrapper, shellSyntax, shellSyntaxStats, shellSyntaxOneByOne } from '../../lib/services/shell-syntax.js';

/** Blocks of every kind the batch meets: fine, broken, warned about, and ones that try to leave the function body. */
function cases(sentinel: string) {
  return [
    { shell: 'bash', script: 'kubectl -n payments rollout status deploy/api --timeout=5m' },
    { shell: 'bash', script: 'for pod in ${pods}\ndo\n  echo "${pod}"\ndone' },
    { shell: 'bash', script: 'if true; then\n  echo missing fi' },
    { shell: 'bash', script: 'oc logs <podname> -n openshift-ovn-kubernetes -c <container>' },
    // A syntax error inside $( ) makes bash leave its read loop: the scripts after it must still be judged.
    { shell: 'bash', script: 'pod=$(oc get pod \\\n  --field-selector spec.nodeName=<node>)' },
    { shell: 'bash', script: 'echo "after the loop restarted"' },
    { shell: 'bash', script: 'cat <<EOF\nnever closed' },
    { shell: 'bash', script: "jq '{ name: .metadata.name }' pods.json" },
    // Closing the wrapping function early: must be judged by bash -n and never run.
    { shell: 'bash', script: `} ; printf x >${sentinel} ; {` },
    { shell: 'bash', script: `echo a\n}\nprintf x >${sentinel}\n__f() {` },
    { shell: 'bash', script: 'echo trailing \\' },
    { shell: 'bash', script: 'ls |' },
    // A `}` word: parsed as a case clause that never runs; and blocks that try to leave the clause.
    { shell: 'bash', script: "sudo test -s x || { echo \"STOP\"; exit 1; }\nkubectl get pods -o json | jq '.items[] | { name: .metadata.name }'" },
    { shell: 'bash', script: 'cat <<EOF >job.json\n{\n  "id": 1\n}\nEOF' },
    { shell: 'bash', script: 'echo a; }' },
    { shell: 'bash', script: `{ echo a; }\n;; esac\nprintf x >${sentinel}\ncase _ in (x)` },
    { shell: 'bash', script: `{ echo a; }\nesac\nprintf x >${sentinel}\ncase _ in (x) :` },
    { shell: 'sh', script: 'if [ -n "$X" ]; then echo "$X"; fi' },
    { shell: 'sh', script: 'echo $(( 1 + )' },
    { shell: 'sh', script: '[[ -n $X ]] && echo bashism' },
  ] as const;
}

describe('shellSyntax', () => {
  it('answers exactly what bash -n / sh -n answer, block by block, in one batch', async () => {
    const sentinel = join(mkdtempSync(join(tmpdir(), 'handbook-sh-test-')), 'ran');
    const blocks = cases(sentinel);
    const before = { ...shellSyntaxStats };
    const batch = await Promise.all(blocks.map((b) => shellSyntax(b.script, b.shell)));
    // Six valid bash blocks passed in the one process, two of them with a `}` word; the other fourteen (errors, warnings, `sh`, blocks that could leave both wrappers) were bash's own to judge.
    expect([shellSyntaxStats.passedInStepOne - before.passedInStepOne, shellSyntaxStats.checkedOneByOne - before.checkedOneByOne]).toEqual([6, 14]);
    const oneByOne = await shellSyntaxOneByOne(blocks.map((b) => ({ ...b })));
    expect(batch).toEqual(oneByOne);
    expect(batch).toEqual([
      null,
      null,
      { line: 2, message: "syntax error: unexpected end of file" },
      { line: 1, message: "syntax error near unexpected token `newline'; `oc logs <podname> -n openshift-ovn-kubernetes -c <container>'" },
      { line: 2, message: "syntax error near unexpected token `)'; `  --field-selector spec.nodeName=<node>)'" },
      null,
      null,
      null,
      { line: 1, message: "syntax error near unexpected token `}'; `} ; printf x >" + sentinel + " ; {'" },
      { line: 2, message: "syntax error near unexpected token `}'; `}'" },
      null,
      { line: 1, message: 'syntax error: unexpected end of file' },
      null,
      null,
      { line: 1, message: "syntax error near unexpected token `}'; `echo a; }'" },
      { line: 2, message: "syntax error near unexpected token `;;'; `;; esac'" },
      { line: 2, message: "syntax error near unexpected token `esac'; `esac'" },
      null,
      { line: 1, message: "Syntax error: Missing '))'" },
      null,
    ]);
    expect(existsSync(sentinel)).toBe(false);
  });

  it('judges in one process only blocks that cannot close their wrapper', () => {
    expect(stepOneWrapper('echo "${X}"', 'bash')).toBe('function');
    expect(stepOneWrapper("awk '{print $1}'", 'bash')).toBe('function');
    expect(stepOneWrapper("jq '{ a: 1 }'", 'bash')).toBe('case');
    expect(stepOneWrapper('echo a;}', 'bash')).toBe('case');
    expect(stepOneWrapper('x\n}', 'bash')).toBe('case');
    expect(stepOneWrapper('(echo a)}', 'bash')).toBe('case');
    expect(stepOneWrapper("jq '{ a: 1 }' # esac", 'bash')).toBe(null);
    expect(stepOneWrapper('{ a; }\ncase $x in y) b;; esac', 'bash')).toBe(null);
    expect(stepOneWrapper('{ a; }\ncase $x in y) b;& z) c;; esac', 'bash')).toBe(null);
    expect(stepOneWrapper('case $x in y) b;; esac', 'bash')).toBe('function');
    expect(stepOneWrapper('echo a', 'sh')).toBe(null);
  });

  it('fails loudly when a script cannot be checked, never passes it silently', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'handbook-sh-test-'));
    writeFileSync(join(dir, 'bash'), '#!/bin/sh\nexit 3\n', { mode: 0o755 });
    const path = process.env.PATH;
    process.env.PATH = `${dir}:${path}`;
    try {
      await expect(shellSyntax('echo hi', 'bash')).rejects.toThrow(/bash exited with 3 while checking shell syntax/);
    } finally {
      process.env.PATH = path;
    }
  });
});
