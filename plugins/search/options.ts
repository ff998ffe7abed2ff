/**
 * Options of the offline search theme (`@easyops-cn/docusaurus-search-local`),
 * shared by the site's config and the fixture sites of the browser tests.
 */
export const searchLocalOptions = {
  hashed: true,
  indexDocs: true,
  indexBlog: false,
  indexPages: false,
  docsRouteBasePath: '/docs',
  highlightSearchTermsOnTargetPage: true,
  searchResultLimits: 10,
  // The search box shows each hit's page title, escaped. With `explicitSearchResultPath: true` the theme
  // (0.55.3, SuggestionTemplate) joins breadcrumbs, title and heading into the suggestion's HTML unescaped:
  // a heading with `<img onerror>` in inline code ran script for anyone whose query matched (issue 24).
  explicitSearchResultPath: false,
  // The checklist panel and "Referenced by" (marked `data-search-ignore`) repeat on every procedure page: not content to find.
  ignoreCssSelectors: ['[data-search-ignore]'],
};
