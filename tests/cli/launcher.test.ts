import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../support/fixture-site.js';

const run = (args: string[], env: Record<string, string> = {}) =>
  promisify(execFile)('node', ['bin/handbook.mjs', ...args], { cwd: repoRoot, env: { ...process.env, HANDBOOK_TODAY: '2026-11-22', NO_COLOR: '1', ...env } }).catch(
    (error: { stdout: string; stderr: string; code: number }) => ({ stdout: error.stdout, stderr: error.stderr, code: error.code }),
  );

/**
 * bin/handbook.mjs runs the CLI from an esbuild bundle in node_modules/.cache,
 * or from the TypeScript sources through tsx when the bundle is turned off
 * or cannot be built: both must behave the same.
 */
describe('bin/handbook.mjs', () => {
  it('gives the same answers from the bundle and from the sources', async () => {
    const args = ['check', '--cwd', 'tests/fixtures/link-site', '--format', 'json', '--no-cache'];
    const [bundled, sources] = await Promise.all([run(args), run(args, { HANDBOOK_NO_BUNDLE: '1' })]);
    expect(bundled.stdout).toBe(sources.stdout);
    expect(JSON.parse(bundled.stdout).summary.errors).toBeGreaterThan(10);
    const [help, helpFromSources] = await Promise.all([run(['--help']), run(['--help'], { HANDBOOK_NO_BUNDLE: '1' })]);
    expect(help.stdout).toBe(helpFromSources.stdout);
    expect(help.stdout).toContain('  check     Check every doc');
  });
});
