/**
 * What the checklist's remark plugin (plugins/checklist/remark.ts) writes
 * into a procedure page and the theme (src/components/Checklist) reads: the
 * contract between the build and the page, in the core so both sides import
 * it from below.
 */

/** What the page components receive about the doc (properties of `checklistdoc`). */
export interface ChecklistDocInfo {
  /** Doc id, the key of the saved progress. */
  doc: string;
  /** Front matter `version`, or a hash of the steps when the doc has none. */
  version: string;
}

/**
 * One step as the page receives it: an element of the `steps` JSON of
 * `checklistdoc` (what is absent is null, false or none; the doc component
 * fills it in).
 */
export interface ChecklistStepData {
  id: string;
  title: string;
  /**
   * The title is on the page already, outside the step: the lead-in
   * sentence right before the block or the command's first comment. The
   * step then shows "Step N" and names its checkbox "Step N: title".
   */
  titleInText?: true;
  section?: string;
  minutes?: number;
  danger?: true;
  /** Names of the params the command uses (absent: none). */
  params?: string[];
  /** Expected output the page shows under the command (absent: none, or the transcript shows it). */
  expect?: string;
  /** The text to run, when it is not exactly the code block's text (a console transcript). */
  command?: string;
}

/** Names of the elements (lowercase, like `admonition`: MDX maps them through MDXComponents). */
export const CHECKLIST_ELEMENTS = { doc: 'checklistdoc', panel: 'checklistpanel', section: 'checklistsection', step: 'checkliststep', task: 'checklisttask' } as const;
