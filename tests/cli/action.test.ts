import { execFile } from 'node:child_process';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { load } from 'js-yaml';
import { afterEach, describe, expect, it } from 'vitest';
import * as z from 'zod';
import { repoRoot } from '../support/fixture-site.js';

const exec = promisify(execFile);

/** The shape SARIF 2.1.0 requires of a log (sarif-schema-2.1.0.json) and GitHub's code scanning reads. */
const sarifLog = z.object({
  $schema: z.string().regex(/sarif-2\.1\.0/),
  version: z.literal('2.1.0'),
  runs: z
    .array(
      z.object({
        tool: z.object({ driver: z.object({ name: z.string().min(1), rules: z.array(z.object({ id: z.string().min(1), shortDescription: z.object({ text: z.string() }).optional() })) }) }),
        results: z.array(
          z.object({
            ruleId: z.string().min(1),
            ruleIndex: z.number().int().nonnegative().optional(),
            level: z.enum(['none', 'note', 'warning', 'error']),
            message: z.object({ text: z.string().min(1) }),
            locations: z
              .array(
                z.object({
                  physicalLocation: z.object({
                    artifactLocation: z.object({ uri: z.string().min(1), uriBaseId: z.string().optional() }),
                    region: z.object({ startLine: z.number().int().positive(), startColumn: z.number().int().positive().optional(), endLine: z.number().int().positive().optional(), endColumn: z.number().int().positive().optional() }),
                  }),
                }),
              )
              .min(1),
          }),
        ),
      }),
    )
    .min(1),
});

interface ActionStep {
  id?: string;
  run?: string;
  uses?: string;
  env?: Record<string, string>;
}

/** action.yml's check step, run as GitHub would run it: its `run` script in bash, with the action's environment. */
describe('the GitHub action (action.yml)', () => {
  let dir = '';
  afterEach(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('is a composite action that sets up Node, installs the checker and runs it', async () => {
    const action = load(await readFile(join(repoRoot, 'action.yml'), 'utf8')) as { runs: { using: string; steps: ActionStep[] } };
    expect(action.runs.using).toBe('composite');
    expect(action.runs.steps.map((s) => s.uses ?? s.id ?? s.run)).toEqual(['actions/setup-node@v4', 'npm ci --omit=dev --no-audit --no-fund', 'check']);
  });

  it('annotates, appends every finding to the job summary and writes a SARIF log', async () => {
    const action = load(await readFile(join(repoRoot, 'action.yml'), 'utf8')) as { runs: { steps: ActionStep[] } };
    const step = action.runs.steps.find((s) => s.id === 'check')!;
    dir = await mkdtemp(join(tmpdir(), 'handbook-action-'));
    const workspace = join(dir, 'workspace');
    await cp(join(repoRoot, 'tests/cli/fixtures/plain-runbooks'), workspace, { recursive: true });
    const summary = join(dir, 'step-summary.md');
    const output = join(dir, 'output');
    await writeFile(summary, 'Earlier step.\n');
    const result = await exec('bash', ['-e', '-c', step.run!], {
      cwd: workspace,
      env: {
        ...process.env,
        HANDBOOK_ARGS: '', // the inputs' defaults
        HANDBOOK_SARIF: 'handbook.sarif',
        GITHUB_ACTION_PATH: repoRoot,
        GITHUB_STEP_SUMMARY: summary,
        GITHUB_OUTPUT: output,
        GITHUB_SERVER_URL: 'https://github.com',
        GITHUB_REPOSITORY: 'ops/runbooks',
        GITHUB_SHA: 'abc123',
        HANDBOOK_TODAY: '2026-11-22',
        HANDBOOK_CACHE_DIR: join(dir, 'cache'),
      },
    }).then(
      ({ stdout }) => ({ code: 0, stdout }),
      (error: { code: number; stdout: string }) => ({ code: error.code, stdout: error.stdout }),
    );
    expect(result).toEqual({
      code: 1,
      stdout: [
        '::error file=runbooks/db/failover.md,line=16,col=6,title=link-anchor::Unexpected missing anchor `#roll-forward` in this doc, expected a heading anchor',
        '::error file=runbooks/db/failover.md,line=16,col=47,title=link-anchor::Unexpected missing anchor `#flush-everything` in `runbooks/cache-flush.md`, expected a heading anchor',
        '::error file=runbooks/db/failover.md,line=17,col=6,title=link-target::Unexpected link to missing doc `../../GUIDE.md` (`GUIDE.md`), expected an existing doc',
        '',
      ].join('\n'),
    });
    expect(await readFile(summary, 'utf8')).toBe(
      [
        'Earlier step.',
        '### handbook check: 3 errors, 0 warnings in 3 files',
        '',
        '| Severity | Location | Rule | Message |',
        '|---|---|---|---|',
        '| error | [runbooks/db/failover.md:16:6](https://github.com/ops/runbooks/blob/abc123/runbooks/db/failover.md#L16) | `link-anchor` | Unexpected missing anchor `#roll-forward` in this doc, expected a heading anchor |',
        '| error | [runbooks/db/failover.md:16:47](https://github.com/ops/runbooks/blob/abc123/runbooks/db/failover.md#L16) | `link-anchor` | Unexpected missing anchor `#flush-everything` in `runbooks/cache-flush.md`, expected a heading anchor |',
        '| error | [runbooks/db/failover.md:17:6](https://github.com/ops/runbooks/blob/abc123/runbooks/db/failover.md#L17) | `link-target` | Unexpected link to missing doc `../../GUIDE.md` (`GUIDE.md`), expected an existing doc |',
        '',
        '',
      ].join('\n'),
    );
    expect(await readFile(output, 'utf8')).toBe(`sarif-file=${workspace}/handbook.sarif\n`);
    const sarif = sarifLog.parse(JSON.parse(await readFile(join(workspace, 'handbook.sarif'), 'utf8')));
    const run = sarif.runs[0]!;
    expect(run.tool.driver.name).toBe('handbook');
    expect(run.results.map((r) => [run.tool.driver.rules[r.ruleIndex!]!.id, r.ruleId, r.level, r.locations[0]!.physicalLocation.artifactLocation.uri, r.locations[0]!.physicalLocation.region.startLine])).toEqual([
      ['link-anchor', 'link-anchor', 'error', 'runbooks/db/failover.md', 16],
      ['link-anchor', 'link-anchor', 'error', 'runbooks/db/failover.md', 16],
      ['link-target', 'link-target', 'error', 'runbooks/db/failover.md', 17],
    ]);
  });

  it('is what the repository\'s own workflow runs on pull requests, uploading its SARIF and keeping the check cache', async () => {
    const workflow = load(await readFile(join(repoRoot, '.github/workflows/handbook.yml'), 'utf8')) as { jobs: Record<string, { permissions?: Record<string, string>; steps: (ActionStep & { with?: Record<string, string> })[] }> };
    const steps = workflow.jobs.check!.steps;
    const action = steps.find((s) => s.uses === './')!;
    expect(steps.find((s) => s.uses === 'actions/cache@v4')?.with?.path).toBe('.handbook/cache');
    expect(steps.find((s) => s.uses === 'github/codeql-action/upload-sarif@v3')?.with?.sarif_file).toBe(`\${{ steps.${action.id}.outputs.sarif-file }}`);
    expect(workflow.jobs.check!.permissions?.['security-events']).toBe('write');
  });
});
