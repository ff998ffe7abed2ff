import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { glob } from 'tinyglobby';
import { parseDoc } from '../../core/parse.js';
import type { DocModel } from '../../core/types.js';

/** The files the docs plugin reads: Markdown and MDX, without `_` partials and tests. */
const include = ['**/*.md', '**/*.mdx'];
const ignore = ['**/_*.{md,mdx}', '**/_*/**', '**/__tests__/**', '**/node_modules/**'];

/**
 * Reads and parses every doc under `cwd/docsDir`. Paths in the models are
 * relative to `cwd`, with `/`, sorted.
 */
export async function loadDocs({ cwd, docsDir = 'docs' }: { cwd: string; docsDir?: string }): Promise<DocModel[]> {
  const files = (await glob(include, { cwd: join(cwd, docsDir), ignore })).sort();
  return Promise.all(
    files.map(async (file) => {
      const path = `${docsDir.replace(/\/+$/, '')}/${file}`;
      return parseDoc({ path, text: await readFile(join(cwd, path), 'utf8') });
    }),
  );
}
