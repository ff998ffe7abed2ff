/**
 * Templates of `handbook new`: a valid version header and the sections the
 * check requires for each type. Pure: the command decides paths and dates.
 */

export const DOC_TYPES = ['runbook', 'procedure', 'checklist', 'guide'] as const;
export type DocType = (typeof DOC_TYPES)[number];

export interface TemplateOptions {
  type: DocType;
  title: string;
  owner: string;
  system: string | null;
  /** `YYYY-MM-DD`. */
  today: string;
}

/** `disk-full.md` -> `Disk full`. */
export function titleFromPath(path: string): string {
  const base = (path.split('/').pop() ?? path).replace(/\.mdx?$/i, '').replace(/^\d+[-_.]/, '');
  const words = base.replace(/[-_]+/g, ' ').trim();
  return words ? words.charAt(0).toUpperCase() + words.slice(1) : 'Untitled';
}

/** YAML scalar, quoted only when it has to be. */
function yamlString(value: string): string {
  return /^[\w][\w .,/()-]*$/.test(value) && !/^(true|false|null|yes|no|on|off|~|[\d.]+)$/i.test(value) && !/: /.test(value) ? value : JSON.stringify(value);
}

const history = (today: string) => `## Version history

| Version | Date | Change |
|---|---|---|
| 0.1.0 | ${today} | First draft. |
`;

const bodies: Record<DocType, string> = {
  runbook: `TODO: one paragraph: which alert or symptom opens this runbook, and what is at stake.

## Symptoms

- TODO: the alert, the dashboard panel or the log line the operator sees.

## Diagnosis

TODO: read-only steps that tell the causes apart.

\`\`\`bash title="Check the service" id=check-service time=1m
echo "TODO: replace with a read-only command"
\`\`\`

## Resolution

### TODO: first cause

TODO: the steps that fix it, then a check that it worked.

## Escalation

TODO: who to call, when, and with what information.

`,
  procedure: `TODO: one paragraph: what this procedure changes and when to run it.

## Before you start

- TODO: access and approvals needed.
- TODO: how long it takes.

## Steps

\`\`\`bash title="First step" id=first-step time=1m
echo "TODO: replace with the first command"
\`\`\`

## Verification

\`\`\`bash title="Verify the change" id=verify time=1m expect="check: PASS"
# TODO: replace \`true\` with the command that proves the change worked; the verdict prints only on success.
true && echo "check: PASS" || { echo "check: FAIL"; exit 1; }
\`\`\`

## Rollback

TODO: how to undo the change. Required as soon as a step is marked \`danger\`.

`,
  checklist: `TODO: one paragraph: when to go through this checklist and who signs it off.

## Before

\`\`\`bash title="First check" id=first-check time=1m
echo "TODO: replace with the first check"
\`\`\`

## Sign-off

- TODO: who confirms, and where the result is recorded.

`,
  guide: `TODO: one paragraph: who this guide is for and what they will know after reading it.

## Overview

TODO: the main content.

`,
};

/** The text of a new document of `type`. */
export function renderTemplate({ type, title, owner, system, today }: TemplateOptions): string {
  const header = [
    '---',
    `title: ${yamlString(title)}`,
    'version: 0.1.0',
    `last_updated: ${today}`,
    'status: draft',
    `owner: ${yamlString(owner)}`,
    `type: ${type}`,
    ...(system ? [`system: ${yamlString(system)}`] : []),
    ...(type === 'runbook' ? ['review_every: 90d'] : []),
    '---',
  ].join('\n');
  return `${header}\n\n# ${title}\n\n${bodies[type]}${history(today)}`;
}
