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

/** A procedure the export leaves out because its document cannot be read as the site reads it, at the parse error. */
export interface UnparsableProcedure {
  path: string;
  line: number;
  column: number;
  ruleId: 'yaml-syntax' | 'mdx-syntax';
  message: string;
}

/**
 * The docs with steps whose text does not parse (malformed front matter, an
 * MDX syntax error): their steps, read as CommonMark, may be incomplete and
 * their parameters lost, and the site cannot build their page, so they are
 * left out of the export and reported at the first parse error instead.
 */
export function unparsableProcedures(docs: readonly DocModel[]): UnparsableProcedure[] {
  const found: UnparsableProcedure[] = [];
  for (const doc of docs) {
    const problem = doc.problems[0];
    if (!problem || extractProcedure(doc).steps.length === 0) continue;
    found.push({
      path: doc.path,
      line: problem.place.start.line,
      column: problem.place.start.column,
      ruleId: problem.ruleId,
      message: `Unexpected procedure that does not parse (${problem.message}), expected a document the site can build; its steps are not exported`,
    });
  }
  return found.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : a.line - b.line));
}

/** Every doc that has at least one step, sorted by path, with its steps in order; docs that do not parse are left out (see {@link unparsableProcedures}). */
export function createChecklistExport({ docs, docsDir = 'docs', routeBasePath = '/docs' }: CreateChecklistExportOptions): ChecklistExport {
  const exported: ExportedDoc[] = [];
  for (const doc of [...docs].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))) {
    if (doc.problems.length > 0) continue;
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
