import { parseDoc } from '../../core/index.js';

/** A parsed doc with the given front matter (plain `key: value` lines), an h1 from its title and `body`. */
export const docWithHeader = (path: string, header: Record<string, string>, body = '') =>
  parseDoc({
    path,
    text: `---\n${Object.entries(header)
      .map(([k, v]) => `${k}: ${v}`)
      .join('\n')}\n---\n\n# ${header.title ?? 'Untitled'}\n\n${body}\n`,
  });
