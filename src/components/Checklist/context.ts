import { createContext, useContext } from 'react';
import type { ChecklistStepData } from '../../../plugins/checklist/remark';
import type { ParamSpec } from './runlog';

export type { ChecklistStepData };

/** The doc's checklist, as `<ChecklistDoc>` provides it to the panel, the sections and the steps. */
export interface ChecklistDocData {
  doc: string;
  version: string;
  title: string;
  permalink: string;
  params: ParamSpec[];
  steps: ChecklistStepData[];
}

export const ChecklistDocContext = createContext<ChecklistDocData | null>(null);

/** The checklist of the doc this element sits in. */
export function useChecklistDoc(): ChecklistDocData {
  const data = useContext(ChecklistDocContext);
  if (!data) throw new Error('Checklist elements must sit inside `checklistdoc` (written by the checklist remark plugin)');
  return data;
}
