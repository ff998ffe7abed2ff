/**
 * The site's `prism-react-renderer` (plugins/prism points the bundle's
 * `prism-react-renderer` here): the same `Highlight` component, without
 * Prism in the page's start-up code.
 *
 * prism-react-renderer tokenises every code block in the browser while the
 * page hydrates, with a Prism instance built when main.js loads: on a
 * procedure page with 14 blocks that was the largest share of the page's
 * start-up work on a throttled phone (BENCHMARKS.md, Lighthouse). Here the
 * build tokenises each fenced block once (plugins/prism/remark.ts), the
 * server renders those tokens and the browser reads the same tokens, so
 * hydration runs no Prism at all. A block the build did not tokenise (a
 * code block rendered by a React component, or one whose code the theme
 * changed, such as magic comments) renders as plain text until Prism, with
 * the handbook's languages (src/prism/grammars.ts), has loaded as a
 * separate chunk, then highlighted: server and client agree while
 * hydrating. Pass `prism` to tokenise synchronously with a given instance.
 *
 * `Highlight` follows prism-react-renderer 2.4.1 (MIT, Formidable Labs), so
 * server and client render the same markup as before.
 */
import { useCallback, useContext, useEffect, useMemo, useState, type CSSProperties, type ReactNode } from 'react';
import clsx from 'clsx';
import type { Language, LineInputProps, LineOutputProps, PrismTheme, RenderProps, Token, TokenInputProps, TokenOutputProps } from 'prism-react-renderer';
import type { PrismLib } from './grammars';
import { BuildTokensContext } from './context';
import { decodeTokens, normalizeTokens, tokenize } from './tokens';

export { normalizeTokens };
export type { PrismLib };

/**
 * prism-react-renderer's `Prism`, which theme-classic's client module hands
 * to `@theme/prism-include-languages` when the page starts: none here, so
 * that Prism stays out of main.js (that swizzle, src/theme/prism-include-languages.ts,
 * takes nothing). Prism with the handbook's languages is `loadPrism()`.
 */
export const Prism: PrismLib | undefined = undefined;

type ThemeDict = { root: CSSProperties; plain: CSSProperties; [type: string]: CSSProperties };

let loadedPrism: PrismLib | undefined;
let loadingPrism: Promise<PrismLib> | undefined;

/** Prism with the handbook's languages, loaded once as its own chunk. */
export function loadPrism(): Promise<PrismLib> {
  loadingPrism ??= import('./grammars').then(({ Prism }) => (loadedPrism = Prism));
  return loadingPrism;
}

/** The tokens of `code`: the build's when it wrote them for this code, else Prism's (plain text until it has loaded). */
export function useTokenize({ prism: givenPrism, code, language }: { prism?: PrismLib; code: string; language: string }): Token[][] {
  const built = useContext(BuildTokensContext);
  // Docusaurus drops the code's last line break before highlighting it.
  const encoded = built !== undefined && built.code.replace(/\r?\n$/, '') === code ? built.encoded : undefined;
  const [loaded, setLoaded] = useState(loadedPrism);
  const prism = givenPrism ?? loaded;
  const fromBuild = useMemo(() => (encoded === undefined ? undefined : decodeTokens(encoded, code)), [encoded, code]);
  useEffect(() => {
    if (fromBuild !== undefined || prism !== undefined) return;
    let mounted = true;
    void loadPrism().then((instance) => mounted && setLoaded(instance));
    return () => {
      mounted = false;
    };
  }, [fromBuild, prism]);
  return useMemo(() => fromBuild ?? tokenize(prism, code, language), [fromBuild, prism, code, language]);
}

function themeToDict(theme: PrismTheme, language: string): ThemeDict {
  const { plain } = theme;
  const dict = theme.styles.reduce<Record<string, CSSProperties>>((acc, entry) => {
    if (entry.languages && !entry.languages.includes(language as Language)) return acc;
    for (const type of entry.types) acc[type] = { ...acc[type], ...entry.style };
    return acc;
  }, {}) as ThemeDict;
  dict.root = plain as CSSProperties;
  dict.plain = { ...(plain as CSSProperties), backgroundColor: undefined };
  return dict;
}

/** prism-react-renderer's render-prop component: tokens, class, style and prop getters. */
export function Highlight({ children, language: rawLanguage, code, theme, prism }: { children: (props: RenderProps) => ReactNode; language: Language; code: string; theme?: PrismTheme; prism?: PrismLib }): ReactNode {
  const language = rawLanguage.toLowerCase();
  const dict = theme ? themeToDict(theme, language) : undefined;
  const getLineProps = useCallback(
    ({ className, style, line: _line, ...rest }: LineInputProps): LineOutputProps => {
      const output: LineOutputProps = { ...rest, className: clsx('token-line', className) };
      if (dict) output.style = dict.plain;
      if (typeof style === 'object') output.style = { ...(output.style ?? {}), ...style };
      return output;
    },
    [dict],
  );
  const styleForToken = useCallback(
    ({ types, empty }: Token): CSSProperties | undefined => {
      if (dict == null) return undefined;
      if (types.length === 1 && types[0] === 'plain') return empty != null ? { display: 'inline-block' } : undefined;
      if (types.length === 1 && empty != null) return dict[types[0]!];
      return Object.assign(empty != null ? { display: 'inline-block' } : {}, ...types.map((type) => dict[type]));
    },
    [dict],
  );
  const getTokenProps = useCallback(
    ({ token, className, style, ...rest }: TokenInputProps): TokenOutputProps => {
      const output: TokenOutputProps = { ...rest, className: clsx('token', ...token.types, className), children: token.content, style: styleForToken(token) };
      if (style != null) output.style = { ...(output.style ?? {}), ...style };
      return output;
    },
    [styleForToken],
  );
  const tokens = useTokenize({ prism, code, language });
  return children({ tokens, className: `prism-code language-${language}`, style: dict ? dict.root : {}, getLineProps, getTokenProps });
}
