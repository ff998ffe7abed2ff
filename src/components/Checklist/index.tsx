import React, { useMemo, type ReactNode } from 'react';
import { ChecklistDocContext, type ChecklistDocData, type ChecklistStepData } from './context';
import type { ParamSpec } from './runlog';

/** Attributes written by the remark plugin: all strings (lists as JSON). */
export interface ChecklistDocProps {
  doc: string;
  version: string;
  title: string;
  permalink: string;
  /** JSON array of ParamSpec. */
  params: string;
  /** JSON array of ChecklistStepData. */
  steps: string;
  children?: ReactNode;
}

/**
 * Wraps a procedure's content and gives its checklist (doc, version, steps,
 * parameters) to the panel, the section summaries and the steps inside.
 * Renders no element of its own.
 */
export default function ChecklistDoc({ doc, version, title, permalink, params, steps, children }: ChecklistDocProps): ReactNode {
  const data = useMemo<ChecklistDocData>(
    () => ({ doc, version, title, permalink, params: JSON.parse(params) as ParamSpec[], steps: JSON.parse(steps) as ChecklistStepData[] }),
    [doc, version, title, permalink, params, steps],
  );
  return <ChecklistDocContext.Provider value={data}>{children}</ChecklistDocContext.Provider>;
}
