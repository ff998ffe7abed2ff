import { extractProcedure } from '../steps.js';
import type { Rule } from './types.js';

/**
 * Flags apply to their own command: `[^|;&]*` keeps a pattern from reading a
 * later command's option (`pg_restore --list x | grep -c` is not `--clean`).
 *
 * A destructive command in a step not marked `danger`: the page would offer
 * it like any other step and `handbook run` would run it without asking.
 */
export const destructivePatterns: { name: string; pattern: RegExp }[] = [
  { name: 'rm -r', pattern: /\brm\s+(?:-[a-zA-Z]*[rR][a-zA-Z]*|--recursive)\b/ },
  { name: 'DROP', pattern: /\bDROP\s+(?:TABLE|DATABASE|SCHEMA|INDEX|VIEW|MATERIALIZED\s+VIEW|EXTENSION)\b/i },
  { name: 'TRUNCATE', pattern: /\bTRUNCATE\s+(?:TABLE\s+)?[\w."]+/i },
  { name: 'DELETE without WHERE', pattern: /\bDELETE\s+FROM\s+[\w."]+\s*(?:;|"|'|$)(?![^;]*\bWHERE\b)/im },
  { name: 'dropdb', pattern: /\bdropdb\b/ },
  { name: 'kubectl delete', pattern: /\bkubectl\s+(?:[\w-]+\s+)*?(?:delete|drain)\b/ },
  { name: 'kubectl scale to zero', pattern: /\bkubectl\s+[^|;&]*\bscale\b[^|;&]*--replicas[= ]0\b/ },
  { name: 'helm uninstall', pattern: /\bhelm\s+(?:uninstall|delete)\b/ },
  { name: 'terraform destroy', pattern: /\bterraform\s+(?:destroy|apply\s+[^|;&]*-destroy)\b/ },
  { name: 'systemctl stop', pattern: /\bsystemctl\s+(?:--\S+\s+)*(?:stop|kill|disable|mask|restart)\b/ },
  { name: 'git push --force', pattern: /\bgit\s+push\s+[^|;&]*(?:--force\b|--force-with-lease\b|\s-f\b)/ },
  { name: 'aws s3 rm --recursive', pattern: /\baws\s+s3\s+(?:rm\s+[^|;&]*--recursive|rb\s+[^|;&]*--force)\b/ },
  { name: 'mc rm --recursive', pattern: /\bmc\s+(?:rm|rb)\s+[^|;&]*--(?:recursive|force)\b/ },
  { name: 'docker compose down -v', pattern: /\bdocker[\s-]compose\s+[^|;&]*\bdown\s+[^|;&]*(?:-v\b|--volumes\b)/ },
  { name: 'docker volume rm', pattern: /\bdocker\s+(?:volume\s+(?:rm|prune)|system\s+prune)\b/ },
  { name: 'redis FLUSHALL', pattern: /\bFLUSH(?:ALL|DB)\b/i },
  { name: 'pg_restore --clean', pattern: /\bpg_restore\s+[^|;&]*(?:--clean\b|\s-c\b)/ },
  { name: 'mkfs', pattern: /\bmkfs(?:\.\w+)?\b/ },
  { name: 'dd of=', pattern: /\bdd\s+[^|;&]*\bof=\/dev\// },
];

export const dangerUnmarked: Rule = {
  id: 'danger-unmarked',
  description: 'Destructive commands are in steps marked `danger`',
  severity: 'warning',
  check({ doc, report }) {
    for (const step of extractProcedure(doc).steps) {
      if (step.danger) continue;
      const lines = step.command.split('\n');
      for (const { name, pattern } of destructivePatterns) {
        const lineIndex = lines.findIndex((l) => !/^\s*#/.test(l) && pattern.test(l));
        if (lineIndex === -1) continue;
        const block = doc.codeBlocks.find((b) => b.place.start.line === step.line)!;
        const line = step.lang === 'console' ? step.line : block.contentStartLine + lineIndex;
        const at = { line, column: 1, offset: 0 };
        report({ message: `Unexpected destructive command (${name}) in step \`${step.id}\` not marked \`danger\`, expected \`danger\` in its info string`, place: { start: at, end: at } });
        break;
      }
    }
  },
};
