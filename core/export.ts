import { extractProcedure, type Step, type StepParam } from './steps.js';
import { routeOfDoc } from './check.js';
import type { DocModel } from './types.js';
import { docTitleOf, frontMatterVersion } from './procedure.js';

/**
 * The machine-readable checklists: `build/checklists.json` and
 * `handbook export`, the input of `handbook run`. Pure: the docs come parsed.
 */
export interface ChecklistExport {
  schemaVersion: 1;
  docs: ExportedDoc[];
}

export interface ExportedDoc {
  /** Path relative to the exported folder, with `/`. */
  path: string;
  id: string;
  title: string;
  /** Front matter `version`, or null. */
  version: string | null;
  permalink: string;
  params: Record<string, StepParam>;
  steps: ExportedStep[];
}

/** The exported fields of a core `Step`, in the contract's order (`command` is exactly the text to run). */
export type ExportedStep = Pick<Step, 'id' | 'title' | 'section' | 'lang' | 'command' | 'expect' | 'timeMinutes' | 'danger' | 'line'>;

export interface CreateChecklistExportOptions {
  /** Parsed docs; `path` relative to the exported folder. */
  docs: readonly DocModel[];
  /** The docs folder relative to the same folder (default `docs`). */
  docsDir?: string;
  /** The docs plugin's route base path (default `/docs`). */
  routeBasePath?: string;
}

/** Every doc that has at least one step, sorted by path, with its steps in order. */
export function createChecklistExport({ docs, docsDir = 'docs', routeBasePath = '/docs' }: CreateChecklistExportOptions): ChecklistExport {
  const exported: ExportedDoc[] = [];
  for (const doc of [...docs].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))) {
    const procedure = extractProcedure(doc);
    if (procedure.steps.length === 0) continue;
    const route = routeOfDoc(doc, docsDir, routeBasePath);
    exported.push({
      path: doc.path,
      id: route.id,
      title: docTitleOf(doc, route.id),
      version: frontMatterVersion(doc),
      permalink: route.permalink,
      params: procedure.params,
      steps: procedure.steps.map((s) => ({
        id: s.id,
        title: s.title,
        section: s.section,
        lang: s.lang,
        command: s.command,
        expect: s.expect,
        timeMinutes: s.timeMinutes,
        danger: s.danger,
        line: s.line,
      })),
    });
  }
  return { schemaVersion: 1, docs: exported };
}
