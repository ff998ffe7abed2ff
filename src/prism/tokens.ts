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
 * The tokens as a short string the code block carries to the page. `0` when
 * the language has no grammar or an empty one (plain text). Else
 * `1~<types>~<lines>`: the distinct type lists (types joined by spaces)
 * joined by `|`, then the lines joined by `;`, each its tokens joined by `,`
 * as `<type list index>.<length>` in base 36, or `<index>.` for the marker
 * of an empty line. A token's text is not repeated: it is the next `length`
 * characters of its line of the code, which the page has anyway. (A JSON
 * list of `[types, text]` repeated every token's text, escaped, in the page's
 * JavaScript: it made the build of 1,000 docs a quarter slower.)
 */
export function encodeTokens(prism: PrismLib, code: string, language: string): string {
  const grammar = prism.languages[language];
  // No grammar, or Prism's empty one for plain text (`text`, `txt`, `plain`): the code as it is.
  if (grammar == null || Object.keys(grammar).length === 0) return '0';
  const types: string[] = [];
  const indexOf = new Map<string, number>();
  const typeIndex = (joined: string) => {
    let index = indexOf.get(joined);
    if (index === undefined) {
      index = types.push(joined) - 1;
      indexOf.set(joined, index);
    }
    return index.toString(36);
  };
  const lines = tokenize(prism, code, language).map((line) => line.map((t) => `${typeIndex(t.types.join(' '))}.${t.empty ? '' : t.content.length.toString(36)}`).join(','));
  return `1~${types.join('|')}~${lines.join(';')}`;
}

/** The tokens `encodeTokens` wrote for `code`; `undefined` when the string is not such an encoding of this code. */
export function decodeTokens(encoded: string, code: string): Token[][] | undefined {
  if (encoded === '0') return normalizeTokens([code]);
  const parts = encoded.split('~');
  if (parts.length !== 3 || parts[0] !== '1') return undefined;
  const types = parts[1]!.split('|').map((joined) => joined.split(' '));
  const lines = parts[2]!.split(';');
  const codeLines = code.split(newlineRe);
  if (lines.length !== codeLines.length) return undefined;
  const out: Token[][] = [];
  for (let i = 0; i < lines.length; i++) {
    const text = codeLines[i]!;
    const line: Token[] = [];
    let at = 0;
    for (const token of lines[i] === '' ? [] : lines[i]!.split(',')) {
      const dot = token.indexOf('.');
      const type = dot > 0 ? types[parseInt(token.slice(0, dot), 36)] : undefined;
      if (type === undefined) return undefined;
      if (dot === token.length - 1) {
        line.push({ types: type.slice(), content: '\n', empty: true });
        continue;
      }
      const length = parseInt(token.slice(dot + 1), 36);
      if (!Number.isInteger(length) || at + length > text.length) return undefined;
      line.push({ types: type.slice(), content: text.slice(at, at + length) });
      at += length;
    }
    // Every character of the line in a token: else these are the tokens of another code.
    if (at !== text.length || line.length === 0) return undefined;
    out.push(line);
  }
  return out;
}
