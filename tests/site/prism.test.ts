import { createRequire } from 'node:module';
import { createElement, type ReactNode } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { beforeAll, describe, expect, it } from 'vitest';
import * as real from 'prism-react-renderer';
import * as ours from '../../src/prism/index.js';
import { Prism as ourPrism } from '../../src/prism/grammars.js';
import { lightCodeTheme } from '../../src/prism-themes.js';
import { BuildTokensContext } from '../../src/prism/context.js';
import { decodeTokens, encodeTokens, normalizeTokens, tokenize } from '../../src/prism/tokens.js';
import prismPlugin, { remarkCodeTokens } from '../../plugins/prism/index.js';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import type { Code, Root } from 'mdast';
import type { LoadContext } from '@docusaurus/types';

/**
 * src/prism (the bundle's prism-react-renderer, plugins/prism) renders the
 * same tokens and markup as prism-react-renderer for the languages of the
 * handbook (src/prism/grammars.ts), given its Prism instance.
 */
const additional = ['bash', 'shell-session', 'sql', 'yaml', 'json'];

beforeAll(() => {
  // What Docusaurus's prism-include-languages does with themeConfig.prism.additionalLanguages
  // (a component file registers into the global Prism when it runs).
  const require = createRequire(import.meta.url);
  (globalThis as { Prism?: unknown }).Prism = real.Prism;
  for (const lang of additional) {
    const path = require.resolve(`prismjs/components/prism-${lang}.js`);
    delete require.cache[path];
    require(path);
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

/** A Highlight element rendering its tokens as Docusaurus's code block does (pre > div.token-line > span.token). */
const highlight = (Highlight: typeof ours.Highlight | typeof real.Highlight, language: string, code: string, extra: Record<string, unknown> = {}): ReactNode =>
  createElement(Highlight as (props: Record<string, unknown>) => ReactNode, {
    ...extra,
    theme: lightCodeTheme,
    code,
    language,
    children: ({ className, style, tokens, getLineProps, getTokenProps }: real.RenderProps) =>
      createElement(
        'pre',
        { className, style },
        tokens.map((line, i) => createElement('div', { key: i, ...getLineProps({ line }) }, line.map((token, j) => createElement('span', { key: j, ...getTokenProps({ token }) })))),
      ),
  });

const render = (Highlight: typeof ours.Highlight | typeof real.Highlight, language: string, code: string, extra: Record<string, unknown> = {}): string =>
  renderToStaticMarkup(highlight(Highlight, language, code, extra));

describe('src/prism', () => {
  it.each(samples)('renders %s exactly as prism-react-renderer does', (language, code) => {
    const html = render(ours.Highlight, language, code, { prism: ourPrism });
    expect(html).toBe(render(real.Highlight, language, code));
    // Highlighted, not plain text (except for text).
    expect(/class="token (?!plain)/.test(html)).toBe(language !== 'text');
  });

  it('builds only its own languages on load (others render as plain text)', () => {
    expect(Object.keys(ourPrism.languages)).toEqual(expect.arrayContaining(['markup', 'javascript', 'json', 'yaml', 'markdown', 'python', 'bash', 'sql']));
    expect(ourPrism.languages.tsx).toBeUndefined();
    expect(real.Prism.languages.tsx).toBeDefined();
    expect(render(ours.Highlight, 'tsx', 'const a = <b/>;', { prism: ourPrism })).not.toMatch(/class="token (?!plain)/);
  });
});

describe('tokens written by the build (plugins/prism/remark.ts, src/prism/tokens.ts)', () => {
  const withBuildTokens = (code: string, language: string, built: { code: string; encoded: string }): string =>
    renderToStaticMarkup(createElement(BuildTokensContext.Provider, { value: built }, highlight(ours.Highlight, language, code)));

  it.each(samples)('%s: the encoded tokens decode to what Prism gives', (language, code) => {
    expect(decodeTokens(encodeTokens(ourPrism, code, language), code)).toEqual(tokenize(ourPrism, code, language));
  });

  it.each(samples)('%s: Highlight renders the build tokens, without Prism, as prism-react-renderer renders the code', (language, code) => {
    // The code block's text ends with a line break; Docusaurus drops it before highlighting.
    const html = withBuildTokens(code, language, { code: `${code}\n`, encoded: encodeTokens(ourPrism, code, language) });
    expect(html).toBe(render(real.Highlight, language, code));
  });

  it('without build tokens for this code and without Prism, renders plain text (the server and the hydrating browser agree)', () => {
    const code = 'kubectl get pods # list';
    const plain = withBuildTokens(code, 'bash', { code: 'something else', encoded: encodeTokens(ourPrism, 'something else', 'bash') });
    expect(plain).toContain('<span class="token plain">kubectl get pods # list</span>');
    expect(plain).not.toMatch(/class="token (?!plain)/);
    expect(render(ours.Highlight, 'bash', code)).toBe(plain);
  });

  it('encodes a language without a grammar as 0 (plain text), and rejects what is not an encoding', () => {
    expect(encodeTokens(ourPrism, 'a\n\nb', 'promql')).toBe('0');
    expect(encodeTokens(ourPrism, 'a\n\nb', 'text')).toBe('0');
    expect(decodeTokens('0', 'a\n\nb')).toEqual(normalizeTokens(['a\n\nb']));
    expect(decodeTokens('{not json', 'a')).toBeUndefined();
    expect(decodeTokens('{"a":1}', 'a')).toBeUndefined();
    // The tokens of another code: a line of another length, another number of lines, a type that is not listed.
    const encoded = encodeTokens(ourPrism, 'echo "$HOME"', 'bash');
    expect(decodeTokens(encoded, 'echo "$HOME"')).toEqual(tokenize(ourPrism, 'echo "$HOME"', 'bash'));
    expect(decodeTokens(encoded, 'echo "$HOMES"')).toBeUndefined();
    expect(decodeTokens(encoded, 'echo "$HOM"')).toBeUndefined();
    expect(decodeTokens(encoded, 'echo "$HOME"\nls')).toBeUndefined();
    expect(decodeTokens('1~plain~0.1,1.1', 'ab')).toBeUndefined();
  });

  it('the remark plugin writes data-tokens on every fenced block but Mermaid diagrams, after the checklist has rewritten them', async () => {
    const markdown = ['```bash', 'echo "$HOME"', '```', '', '```mermaid', 'graph TD; a-->b', '```', '', '```', 'no language', '```', '', '```SQL', 'SELECT 1;', '```'].join('\n');
    const tree = unified().use(remarkParse).parse(markdown);
    remarkCodeTokens()(tree as Root);
    const codes = (tree as Root).children.filter((n): n is Code => n.type === 'code');
    expect(codes.map((c) => c.data?.hProperties?.['data-tokens'])).toEqual([
      encodeTokens(ourPrism, 'echo "$HOME"', 'bash'),
      undefined,
      '0',
      encodeTokens(ourPrism, 'SELECT 1;', 'sql'),
    ]);
    // Types once, then each token's type and length: `echo` (4), ` ` (1), `"` (1), `$HOME` (5), `"` (1).
    expect(codes[0]!.data!.hProperties!['data-tokens']).toBe('1~builtin class-name|plain|string|string environment constant~0.4,1.1,2.1,3.5,2.1');
  });

  it('the plugin fails the build, naming the language, when additionalLanguages names one src/prism/grammars.ts does not load', () => {
    const context = { siteDir: '/site', siteConfig: { themeConfig: { prism: { additionalLanguages: ['bash', 'rust'] } } } } as unknown as LoadContext;
    expect(() => prismPlugin(context)).toThrow(/additionalLanguages names "rust", which src\/prism\/grammars\.ts does not load/);
    const ok = { siteDir: '/site', siteConfig: { themeConfig: { prism: { additionalLanguages: ['bash', 'shell-session', 'sql', 'yaml', 'json'] } } } } as unknown as LoadContext;
    expect(prismPlugin(ok).name).toBe('handbook-prism');
  });
});
