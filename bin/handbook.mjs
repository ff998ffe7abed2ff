#!/usr/bin/env node
// The `handbook` command. The CLI is TypeScript. Start-up time matters (a
// re-check after editing one doc must answer in well under a second), and
// compiling a hundred TypeScript modules through a loader hook on every run
// costs more than the check itself, so the CLI runs from a bundle that
// esbuild writes once into node_modules/.cache/handbook/ and rebuilds
// whenever a source file changes (size and mtime of every file under core/,
// scripts/ and plugins/). If the bundle cannot be written or built (read-only
// checkout, no esbuild), the sources run through tsx as before.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { readdir, rename, rm, stat } from 'node:fs/promises';
import { createHash } from 'node:crypto';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
// Every folder the CLI imports from: the core, the library and the commands.
const SOURCE_DIRS = ['core', 'lib', 'scripts'];

/**
 * A fingerprint of the CLI's sources: path, size and mtime of each. Sync
 * calls: a hundred awaited stats cost 40 ms of a run that must stay well
 * under a second, these cost 3.
 */
function sourceFingerprint() {
  const hash = createHash('sha1');
  const walk = (dir) => {
    const entries = readdirSync(join(root, dir), { withFileTypes: true });
    entries.sort((a, b) => (a.name < b.name ? -1 : 1));
    for (const entry of entries) {
      const path = `${dir}/${entry.name}`;
      if (entry.isDirectory()) walk(path);
      else if (/\.(ts|json)$/.test(entry.name)) {
        const info = statSync(join(root, path));
        hash.update(`${path}\0${info.size}\0${info.mtimeMs}\n`);
      }
    }
  };
  for (const dir of SOURCE_DIRS) walk(dir);
  // The lockfile (bundled dependencies) and this file (the bundler's options).
  for (const file of ['package-lock.json', 'bin/handbook.mjs']) {
    const info = statSync(join(root, file), { throwIfNoEntry: false });
    hash.update(`${file}\0${info?.size}\0${info?.mtimeMs}\n`);
  }
  return hash.digest('hex').slice(0, 16);
}

/** The bundle's entry file, built when missing or stale; null when it cannot be built. */
async function bundledEntry() {
  if (process.env.HANDBOOK_NO_BUNDLE) return null;
  const cacheDir = join(root, 'node_modules', '.cache', 'handbook');
  const fingerprint = sourceFingerprint();
  const outDir = join(cacheDir, `cli-${fingerprint}`);
  const entry = join(outDir, 'cli.mjs');
  if (existsSync(entry)) return entry;
  try {
    const { build } = await import('esbuild');
    // Build beside, then rename: a concurrent run never sees a half-written bundle.
    const temp = `${outDir}.${process.pid}.tmp`;
    await build({
      // The parse workers' entry (lib/parse-pool.ts) sits beside the CLI's, sharing its chunks.
      entryPoints: { cli: join(root, 'scripts', 'cli.ts'), 'parse-worker': join(root, 'lib', 'parse-worker.ts') },
      outdir: temp,
      outExtension: { '.js': '.mjs' },
      bundle: true,
      splitting: true,
      format: 'esm',
      platform: 'node',
      target: 'node20',
      // Dependencies are bundled too: Node's ESM loader spends more time
      // resolving and linking remark's hundreds of small modules than running
      // them. The two heavy lazy ones (loaded only for diagrams) stay outside,
      // and so does Docusaurus's config loader (the site URL of alert runbook URLs).
      external: ['jsdom', 'mermaid', '@docusaurus/core'],
      // Some dependencies are CommonJS and require() Node built-ins.
      banner: { js: "import { createRequire as __handbookCreateRequire } from 'node:module'; const require = __handbookCreateRequire(import.meta.url);" },
      define: { __HANDBOOK_ROOT__: JSON.stringify(root), __HANDBOOK_BUNDLED__: 'true' },
      logLevel: 'silent',
    });
    await rename(temp, outDir).catch(async (error) => {
      await rm(temp, { recursive: true, force: true });
      if (!(await stat(entry).catch(() => null))) throw error;
    });
    // Older bundles are of older sources: keep the folder small.
    for (const old of await readdir(cacheDir)) {
      if (old.startsWith('cli-') && old !== `cli-${fingerprint}` && !old.endsWith('.tmp')) await rm(join(cacheDir, old), { recursive: true, force: true }).catch(() => {});
    }
    return entry;
  } catch {
    return null;
  }
}

// `handbook check | head`: a reader that stops reading is not an error.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
}

const entry = await bundledEntry();
let cli;
if (entry) {
  cli = await import(pathToFileURL(entry).href);
} else {
  const { register } = await import('tsx/esm/api');
  register();
  cli = await import('../scripts/cli.ts');
}
process.exitCode = await cli.main(process.argv.slice(2));
