import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { scriptSafeJson } from '../../core/script-json.js';
import { repoRoot } from '../support/fixture-site.js';

const require = createRequire(import.meta.url);

type Safety = 'safe' | 'unsafe' | 'forbidden';

/** A file of an upstream package the local copy follows, by its path in node_modules, and its hash as last checked. */
interface Upstream {
  file: string;
  sha256: string;
}

/**
 * One theme component under src/theme: the theme-classic component it
 * swizzles (null for a component of the handbook's own), how (`wrap`
 * renders `@theme-original/...`; `eject` is a copy, changed), theme-classic's
 * own classification of both actions (its `getSwizzleConfig`; an unlisted
 * component is "unsafe", as `docusaurus swizzle --list` shows it), the
 * upstream files each local file follows, and the names each file imports
 * from `@docusaurus/theme-common/internal` (no semver promise).
 */
interface Swizzle {
  component: string | null;
  action: 'wrap' | 'eject' | 'own';
  safety: { eject: Safety; wrap: Safety } | null;
  why: string;
  files: Record<string, { follows: Upstream[]; internal: string[] }>;
}

const classic = (path: string, sha256: string): Upstream => ({ file: `@docusaurus/theme-classic/lib/theme/${path}`, sha256 });
/** theme-common's internal API: any change to what it exports is a change for each file that imports it. */
const internalApi: Upstream = { file: '@docusaurus/theme-common/lib/internal.d.ts', sha256: 'b73b8a644d0b04fb2304f0e0823e9fa4a89412362985e89ff50f7e6c1e35fae7' };

/**
 * Every file under src/theme, classified. Ejected and unsafe swizzles stay
 * pinned to the upstream files they follow: an upgrade that changes one
 * fails the drift test below, naming the local file to re-check. After
 * re-checking (and carrying the upstream change over), record the new hash.
 */
export const swizzles: Swizzle[] = [
  {
    component: 'CodeBlock',
    action: 'eject',
    safety: { eject: 'safe', wrap: 'safe' },
    why: "without `key={String(isBrowser)}`, which remounted every code block after hydration; the build's tokens through BuildTokensContext",
    files: { 'src/theme/CodeBlock/index.tsx': { follows: [classic('CodeBlock/index.js', '639f8655d319e123c4efa5223a42078d3e98ea361e206f6f1bfb87b080a28904')], internal: [] } },
  },
  {
    component: 'CodeBlock/Buttons',
    action: 'wrap',
    safety: { eject: 'unsafe', wrap: 'unsafe' },
    why: 'the copy and word-wrap buttons mounted in idle time or on the first pointer, touch or focus; none in a checklist step',
    files: { 'src/theme/CodeBlock/Buttons/index.tsx': { follows: [classic('CodeBlock/Buttons/index.js', '8cc39d7b3812bfb9b53e20228bb4ed20f8885e0ff3592392b0e63c749dfae87f'), internalApi], internal: ['useCodeBlockContext'] } },
  },
  {
    component: 'CodeBlock/Content/String',
    action: 'eject',
    safety: { eject: 'unsafe', wrap: 'unsafe' },
    why: "a word-wrap hook that sets no state on mount (the block is measured when its buttons mount)",
    files: {
      'src/theme/CodeBlock/Content/String.tsx': { follows: [classic('CodeBlock/Content/String.js', '81ab153e9e797be7a86bcfe00dfd53ae6eb14bca2b40d30515d075e5b4e95f99'), internalApi], internal: ['CodeBlockContextProvider', 'createCodeBlockMetadata'] },
      'src/theme/CodeBlock/Content/useCodeWordWrap.ts': { follows: [{ file: '@docusaurus/theme-common/lib/hooks/useCodeWordWrap.js', sha256: '3483ac26c8c5cb90064902fb63a5256576092207a86b572480a04a8fb103b012' }], internal: [] },
    },
  },
  {
    component: 'DocBreadcrumbs/StructuredData',
    action: 'eject',
    safety: { eject: 'unsafe', wrap: 'unsafe' },
    why: 'the JSON-LD written with `<` as \\u003c (core/script-json.ts)',
    files: { 'src/theme/DocBreadcrumbs/StructuredData/index.tsx': { follows: [classic('DocBreadcrumbs/StructuredData/index.js', '7b282577fb02933d528aefb75826c1d4a56d40dcfdc2c9afff5d2be1bb3f7c27')], internal: [] } },
  },
  {
    component: null,
    action: 'own',
    safety: null,
    why: "the doc's version header and banners (a component of the handbook's own, @theme/DocHeader)",
    files: {
      'src/theme/DocHeader/index.tsx': { follows: [], internal: [] },
      'src/theme/DocHeader/styles.module.css': { follows: [], internal: [] },
      'src/theme/DocHeader/useDocHeader.ts': { follows: [], internal: [] },
    },
  },
  {
    component: 'DocItem/Content',
    action: 'eject',
    safety: { eject: 'unsafe', wrap: 'unsafe' },
    why: 'the version header right under the title (synthetic or Markdown h1)',
    files: { 'src/theme/DocItem/Content/index.tsx': { follows: [classic('DocItem/Content/index.js', '0902dcb538c3dbbea3947079e9cf0744961649088f234ad6cbe8ed0495430c6d')], internal: [] } },
  },
  {
    component: 'DocItem/Footer',
    action: 'wrap',
    safety: { eject: 'unsafe', wrap: 'unsafe' },
    why: 'the alerts that open the doc and "Referenced by" before the footer',
    files: { 'src/theme/DocItem/Footer/index.tsx': { follows: [classic('DocItem/Footer/index.js', '93722eb781e3c4f8e03fa95d469f90f5bcf25f6aa7ffccd94cfad57a879ccc70')], internal: [] } },
  },
  {
    component: 'DocItem/Layout',
    action: 'eject',
    safety: { eject: 'unsafe', wrap: 'unsafe' },
    why: 'the desktop table of contents stays mounted on a phone (hidden by CSS) instead of being swapped out after hydration',
    files: {
      'src/theme/DocItem/Layout/index.tsx': { follows: [classic('DocItem/Layout/index.js', 'c1f1bbed07409f0a3f90f0ffc3689331ff6ead1f7c2616963885417c5bc42899')], internal: [] },
      'src/theme/DocItem/Layout/styles.module.css': { follows: [classic('DocItem/Layout/styles.module.css', '191d61c1ae48a899dc4cb88a1921644d3a31c6d99066543e695dcc3a2231abde')], internal: [] },
    },
  },
  {
    component: 'DocItem/Metadata',
    action: 'wrap',
    safety: { eject: 'unsafe', wrap: 'unsafe' },
    why: "the alerts' names and summaries added to the doc's keywords (search)",
    files: { 'src/theme/DocItem/Metadata/index.tsx': { follows: [classic('DocItem/Metadata/index.js', 'f92ee0be920631f38865ac890f21473d786c542e06521f0239e78c27743df633')], internal: [] } },
  },
  {
    component: 'DocSidebar',
    action: 'eject',
    safety: { eject: 'unsafe', wrap: 'safe' },
    why: 'the desktop sidebar stays mounted on a phone (hidden by CSS); a wrap cannot keep the one Docusaurus unmounts',
    files: { 'src/theme/DocSidebar/index.tsx': { follows: [classic('DocSidebar/index.js', '69735ac5be2d601a67912afc6cc1f0e4fc2cfe30799539f53bc327d4dbe18734')], internal: [] } },
  },
  {
    component: 'DocSidebar/Mobile',
    action: 'eject',
    safety: { eject: 'unsafe', wrap: 'unsafe' },
    why: "the secondary menu filler's props as one memoised entry (no ICU collator built by its key sort)",
    files: { 'src/theme/DocSidebar/Mobile/index.tsx': { follows: [classic('DocSidebar/Mobile/index.js', 'aac2e5836058716a5289f9e126f030b88222d3d4ec21f734c14cba1522eb22d7'), internalApi], internal: ['useNavbarMobileSidebar'] } },
  },
  {
    component: 'MDXComponents',
    action: 'wrap',
    safety: { eject: 'safe', wrap: 'forbidden' },
    why: "the checklist's and alerts' elements added to `@theme-original/MDXComponents`, the extension Docusaurus documents (MDX component scope); nothing copied",
    files: { 'src/theme/MDXComponents.tsx': { follows: [], internal: [] } },
  },
  {
    component: 'Navbar/MobileSidebar',
    action: 'eject',
    safety: { eject: 'unsafe', wrap: 'unsafe' },
    why: 'the phone menu rendered in idle time, as a transition, instead of right after hydration',
    files: { 'src/theme/Navbar/MobileSidebar/index.tsx': { follows: [classic('Navbar/MobileSidebar/index.js', '0e302185bbfd7b0a4a737b7a41b5215245df25c00221df68aa06e6d77ad648de'), internalApi], internal: ['useLockBodyScroll', 'useNavbarMobileSidebar'] } },
  },
  {
    component: 'prism-include-languages',
    action: 'eject',
    safety: { eject: 'safe', wrap: 'forbidden' },
    why: "empty: the languages are src/prism/grammars.ts, loaded by the build and, only when needed, as a chunk (Prism stays out of main.js)",
    files: { 'src/theme/prism-include-languages.ts': { follows: [classic('prism-include-languages.js', '42fcb21218b4537fa0d7dc51caf7d78f88891e0d9b925be61555fee46fc29614')], internal: [] } },
  },
  {
    component: 'Layout',
    action: 'wrap',
    safety: { eject: 'unsafe', wrap: 'unsafe' },
    why: "a page's content in <main> when the page asks through MainLandmark (the search plugin's page has none)",
    files: { 'src/theme/Layout/index.tsx': { follows: [classic('Layout/index.js', '9d37f063ca131079227ad90e8bf5e06ee8006e78f53fde927b0c11ef91f38560')], internal: [] } },
  },
  {
    component: 'SearchBar',
    action: 'wrap',
    safety: { eject: 'safe', wrap: 'safe' },
    why: "the search plugin's box may not take back the focus when its index arrives; pinned to the plugin's SearchBar.jsx, whose timing (focus in the same task as the autocomplete's set-up) the guard relies on",
    files: { 'src/theme/SearchBar/index.tsx': { follows: [{ file: '@easyops-cn/docusaurus-search-local/dist/client/client/theme/SearchBar/SearchBar.jsx', sha256: '1d6b381687947f38b5a740783ee9e48689b4fb817adfc24a6cac0f0b0992e8b4' }], internal: [] } },
  },
  {
    component: 'SearchPage',
    action: 'wrap',
    safety: { eject: 'unsafe', wrap: 'unsafe' },
    why: "the search plugin's page asks the Layout wrap for a <main> landmark; pinned to the plugin's SearchPage.jsx",
    files: { 'src/theme/SearchPage/index.tsx': { follows: [{ file: '@easyops-cn/docusaurus-search-local/dist/client/client/theme/SearchPage/SearchPage.jsx', sha256: '554dcc569a17cb23c22b30066b58901002bb5b95a9d6345c5b76d302c3d40294' }], internal: [] } },
  },
  {
    component: 'SkipToContent',
    action: 'wrap',
    safety: { eject: 'safe', wrap: 'safe' },
    why: '"Skip to the next step" after Docusaurus\'s own skip link on a page with a checklist',
    files: { 'src/theme/SkipToContent/index.tsx': { follows: [], internal: [] }, 'src/theme/SkipToContent/styles.module.css': { follows: [], internal: [] } },
  },
];

/** The installed version of an npm package, from its package.json in node_modules. */
function installedVersion(root: string, pkg: string): string {
  return (JSON.parse(readFileSync(join(root, 'node_modules', pkg, 'package.json'), 'utf8')) as { version: string }).version;
}

/** `@scope/name` of a node_modules path. */
const packageOf = (file: string) => file.split('/').slice(0, 2).join('/');

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/**
 * One line per upstream file whose installed text no longer has the recorded
 * hash: "re-check src/theme/X against @docusaurus/theme-classic vN", naming
 * the local file and the installed version of the upstream file's package.
 */
export function driftMessages(entries: readonly Swizzle[], read: (file: string) => string, version: (pkg: string) => string): string[] {
  const out: string[] = [];
  for (const entry of entries) {
    for (const [ours, { follows }] of Object.entries(entry.files)) {
      for (const upstream of follows) {
        if (sha256(read(upstream.file)) === upstream.sha256) continue;
        const pkg = packageOf(upstream.file);
        out.push(`re-check ${ours} against ${pkg} v${version(pkg)}`);
      }
    }
  }
  return [...new Set(out)];
}

const readInstalled = (file: string) => readFileSync(join(repoRoot, 'node_modules', file), 'utf8');
const versionInstalled = (pkg: string) => installedVersion(repoRoot, pkg);

/** Every file under src/theme, relative to the repository. */
function themeFiles(): string[] {
  return readdirSync(join(repoRoot, 'src/theme'), { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(repoRoot, join(entry.parentPath, entry.name)).split('\\').join('/'))
    .sort();
}

/** The names a module imports from `@docusaurus/theme-common/internal`. */
function internalImportsOf(text: string): string[] {
  const names: string[] = [];
  for (const match of text.matchAll(/import\s+(?:type\s+)?\{([^}]*)\}\s*from\s*['"]@docusaurus\/theme-common\/internal['"]/g)) {
    for (const name of match[1]!.split(',')) if (name.trim()) names.push(name.trim().replace(/^type\s+/, ''));
  }
  return names.sort();
}

describe('src/theme: every file is a recorded swizzle or a component of our own', () => {
  const { getSwizzleConfig } = require('@docusaurus/theme-classic') as { getSwizzleConfig: () => { components: Record<string, { actions: Partial<Record<'eject' | 'wrap', Safety>> }> } };
  const config = getSwizzleConfig().components;

  it('lists every file under src/theme once', () => {
    const recorded = swizzles.flatMap((s) => Object.keys(s.files)).sort();
    expect(recorded).toEqual(themeFiles());
  });

  it("records theme-classic's own classification of each swizzled component (an unlisted one is unsafe)", () => {
    for (const { component, safety } of swizzles) {
      if (component === null) continue;
      const actions = config[component]?.actions ?? {};
      expect({ component, eject: actions.eject ?? 'unsafe', wrap: actions.wrap ?? 'unsafe' }).toEqual({ component, ...safety });
    }
  });

  it('wraps render @theme-original, ejected copies do not, components of our own shadow no theme-classic component', () => {
    // The themes the site installs: theme-classic and the search plugin's theme (SearchBar, SearchPage).
    const themeDirs = ['node_modules/@docusaurus/theme-classic/lib/theme', 'node_modules/@easyops-cn/docusaurus-search-local/dist/client/client/theme'];
    const upstreamComponents = new Set(
      themeDirs.flatMap((dir) =>
        readdirSync(join(repoRoot, dir), { recursive: true, encoding: 'utf8' })
          .filter((file) => /\.jsx?$/.test(file))
          .map((file) => file.split('\\').join('/').replace(/(\/index)?\.jsx?$/, '')),
      ),
    );
    for (const { component, action, files } of swizzles) {
      const main = Object.keys(files)[0]!;
      const text = readFileSync(join(repoRoot, main), 'utf8');
      if (action === 'own') {
        const name = main.replace(/^src\/theme\//, '').replace(/\/[^/]+$/, '');
        expect({ main, upstream: upstreamComponents.has(name) }).toEqual({ main, upstream: false });
        continue;
      }
      expect({ main, exists: upstreamComponents.has(component!) }).toEqual({ main, exists: true });
      expect({ main, wraps: text.includes(`'@theme-original/${component}'`) }).toEqual({ main, wraps: action === 'wrap' });
    }
  });

  it('records the imports of @docusaurus/theme-common/internal of each file', () => {
    for (const { files } of swizzles) {
      for (const [file, { internal }] of Object.entries(files)) {
        const text = readFileSync(join(repoRoot, file), 'utf8');
        expect({ file, internal: internalImportsOf(text) }).toEqual({ file, internal: [...internal].sort() });
      }
    }
  });

  it('pins every ejected or unsafe swizzle to the upstream files it follows', () => {
    const unpinned = swizzles.filter((s) => s.action !== 'own' && (s.action === 'eject' || s.safety?.[s.action as 'wrap'] === 'unsafe') && Object.values(s.files).every((f) => f.follows.length === 0));
    expect(unpinned.map((s) => s.component)).toEqual([]);
  });
});

describe('upstream drift of the swizzled files', () => {
  it('finds every upstream file as recorded in the installed packages', () => {
    const messages = driftMessages(swizzles, readInstalled, versionInstalled);
    expect(messages, messages.join('\n')).toEqual([]);
  });

  it('fails naming the local file and the installed version when an upstream file changes (a fixture)', () => {
    const changed = (file: string) => (file.endsWith('DocItem/Layout/index.js') ? readInstalled(file) + '\n// 3.11' : readInstalled(file));
    const classicVersion = installedVersion(repoRoot, '@docusaurus/theme-classic');
    expect(driftMessages(swizzles, changed, versionInstalled)).toEqual([`re-check src/theme/DocItem/Layout/index.tsx against @docusaurus/theme-classic v${classicVersion}`]);
    const internalChanged = (file: string) => (file.endsWith('internal.d.ts') ? '' : readInstalled(file));
    expect(driftMessages(swizzles, internalChanged, () => '9.9.9')).toEqual([
      're-check src/theme/CodeBlock/Buttons/index.tsx against @docusaurus/theme-common v9.9.9',
      're-check src/theme/CodeBlock/Content/String.tsx against @docusaurus/theme-common v9.9.9',
      're-check src/theme/DocSidebar/Mobile/index.tsx against @docusaurus/theme-common v9.9.9',
      're-check src/theme/Navbar/MobileSidebar/index.tsx against @docusaurus/theme-common v9.9.9',
    ]);
  });
});

describe('scriptSafeJson', () => {
  it('cannot close the script it is written into, and parses to the same value', () => {
    const value = { name: 'Restart </script><script>alert(1)</script> <!-- \u2028' };
    const text = scriptSafeJson(value);
    expect(text).toBe('{"name":"Restart \\u003c/script>\\u003cscript>alert(1)\\u003c/script> \\u003c!-- \\u2028"}');
    expect(text).not.toMatch(/<|\u2028/);
    expect(JSON.parse(text)).toEqual(value);
  });
});
