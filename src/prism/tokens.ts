import type { Token } from 'prism-react-renderer';
import type { PrismLib } from './grammars';

/*
 * Tokens as prism-react-renderer 2.4.1 makes them (`normalizeTokens`, MIT,
 * Formidable Labs), and their encoding for the page: the build tokenises
 * each code block once and the browser reads the tokens instead of
 * tokenising again while it hydrates the page.
 */

type PrismToken = { type: string; alias?: string | string[]; content: PrismTokenStream };
type PrismTokenStream = string | PrismToken | (string | PrismToken)[];

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
export function normalizeTokens(tokens: (PrismToken | string)[]): Token[][] {
  const typeArrStack: string[][] = [[]];
  const tokenArrStack: (PrismToken | string)[][] = [tokens];
  const tokenArrIndexStack = [0];
  const tokenArrSizeStack = [tokens.length];
  let i = 0;
  let stackIndex = 0;
  let currentLine: Token[] = [];
  const acc = [currentLine];
  while (stackIndex > -1) {
    while ((i = tokenArrIndexStack[stackIndex]!++) < tokenArrSizeStack[stackIndex]!) {
      let content: PrismTokenStream;
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
        tokenArrStack.push(content as (PrismToken | string)[]);
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

/** The tokens of `code` in `language` (lower case); plain text without Prism or without a grammar for it. */
export function tokenize(prism: PrismLib | undefined, code: string, language: string): Token[][] {
  const grammar = prism?.languages[language];
  if (prism === undefined || grammar == null) return normalizeTokens([code]);
  const env = { code, grammar, language, tokens: [] as (PrismToken | string)[] };
  prism.hooks.run('before-tokenize', env);
  env.tokens = prism.tokenize(code, grammar) as (PrismToken | string)[];
  prism.hooks.run('after-tokenize', env);
  return normalizeTokens(env.tokens);
}

/**
 * The tokens as a short JSON string: `0` when the language has no grammar
 * or an empty one (plain text), else the lines, each a list of `[types joined by spaces,
 * content]`, with a third element `1` on the marker of an empty line.
 */
export function encodeTokens(prism: PrismLib, code: string, language: string): string {
  const grammar = prism.languages[language];
  // No grammar, or Prism's empty one for plain text (`text`, `txt`, `plain`): the code as it is.
  if (grammar == null || Object.keys(grammar).length === 0) return '0';
  return JSON.stringify(tokenize(prism, code, language).map((line) => line.map((t) => (t.empty ? [t.types.join(' '), t.content, 1] : [t.types.join(' '), t.content]))));
}

/** The tokens `encodeTokens` wrote for `code`; `undefined` when the string is not such an encoding. */
export function decodeTokens(encoded: string, code: string): Token[][] | undefined {
  if (encoded === '0') return normalizeTokens([code]);
  let lines: unknown;
  try {
    lines = JSON.parse(encoded);
  } catch {
    return undefined;
  }
  if (!Array.isArray(lines)) return undefined;
  return (lines as [string, string, 1?][][]).map((line) => line.map(([types, content, empty]) => (empty ? { types: types.split(' '), content, empty: true } : { types: types.split(' '), content })));
}
