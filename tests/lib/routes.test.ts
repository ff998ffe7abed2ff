import { describe, expect, it } from 'vitest';
import { routeOf } from '../../core/routes.js';
import { docusaurusRouteOf } from '../../lib/routes.js';

/**
 * Every case of a doc's id and permalink, computed by Docusaurus's own
 * functions (lib/routes.ts, what the loader hands the core) and by the
 * core's pure fallback (core/routes.ts): the two agree, and both are what
 * Docusaurus serves (the category index with an `id` at its folder route,
 * verified in tests/e2e/routes-build.test.ts).
 */
const cases: [source: string, frontMatter: Record<string, unknown>, versionPath: string, id: string, permalink: string][] = [
  ['abathur/wal-growth.md', {}, '/docs', 'abathur/wal-growth', '/docs/abathur/wal-growth'],
  ['01-abathur/02-wal.md', {}, '/docs', 'abathur/wal', '/docs/abathur/wal'],
  ['01 - abathur/003 - wal.mdx', {}, '/docs', 'abathur/wal', '/docs/abathur/wal'],
  ['2024-11-notes.md', {}, '/docs', '2024-11-notes', '/docs/2024-11-notes'],
  ['7.0-release.md', {}, '/docs', '7.0-release', '/docs/7.0-release'],
  ['2024.md', {}, '/docs', '2024', '/docs/2024'],
  ['01-a/02-b.md', { parse_number_prefixes: false }, '/docs', '01-a/02-b', '/docs/01-a/02-b'],
  ['abathur/index.md', {}, '/docs', 'abathur/index', '/docs/abathur/'],
  ['abathur/README.md', {}, '/docs', 'abathur/README', '/docs/abathur/'],
  ['abathur/readme.mdx', {}, '/docs', 'abathur/readme', '/docs/abathur/'],
  ['abathur/abathur.md', {}, '/docs', 'abathur/abathur', '/docs/abathur/'],
  ['abathur/Abathur.md', {}, '/docs', 'abathur/Abathur', '/docs/abathur/'],
  ['01-abathur/01-abathur.md', {}, '/docs', 'abathur/abathur', '/docs/abathur/'],
  ['01-abathur/abathur.md', {}, '/docs', 'abathur/abathur', '/docs/abathur/abathur'],
  ['abathur/01-index.md', {}, '/docs', 'abathur/index', '/docs/abathur/index'],
  ['abathur/index.md', { id: 'overview' }, '/docs', 'abathur/overview', '/docs/abathur/'],
  ['abathur/README.md', { id: 'intro' }, '/docs', 'abathur/intro', '/docs/abathur/'],
  ['abathur/abathur.md', { id: 'home' }, '/docs', 'abathur/home', '/docs/abathur/'],
  ['abathur/index.md', { slug: 'start' }, '/docs', 'abathur/index', '/docs/abathur/start'],
  ['index.md', {}, '/docs', 'index', '/docs/'],
  ['index.md', { slug: '/' }, '/docs', 'index', '/docs/'],
  ['a/b.md', { id: 'custom' }, '/docs', 'a/custom', '/docs/a/custom'],
  ['a/b.md', { slug: 'other' }, '/docs', 'a/b', '/docs/a/other'],
  ['a/b.md', { slug: '../up' }, '/docs', 'a/b', '/docs/up'],
  ['a/b.md', { slug: './here/' }, '/docs', 'a/b', '/docs/a/here/'],
  ['a/b.md', { slug: '' }, '/docs', 'a/b', '/docs/a/'],
  ['a/b.md', { slug: '/top/level' }, '/docs', 'a/b', '/docs/top/level'],
  ['a/b.md', {}, '/', 'a/b', '/a/b'],
  ['index.md', {}, '/', 'index', '/'],
  ['a/index.md', { id: 'x' }, '/', 'a/x', '/a/'],
  ['a/b.md', { slug: '/' }, '/', 'a/b', '/'],
  ['a/b.md', {}, '/docs/next', 'a/b', '/docs/next/a/b'],
  ['a/b.md', {}, '/docs/1.0', 'a/b', '/docs/1.0/a/b'],
  ['a/index.md', {}, '/community', 'a/index', '/community/a/'],
];

describe("doc routes: Docusaurus's functions and the core's fallback", () => {
  it.each(cases)('%s %j at %s -> %s %s', (source, frontMatter, versionPath, id, permalink) => {
    expect(docusaurusRouteOf({ source, frontMatter, versionPath })).toEqual({ id, permalink });
    expect(routeOf(source, frontMatter, versionPath)).toEqual({ id, permalink });
  });
});
