import type { ComponentProps, ReactNode } from 'react';

/**
 * The `input` of Markdown task lists (`- [ ] item`): Docusaurus renders a
 * bare disabled checkbox, which screen readers announce without a name.
 * Named "done" or "to do"; the list item's text says what.
 */
export default function TaskCheckbox(props: ComponentProps<'input'>): ReactNode {
  if (props.type !== 'checkbox' || props['aria-label'] || props.id) return <input {...props} />;
  return <input {...props} aria-label={props.checked || props.defaultChecked ? 'done' : 'to do'} />;
}
