import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { CONFIG_FILE, defaultConfig, validateConfig, type HandbookConfig } from '../core/config.js';
import { CheckConfigError, relativePath } from './corpus.js';

export { CONFIG_FILE, type HandbookConfig } from '../core/config.js';

/**
 * The handbook's configuration for the folder `cwd`: `file` (`--config`,
 * relative to `cwd`) when given, which must exist, else
 * `cwd/handbook.config.json` when there is one, else the defaults. The
 * one reader of the file, for the CLI and the Docusaurus plugins alike
 * (synchronous: `docusaurus.config.ts` reads it while it is evaluated).
 * A file that is not valid throws a {@link CheckConfigError} listing every
 * problem as `file:line:column: Unexpected X, expected Y`.
 */
export function loadConfig({ cwd, file }: { cwd: string; file?: string | undefined }): HandbookConfig {
  const absolute = resolve(cwd, file ?? CONFIG_FILE);
  const shown = relativePath(cwd, absolute);
  let text: string;
  try {
    text = readFileSync(absolute, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (file === undefined && code === 'ENOENT') return defaultConfig();
    throw new CheckConfigError(`${shown}: cannot read the config file (${code ?? (error as Error).message})`, { cause: error });
  }
  const result = validateConfig(text, { file: shown });
  if (!result.ok) throw new CheckConfigError(result.problems.map((p) => `${shown}:${p.line}:${p.column}: ${p.message}`).join('\n'));
  return result.config;
}
