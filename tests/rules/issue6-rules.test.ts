import { describe, expect, it } from 'vitest';
import { structureSections } from '../../core/rules/structure-sections.js';
import { diagramSyntax } from '../../core/rules/diagram-syntax.js';
import { shellSyntax } from '../../core/rules/shell-syntax.js';
import { noSecrets } from '../../core/rules/no-secrets.js';
import { dangerUnmarked } from '../../core/rules/danger-unmarked.js';
import { codeLang } from '../../core/rules/code-lang.js';
import { shellPrompt } from '../../core/rules/shell-prompt.js';
import type { Rule } from '../../core/index.js';
import { brief, fixturesOf, runRule } from './harness.js';

/** Every ok fixture is clean; every not-ok fixture gives exactly these findings. */
const expected: Record<string, Record<string, ReturnType<typeof brief>>> = {
  'structure-sections': {
    'not-ok-procedure.md': [
      [4, 1, 'error', 'Missing verification section in a procedure, expected a heading such as `## Verification` (or "verify", "validation", "validate")'],
      [4, 1, 'error', 'Missing rollback section in a procedure, expected a heading such as `## Rollback` (or "roll back", "back out", "backout") because a step is marked `danger`'],
    ],
    'not-ok-runbook.md': [
      [3, 1, 'error', 'Missing diagnosis section in a runbook, expected a heading such as `## Diagnosis` (or "diagnose", "investigation", "investigate")'],
      [3, 1, 'error', 'Missing escalation section in a runbook, expected a heading such as `## Escalation` (or "escalate", "contacts", "who to call")'],
    ],
  },
  'diagram-syntax': {
    'not-ok.md': [
      [7, 1, 'error', expect.stringMatching(/^Unexpected mermaid syntax error: Parse error on line \d+:.*expected a diagram mermaid can parse$/) as unknown as string],
      [11, 1, 'error', 'Unexpected mermaid syntax error: No diagram type detected matching given configuration for text: notadiagram; expected a diagram mermaid can parse'],
    ],
  },
  'shell-syntax': {
    'not-ok.md': [
      [6, 1, 'error', 'Unexpected bash syntax error in step `step-1`: syntax error: unexpected end of file; expected a command `bash -n` accepts'],
      [11, 1, 'error', 'Unexpected sh syntax error in step `step-2`: Syntax error: "fi" unexpected; expected a command `sh -n` accepts'],
      [15, 1, 'error', 'Unexpected bash syntax error in step `step-3`: syntax error near unexpected token `newline\'; `kubectl get pods -n <namespace>\'; expected a command `bash -n` accepts (`<namespace>` is not shell: declare a parameter and write `"${NAME}"`)'],
    ],
  },
  'no-secrets': {
    'not-ok.md': [
      [4, 19, 'error', 'Unexpected PGPASSWORD literal in the doc, expected a parameter marked `secret: true` or a command that reads it from the vault'],
      [5, 24, 'error', 'Unexpected password in a connection string in the doc, expected a parameter marked `secret: true` or a command that reads it from the vault'],
      [6, 32, 'error', 'Unexpected bearer token in the doc, expected a parameter marked `secret: true` or a command that reads it from the vault'],
      [9, 12, 'error', 'Unexpected AWS access key id in the doc, expected a parameter marked `secret: true` or a command that reads it from the vault'],
      [9, 47, 'error', 'Unexpected GitHub token in the doc, expected a parameter marked `secret: true` or a command that reads it from the vault'],
      [12, 13, 'error', 'Unexpected password literal in the doc, expected a parameter marked `secret: true` or a command that reads it from the vault'],
      [15, 1, 'error', 'Unexpected private key in the doc, expected a parameter marked `secret: true` or a command that reads it from the vault'],
    ],
  },
  'danger-unmarked': {
    'not-ok.md': [
      [5, 1, 'warning', 'Unexpected destructive command (kubectl delete) in step `step-1` not marked `danger`, expected `danger` in its info string'],
      [9, 1, 'warning', 'Unexpected destructive command (rm -r) in step `step-2` not marked `danger`, expected `danger` in its info string'],
      [12, 1, 'warning', 'Unexpected destructive command (systemctl stop) in step `step-3` not marked `danger`, expected `danger` in its info string'],
      [17, 1, 'warning', 'Unexpected destructive command (TRUNCATE) in step `step-4` not marked `danger`, expected `danger` in its info string'],
    ],
  },
  'code-lang': {
    'not-ok.md': [[3, 1, 'warning', 'Unexpected fenced code block without a language, expected one such as `bash`, `console`, `sql`, `yaml` or `text`']],
  },
  'shell-prompt': {
    'not-ok.md': [[5, 3, 'warning', 'Unexpected `$ ` prompt in a `bash` block, expected the bare command (use a `console` block for a transcript with output)']],
  },
};

const ruleList: Rule[] = [structureSections, diagramSyntax, shellSyntax, noSecrets, dangerUnmarked, codeLang, shellPrompt];

for (const rule of ruleList) {
  describe(rule.id, () => {
    for (const { name, text } of fixturesOf(rule.id)) {
      it(name, async () => {
        const found = brief(await runRule(rule, name, text));
        if (name.startsWith('ok')) expect(found).toEqual([]);
        else expect(found).toEqual(expected[rule.id]![name]);
      }, 20_000);
    }
  });
}
