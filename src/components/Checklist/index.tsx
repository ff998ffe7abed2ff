import React, { useMemo, type ReactNode } from 'react';
import type { ChecklistStepData } from '../../../core/page-contract';
import { ChecklistDocContext, type ChecklistDocData, type StepInfo } from './context';
import type { ParamSpec } from './runlog';

/** Properties written by the remark plugin: all strings (lists as JSON). */
export interface ChecklistDocProps {
  doc: string;
  version: string;
  title: string;
  permalink: string;
  /** JSON array of ParamSpec, without null and false fields. */
  params: string;
  /** JSON array of ChecklistStepData. */
  steps: string;
  children?: ReactNode;
}

function paramSpec(raw: Partial<ParamSpec> & { name: string }): ParamSpec {
  return { name: raw.name, description: raw.description ?? '', default: raw.default ?? null, enum: raw.enum ?? null, pattern: raw.pattern ?? null, secret: raw.secret ?? false };
}

function stepInfo(raw: ChecklistStepData, index: number): StepInfo {
  return {
    id: raw.id,
    title: raw.title,
    number: index + 1,
    titleInText: raw.titleInText ?? false,
    section: raw.section ?? null,
    minutes: raw.minutes ?? null,
    danger: raw.danger ?? false,
    params: raw.params ?? [],
    expect: raw.expect ?? null,
    command: raw.command ?? null,
  };
}

/**
 * Wraps a procedure's content and gives its checklist (doc, version, steps,
 * parameters) to the panel, the section summaries and the steps inside.
 * Renders no element of its own.
 */
export default function ChecklistDoc({ doc, version, title, permalink, params, steps, children }: ChecklistDocProps): ReactNode {
  const data = useMemo<ChecklistDocData>(
    () => ({
      doc,
      version,
      title,
      permalink,
      params: (JSON.parse(params) as (Partial<ParamSpec> & { name: string })[]).map(paramSpec),
      steps: (JSON.parse(steps) as ChecklistStepData[]).map(stepInfo),
    }),
    [doc, version, title, permalink, params, steps],
  );
  return <ChecklistDocContext.Provider value={data}>{children}</ChecklistDocContext.Provider>;
}
