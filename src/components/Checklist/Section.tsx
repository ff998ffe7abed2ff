import React, { type ReactNode } from 'react';
import { useChecklist } from './store';
import { leftText, progressOf } from './format';
import styles from './styles.module.css';

export interface ChecklistSectionProps {
  doc: string;
  version: string;
  section: string;
  /** JSON: `[[stepId, minutes|null], ...]`. */
  steps: string;
}

/** Done/total and time left of the steps under one h2. */
export default function ChecklistSection({ doc, version, section, steps }: ChecklistSectionProps): ReactNode {
  const [state] = useChecklist(doc, version);
  const list = (JSON.parse(steps) as [string, number | null][]).map(([id, minutes]) => ({ id, minutes }));
  const p = progressOf(list, state.ticks);
  return (
    <p className={styles.sectionSummary} data-checklist-section={section}>
      <span className={styles.count}>
        {p.done}/{p.total} steps done
      </span>{' '}
      · {leftText(p)}
    </p>
  );
}
