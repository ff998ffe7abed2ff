import yaml from 'js-yaml';
import type { FrontMatter, FrontMatterKey, ParseProblem, Span } from './types.js';
import type { LineIndex } from './position.js';

interface YamlNode {
  start: number;
  end: number;
  kind: string | null;
  result: unknown;
  children: YamlNode[];
}

/**
 * Parses the YAML between the front matter fences with js-yaml, the parser
 * Docusaurus uses, so values are exactly what the site sees. js-yaml's event
 * listener gives the offset of every node; pairing a mapping's children as
 * key/value gives each key's position for diagnostics.
 *
 * @param raw YAML source (without fences)
 * @param rawOffset offset of `raw` in the document text
 * @param index line index of the whole document
 */
export function parseFrontMatterYaml(
  raw: string,
  rawOffset: number,
  index: LineIndex,
): { data: Record<string, unknown>; keys: Map<string, FrontMatterKey>; problems: ParseProblem[] } {
  const keys = new Map<string, FrontMatterKey>();
  if (raw.trim() === '') return { data: {}, keys, problems: [] };

  const root: YamlNode = { start: 0, end: raw.length, kind: null, result: undefined, children: [] };
  const stack: YamlNode[] = [root];
  let loaded: unknown;
  try {
    loaded = yaml.load(raw, {
      listener(event, state) {
        if (event === 'open') {
          const node: YamlNode = { start: state.position, end: state.position, kind: null, result: undefined, children: [] };
          stack[stack.length - 1]!.children.push(node);
          stack.push(node);
        } else {
          const node = stack.pop();
          if (!node) return;
          node.end = state.position;
          node.kind = state.kind;
          node.result = state.result;
        }
      },
    });
  } catch (error) {
    const mark = (error as { mark?: { position?: number } }).mark;
    const reason = (error as { reason?: string }).reason ?? (error as Error).message;
    const at = rawOffset + Math.min(mark?.position ?? 0, raw.length);
    return {
      data: {},
      keys,
      problems: [{ ruleId: 'yaml-syntax', message: `Malformed YAML front matter: ${reason}`, place: index.span(at, at) }],
    };
  }

  if (loaded !== null && loaded !== undefined && (typeof loaded !== 'object' || Array.isArray(loaded))) {
    return {
      data: {},
      keys,
      problems: [
        {
          ruleId: 'yaml-syntax',
          message: 'Unexpected front matter that is not a mapping of keys to values, expected `key: value` lines',
          place: index.span(rawOffset, rawOffset),
        },
      ],
    };
  }

  const toSpan = (node: YamlNode): Span => {
    // A value node opens right after the colon: skip the blanks before it.
    let start = node.start;
    while (start < node.end && /\s/.test(raw[start]!)) start++;
    let end = node.end;
    while (end > start && /\s/.test(raw[end - 1]!)) end--;
    return index.span(rawOffset + start, rawOffset + end);
  };

  const walk = (node: YamlNode, prefix: string): void => {
    const mapping = findMappingChildren(node);
    if (!mapping) return;
    for (let i = 0; i + 1 < mapping.length; i += 2) {
      const keyNode = mapping[i]!;
      const valueNode = mapping[i + 1]!;
      const path = prefix + String(keyNode.result);
      keys.set(path, { path, keySpan: toSpan(keyNode), valueSpan: toSpan(valueNode) });
      walk(valueNode, path + '.');
    }
  };
  walk(root, '');

  return { data: (loaded ?? {}) as Record<string, unknown>, keys, problems: [] };
}

/** The key/value children of a mapping node (js-yaml closes them in pairs). */
function findMappingChildren(node: YamlNode): YamlNode[] | null {
  const mapping = node.kind === null && node.children.length === 1 ? node.children[0]! : node;
  return mapping.kind === 'mapping' ? mapping.children : null;
}

export function emptyFrontMatter(): FrontMatter {
  return { present: false, raw: '', data: {}, keys: new Map(), span: null };
}
