import React, { type ReactNode } from 'react';
import { taskId, useChecklist } from './store';
import { useChecklistDoc } from './context';
import styles from './styles.module.css';

export interface ChecklistTaskProps {
  /** 0-based position among the doc's open task-list items (the remark plugin's `checklisttask`). */
  index: string;
  /** The text of the item's first paragraph: the box's label. */
  children?: ReactNode;
}

/**
 * An open Markdown task-list item (`- [ ] ...`) in a procedure: a checkbox
 * labelled by the item's text, which the operator ticks like a step and
 * which is saved with the steps (but is not a step: not counted, not in the
 * run log).
 */
export default function ChecklistTask({ index, children }: ChecklistTaskProps): ReactNode {
  const { doc, version } = useChecklistDoc();
  const [state, store] = useChecklist(doc, version);
  const id = taskId(Number(index));
  return (
    <label className={styles.task} data-checklist-task={index}>
      <input type="checkbox" className={styles.checkbox} checked={Boolean(state.ticks[id])} disabled={!state.ready} onChange={(event) => store.toggle(id, event.currentTarget.checked)} />
      <span>{children}</span>
    </label>
  );
}
