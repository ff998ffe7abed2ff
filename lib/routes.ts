import { createRequire } from 'node:module';
import type { DocRoute, DocsFolder } from '../core/index.js';

/**
 * Doc ids and permalinks computed by Docusaurus's own docs plugin functions
 * (`getSlug`, its number prefix parser, `normalizeUrl`), the way its
 * `processDocMetadata` computes them; handed to the core as data
 * (`CheckInput.routes`). The modules are required on first use only: a
 * check whose routes all come from the cache does not load them (a third
 * of a second).
 */

type NumberPrefixParser = (name: string) => { filename: string; numberPrefix?: number };

interface DocusaurusRouteFunctions {
  getSlug(args: { baseID: string; frontMatterSlug?: string; source: string; sourceDirName: string; stripDirNumberPrefixes?: boolean; numberPrefixParser?: NumberPrefixParser }): string;
  stripPathNumberPrefixes(path: string, parser: NumberPrefixParser): string;
  DefaultNumberPrefixParser: NumberPrefixParser;
  DisabledNumberPrefixParser: NumberPrefixParser;
  normalizeUrl(parts: string[]): string;
}

let loaded: DocusaurusRouteFunctions | null = null;

/** The docs plugin's route functions, required on first use. */
function docusaurus(): DocusaurusRouteFunctions {
  if (loaded) return loaded;
  const require = createRequire(import.meta.url);
  const slug = require('@docusaurus/plugin-content-docs/lib/slug.js') as { default: DocusaurusRouteFunctions['getSlug'] };
  const numberPrefix = require('@docusaurus/plugin-content-docs/lib/numberPrefix.js') as Pick<DocusaurusRouteFunctions, 'stripPathNumberPrefixes' | 'DefaultNumberPrefixParser' | 'DisabledNumberPrefixParser'>;
  const utils = require('@docusaurus/utils') as Pick<DocusaurusRouteFunctions, 'normalizeUrl'>;
  loaded = { getSlug: slug.default, ...numberPrefix, normalizeUrl: utils.normalizeUrl };
  return loaded;
}

/** The number prefix parser a docs folder names (`default`, `disabled`), or a site's own function. */
export function numberPrefixParserOf(folder: Pick<DocsFolder, 'numberPrefixParser'>, custom?: NumberPrefixParser): NumberPrefixParser {
  if (custom) return custom;
  return folder.numberPrefixParser === 'disabled' ? docusaurus().DisabledNumberPrefixParser : docusaurus().DefaultNumberPrefixParser;
}

/**
 * The id and permalink of the doc at `source` (relative to its version's
 * docs folder, with `/`) with this front matter, in the version served at
 * `versionPath` (`/docs`, `/docs/next`, `/`): the lines of Docusaurus's
 * `processDocMetadata` that compute them, around its own `getSlug`. The
 * permalink is Docusaurus's exactly: a category index ends with `/`.
 */
export function docusaurusRouteOf({
  source,
  frontMatter,
  versionPath,
  numberPrefixParser,
}: {
  source: string;
  frontMatter: Record<string, unknown>;
  versionPath: string;
  numberPrefixParser?: NumberPrefixParser;
}): DocRoute {
  const d = docusaurus();
  const parser = numberPrefixParser ?? d.DefaultNumberPrefixParser;
  const parseNumberPrefixes = frontMatter.parse_number_prefixes !== false;
  const slash = source.lastIndexOf('/');
  const sourceDirName = slash === -1 ? '.' : source.slice(0, slash);
  const fileName = source.slice(slash + 1);
  const dot = fileName.lastIndexOf('.');
  const withoutExtension = dot > 0 ? fileName.slice(0, dot) : fileName;
  const unprefixed = parseNumberPrefixes ? parser(withoutExtension).filename : withoutExtension;
  const frontMatterId = typeof frontMatter.id === 'string' ? frontMatter.id : undefined;
  const baseID = frontMatterId ?? unprefixed;
  const dirPrefix = sourceDirName === '.' ? undefined : parseNumberPrefixes ? d.stripPathNumberPrefixes(sourceDirName, parser) : sourceDirName;
  const id = [dirPrefix, baseID].filter(Boolean).join('/');
  let slug: string;
  try {
    slug = d.getSlug({
      baseID,
      source,
      sourceDirName,
      ...(typeof frontMatter.slug === 'string' ? { frontMatterSlug: frontMatter.slug } : {}),
      stripDirNumberPrefixes: parseNumberPrefixes,
      numberPrefixParser: parser,
    });
  } catch {
    // A slug Docusaurus refuses fails the build there (`header-schema` and the build say why); the doc keeps a route of its id.
    slug = '/' + id;
  }
  return { id, permalink: d.normalizeUrl([versionPath, slug]) };
}
