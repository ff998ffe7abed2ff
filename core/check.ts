import { compareDiagnostics, createDiagnostic, type Diagnostic } from './diagnostics.js';
import { routeOf, type DocRoute } from './routes.js';
import { createSuppressions } from './suppression.js';
import type { CheckInput, CorpusIndex, Rule } from './rules/types.js';
import type { DocModel } from './types.js';

export interface RunChecksOptions {
  /** `--strict`: warnings count as errors. */
  strict?: boolean;
  /** Only report on these docs (paths relative to cwd); all docs still inform cross-file rules. */
  only?: ReadonlySet<string>;
}

/** The doc's path inside the docs folder (`docs/a/b.md` -> `a/b.md`). */
export function docPathOf(path: string, docsDir: string): string {
  const prefix = docsDir.replace(/\/+$/, '') + '/';
  return docsDir === '.' || docsDir === '' ? path : path.startsWith(prefix) ? path.slice(prefix.length) : path;
}

export function createCorpusIndex(input: CheckInput): CorpusIndex {
  const byPath = new Map<string, DocModel>();
  const routes = new Map<string, DocRoute>();
  for (const doc of input.docs) {
    byPath.set(doc.path, doc);
    routes.set(doc.path, routeOf(docPathOf(doc.path, input.docsDir), doc.frontMatter.data, input.routeBasePath));
  }
  return { byPath, routes };
}

/**
 * Runs every rule over every document and returns the findings, suppressed
 * by comment directives and sorted. Pure: all effects come in `input`.
 */
export async function runChecks(input: CheckInput, rules: readonly Rule[], options: RunChecksOptions = {}): Promise<Diagnostic[]> {
  const corpus = createCorpusIndex(input);
  const diagnostics: Diagnostic[] = [];
  // Documents are checked concurrently so that effectful services (bash -n,
  // mermaid) receive every request of the run together and can batch them.
  await Promise.all(
    input.docs.map(async (doc) => {
      if (options.only && !options.only.has(doc.path)) return;
      const suppressed = createSuppressions(doc);
      const keep = (d: Diagnostic) => {
        const line = d.place && 'start' in d.place ? d.place.start.line : 1;
        if (!suppressed(d.ruleId, line)) diagnostics.push(d);
      };
      for (const problem of doc.problems) {
        keep(createDiagnostic({ file: doc.path, ruleId: problem.ruleId, message: problem.message, place: problem.place, severity: 'error' }));
      }
      const route = corpus.routes.get(doc.path)!;
      for (const rule of rules) {
        await rule.check({
          doc,
          docPath: docPathOf(doc.path, input.docsDir),
          route,
          input,
          corpus,
          report: ({ message, place, severity, cause, ruleId }) =>
            keep(createDiagnostic({ file: doc.path, ruleId: ruleId ?? rule.id, message, place, severity: severity ?? rule.severity, ...(cause ? { cause } : {}) })),
        });
      }
    }),
  );
  if (options.strict) for (const d of diagnostics) d.fatal = true;
  return diagnostics.sort(compareDiagnostics);
}

/** Defaults for a folder of Markdown without any Docusaurus config. */
export function defaultCheckInput(partial: Partial<CheckInput> & Pick<CheckInput, 'docs' | 'today'>): CheckInput {
  return {
    docsDir: 'docs',
    files: new Set(),
    staticDirs: ['static'],
    routeBasePath: '/docs',
    sidebarDocIds: null,
    base: null,
    services: {},
    ...partial,
  };
}
