import type { ComponentProps, ReactNode } from 'react';
import styles from './styles.module.css';

/**
 * The `input` of Markdown task lists (`- [ ] item`) outside a procedure
 * (in a procedure, the checklist remark plugin makes open items real
 * checkboxes: src/components/Checklist/Task.tsx). Docusaurus renders a
 * disabled checkbox, which looks like one the reader could tick: here it is
 * a plain mark instead, a box or a ticked box, named "to do" or "done" for
 * screen readers; the list item's text says what.
 */
export default function TaskCheckbox(props: ComponentProps<'input'>): ReactNode {
  if (props.type !== 'checkbox' || props['aria-label'] || props.id || !props.disabled) return <input {...props} />;
  const done = Boolean(props.checked || props.defaultChecked);
  return (
    <span className={`${styles.mark}${done ? ` ${styles.done}` : ''}`} role="img" aria-label={done ? 'done' : 'to do'} data-task-mark={done ? 'done' : 'open'}>
      {done ? '✓' : ''}
    </span>
  );
}
