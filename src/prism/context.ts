import { createContext } from 'react';

/**
 * The tokens the build wrote for a code block (plugins/prism/remark.ts, the
 * `data-tokens` property of the fenced block) with the code they are for;
 * src/theme/CodeBlock provides them, `Highlight` (src/prism) reads them.
 */
export interface BuildTokens {
  readonly code: string;
  readonly encoded: string;
}

export const BuildTokensContext = createContext<BuildTokens | undefined>(undefined);
