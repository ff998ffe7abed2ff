import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../support/fixture-site.js';

/**
 * The layers, bottom up: `core/` (pure), `lib/` (loads the corpus: fs, git,
 * cache, Docusaurus's configuration), then the CLI (`scripts/`), the
 * Docusaurus plugins (`plugins/`) and the theme (`src/`) side by side on top.
 * An import may point down or sideways within its own layer, never up and
 * never across the top layers.
 */
const allowed: Record<string, readonly string[]> = {
  core: ['core'],
  lib: ['core', 'lib'],
  scripts: ['core', 'lib', 'scripts'],
  plugins: ['core', 'lib', 'plugins'],
  src: ['core', 'src'],
};

/**
 * The one sideways arrow between top layers, on purpose: the build
 * tokenises code blocks with the very grammar modules the browser loads
 * (src/prism), so the server's tokens are the browser's.
 */
const sharedWithBuild = (from: string, target: string) => from.startsWith('plugins/prism/') && target.startsWith('src/prism/');

/** Packages the pure core must not use: effects and runtimes belong to the layers above. */
const impureInCore = /^(node:)?(fs|fs\/promises|child_process|worker_threads|net|http|https)$|^react|^@docusaurus\//;

function sources(dir: string): string[] {
  return readdirSync(join(repoRoot, dir), { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && /\.(ts|tsx|mts)$/.test(entry.name) && !entry.name.endsWith('.d.ts'))
    .map((entry) => relative(repoRoot, join(entry.parentPath, entry.name)).split('\\').join('/'));
}

/** Every import specifier of a module: static, dynamic and `export ... from`. */
function importsOf(text: string): string[] {
  const out: string[] = [];
  for (const match of text.matchAll(/(?:^|\n)\s*(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)|(?:^|\n)\s*import\s+['"]([^'"]+)['"]/g)) {
    out.push((match[1] ?? match[2] ?? match[3])!);
  }
  return out;
}

describe('the import graph', () => {
  const edges: { from: string; to: string; spec: string }[] = [];
  for (const layer of Object.keys(allowed)) {
    for (const file of sources(layer)) {
      for (const spec of importsOf(readFileSync(join(repoRoot, file), 'utf8'))) {
        const target = spec.startsWith('.') ? join(dirname(file), spec).split('\\').join('/') : spec.startsWith('@site/') ? spec.slice('@site/'.length) : null;
        if (target !== null && sharedWithBuild(file, target)) continue;
        edges.push({ from: file, to: target === null ? `package:${spec}` : target.split('/')[0]!, spec });
      }
    }
  }

  it('reads the imports of every layer', () => {
    // A parser that found nothing would pass every check below.
    for (const layer of Object.keys(allowed)) expect(edges.some((e) => e.from.startsWith(layer + '/')), layer).toBe(true);
    expect(edges.some((e) => e.from.startsWith('plugins/') && e.to === 'lib')).toBe(true);
  });

  it('has no arrow pointing up or across the top layers', () => {
    const wrong = edges.filter((e) => {
      const layer = e.from.split('/')[0]!;
      return !e.to.startsWith('package:') && e.to in allowed && !allowed[layer]!.includes(e.to);
    });
    expect(wrong.map((e) => `${e.from} imports ${e.spec}`)).toEqual([]);
  });

  it('keeps the core pure: no file system, processes, React or Docusaurus runtime', () => {
    const wrong = edges.filter((e) => e.from.startsWith('core/') && e.to.startsWith('package:') && impureInCore.test(e.to.slice('package:'.length)));
    expect(wrong.map((e) => `${e.from} imports ${e.spec}`)).toEqual([]);
  });
});
