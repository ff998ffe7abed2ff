import { extractProcedure } from '../steps.js';
import type { Heading } from '../types.js';
import type { Rule } from './types.js';

/**
 * `type: runbook` needs sections for symptoms, diagnosis, resolution and
 * escalation; `type: procedure` needs a verification section, and a rollback
 * section when any step is `danger`. Any h2-h4 heading whose text contains
 * one of the synonyms counts (case-insensitive, whole words).
 */
export const sectionSynonyms = {
  symptoms: ['symptoms', 'symptom', 'signs', 'what you see', 'alert fires', 'indicators'],
  diagnosis: ['diagnosis', 'diagnose', 'investigation', 'investigate', 'triage', 'troubleshooting'],
  resolution: ['resolution', 'resolve', 'mitigation', 'mitigate', 'remediation', 'fix', 'recovery', 'recover'],
  escalation: ['escalation', 'escalate', 'contacts', 'who to call'],
  verification: ['verification', 'verify', 'validation', 'validate', 'post-checks', 'smoke test', 'smoke tests'],
  rollback: ['rollback', 'roll back', 'back out', 'backout', 'revert', 'undo'],
} as const;

export type SectionKind = keyof typeof sectionSynonyms;

const patterns = Object.fromEntries(
  Object.entries(sectionSynonyms).map(([kind, words]) => [
    kind,
    new RegExp(`(?:^|[^\\p{L}\\p{N}])(?:${words.map((w) => w.replace(/[-\s]/g, '[-\\s]?')).join('|')})(?:$|[^\\p{L}\\p{N}])`, 'iu'),
  ]),
) as Record<SectionKind, RegExp>;

/** Whether a heading's text names a section of this kind ("Roll back the release" is a rollback section). */
export function isSectionOf(headingText: string, kind: SectionKind): boolean {
  return patterns[kind].test(headingText);
}

export function hasSection(headings: readonly Heading[], kind: SectionKind): boolean {
  return headings.some((h) => h.depth >= 2 && h.depth <= 4 && isSectionOf(h.text, kind));
}

const required: Record<string, SectionKind[]> = {
  runbook: ['symptoms', 'diagnosis', 'resolution', 'escalation'],
  procedure: ['verification'],
};

const label = (kind: SectionKind) => `\`## ${kind[0]!.toUpperCase()}${kind.slice(1)}\` (or ${sectionSynonyms[kind].slice(1, 4).map((w) => `"${w}"`).join(', ')})`;

export const structureSections: Rule = {
  id: 'structure-sections',
  description: 'Runbooks have symptoms, diagnosis, resolution and escalation sections; procedures have verification, and rollback when a step is dangerous',
  severity: 'error',
  check({ doc, report }) {
    const type = doc.frontMatter.data.type;
    if (type !== 'runbook' && type !== 'procedure') return;
    const kinds = [...required[type]!];
    if (type === 'procedure' && extractProcedure(doc).steps.some((s) => s.danger)) kinds.push('rollback');
    const place = doc.frontMatter.keys.get('type')?.keySpan;
    for (const kind of kinds) {
      if (hasSection(doc.headings, kind)) continue;
      const why = kind === 'rollback' ? ' because a step is marked `danger`' : '';
      report({ message: `Missing ${kind} section in a ${type}, expected a heading such as ${label(kind)}${why}`, place });
    }
  },
};
