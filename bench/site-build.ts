/** Building fixture sites from cold for the build benchmarks (bench/checklist.mts, bench/build.mts). */
import { execFile } from 'node:child_process';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { repoRoot } from '../tests/support/fixture-site.js';

const run = promisify(execFile);

/**
 * Builds a site from cold (`before`, untimed, may fill handbook check's
 * cache first, as a CI job that checks before it builds) and returns its wall time and the CPU time (user +
 * system) of the build and its children: on a shared machine the CPU time is
 * the steadier measure, as it does not grow while other processes wait for
 * the cores.
 */
export async function build(siteDir: string, { before }: { before?: () => Promise<void> } = {}): Promise<{ wall: number; cpu: number }> {
  const bin = join(repoRoot, 'node_modules', '.bin', 'docusaurus');
  // handbook check's cache, which the handbook's build plugins read and write too.
  await rm(join(siteDir, '.handbook'), { recursive: true, force: true });
  await before?.();
  await rm(join(siteDir, '.docusaurus'), { recursive: true, force: true });
  await rm(join(siteDir, 'build'), { recursive: true, force: true });
  await rm(join(siteDir, 'node_modules', '.cache'), { recursive: true, force: true });
  const start = performance.now();
  // `times` prints the user and system time of the shell's children: the build.
  const { stdout } = await run('bash', ['-c', '"$@" >/dev/null 2>&1 || exit 1; times', 'bench', bin, 'build', siteDir], {
    cwd: repoRoot,
    maxBuffer: 256 * 1024 * 1024,
    // From cold for real: Rspack's persistent cache lives in the repository's
    // node_modules/.cache (shared by every site built from here) and does not
    // know the remark plugin, so a warm or stale cache would hide its cost.
    env: { ...process.env, NO_COLOR: '1', DOCUSAURUS_NO_PERSISTENT_CACHE: '1' },
  });
  const wall = (performance.now() - start) / 1000;
  const children = stdout.trim().split('\n').at(-1)!;
  const seconds = [...children.matchAll(/(\d+)m([\d.]+)s/g)].map((m) => Number(m[1]) * 60 + Number(m[2]));
  return { wall, cpu: seconds.reduce((a, b) => a + b, 0) };
}

export function median(xs: number[]): number {
  const sorted = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}
