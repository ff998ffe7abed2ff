import MDXComponents from '@theme-original/MDXComponents';
import ChecklistDoc from '../components/Checklist';
import ChecklistPanel from '../components/Checklist/Panel';
import ChecklistStep from '../components/Checklist/Step';
import ChecklistSection from '../components/Checklist/Section';
import TaskCheckbox from '../components/TaskCheckbox';

/**
 * The elements the checklist remark plugin (plugins/checklist/remark.ts,
 * `CHECKLIST_ELEMENTS`) writes into every procedure, on top of Docusaurus's
 * own components.
 */
export default {
  ...MDXComponents,
  checklistdoc: ChecklistDoc,
  checklistpanel: ChecklistPanel,
  checkliststep: ChecklistStep,
  checklistsection: ChecklistSection,
  // Markdown task lists: checkboxes with an accessible name.
  input: TaskCheckbox,
};
