import { VFileMessage } from 'vfile-message';
import type { Span } from './types.js';

export type Severity = 'error' | 'warning';

/**
 * A finding of `handbook check`: a vfile message (reason, place, ruleId,
 * source) whose `fatal` is true for errors and false for warnings, like
 * remark-lint's. `file` is the document path relative to the checked folder.
 */
export type Diagnostic = VFileMessage & { ruleId: string; file: string };

export const SOURCE = 'handbook';

export function createDiagnostic(options: {
  file: string;
  ruleId: string;
  message: string;
  place: Span | undefined;
  severity: Severity;
  /** A second location (the target of a broken link, the first duplicate). */
  cause?: { message: string; place?: Span; file?: string };
}): Diagnostic {
  const start = options.place?.start ?? { line: 1, column: 1 };
  const end = options.place?.end ?? start;
  const message = new VFileMessage(options.message, {
    place: { start: { line: start.line, column: start.column }, end: { line: end.line, column: end.column } },
    ruleId: options.ruleId,
    source: SOURCE,
    ...(options.cause ? { cause: new VFileMessage(options.cause.message, { place: options.cause.place }) } : {}),
  }) as Diagnostic;
  message.file = options.file;
  message.fatal = options.severity === 'error';
  return message;
}

export function severityOf(diagnostic: Diagnostic): Severity {
  return diagnostic.fatal ? 'error' : 'warning';
}

/** The plain JSON shape of `handbook check --format json`. */
export interface DiagnosticJson {
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  severity: Severity;
  ruleId: string;
  message: string;
}

export function toJson(diagnostic: Diagnostic): DiagnosticJson {
  const place = diagnostic.place;
  const start = place && 'start' in place ? place.start : (place ?? { line: 1, column: 1 });
  const end = place && 'end' in place ? place.end : start;
  return {
    file: diagnostic.file,
    line: start.line,
    column: start.column,
    endLine: end.line,
    endColumn: end.column,
    severity: severityOf(diagnostic),
    ruleId: diagnostic.ruleId,
    message: diagnostic.reason,
  };
}

/** Stable order: by file, then line, then column, then rule id. */
export function compareDiagnostics(a: Diagnostic, b: Diagnostic): number {
  const ja = toJson(a);
  const jb = toJson(b);
  return ja.file < jb.file ? -1 : ja.file > jb.file ? 1 : ja.line - jb.line || ja.column - jb.column || (ja.ruleId < jb.ruleId ? -1 : ja.ruleId > jb.ruleId ? 1 : 0);
}
