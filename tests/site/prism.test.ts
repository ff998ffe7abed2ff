import { createRequire } from 'node:module';
import { createElement, type ReactNode } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { beforeAll, describe, expect, it } from 'vitest';
import * as real from 'prism-react-renderer';
import * as ours from '../../src/prism/index.js';
import { lightCodeTheme } from '../../src/prism-themes.js';

/**
 * src/prism (the bundle's prism-react-renderer, plugins/prism) renders the
 * same tokens and markup as prism-react-renderer for the languages of the
 * handbook, with the additional languages Docusaurus loads into it.
 */
const additional = ['bash', 'shell-session', 'sql', 'yaml', 'json'];

beforeAll(() => {
  // What Docusaurus's prism-include-languages does with themeConfig.prism.additionalLanguages,
  // once for each instance (a component file registers into the global Prism when it runs).
  const require = createRequire(import.meta.url);
  for (const prism of [ours.Prism, real.Prism]) {
    (globalThis as { Prism?: unknown }).Prism = prism;
    for (const lang of additional) {
      const path = require.resolve(`prismjs/components/prism-${lang}.js`);
      delete require.cache[path];
      require(path);
    }
  }
});

const samples: [string, string][] = [
  ['bash', 'kubectl -n "$NS" rollout status deploy/api --timeout=120s # wait\nexport PGPASSWORD=$(cat /run/secret) && psql -c "select 1"'],
  ['shell-session', '$ curl -fsS http://localhost:8080/health\n{"status":"ok"}'],
  ['sql', "SELECT count(*) FROM pg_stat_activity WHERE state = 'active'; -- now"],
  ['yaml', 'title: Restart\nversion: 1.4.0 # semver\nparams:\n  NS: {default: prod}'],
  ['json', '{"schemaVersion": 1, "docs": [true, null, 2.5]}'],
  ['markdown', '# Title\n\n- [x] done `code` **bold** [link](./a.md)'],
  ['python', 'def f(x: int) -> int:\n    return x ** 2  # square'],
  ['text', 'plain <b>text</b>'],
];

const render = (Highlight: typeof ours.Highlight | typeof real.Highlight, language: string, code: string): string =>
  renderToStaticMarkup(
    createElement(Highlight as (props: Record<string, unknown>) => ReactNode, {
      theme: lightCodeTheme,
      code,
      language,
      children: ({ className, style, tokens, getLineProps, getTokenProps }: real.RenderProps) =>
        createElement(
          'pre',
          { className, style },
          tokens.map((line, i) => createElement('div', { key: i, ...getLineProps({ line }) }, line.map((token, j) => createElement('span', { key: j, ...getTokenProps({ token }) })))),
        ),
    }),
  );

describe('src/prism', () => {
  it.each(samples)('renders %s exactly as prism-react-renderer does', (language, code) => {
    const html = render(ours.Highlight, language, code);
    expect(html).toBe(render(real.Highlight, language, code));
    // Highlighted, not plain text (except for text).
    expect(/class="token (?!plain)/.test(html)).toBe(language !== 'text');
  });

  it('builds only its own languages on load (others render as plain text)', () => {
    expect(Object.keys(ours.Prism.languages)).toEqual(expect.arrayContaining(['markup', 'javascript', 'json', 'yaml', 'markdown', 'python', 'bash', 'sql']));
    expect(ours.Prism.languages.tsx).toBeUndefined();
    expect(real.Prism.languages.tsx).toBeDefined();
    expect(render(ours.Highlight, 'tsx', 'const a = <b/>;')).not.toMatch(/class="token (?!plain)/);
  });
});
