/** Options of the `handbook-check` Docusaurus plugin. */
export interface CheckPluginOptions {
  /** The docs folder relative to the site (default: the docs plugin's `path`). */
  docsDir?: string;
  /** The route base path (default: the docs plugin's `routeBasePath`). */
  routeBasePath?: string;
  /**
   * What an error does: `throw` fails the build, `warn` logs. Default:
   * `throw` in `docusaurus build`, `warn` in `docusaurus start` (a doc being
   * written should not stop the dev server).
   */
  onError: 'throw' | 'warn';
  /** Warnings count as errors (like `handbook check --strict`). */
  strict: boolean;
}

export const DEFAULT_OPTIONS: Omit<CheckPluginOptions, 'onError' | 'docsDir' | 'routeBasePath'> = { strict: false };

/** Fills defaults and rejects anything else, naming the option. */
export function validateOptions(options: unknown, env: NodeJS.ProcessEnv = process.env): CheckPluginOptions {
  const given = (options ?? {}) as Partial<Record<keyof CheckPluginOptions, unknown>>;
  if (typeof given !== 'object' || Array.isArray(given)) throw new Error('handbook-check: options must be an object');
  const known = new Set(['docsDir', 'routeBasePath', 'onError', 'strict', 'id']);
  for (const key of Object.keys(given)) if (!known.has(key)) throw new Error(`handbook-check: unknown option \`${key}\`, expected one of docsDir, routeBasePath, onError, strict`);
  const text = (key: 'docsDir' | 'routeBasePath') => {
    const value = given[key];
    if (value !== undefined && (typeof value !== 'string' || value === '')) throw new Error(`handbook-check: \`${key}\` must be a non-empty string`);
    return value;
  };
  const onError = given.onError ?? (env.NODE_ENV === 'production' ? 'throw' : 'warn');
  if (onError !== 'throw' && onError !== 'warn') throw new Error("handbook-check: `onError` must be 'throw' or 'warn'");
  const strict = given.strict ?? DEFAULT_OPTIONS.strict;
  if (typeof strict !== 'boolean') throw new Error('handbook-check: `strict` must be a boolean');
  const docsDir = text('docsDir');
  const routeBasePath = text('routeBasePath');
  return { ...(docsDir ? { docsDir } : {}), ...(routeBasePath ? { routeBasePath } : {}), onError, strict };
}
