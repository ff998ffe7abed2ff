import { appendFile, stat, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { rules, runChecks, toJson } from '../../core/index.js';
import { knownRuleIds } from '../../core/config.js';
import { closest } from '../../core/suggest.js';
import type { CommandIo } from '../cli.js';
import { parseCommandArgs } from '../command.js';
import { CheckConfigError, loadCheckInput, loadCheckInputFor, normaliseDir, relativePath, todayOf, type LoadCheckInputOptions } from '../../lib/corpus.js';
import { defaultServices } from '../../lib/services/index.js';
import { createExternalLinkService } from '../../lib/services/external-links.js';
import { cacheDirOf } from '../../lib/cache.js';
import { openRuleResults } from '../../lib/rule-results.js';
import { loadConfig } from '../../lib/config.js';
import { withReferrers } from '../../core/links/with-referrers.js';
import { reporters, type Format } from '../../lib/reporters/index.js';
import { siteReadingFor } from '../../lib/site-reading.js';
import { outsideLinksOf } from '../../core/links/index.js';


const help = `Usage: handbook check [files...] [--cwd DIR] [--config FILE] [--docs PATH] [--format pretty|json|github|sarif|markdown] [--sarif FILE] [--summary FILE] [--base REF] [--strict] [--external] [--print-config]

Checks DIR/PATH/**/*.{md,mdx}: version headers (title, version, last_updated,
status, owner), links and anchors, and the other rules of the handbook.
With file arguments (relative to DIR, like \`git -C\`), those files are
checked, and the docs whose links point into them are checked with the
link rules (a renamed heading breaks links written elsewhere). The alert
files (alerts/**/*.{yml,yaml}) are checked on every run; named alone as
arguments, only their findings are reported.

Options:
  --cwd DIR        folder to check; file links resolve within it (default: .)
  --config FILE    configuration file, relative to DIR (default: DIR/handbook.config.json when
                   present): docs, routeBasePath, siteUrl, rules ({"header-*": "off"}), alerts
  --print-config   print the resolved configuration as JSON and check nothing
  --docs PATH      docs folder inside DIR (default: the config's docs, else docs)
  --format FORMAT  pretty (default), json, github (PR annotations), sarif (SARIF 2.1.0),
                   markdown (a table of every finding)
  --sarif FILE     also write the findings as SARIF 2.1.0 to FILE (for code scanning)
  --summary FILE   also append the findings as a Markdown table to FILE
                   (in GitHub Actions: --summary "$GITHUB_STEP_SUMMARY")
  --base REF       git ref to compare with: a changed doc must bump version and last_updated
  --strict         warnings count as errors
  --rules IDS      run only these rules (comma-separated ids, e.g. link-target,link-anchor)
  --no-cache       do not read or write the caches (DIR/.handbook/cache)
  --external       also fetch external http(s) links (rule link-external); pages that
                   answered are remembered for 7 days, failures are always fetched again
  -h, --help       show this help

Silence one rule for the next block, a range, or the whole file:
  <!-- lint ignore header-review-overdue -->
  <!-- lint disable rule-id --> ... <!-- lint enable rule-id -->
(in MDX: {/* lint ignore rule-id */}). Front matter findings are silenced by a
\`lint disable\` comment anywhere in the file.

Environment:
  HANDBOOK_TODAY=YYYY-MM-DD   the date taken as today (reproducible runs)
  NO_COLOR                    no colour in pretty output

Exit status: 0 no errors, 1 errors (or warnings with --strict), 2 usage or configuration error.
`;

/**
 * Links to the checked commit's lines on GitHub when run in GitHub Actions
 * (GITHUB_SERVER_URL, GITHUB_REPOSITORY and GITHUB_SHA set), for the job summary.
 */
function githubLineUrl(env: NodeJS.ProcessEnv): { lineUrl?(file: string, line: number): string } {
  const { GITHUB_SERVER_URL: server, GITHUB_REPOSITORY: repository, GITHUB_SHA: sha } = env;
  if (!server || !repository || !sha) return {};
  return { lineUrl: (file, line) => `${server}/${repository}/blob/${sha}/${file}#L${line}` };
}

/** `handbook check`: load the docs, run every rule, report in the chosen format. */
export async function run(argv: string[], io: CommandIo): Promise<number> {
  const fail = (message: string, withHelp = false) => {
    io.stderr.write(`handbook check: ${message}\n${withHelp ? `\n${help}` : ''}`);
    return 2;
  };
  const parsed = parseCommandArgs({ name: 'check', help }, argv, io, {
    cwd: { type: 'string' },
    docs: { type: 'string' },
    format: { type: 'string' },
    base: { type: 'string' },
    strict: { type: 'boolean' },
    rules: { type: 'string' },
    'no-cache': { type: 'boolean' },
    external: { type: 'boolean' },
    config: { type: 'string' },
    'print-config': { type: 'boolean' },
    sarif: { type: 'string' },
    summary: { type: 'string' },
  });
  if (typeof parsed === 'number') return parsed;
  const { values, positionals } = parsed;
  const format = (values.format ?? 'pretty') as Format;
  if (!Object.hasOwn(reporters, format)) return fail(`unknown --format \`${values.format}\`, expected one of ${Object.keys(reporters).join(', ')}`, true);
  if (values.base !== undefined && values.base.trim() === '') return fail('--base needs a git ref, e.g. --base origin/main');

  const cwd = resolve(io.cwd, values.cwd ?? '.');
  try {
    const cwdInfo = await stat(cwd).catch(() => null);
    if (!cwdInfo?.isDirectory()) throw new CheckConfigError(`--cwd \`${values.cwd}\` is not a folder`);
    // The config file, then the flags over it.
    const fromFile = loadConfig({ cwd, file: values.config });
    const config = { ...fromFile, docs: normaliseDir(values.docs ?? fromFile.docs) };
    if (values['print-config']) {
      io.stdout.write(JSON.stringify(config, null, 2) + '\n');
      return 0;
    }
    const cacheDir = values['no-cache'] ? null : cacheDirOf(cwd, io.env);
    // The docs as the site's build reads them (lib/site-reading.ts): where they are (every version of every docs plugin
    // instance of the Docusaurus site, read from its config; `--docs` or handbook.config.json name one docs folder instead,
    // with the versions of versions.json beside it), and the Markdown options (the site config's markdown.format,
    // mdx1Compat, remark-math, else handbook.config.json's format).
    const site = await siteReadingFor({ cwd, cacheDir, config, docsNamed: values.docs !== undefined });
    if (site.foldersWarning) io.stderr.write(`handbook check: ${site.foldersWarning}\n`);
    const docsDir = site.docsDir;
    const today = todayOf(io.env);

    // File arguments: relative to DIR; a folder selects the docs under it.
    const selected: string[] = [];
    const extraDocs: string[] = [];
    // Alert files named as arguments: alone, only they are reported (the docs still inform their links).
    const alertArgs: string[] = [];
    for (const arg of positionals) {
      const absolute = resolve(cwd, arg);
      const info = await stat(absolute).catch(() => null);
      if (!info) throw new CheckConfigError(`no such file: ${arg} (file arguments are relative to --cwd)`);
      const path = relativePath(cwd, absolute);
      if (path.startsWith('..')) throw new CheckConfigError(`${arg} is outside --cwd`);
      if (info.isDirectory()) selected.push(path === '' ? '' : path + '/');
      else if (/\.ya?ml$/i.test(path)) alertArgs.push(path);
      else if (!/\.mdx?$/i.test(path)) throw new CheckConfigError(`${arg} is not a Markdown file (.md or .mdx) or an alert file (.yml, .yaml)`);
      else {
        selected.push(path);
        const inDocs = docsDir === '.' || path.startsWith(docsDir + '/');
        if (!inDocs) extraDocs.push(path);
      }
    }

    // --rules takes every id the output prints: a rule's, one its findings carry (remark-lint's), the parser's.
    const wanted = values.rules === undefined ? null : new Set(values.rules.split(',').map((id) => id.trim()).filter(Boolean));
    const unknownRule = wanted && [...wanted].find((id) => !knownRuleIds(rules).includes(id));
    if (unknownRule) {
      const guess = closest(unknownRule, knownRuleIds(rules));
      throw new CheckConfigError(`--rules: unknown rule \`${unknownRule}\`, expected ids of \`handbook check\` rules${guess ? ` (did you mean \`${guess}\`?)` : ''}`);
    }
    const reportsOf = (rule: (typeof rules)[number]): readonly string[] => ('reports' in rule ? (rule.reports ?? []) : []);
    const selectedRules = wanted === null ? rules : rules.filter((r) => wanted.has(r.id) || reportsOf(r).some((id) => wanted.has(id)));
    /** With --rules, a finding is shown when its id was asked for, or its rule was asked for by its own id, or the parser reported it. */
    const shown = (d: { ruleId: string }) =>
      wanted === null || wanted.has(d.ruleId) || d.ruleId === 'yaml-syntax' || d.ruleId === 'mdx-syntax' || selectedRules.some((r) => wanted.has(r.id) && reportsOf(r).includes(d.ruleId));
    if (site.markdownNotice) io.stderr.write(`handbook check: ${site.markdownNotice}\n`);
    const external = values.external ? await createExternalLinkService({ cacheFile: cacheDir ? join(cacheDir, 'external.json') : null }) : null;
    const services = { ...defaultServices(), ...(external ? { externalLink: (url: string) => external.check(url) } : {}) };
    // Alert files: the config's globs (default alerts/**), runbook URLs read against its siteUrl (else the Docusaurus config's url).
    const alerts = { ...(config.alerts.length > 0 ? { globs: config.alerts } : {}), ...(config.siteUrl ? { siteUrl: config.siteUrl } : {}) };
    const loadOptions: LoadCheckInputOptions = { cwd, docsDir, routeBasePath: site.routeBasePath, docsFolders: site.folders, otherRoutes: site.otherRoutes, today, baseRef: values.base ?? null, extraDocs, services, env: io.env, cacheDir, alerts, markdown: site.markdown,
      // Parse trees are kept for the rules that read them (remark-lint's preset, ...): a links-only check keeps none.
      trees: selectedRules.some((rule) => 'readsTree' in rule && rule.readsTree === true) };
    // File arguments: those docs, plus the docs whose links point into them (a changed heading re-checks its referrers).
    // Only those are loaded in full; the others are known by their summaries (routes, anchors, links).
    // The referrers are checked with the link rules only: nothing else of theirs depends on the named files.
    let named = new Set<string>();
    const alertsOnly = alertArgs.length > 0 && selected.length === 0;
    const { input, only } =
      positionals.length === 0
        ? { input: await loadCheckInput(loadOptions), only: undefined }
        : await loadCheckInputFor(loadOptions, (summaries) => {
            named = new Set(summaries.docs.map((d) => d.path).filter((p) => selected.some((s) => (s.endsWith('/') || s === '' ? p.startsWith(s) : p === s))));
            return withReferrers(summaries, named);
          });
    const linksOnly = only ? new Set([...only].filter((path) => !named.has(path))) : undefined;
    const alertFiles = new Set(input.alerts?.files.map((f) => f.path) ?? []);
    const notAlertFile = alertArgs.find((path) => !alertFiles.has(path));
    if (notAlertFile !== undefined) throw new CheckConfigError(`${notAlertFile} is not one of the alert files (alerts/**/*.{yml,yaml})`);
    // Findings of unchanged docs are reused from the last run (lib/rule-results.ts).
    const results = cacheDir ? openRuleResults(cacheDir, input) : undefined;
    let diagnostics = (await runChecks(input, selectedRules, { strict: values.strict ?? false, ruleSettings: config.rules, ...(only ? { only, linksOnly } : {}), ...(results ? { results } : {}) })).map(toJson).filter(shown);
    results?.save({ partial: only !== undefined || values.rules !== undefined });
    if (alertsOnly) diagnostics = diagnostics.filter((d) => alertArgs.includes(d.file));
    if (external) {
      await external.save();
      const { fetched, cached, failed } = external.stats;
      io.stderr.write(`handbook check: external links: ${fetched} fetched, ${cached} answered from the cache (.handbook/cache/external.json), ${failed} failed\n`);
    }

    const invokedFrom = io.cwd;
    const color = format === 'pretty' && Boolean(io.stdout.isTTY) && !io.env.NO_COLOR;
    // The docs checked, and the alert files (all of them, or those named alone).
    // Nothing skipped silently: the links to routes no folder of docs serves, counted with the link rules' resolution.
    const outside = alertsOnly ? undefined : outsideLinksOf(input, only);
    const report = { diagnostics, files: alertsOnly ? alertArgs.length : (only ? only.size : input.docs.length) + (input.alerts?.files.length ?? 0), rules: selectedRules, ...(outside ? { outside } : {}) };
    // Annotations, SARIF and the job summary need paths from where the command runs (the repository root in CI).
    const fromInvocation = { displayPath: (file: string) => relativePath(invokedFrom, resolve(cwd, file)) };
    const located = format === 'github' || format === 'sarif' || format === 'markdown' ? fromInvocation : {};
    io.stdout.write(reporters[format]({ ...report, color, ...located }));
    const written = (option: string, file: string) => (error: Error) => {
      throw new CheckConfigError(`${option}: cannot write \`${file}\` (${(error as NodeJS.ErrnoException).code ?? error.message})`, { cause: error });
    };
    if (values.sarif !== undefined) await writeFile(resolve(io.cwd, values.sarif), reporters.sarif({ ...report, ...fromInvocation })).catch(written('--sarif', values.sarif));
    if (values.summary !== undefined) await appendFile(resolve(io.cwd, values.summary), reporters.markdown({ ...report, ...fromInvocation, ...githubLineUrl(io.env) })).catch(written('--summary', values.summary));
    return diagnostics.some((d) => d.severity === 'error') ? 1 : 0;
  } catch (error) {
    if (error instanceof CheckConfigError) return fail(error.message);
    throw error;
  }
}
