import type { Config } from '@docusaurus/types';
import type * as Preset from '@docusaurus/preset-classic';
import { remarkAlerts } from './plugins/alerts/index';
import checklistExport, { remarkChecklist } from './plugins/checklist/index';
import { darkCodeTheme, lightCodeTheme } from './src/prism-themes';
import handbookCheck from './plugins/check/index';
import handbookDocs from './plugins/docs/index';
import pageLoad from './plugins/page-load/index';
import prism, { remarkCodeTokens } from './plugins/prism/index';
import siteData from './plugins/site-data/index';
import { loadConfig } from './lib/config';
import { fileURLToPath } from 'node:url';

// handbook.config.json: the docs folder, their route and the site's URL, as `handbook check` reads them
// (the build plugins read the same file; this config repeats none of it).
const handbook = loadConfig({ cwd: fileURLToPath(new URL('.', import.meta.url)) });
const siteUrl = new URL(handbook.siteUrl ?? 'http://localhost:3000/');
const docsRoute = handbook.routeBasePath.replace(/\/$/, '');
import { searchLocalOptions } from './plugins/search/options';
import csp from './plugins/csp/index';

const config: Config = {
  title: 'Operations Handbook',
  tagline: 'Runbooks, procedures and checklists for on-call and platform teams',
  favicon: 'img/favicon.svg',
  url: siteUrl.origin,
  baseUrl: siteUrl.pathname.endsWith('/') ? siteUrl.pathname : siteUrl.pathname + '/',

  // The banner for a misconfigured baseUrl is an inline script in the home page's head, which the
  // Content-Security-Policy (plugins/csp) does not allow: a page's own head scripts are never hashed.
  baseUrlIssueBanner: false,

  onBrokenLinks: 'throw',
  onBrokenAnchors: 'throw',

  future: {
    v4: true,
    faster: true,
  },

  i18n: { defaultLocale: 'en', locales: ['en'] },

  markdown: {
    // .md is CommonMark, .mdx is MDX; {#id} heading ids and <!-- --> comments work in both.
    format: 'detect',
    mermaid: true,
    mdx1Compat: { comments: true, admonitions: true, headingIds: true },
    hooks: {
      onBrokenMarkdownLinks: 'throw',
      onBrokenMarkdownImages: 'throw',
    },
  },

  themes: [
    '@docusaurus/theme-mermaid',
    // Offline search; options in plugins/search/options.ts, the route from handbook.config.json.
    ['@easyops-cn/docusaurus-search-local', { ...searchLocalOptions, docsRouteBasePath: docsRoute || '/' }],
  ],

  plugins: [
    // Docusaurus's docs plugin, each doc carrying its own backlinks (plugins/docs, from plugins/site-data).
    [
      handbookDocs,
      {
        path: handbook.docs,
        sidebarPath: './sidebars.ts',
        routeBasePath: handbook.routeBasePath,
        // Tags come from one vocabulary (docs/tags.yml, also checked by `handbook check`):
        // a tag page per doc-specific tag made routes the phone's page load paid for (BENCHMARKS.md).
        tags: 'tags.yml',
        onInlineTags: 'throw',
        // Fenced shell commands become checklist steps (plugins/checklist); then every
        // fenced block is tokenised once, for the server and the browser (plugins/prism).
        // `::alerts{system="..."}` becomes that system's alert table (plugins/alerts).
        remarkPlugins: [remarkChecklist, remarkCodeTokens, remarkAlerts],
      },
    ],
    // build/checklists.json: the steps of every procedure, for `handbook run`.
    checklistExport,
    handbookCheck,
    siteData,
    // Code blocks highlighted with the build's tokens; Prism out of main.js (plugins/prism, src/prism).
    prism,
    // React DOM in a script file of its own (plugins/page-load: configureWebpack split chunks only).
    pageLoad,
    // A Content-Security-Policy in every page and in build/_headers, with the hashes of the inline scripts (plugins/csp).
    csp,
  ],

  presets: [
    [
      'classic',
      {
        docs: false,
        blog: false,
        theme: { customCss: ['./src/css/custom.css', './src/css/site.css'] },
      } satisfies Preset.Options,
    ],
  ],

  themeConfig: {
    colorMode: { respectPrefersColorScheme: true },
    navbar: {
      title: 'Operations Handbook',
      logo: { alt: 'Handbook', src: 'img/favicon.svg' },
      items: [
        // A plain link, active under /docs: the docSidebar item type matched the page against every doc
        // on each render, in the task after hydration (BENCHMARKS.md, Lighthouse).
        { to: `${docsRoute}/`, activeBasePath: docsRoute.slice(1), position: 'left', label: 'Handbook' },
        { to: '/freshness', position: 'left', label: 'Freshness' },
        { to: '/alerts', position: 'left', label: 'Alerts' },
      ],
    },
    footer: {
      style: 'dark',
      copyright: 'Operations Handbook. Kept in git; checked by `handbook check` on every pull request.',
    },
    prism: {
      // GitHub and Dracula with every token colour at WCAG AA contrast.
      theme: lightCodeTheme,
      darkTheme: darkCodeTheme,
      additionalLanguages: ['bash', 'shell-session', 'sql', 'yaml', 'json'],
    },
    mermaid: { theme: { light: 'neutral', dark: 'dark' } },
  } satisfies Preset.ThemeConfig,
};

export default config;
