import { compareDiagnostics, createDiagnostic, type Diagnostic, type Severity } from './diagnostics.js';
import { docsFoldersOf, folderOfPath, routeOf, type DocRoute } from './routes.js';
import { createSuppressions } from './suppression.js';
import { isAlertRule, type AlertRule, type AnyRule, type CheckInput, type CorpusIndex, type Report, type Rule } from './rules/types.js';
import { isDocModel } from './summary.js';
import type { DocModel, DocSummary } from './types.js';
import { ruleSettingOf, type RuleSetting } from './config.js';

export interface RunChecksOptions {
  /** `--strict`: warnings count as errors. */
  strict?: boolean;
  /** Only report on these docs (paths relative to cwd); all docs still inform cross-file rules. */
  only?: ReadonlySet<string>;
  /**
   * Of those, the docs to check only with the rules that read other docs
   * (`readsOtherDocs`): the referrers of a changed doc, whose other findings
   * the change cannot affect.
   */
  linksOnly?: ReadonlySet<string>;
  /**
   * Findings of earlier runs to reuse (lib/rule-results.ts keeps them on
   * disk): asked only for rules that read nothing but the doc and the
   * run's own settings (not `readsOtherDocs`, not `readsOutside`).
   */
  results?: RuleResults;
  /**
   * Severities from the config file's `rules` (`{"header-*": "off"}`): a rule
   * that is off does not run, a finding takes the configured severity.
   */
  ruleSettings?: Readonly<Record<string, RuleSetting>>;
}

/** What a rule reported, as it reported it: enough to report it again. */
export type Finding = Parameters<Report>[0];

/** A store of one run's findings per doc and rule, for the next run. */
export interface RuleResults {
  /** The findings of `rule` on this exact doc in an earlier run with the same settings, or undefined. */
  get(doc: DocModel, rule: Rule): readonly Finding[] | undefined;
  set(doc: DocModel, rule: Rule, findings: readonly Finding[]): void;
}

/** Whether a rule's findings on a doc depend on that doc and the run's settings only. */
export const isReusable = (rule: Rule) => !rule.readsOtherDocs && !rule.readsOutside;

/** The doc's path inside the docs folder (`docs/a/b.md` -> `a/b.md`). */
export function docPathOf(path: string, docsDir: string): string {
  const prefix = docsDir.replace(/\/+$/, '') + '/';
  return docsDir === '.' || docsDir === '' ? path : path.startsWith(prefix) ? path.slice(prefix.length) : path;
}

/** The route of a doc of the docs folder `docsDir`, as the docs plugin computes it (the core's fallback, see core/routes.ts). */
export function routeOfDoc(doc: Pick<DocSummary, 'path' | 'frontMatter'>, docsDir: string, routeBasePath = '/docs'): DocRoute {
  return routeOf(docPathOf(doc.path, docsDir), doc.frontMatter.data, routeBasePath);
}

/** The corpus index of each input: the rules and what runs after them (outsideLinksOf) share it, and with it the link resolutions. */
const corpora = new WeakMap<CheckInput, CorpusIndex>();

export function createCorpusIndex(input: CheckInput): CorpusIndex {
  const known = corpora.get(input);
  if (known) return known;
  const corpus = indexCorpus(input);
  corpora.set(input, corpus);
  return corpus;
}

function indexCorpus(input: CheckInput): CorpusIndex {
  const byPath = new Map<string, DocSummary>();
  const routes = new Map<string, DocRoute>();
  const folders = docsFoldersOf(input);
  for (const doc of input.docs) {
    byPath.set(doc.path, doc);
    const given = input.routes?.get(doc.path);
    if (given) {
      routes.set(doc.path, given);
      continue;
    }
    const folder = folderOfPath(folders, doc.path);
    routes.set(doc.path, routeOfDoc(doc, folder?.dir ?? input.docsDir, folder?.path ?? input.routeBasePath));
  }
  return { byPath, routes };
}

/** The rules that check the docs of a past version (`DocsFolder.checked: 'links'`): what breaks the build. */
const LINK_RULES: ReadonlySet<string> = new Set(['link-target', 'link-anchor']);

/**
 * Runs every rule over every document and returns the findings, suppressed
 * by comment directives and sorted. Pure: all effects come in `input`.
 */
export async function runChecks(input: CheckInput, allRules: readonly AnyRule[], options: RunChecksOptions = {}): Promise<Diagnostic[]> {
  const corpus = createCorpusIndex(input);
  const folders = docsFoldersOf(input);
  const diagnostics: Diagnostic[] = [];
  const rules = allRules.filter((rule): rule is Rule => !isAlertRule(rule));
  const settings = options.ruleSettings ?? {};
  /** The severity a finding is reported with, or null when its rule is off. */
  const severityFor = (ruleId: string, parentId: string | undefined, given: Severity): Severity | null => {
    const setting = ruleSettingOf(settings, ruleId, parentId);
    return setting === 'off' ? null : (setting ?? given);
  };
  // A rule runs unless it is off along with every id it reports under.
  const running = rules.filter((rule) => [rule.id, ...(rule.reports ?? [])].some((id) => ruleSettingOf(settings, id, rule.id) !== 'off'));
  const alertRules = allRules.filter(isAlertRule).filter((rule) => ruleSettingOf(settings, rule.id, undefined) !== 'off');
  // Documents are checked concurrently so that effectful services (bash -n,
  // mermaid) receive every request of the run together and can batch them.
  await Promise.all(
    // A one-doc re-check of 10,000 docs checks a dozen: no promise for each of the others.
    (options.only ? input.docs.filter((doc) => options.only!.has(doc.path)) : input.docs).map(async (doc) => {
      // A bug of the caller, not of the doc: it must load the full model of every doc it wants checked.
      if (!isDocModel(doc)) throw new Error(`runChecks: \`${doc.path}\` is to be checked but was given as a summary, expected its full model`);
      const suppressed = createSuppressions(doc);
      const keep = (d: Diagnostic) => {
        const line = d.place && 'start' in d.place ? d.place.start.line : 1;
        if (!suppressed(d.ruleId, line)) diagnostics.push(d);
      };
      const linksOnly = options.linksOnly?.has(doc.path) ?? false;
      const folder = folderOfPath(folders, doc.path);
      const frozen = folder?.checked === 'links';
      if (!linksOnly) for (const problem of doc.problems) {
        const severity = severityFor(problem.ruleId, undefined, 'error');
        if (severity) keep(createDiagnostic({ file: doc.path, ruleId: problem.ruleId, message: problem.message, place: problem.place, severity }));
      }
      const route = corpus.routes.get(doc.path)!;
      for (const rule of running) {
        if (linksOnly && !rule.readsOtherDocs) continue;
        if (frozen && !LINK_RULES.has(rule.id)) continue;
        // Findings are kept as the rule reported them (the reused ones too); the configured severity applies on the way out.
        const report = ({ message, place, severity: given, cause, ruleId = rule.id }: Finding) => {
          const severity = severityFor(ruleId, rule.id, given ?? rule.severity);
          if (severity) keep(createDiagnostic({ file: doc.path, ruleId, message, place, severity, ...(cause ? { cause } : {}) }));
        };
        const store = options.results && isReusable(rule) ? options.results : null;
        const earlier = store?.get(doc, rule);
        if (earlier) {
          earlier.forEach(report);
          continue;
        }
        const found: Finding[] = [];
        await rule.check({
          doc,
          docPath: docPathOf(doc.path, folder?.dir ?? input.docsDir),
          route,
          input,
          corpus,
          report: (finding) => {
            found.push(finding);
            report(finding);
          },
        });
        store?.set(doc, rule, found);
      }
    }),
  );
  diagnostics.push(...(await checkAlertFiles(input, corpus, alertRules, severityFor)));
  if (options.strict) for (const d of diagnostics) d.fatal = true;
  return diagnostics.sort(compareDiagnostics);
}

/**
 * The alert rules over every alert file of the input (all of them, also in a
 * check of some docs only: they are few, and a changed heading is reported
 * where an alert links to it).
 */
async function checkAlertFiles(
  input: CheckInput,
  corpus: CorpusIndex,
  alertRules: readonly AlertRule[],
  severityFor: (ruleId: string, parentId: string | undefined, given: Severity) => Severity | null,
): Promise<Diagnostic[]> {
  const out: Diagnostic[] = [];
  const alerts = input.alerts;
  if (!alerts) return out;
  for (const file of alerts.files) {
    for (const rule of alertRules) {
      await rule.check({
        file,
        alerts,
        input,
        corpus,
        report: ({ message, place, severity: given, cause }) => {
          const severity = severityFor(rule.id, undefined, given ?? rule.severity);
          if (severity) out.push(createDiagnostic({ file: file.path, ruleId: rule.id, message, place, severity, ...(cause ? { cause } : {}) }));
        },
      });
    }
  }
  return out;
}

/**
 * Defaults for a folder of Markdown without any Docusaurus config; the docs
 * keep their type (full models stay full). Without `partials`, a doc under
 * an `_`-prefixed name is one (the docs plugin's default `exclude`; the
 * loader in lib/ asks Docusaurus's own matcher instead).
 */
export function defaultCheckInput<Doc extends DocSummary>(
  partial: Partial<Omit<CheckInput, 'docs'>> & Pick<CheckInput, 'today'> & { docs: readonly Doc[] },
): Omit<CheckInput, 'docs'> & { docs: readonly Doc[] } {
  const docsDir = partial.docsDir ?? 'docs';
  const inside = (path: string) => (docsDir === '.' || docsDir === '' ? path : path.slice(docsDir.length + 1));
  return {
    docsDir,
    partials: new Set(partial.docs.map((doc) => doc.path).filter((path) => /(^|\/)_/.test(inside(path)))),
    files: new Set(),
    staticDirs: ['static'],
    routeBasePath: '/docs',
    sidebarDocIds: null,
    tagVocabulary: null,
    base: null,
    services: {},
    ...partial,
  };
}
