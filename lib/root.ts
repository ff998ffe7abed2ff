import { fileURLToPath } from 'node:url';

// Set by the bundler (bin/handbook.mjs) to the repository root: a bundled
// module's own URL no longer says where the sources are.
declare const __HANDBOOK_ROOT__: string | undefined;

/** The repository root: package.json, core/ and scripts/ are under it. */
export const packageRoot: string = typeof __HANDBOOK_ROOT__ === 'string' ? __HANDBOOK_ROOT__ : fileURLToPath(new URL('..', import.meta.url));
