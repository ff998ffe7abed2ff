import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { main, type CommandIo } from '../../scripts/cli.js';

/** The check cache of this test process: outside the repository, so no test writes into its tree. */
const cacheDir = mkdtempSync(join(tmpdir(), 'handbook-test-cache-'));

/**
 * Runs `handbook <args>` in-process with today fixed (HANDBOOK_TODAY
 * 2026-11-22) and the check cache in a temporary folder
 * (HANDBOOK_CACHE_DIR), both overridable through `env`, capturing stdout
 * and stderr.
 */
export async function runHandbook(args: string[], options: { cwd: string; env?: NodeJS.ProcessEnv; tty?: boolean }) {
  let stdout = '';
  let stderr = '';
  const out = Object.assign(new PassThrough(), { isTTY: options.tty ?? false });
  const err = new PassThrough();
  out.on('data', (c) => (stdout += c));
  err.on('data', (c) => (stderr += c));
  const io: CommandIo = { stdout: out, stderr: err, stdin: new PassThrough(), env: { HANDBOOK_TODAY: '2026-11-22', HANDBOOK_CACHE_DIR: cacheDir, ...options.env }, cwd: options.cwd };
  const code = await main(args, io);
  return { code, stdout, stderr };
}
