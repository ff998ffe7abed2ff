import { createLineIndex } from '../position.js';
import type { Rule } from './types.js';

/**
 * Secrets pasted into a doc, in code blocks and prose alike: cloud keys,
 * private keys, GitHub/GitLab/Slack tokens, password literals (`PGPASSWORD=`,
 * `password=`, `user:pass@` in connection strings) and bearer tokens.
 * A value that is a reference (`$VAR`, `${VAR}`, `$(cmd)`, `<placeholder>`,
 * `{{ template }}`, `***`) is not a secret. A deliberately fake example is
 * marked with `<!-- lint ignore no-secrets -->` before its block; AWS's own
 * documentation keys (`...EXAMPLE`) are recognised as fake.
 */
interface Detector {
  name: string;
  pattern: RegExp;
  /** Index of the capture group holding the secret value (0 = whole match). */
  group?: number;
}

const detectors: Detector[] = [
  { name: 'AWS access key id', pattern: /\b(?:AKIA|ASIA)[0-9A-Z]{16}\b/g },
  { name: 'AWS secret access key', pattern: /aws_secret_access_key\s*[=:]\s*["']?([A-Za-z0-9/+=]{40})(?![A-Za-z0-9/+=])/gi, group: 1 },
  { name: 'private key', pattern: /-----BEGIN (?:[A-Z]+ )*PRIVATE KEY(?: BLOCK)?-----/g },
  { name: 'GitHub token', pattern: /\b(?:gh[pousr]_[A-Za-z0-9]{36,}|github_pat_[A-Za-z0-9_]{22,})\b/g },
  { name: 'GitLab token', pattern: /\bglpat-[A-Za-z0-9_-]{20,}\b/g },
  { name: 'Slack token', pattern: /\bxox[abposr]-[A-Za-z0-9-]{10,}\b/g },
  { name: 'Slack webhook', pattern: /https:\/\/hooks\.slack\.com\/services\/T[A-Z0-9]+\/B[A-Z0-9]+\/[A-Za-z0-9]{10,}/g },
  { name: 'PGPASSWORD literal', pattern: /\bPGPASSWORD=(["']?)([^\s"';&|]+)\1/g, group: 2 },
  { name: 'password literal', pattern: /\b(?:password|passwd|pwd)\s*=\s*(["']?)([^\s"'&;,)`]+)\1/gi, group: 2 },
  { name: 'password in a connection string', pattern: /\b[a-z][a-z0-9+.-]*:\/\/[^\s:@/"'`]+:([^\s@/"'`]+)@[^\s/"'`]/gi, group: 1 },
  { name: 'bearer token', pattern: /\bBearer\s+([A-Za-z0-9\-._~+/]{20,}=*)/g, group: 1 },
];

/** References and placeholders are not secrets. */
function isReference(value: string): boolean {
  return (
    !/[A-Za-z0-9]/.test(value) ||
    /^\$/.test(value) ||
    /^%[A-Za-z_]+%$/.test(value) ||
    /^[<{[(]/.test(value) ||
    /^\*+$/.test(value) ||
    /^x{3,}$/i.test(value) ||
    /^\.{3}$|…/.test(value) ||
    /^(?:password|passwd|secret|redacted|changeme|your[-_]?password|\\?\$.*)$/i.test(value) ||
    /EXAMPLE/.test(value) ||
    /^[A-Z_]+$/.test(value) // a bare variable name written as a placeholder: password=DB_PASSWORD
  );
}

export const noSecrets: Rule = {
  id: 'no-secrets',
  description: 'No credentials pasted into docs',
  severity: 'error',
  check({ doc, report }) {
    const index = createLineIndex(doc.text);
    for (const detector of detectors) {
      for (const match of doc.text.matchAll(detector.pattern)) {
        const value = match[detector.group ?? 0] ?? match[0];
        if (detector.group !== undefined && isReference(value)) continue;
        if (detector.group === undefined && /EXAMPLE/.test(match[0])) continue;
        const start = match.index! + match[0].indexOf(value);
        report({
          message: `Unexpected ${detector.name} in the doc, expected a parameter marked \`secret: true\` or a command that reads it from the vault`,
          place: index.span(start, start + value.length),
        });
      }
    }
  },
};
