/**
 * The site's `prism-react-renderer` (plugins/prism points the bundle's
 * `prism-react-renderer` here): the same `Highlight` component and `Prism`
 * instance, with a smaller set of languages. prism-react-renderer 2 builds
 * ~20 languages when it loads (jsx, tsx, swift, kotlin, objectivec, reason,
 * rust, graphql, cpp, ...), each `insertBefore` walking every grammar
 * loaded so far; on a procedure page that was half of main.js's evaluation,
 * the longest task of the page (BENCHMARKS.md, Lighthouse). Here: markup,
 * JavaScript, JSON, YAML, Markdown and Python, plus `themeConfig.prism.additionalLanguages`
 * (bash, shell-session, sql, ...), which Docusaurus adds to this instance.
 * A fenced block in another language renders as plain text: add the
 * language to `additionalLanguages` in docusaurus.config.ts.
 *
 * `Highlight`, `useTokenize` and `normalizeTokens` follow prism-react-renderer
 * 2.4.1 (MIT, Formidable Labs), so server and client render the same tokens
 * as before.
 */
import './manual';
import Prism from 'prismjs/components/prism-core';
import 'prismjs/components/prism-markup';
import 'prismjs/components/prism-clike';
import 'prismjs/components/prism-javascript';
import 'prismjs/components/prism-json';
import 'prismjs/components/prism-yaml';
import 'prismjs/components/prism-markdown';
import 'prismjs/components/prism-python';
import { useCallback, useMemo, type CSSProperties, type ReactNode } from 'react';
import clsx from 'clsx';
import type { Language, LineInputProps, LineOutputProps, PrismTheme, RenderProps, Token, TokenInputProps, TokenOutputProps } from 'prism-react-renderer';

export { Prism };
export type PrismLib = typeof Prism;

type ThemeDict = { root: CSSProperties; plain: CSSProperties; [type: string]: CSSProperties };

const newlineRe = /\r\n|\r|\n/;

function normalizeEmptyLines(line: Token[]): void {
  if (line.length === 0) line.push({ types: ['plain'], content: '\n', empty: true });
  else if (line.length === 1 && line[0]!.content === '') {
    line[0]!.content = '\n';
    line[0]!.empty = true;
  }
}

const appendTypes = (types: string[], add: string[] | string): string[] => (types.length > 0 && types[types.length - 1] === add ? types : types.concat(add));

/** Prism's nested tokens as lines of flat tokens with their types (prism-react-renderer's normalizeTokens). */
export function normalizeTokens(tokens: (Prism.Token | string)[]): Token[][] {
  const typeArrStack: string[][] = [[]];
  const tokenArrStack: (Prism.Token | string)[][] = [tokens];
  const tokenArrIndexStack = [0];
  const tokenArrSizeStack = [tokens.length];
  let i = 0;
  let stackIndex = 0;
  let currentLine: Token[] = [];
  const acc = [currentLine];
  while (stackIndex > -1) {
    while ((i = tokenArrIndexStack[stackIndex]!++) < tokenArrSizeStack[stackIndex]!) {
      let content: Prism.TokenStream;
      let types = typeArrStack[stackIndex]!;
      const token = tokenArrStack[stackIndex]![i]!;
      if (typeof token === 'string') {
        types = stackIndex > 0 ? types : ['plain'];
        content = token;
      } else {
        types = appendTypes(types, token.type);
        if (token.alias) types = appendTypes(types, token.alias);
        content = token.content;
      }
      if (typeof content !== 'string') {
        stackIndex++;
        typeArrStack.push(types);
        tokenArrStack.push(content as (Prism.Token | string)[]);
        tokenArrIndexStack.push(0);
        tokenArrSizeStack.push((content as unknown[]).length);
        continue;
      }
      const lines = content.split(newlineRe);
      currentLine.push({ types, content: lines[0]! });
      for (let j = 1; j < lines.length; j++) {
        normalizeEmptyLines(currentLine);
        acc.push((currentLine = []));
        currentLine.push({ types, content: lines[j]! });
      }
    }
    stackIndex--;
    typeArrStack.pop();
    tokenArrStack.pop();
    tokenArrIndexStack.pop();
    tokenArrSizeStack.pop();
  }
  normalizeEmptyLines(currentLine);
  return acc;
}

/** Tokens of `code` in `grammar`, memoised (plain text without a grammar). */
export function useTokenize({ prism, code, grammar, language }: { prism: PrismLib; code: string; grammar?: Prism.Grammar; language: Language }): Token[][] {
  return useMemo(() => {
    if (grammar == null) return normalizeTokens([code]);
    const env = { code, grammar, language, tokens: [] as (Prism.Token | string)[] };
    prism.hooks.run('before-tokenize', env);
    env.tokens = prism.tokenize(code, grammar);
    prism.hooks.run('after-tokenize', env);
    return normalizeTokens(env.tokens);
  }, [code, grammar, language, prism]);
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
export function Highlight({ children, language: rawLanguage, code, theme, prism = Prism }: { children: (props: RenderProps) => ReactNode; language: Language; code: string; theme?: PrismTheme; prism?: PrismLib }): ReactNode {
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
  const tokens = useTokenize({ prism, language: language as Language, code, grammar: prism.languages[language] });
  return children({ tokens, className: `prism-code language-${language}`, style: dict ? dict.root : {}, getLineProps, getTokenProps });
}
