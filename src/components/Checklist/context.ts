import { createContext, useContext } from 'react';
import type { ParamSpec } from './runlog';

/** One step, as the panel, the sections and the steps use it. */
export interface StepInfo {
  id: string;
  title: string;
  /** 1-based position among the doc's steps. */
  number: number;
  /** The title is on the page already (the lead-in sentence or the command's comment): the step shows "Step N". */
  titleInText: boolean;
  section: string | null;
  minutes: number | null;
  danger: boolean;
  /** Names of the params the command uses. */
  params: string[];
  /** Expected output to show under the command, if any. */
  expect: string | null;
  /** The text to run when it is not the code block's text (a console transcript). */
  command: string | null;
}

/** The doc's checklist, as the doc element (`checklistdoc`) provides it to the panel, the sections and the steps. */
export interface ChecklistDocData {
  doc: string;
  version: string;
  title: string;
  permalink: string;
  params: ParamSpec[];
  steps: StepInfo[];
}

export const ChecklistDocContext = createContext<ChecklistDocData | null>(null);

/** The checklist of the doc this element sits in. */
export function useChecklistDoc(): ChecklistDocData {
  const data = useContext(ChecklistDocContext);
  if (!data) throw new Error('Checklist elements must sit inside `checklistdoc` (written by the checklist remark plugin)');
  return data;
}
