import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../support/fixture-site.js';

/**
 * The site is built on Docusaurus's public extension points only: plugins
 * (lifecycle, client modules, `configureWebpack` for our own modules and
 * split chunks), swizzles under src/theme (recorded and pinned in
 * tests/site/swizzles.test.ts) and `@theme-original` wraps. No file under
 * src/ or plugins/ replaces, aliases or patches a module of `@docusaurus/*`
 * or of the search plugin (`@easyops-cn/docusaurus-search-local`): a minor
 * upgrade can change those silently, and such code paths often run only in
 * production builds.
 *
 * Each finding is `file:line:column: Unexpected X, expected Y (rule)`.
 */

/** Packages whose modules must not be replaced, aliased or imported by an internal path. */
const guarded = /@docusaurus\/|@easyops-cn\/docusaurus-search-local/;

/** Internal paths of guarded packages and Docusaurus's route internals. */
const internalModule = /^(@docusaurus\/core\/lib\/|@docusaurus\/[^/]+\/lib\/client\/|@easyops-cn\/docusaurus-search-local\/dist\/|@generated\/routes(ChunkNames)?$)/;

/**
 * Aliases of third-party packages (not Docusaurus's, not the search
 * plugin's) that stay, each with its reason: a package alias replaces a
 * module for every importer, so each is named here.
 */
const allowedPackageAliases: Record<string, string> = {
  // plugins/prism: the same public API (Highlight, normalizeTokens), reading the build's tokens; src/prism/index.ts.
  'prism-react-renderer': "the build's tokens (plugins/prism); written up in UPSTREAM.md",
};

interface Finding {
  file: string;
  line: number;
  column: number;
  rule: string;
  message: string;
}

const text = (node: ts.Node, source: ts.SourceFile) => node.getText(source);

/** The name of a property, method or function declaration, when it has a plain one. */
function nameOf(node: ts.Node): string | undefined {
  if ((ts.isPropertyAssignment(node) || ts.isMethodDeclaration(node) || ts.isFunctionDeclaration(node) || ts.isPropertyAccessExpression(node)) && node.name && ts.isIdentifier(node.name)) return node.name.text;
  if (ts.isPropertyAssignment(node) && ts.isStringLiteral(node.name)) return node.name.text;
  return undefined;
}

/** The package a module specifier names (`@scope/name` or `name`), or null for a relative, absolute or alias path of ours. */
function packageOf(specifier: string): string | null {
  if (/^(\.|\/|@site\/|@theme|@generated\/|@docusaurus\/(Link|Head|router|useDocusaurusContext|useIsBrowser|useBaseUrl|useGlobalData|Translate|BrowserOnly|ErrorBoundary|Interpolate|ExecutionEnvironment|isInternalUrl|renderRoutes|useRouteContext|useBrokenLinks|ComponentCreator|constants)$)/.test(specifier)) return null;
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0]!;
}

/** The findings of one module's text. */
export function publicApiFindings(file: string, code: string): Finding[] {
  const source = ts.createSourceFile(file, code, ts.ScriptTarget.Latest, true, file.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
  const findings: Finding[] = [];
  const report = (node: ts.Node, rule: string, message: string) => {
    const { line, character } = source.getLineAndCharacterOfPosition(node.getStart(source));
    findings.push({ file, line: line + 1, column: character + 1, rule, message });
  };

  const visit = (node: ts.Node, inConfigureWebpack: boolean) => {
    const name = nameOf(node);
    const inside = inConfigureWebpack || ((ts.isMethodDeclaration(node) || ts.isPropertyAssignment(node) || ts.isFunctionDeclaration(node)) && name === 'configureWebpack');

    if (ts.isIdentifier(node) && node.text === 'NormalModuleReplacementPlugin') {
      report(node, 'module-replacement', 'Unexpected NormalModuleReplacementPlugin, expected a swizzle under src/theme or a module of our own');
    }
    // Any use of the bundler's runtime (reading or patching it); a `declare const` alone uses nothing.
    if (ts.isIdentifier(node) && /^__webpack_(require|modules)__$/.test(node.text) && !(ts.isVariableDeclaration(node.parent) && node.parent.name === node)) {
      report(node, 'bundler-runtime', `Unexpected ${node.text}, expected Docusaurus's client API (client modules, @docusaurus/* exports)`);
    }
    // window.docusaurus: a trap (defineProperty) or an assignment.
    if (ts.isCallExpression(node) && /(^|\.)defineProperty$/.test(text(node.expression, source)) && node.arguments[1] && ts.isStringLiteralLike(node.arguments[1]) && node.arguments[1].text === 'docusaurus') {
      report(node, 'window-docusaurus', "Unexpected trap on window.docusaurus, expected Docusaurus's own window.docusaurus");
    }
    if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.EqualsToken && ts.isPropertyAccessExpression(node.left) && node.left.name.text === 'docusaurus') {
      report(node, 'window-docusaurus', "Unexpected assignment to window.docusaurus, expected Docusaurus's own window.docusaurus");
    }
    // Imports (static, dynamic, require.resolve) of internal paths.
    const specifier =
      (ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)
        ? node.moduleSpecifier
        : ts.isCallExpression(node) && (node.expression.kind === ts.SyntaxKind.ImportKeyword || /^require(\.resolve)?$/.test(text(node.expression, source))) && node.arguments[0] && ts.isStringLiteralLike(node.arguments[0])
          ? node.arguments[0]
          : undefined;
    if (specifier && internalModule.test(specifier.text)) {
      report(specifier, 'internal-module', `Unexpected import of ${specifier.text}, expected a public export of its package`);
    }
    if (inside && ts.isPropertyAssignment(node) && name === 'entry') {
      report(node, 'entry-replacement', "Unexpected entry in configureWebpack, expected Docusaurus's client entry (start-up code as a client module)");
    }
    if (inside && ts.isPropertyAssignment(node) && name === 'alias' && ts.isObjectLiteralExpression(node.initializer)) {
      for (const entry of node.initializer.properties) {
        if (!ts.isPropertyAssignment(entry)) {
          report(entry, 'alias-dependency', 'Unexpected alias entry that is not a plain key, expected `"module-of-ours": path`');
          continue;
        }
        if (ts.isComputedPropertyName(entry.name)) {
          report(entry, 'alias-dependency', `Unexpected alias of ${text(entry.name, source)}, expected an alias of a module of our own`);
          continue;
        }
        const key = ts.isStringLiteral(entry.name) || ts.isIdentifier(entry.name) ? entry.name.text.replace(/\$$/, '') : text(entry.name, source);
        const target = text(entry.initializer, source);
        const pkg = packageOf(key);
        if (guarded.test(key) || guarded.test(target) || /require\.resolve\(/.test(target)) {
          report(entry, 'alias-dependency', `Unexpected alias of ${key} to ${target}, expected a swizzle under src/theme or a module of our own`);
        } else if (pkg !== null && !(pkg in allowedPackageAliases)) {
          report(entry, 'alias-dependency', `Unexpected alias of the package ${key}, expected a module of our own (or an entry with its reason in allowedPackageAliases)`);
        }
      }
    }
    ts.forEachChild(node, (child) => visit(child, inside));
  };
  visit(source, false);
  return findings;
}

const formatted = (findings: Finding[]) => findings.map((f) => `${f.file}:${f.line}:${f.column}: ${f.message} (${f.rule})`);

function sources(dir: string): string[] {
  return readdirSync(join(repoRoot, dir), { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && /\.(ts|tsx|mts|js|mjs|jsx)$/.test(entry.name) && !entry.name.endsWith('.d.ts'))
    .map((entry) => relative(repoRoot, join(entry.parentPath, entry.name)).split('\\').join('/'));
}

describe('src/ and plugins/ stay on Docusaurus public API', () => {
  const files = [...sources('src'), ...sources('plugins')];

  it('reads the plugins that configure the bundler', () => {
    expect(files).toContain('plugins/page-load/index.ts');
    expect(files).toContain('plugins/prism/index.ts');
  });

  it('replaces, aliases and patches no module of @docusaurus/* or of the search plugin', () => {
    const findings = files.flatMap((file) => publicApiFindings(file, readFileSync(join(repoRoot, file), 'utf8')));
    expect(formatted(findings)).toEqual([]);
  });
});

describe('the public-API check (fixtures)', () => {
  const check = (code: string) => formatted(publicApiFindings('fixture.ts', code));

  it('rejects a module replacement and an entry replacement in configureWebpack', () => {
    const code = [
      'export default () => ({',
      "  configureWebpack(config, isServer, utils) {",
      '    const { NormalModuleReplacementPlugin } = utils.currentBundler.instance;',
      "    return { entry: './src/entry.ts', mergeStrategy: { entry: 'replace' } };",
      '  },',
      '});',
    ].join('\n');
    expect(check(code)).toEqual([
      'fixture.ts:3:13: Unexpected NormalModuleReplacementPlugin, expected a swizzle under src/theme or a module of our own (module-replacement)',
      "fixture.ts:4:14: Unexpected entry in configureWebpack, expected Docusaurus's client entry (start-up code as a client module) (entry-replacement)",
      "fixture.ts:4:56: Unexpected entry in configureWebpack, expected Docusaurus's client entry (start-up code as a client module) (entry-replacement)",
    ]);
  });

  it('rejects aliases of resolved paths, of guarded modules and of unlisted packages', () => {
    const code = [
      'const plugin = {',
      '  configureWebpack: () => ({',
      '    resolve: {',
      '      alias: {',
      "        [`${require.resolve('mark.js/dist/mark.js')}$`]: './src/mark.ts',",
      "        '@docusaurus/core/lib/client/browserContext.js': './src/context.tsx',",
      "        'mark.js$': './src/mark.ts',",
      "        'prism-react-renderer$': './src/prism/index.ts',",
      "        '@site/components$': './src/components/index.ts',",
      '      },',
      '    },',
      '  }),',
      '};',
    ].join('\n');
    expect(check(code)).toEqual([
      "fixture.ts:5:9: Unexpected alias of [`${require.resolve('mark.js/dist/mark.js')}$`], expected an alias of a module of our own (alias-dependency)",
      "fixture.ts:6:9: Unexpected alias of @docusaurus/core/lib/client/browserContext.js to './src/context.tsx', expected a swizzle under src/theme or a module of our own (alias-dependency)",
      'fixture.ts:7:9: Unexpected alias of the package mark.js, expected a module of our own (or an entry with its reason in allowedPackageAliases) (alias-dependency)',
    ]);
  });

  it("rejects patches of the bundler's runtime and traps on window.docusaurus", () => {
    const code = [
      'declare const __webpack_require__: { l: unknown };',
      '__webpack_require__.l = wrap(__webpack_require__.l);',
      "Object.defineProperty(window, 'docusaurus', { get: () => current });",
      '(window as any).docusaurus = {};',
    ].join('\n');
    expect(check(code)).toEqual([
      "fixture.ts:2:1: Unexpected __webpack_require__, expected Docusaurus's client API (client modules, @docusaurus/* exports) (bundler-runtime)",
      "fixture.ts:2:30: Unexpected __webpack_require__, expected Docusaurus's client API (client modules, @docusaurus/* exports) (bundler-runtime)",
      "fixture.ts:3:1: Unexpected trap on window.docusaurus, expected Docusaurus's own window.docusaurus (window-docusaurus)",
      "fixture.ts:4:1: Unexpected assignment to window.docusaurus, expected Docusaurus's own window.docusaurus (window-docusaurus)",
    ]);
  });

  it("rejects imports of internal modules: Docusaurus's client internals, the search plugin's dist, the route chunk table", () => {
    const code = [
      "import preload from '@docusaurus/core/lib/client/preload.js';",
      "import routesChunkNames from '@generated/routesChunkNames';",
      "import { searchContextByPaths } from '@easyops-cn/docusaurus-search-local/dist/client/client/utils/proxiedGenerated';",
      "const path = require.resolve('@docusaurus/core/lib/client/browserContext.js');",
    ].join('\n');
    expect(check(code)).toEqual([
      'fixture.ts:1:21: Unexpected import of @docusaurus/core/lib/client/preload.js, expected a public export of its package (internal-module)',
      'fixture.ts:2:30: Unexpected import of @generated/routesChunkNames, expected a public export of its package (internal-module)',
      'fixture.ts:3:38: Unexpected import of @easyops-cn/docusaurus-search-local/dist/client/client/utils/proxiedGenerated, expected a public export of its package (internal-module)',
      'fixture.ts:4:30: Unexpected import of @docusaurus/core/lib/client/browserContext.js, expected a public export of its package (internal-module)',
    ]);
  });

  it('accepts split chunks, aliases of our own modules, client modules and wraps', () => {
    const code = [
      "import Footer from '@theme-original/DocItem/Footer';",
      "import { useDoc } from '@docusaurus/plugin-content-docs/client';",
      'export default () => ({',
      "  getClientModules: () => ['./src/client/idle.ts'],",
      '  configureWebpack: () => ({',
      "    resolve: { alias: { '@site/components$': './src/components/index.ts', 'prism-react-renderer$': './src/prism/index.ts' } },",
      "    optimization: { splitChunks: { cacheGroups: { reactDom: { name: 'react-dom', chunks: 'initial' } } } },",
      '  }),',
      '});',
    ].join('\n');
    expect(check(code)).toEqual([]);
  });
});
