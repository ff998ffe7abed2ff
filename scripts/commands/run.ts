import { createHash } from 'node:crypto';
import { existsSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { hostname, userInfo } from 'node:os';
import { dirname, isAbsolute, relative, resolve } from 'node:path';
import { createCorpusIndex, extractProcedure, parseDoc, type DocModel, type Step } from '../../core/index.js';
import { cacheDirOf } from '../../lib/cache.js';
import { loadConfig } from '../../lib/config.js';
import { CheckConfigError, loadPages, routeProducer } from '../../lib/corpus.js';
import { siteReadingFor, type SiteReading } from '../../lib/site-reading.js';
import type { CommandIo } from '../cli.js';
import { parseCommandArgs, usageError } from '../command.js';
import { DEFAULT_RUNS_DIR, defaultLogFile, findLatestLog, markdownTwinOf, writeRunLog } from '../run/log.js';
import { paramRecords, PARAM_ENV_PREFIX, resolveParams, secretValues, validateParamValue } from '../run/params.js';
import { formatPlan, formatStepCommand, selectSteps, type PlanParam } from '../run/plan.js';
import { createTtyPrompter, PromptInterrupted, type Prompter } from '../run/prompt.js';
import { runSteps, type Interruption } from '../run/runner.js';
import type { RunLog, RunOutcome, StepRecord } from '../run/types.js';


const help = `Usage: handbook run <doc path or id> [options]

Executes the steps of a procedure (its bash/sh/shell/zsh/console blocks, the
same steps the page shows) in order, stopping at the first failure, and writes
a run log (JSON plus a Markdown twin). The plan is printed first. The doc
is read as the site's build and \`handbook check\` read it (the site's
markdown.format, else handbook.config.json's format); a doc id or permalink
is looked up in the docs folder at the route of handbook.config.json (docs,
routeBasePath), else of the site's docs plugin.

On a terminal it asks before each step: run, skip, done by hand, or quit; a
step marked danger runs only after its id is typed. Without a terminal it
runs nothing unless --yes is given, and refuses steps marked danger unless
--allow-danger is given too.

Options:
  --cwd DIR            run in DIR; the doc path is relative to it (default: .)
  --param NAME=VALUE   a parameter value (repeatable); or set ${PARAM_ENV_PREFIX}NAME
                       in the environment (prefer that for secrets)
  --dry-run            print the plan and every command, run nothing
  --yes                run every selected step without asking
  --allow-danger       with --yes: also run steps marked danger
  --from STEP          start at this step (id or number)
  --only STEP          run just this step (repeatable, or comma-separated)
  --section NAME       run just the steps under this ## section (title or
                       anchor; repeatable), e.g. --section verification
  --log FILE           write the log to FILE, relative to DIR (and its .md twin)
                       (default: DIR/${DEFAULT_RUNS_DIR}/<time>-<doc>.json)
  --resume             continue after the last passed step of the latest log
                       of this doc (refused when the doc's version changed)
  -h, --help           show this help

Steps run with \`bash -eo pipefail -c\` (\`sh -e -c\` for sh blocks) in DIR,
with the parameters as environment variables, without a terminal or stdin.
Each step is a shell of its own: \`cd\` and variables do not carry over.

Exit codes: 0 all selected steps passed, skipped or done by hand; 1 a step
failed or the run was quit; 2 usage error or refusal (nothing ran);
130 interrupted (Ctrl-C; 143 SIGTERM, 129 SIGHUP).
`;

/** A refusal or usage error: printed, exit 2, nothing ran. */
class RunRefused extends Error {}

const options = {
  cwd: { type: 'string' },
  param: { type: 'string', multiple: true },
  'dry-run': { type: 'boolean' },
  yes: { type: 'boolean', short: 'y' },
  'allow-danger': { type: 'boolean' },
  from: { type: 'string' },
  only: { type: 'string', multiple: true },
  section: { type: 'string', multiple: true },
  log: { type: 'string' },
  resume: { type: 'boolean' },
} as const;

const signalExitCodes: Partial<Record<NodeJS.Signals, number>> = { SIGINT: 130, SIGTERM: 143, SIGHUP: 129 };

function posix(path: string): string {
  return path.split('\\').join('/');
}

/**
 * The doc named on the command line: a path relative to DIR, or a doc id /
 * permalink among the docs folder's pages, read as the site's build reads it
 * and as `handbook check` and the export read it (lib/site-reading.ts: the
 * configured or the site's docs folder and route base path, the site's
 * Markdown options). `id` is its doc id, for the run log.
 */
async function findDoc(dir: string, ref: string, io: CommandIo): Promise<{ path: string; doc: DocModel; id: string }> {
  let site: SiteReading;
  try {
    site = await siteReadingFor({ cwd: dir, cacheDir: cacheDirOf(dir, io.env), config: loadConfig({ cwd: dir }) });
  } catch (error) {
    if (error instanceof CheckConfigError) throw new RunRefused(error.message);
    throw error;
  }
  for (const notice of site.notices) io.stderr.write(`handbook run: ${notice}\n`);
  const { docsDir, routeBasePath, markdown } = site;
  const absolute = resolve(dir, ref);
  if (existsSync(absolute) && statSync(absolute).isFile()) {
    const path = posix(relative(dir, absolute));
    const doc = parseDoc({ path, text: await readFile(absolute, 'utf8'), markdown });
    // Its route as the loader gives every doc one: Docusaurus's own functions, in the folder of docs it is in.
    return { path, doc, id: routeProducer(site.folders ?? [], docsDir, routeBasePath).of(doc).id };
  }
  if (!/\.mdx?$/i.test(ref) && existsSync(resolve(dir, docsDir))) {
    // The same listing, parse and routes as `handbook check` and the export.
    const wanted = ref.replace(/^\/+|\/+$/g, '');
    const { input, pages } = await loadPages({ cwd: dir, docsDir, routeBasePath, markdown, alerts: false, trees: false, ...(site.folders ? { docsFolders: site.folders } : {}), ...(site.otherRoutes ? { otherRoutes: site.otherRoutes } : {}) });
    const { routes } = createCorpusIndex(input);
    for (const doc of pages) {
      const route = routes.get(doc.path)!;
      if (route.id === wanted || route.permalink.replace(/^\/+|\/+$/g, '') === wanted) return { path: doc.path, doc, id: route.id };
    }
  }
  throw new RunRefused(`cannot find the doc \`${ref}\` in ${dir}: expected a file path relative to it, or a doc id under ${docsDir === '.' ? 'it' : `${docsDir}/`}`);
}

function frontMatterString(doc: DocModel, key: string): string | null {
  const value = doc.frontMatter.data[key];
  if (value === undefined || value === null) return null;
  return value instanceof Date ? value.toISOString().slice(0, 10) : String(value);
}

function currentUser(env: NodeJS.ProcessEnv): string {
  try {
    return userInfo().username;
  } catch {
    return env.USER ?? env.LOGNAME ?? 'unknown';
  }
}

function emptyRecord(step: Step, reason: string | null): StepRecord {
  return {
    id: step.id,
    title: step.title,
    status: 'not-run',
    exitCode: null,
    startedAt: null,
    durationMs: null,
    output: '',
    reason,
    command: step.command,
    danger: step.danger,
    line: step.line,
  };
}

export async function run(argv: string[], io: CommandIo): Promise<number> {
  const parsed = parseCommandArgs({ name: 'run', help }, argv, io, options);
  if (typeof parsed === 'number') return parsed;
  const values = parsed.values;
  if (parsed.positionals.length !== 1) {
    return usageError({ name: 'run', help }, io, 'expected exactly one doc path or id');
  }
  try {
    return await runCommand(parsed.positionals[0]!, values, io);
  } catch (error) {
    if (error instanceof RunRefused) {
      io.stderr.write(`handbook run: ${error.message}\n`);
      return 2;
    }
    throw error;
  }
}

type Values = {
  cwd?: string;
  param?: string[];
  'dry-run'?: boolean;
  yes?: boolean;
  'allow-danger'?: boolean;
  from?: string;
  only?: string[];
  section?: string[];
  log?: string;
  resume?: boolean;
};

async function runCommand(ref: string, values: Values, io: CommandIo): Promise<number> {
  const out = (text: string) => io.stdout.write(text);
  const dir = resolve(io.cwd, values.cwd ?? '.');
  if (!existsSync(dir) || !statSync(dir).isDirectory()) throw new RunRefused(`--cwd ${values.cwd}: not a directory`);
  if (values.resume && (values.from !== undefined || values.only?.length || values.section?.length)) {
    throw new RunRefused('--resume decides where to start: do not combine it with --from, --only or --section');
  }

  const { path: docPath, doc, id: docId } = await findDoc(dir, ref, io);
  const text = doc.text;
  if (doc.problems.length) {
    const first = doc.problems[0]!;
    throw new RunRefused(`${docPath}:${first.place.start.line}:${first.place.start.column}: ${first.message} (the doc must parse before it can run)`);
  }
  const procedure = extractProcedure(doc);
  const steps = procedure.steps;
  const title = frontMatterString(doc, 'title') ?? doc.headings.find((h) => h.depth === 1)?.text ?? docPath;
  const version = frontMatterString(doc, 'version');
  const sha256 = createHash('sha256').update(text).digest('hex');
  const logFileOption = values.log === undefined ? null : resolve(dir, values.log);
  const runsDir = resolve(dir, DEFAULT_RUNS_DIR);

  // --resume: where the latest log of this doc stopped.
  let resumed: { file: string; log: RunLog } | null = null;
  let startIndex = 0;
  const notes = new Map<number, string>();
  if (values.resume) {
    resumed = await findLatestLog({ dirs: [runsDir, ...(logFileOption ? [dirname(logFileOption)] : [])], docPath });
    if (!resumed) throw new RunRefused(`--resume: no earlier run of ${docPath} in ${posix(relative(io.cwd, runsDir)) || '.'}`);
    const previousFile = posix(relative(dir, resumed.file));
    if (resumed.log.doc.version !== version) {
      throw new RunRefused(
        `--resume: ${docPath} is at version ${version ?? '(none)'} but ${previousFile} ran version ${resumed.log.doc.version ?? '(none)'}; ` +
          'the steps may have changed: start over without --resume, or choose a step with --from',
      );
    }
    let lastDone = -1;
    for (const entry of resumed.log.steps) {
      const step = steps.find((s) => s.id === entry.id);
      if (!step) throw new RunRefused(`--resume: step \`${entry.id}\` of ${previousFile} is no longer in ${docPath}: start over without --resume`);
      if (entry.status === 'passed' || entry.status === 'manual') lastDone = Math.max(lastDone, step.index);
    }
    startIndex = lastDone + 1;
    if (startIndex >= steps.length) {
      out(`Nothing to resume: every step of ${docPath} passed in ${previousFile}.\n`);
      return 0;
    }
    for (const step of steps.slice(0, startIndex)) {
      const entry = resumed.log.steps.find((r) => r.id === step.id);
      notes.set(step.index, entry && entry.status !== 'not-run' ? `${entry.status} in ${previousFile}` : `before the resume point`);
    }
    if (resumed.log.doc.sha256 !== sha256) {
      io.stderr.write(`handbook run: warning: ${docPath} changed since ${previousFile} although its version did not (${version ?? 'none'})\n`);
    }
  }

  const selection = selectSteps({ steps, from: values.from ?? null, only: values.only ?? [], sections: values.section ?? [], startIndex });
  if (selection.errors.length) throw new RunRefused(selection.errors.join('\n'));
  const selected = selection.selected;
  for (const step of selection.rollbackLeftOut) {
    notes.set(step.index, `rollback: run it with --section "${step.section}"`);
  }

  const needed = [...new Set(selected.flatMap((s) => s.params))];
  const resolved = resolveParams({ declared: procedure.params, cli: values.param ?? [], env: io.env, fromLog: resumed?.log.params, needed });
  const planParams = (): Map<string, PlanParam> =>
    new Map(
      Object.values(procedure.params).map((param) => [
        param.name,
        { param, value: resolved.values[param.name] ?? null, source: resolved.sources[param.name] ?? null, needed: needed.includes(param.name) },
      ]),
    );

  out(formatPlan({ title, docPath, version, steps, selected, notes, params: [...planParams().values()], skippedBlocks: procedure.skipped.length }));

  const selectedLines = new Set(selected.map((s) => s.line));
  const fatal = procedure.problems.filter((p) => p.code === 'bad-expect-regex' && selectedLines.has(p.place.start.line));
  for (const problem of procedure.problems.filter((p) => !fatal.includes(p))) {
    io.stderr.write(`${docPath}:${problem.place.start.line}:${problem.place.start.column}: warning: ${problem.message}\n`);
  }
  const usage = [...resolved.errors, ...fatal.map((p) => `${docPath}:${p.place.start.line}:${p.place.start.column}: ${p.message}`)];
  if (usage.length) throw new RunRefused(usage.join('\n'));

  if (values['dry-run']) {
    const shown = planParams();
    selected.forEach((step, i) => out(`\n${formatStepCommand(step, `[${i + 1}/${selected.length}]`, shown)}`));
    out(`\nDry run: nothing was run.${resolved.missing.length ? ` Missing parameters: ${resolved.missing.join(', ')}.` : ''}\n`);
    return 0;
  }
  if (!selected.length) {
    out('Nothing to run: the doc has no steps.\n');
    return 0;
  }

  const stdinTty = io.stdin.isTTY === true;
  const interactive = stdinTty && io.stdout.isTTY === true && !values.yes;
  const refusals: string[] = [];
  if (!interactive) {
    if (!values.yes) {
      refusals.push(`refusing to run ${selected.length} step${selected.length === 1 ? '' : 's'} without a terminal to confirm them: pass --yes to run them (see --dry-run)`);
    }
    const dangers = selected.filter((s) => s.danger);
    if (dangers.length && !values['allow-danger']) {
      refusals.push(`refusing to run steps marked danger without --allow-danger: ${dangers.map((s) => `${s.index + 1}. ${s.id}`).join(', ')}`);
    }
  }
  if (resolved.missing.length && !stdinTty) {
    refusals.push(
      `missing parameter${resolved.missing.length === 1 ? '' : 's'} ${resolved.missing.join(', ')}: pass --param NAME=VALUE or set ${resolved.missing.map((n) => PARAM_ENV_PREFIX + n).join(', ')}`,
    );
  }
  if (refusals.length) throw new RunRefused(`${refusals.join('\n')}\nNothing was run.`);

  const prompter: Prompter | null = stdinTty ? createTtyPrompter(io.stdin, io.stdout) : null;
  if (resolved.missing.length) {
    try {
      for (const name of resolved.missing) {
        const param = procedure.params[name]!;
        const hint = [param.description, param.enum ? `one of ${param.enum.join(', ')}` : null, param.pattern ? `matching /${param.pattern}/` : null]
          .filter(Boolean)
          .join('; ');
        out(`\n${name}${hint ? `: ${hint}` : ''}\n`);
        for (let attempt = 0; ; attempt++) {
          const answer = await prompter!.line(`${name}${param.secret ? ' (secret, not shown)' : ''}: `, { secret: param.secret });
          if (answer === null) throw new RunRefused(`no value for ${name}. Nothing was run.`);
          const problem = validateParamValue(param, answer);
          if (!problem) {
            resolved.values[name] = answer;
            resolved.sources[name] = 'prompt';
            break;
          }
          out(`${problem}\n`);
          if (attempt >= 9) throw new RunRefused(`no valid value for ${name}. Nothing was run.`);
        }
      }
    } catch (error) {
      if (error instanceof PromptInterrupted) {
        io.stderr.write('handbook run: interrupted before any step ran.\n');
        return 130;
      }
      throw error;
    }
  }

  // The run proper: a log from the first moment, rewritten after every step.
  const secrets = secretValues(procedure.params, resolved.values);
  const startedAt = new Date();
  const logFile = logFileOption ?? defaultLogFile(runsDir, docPath, startedAt);
  const selectedIds = new Set(selected.map((s) => s.id));
  const log: RunLog = {
    schema: 'handbook-run-log/1',
    doc: { path: docPath, id: docId, title, version, sha256 },
    startedAt: startedAt.toISOString(),
    endedAt: null,
    user: currentUser(io.env),
    host: hostname(),
    cwd: dir,
    interactive,
    options: { from: values.from ?? null, only: values.only ?? [], sections: values.section ?? [], resume: !!values.resume, yes: !!values.yes, allowDanger: !!values['allow-danger'] },
    resumedFrom: resumed ? posix(relative(dir, resumed.file)) : null,
    params: paramRecords(procedure.params, resolved.values, resolved.sources),
    outcome: 'running',
    exitCode: null,
    steps: steps.map((step) => {
      const carried = resumed && step.index < startIndex ? resumed.log.steps.find((r) => r.id === step.id) : undefined;
      if (carried) return { ...carried, carriedFrom: carried.carriedFrom ?? posix(relative(dir, resumed!.file)) };
      return emptyRecord(step, selectedIds.has(step.id) ? null : 'not selected');
    }),
  };
  await writeRunLog(logFile, log);

  const interruption: Interruption = { signal: null, current: null };
  const onSignal = (signal: NodeJS.Signals) => {
    if (interruption.signal === null) io.stderr.write(`\nhandbook run: ${signal}: stopping the current step...\n`);
    interruption.signal ??= signal;
    interruption.current?.interrupt();
  };
  const signals: NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];
  for (const signal of signals) process.on(signal, onSignal);

  let outcome: RunOutcome;
  try {
    outcome = await runSteps({
      selected,
      log,
      logFile,
      cwd: dir,
      env: { ...io.env, ...resolved.values },
      secrets,
      params: planParams(),
      prompter: interactive ? prompter : null,
      write: out,
      interruption,
    });
  } finally {
    for (const signal of signals) process.removeListener(signal, onSignal);
  }

  for (const entry of log.steps) {
    if (entry.status === 'not-run' && entry.reason === null) {
      entry.reason = outcome === 'failed' ? 'an earlier step failed' : outcome === 'quit' ? 'the operator quit' : outcome === 'interrupted' ? 'the run was interrupted' : null;
    }
  }
  const exitCode = outcome === 'passed' ? 0 : outcome === 'interrupted' ? (signalExitCodes[interruption.signal ?? 'SIGINT'] ?? 130) : 1;
  log.outcome = outcome;
  log.exitCode = exitCode;
  log.endedAt = new Date().toISOString();
  await writeRunLog(logFile, log);

  const ran = log.steps.filter((s) => selectedIds.has(s.id));
  const count = (status: StepRecord['status']) => ran.filter((s) => s.status === status).length;
  const parts = [`${count('passed')} passed`];
  if (count('failed')) parts.push(`${count('failed')} failed`);
  if (count('skipped')) parts.push(`${count('skipped')} skipped`);
  if (count('manual')) parts.push(`${count('manual')} done by hand`);
  if (count('not-run')) parts.push(`${count('not-run')} not run`);
  const shown = (file: string) => {
    const rel = posix(relative(io.cwd, file));
    return rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel : file;
  };
  const headline = { passed: 'Run passed', failed: 'Run FAILED', quit: 'Run quit', interrupted: 'Run interrupted', running: 'Run' }[outcome];
  out(`\n${headline}: ${parts.join(', ')}.\nLog: ${shown(logFile)} (and ${shown(markdownTwinOf(logFile))})\n`);
  if (outcome === 'failed' || outcome === 'interrupted') {
    out(`Continue after the last passed step with: handbook run ${ref}${values.cwd ? ` --cwd ${values.cwd}` : ''}${logFileOption ? ` --log ${values.log}` : ''} --resume\n`);
  }
  return exitCode;
}
