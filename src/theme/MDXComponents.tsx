import type { ComponentProps, ReactNode } from 'react';
import MDXComponents from '@theme-original/MDXComponents';
import MDXHeading from '@theme/MDXComponents/Heading';
import AlertsHere from '../components/AlertsHere';
import AlertsTable from '../components/AlertsTable';
import ChecklistDoc from '../components/Checklist';
import ChecklistPanel from '../components/Checklist/Panel';
import ChecklistStep from '../components/Checklist/Step';
import ChecklistSection from '../components/Checklist/Section';
import ChecklistTask from '../components/Checklist/Task';
import TaskCheckbox from '../components/TaskCheckbox';

type HeadingProps = Omit<ComponentProps<typeof MDXHeading>, 'as'>;

/** An h2-h6 followed by "Alerts that open this page" when alerts point at its anchor (src/components/AlertsHere). */
const withAlerts = (as: 'h2' | 'h3' | 'h4' | 'h5' | 'h6') =>
  function HeadingWithAlerts(props: HeadingProps): ReactNode {
    return (
      <>
        <MDXHeading as={as} {...props} />
        {props.id && <AlertsHere anchor={props.id} />}
      </>
    );
  };

/**
 * The elements the checklist remark plugin (plugins/checklist/remark.ts,
 * `CHECKLIST_ELEMENTS`) and the alerts remark plugin (plugins/alerts,
 * `alertstable`) write, on top of Docusaurus's own components; headings
 * show the alerts that open the doc at them.
 */
export default {
  ...MDXComponents,
  h2: withAlerts('h2'),
  h3: withAlerts('h3'),
  h4: withAlerts('h4'),
  h5: withAlerts('h5'),
  h6: withAlerts('h6'),
  checklistdoc: ChecklistDoc,
  checklistpanel: ChecklistPanel,
  checkliststep: ChecklistStep,
  checklistsection: ChecklistSection,
  checklisttask: ChecklistTask,
  alertstable: AlertsTable,
  // Markdown task lists outside procedures: a mark, not a disabled control.
  input: TaskCheckbox,
};
