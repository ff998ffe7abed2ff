import React, { type ReactNode } from 'react';
import { useChecklist } from './store';
import { useChecklistDoc } from './context';
import { leftText, progressOf } from './format';
import styles from './styles.module.css';

export interface ChecklistSectionProps {
  /** The h2's text. */
  section: string;
  /** Space-separated positions of the section's steps in the doc. */
  steps: string;
}

/** Done/total and time left of the steps under one h2. */
export default function ChecklistSection({ section, steps }: ChecklistSectionProps): ReactNode {
  const data = useChecklistDoc();
  const [state] = useChecklist(data.doc, data.version);
  const list = steps.split(' ').map((i) => data.steps[Number(i)]!);
  const p = progressOf(list, state.ticks);
  return (
    <p className={styles.sectionSummary} data-checklist-section={section} data-search-ignore>
      <span className={styles.count}>
        {`${p.done}/${p.total} steps done`}
      </span>
      {` · ${leftText(p)}`}
    </p>
  );
}
