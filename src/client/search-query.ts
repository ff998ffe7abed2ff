/**
 * The search page's URL hook, `useSearchQuery` of
 * @easyops-cn/docusaurus-search-local 0.55.3 (MIT licence), put in its place
 * by plugins/page-load. One change: the page does not write its query to
 * the URL before it has read it.
 *
 * The plugin reads `?q=` only once the page knows it is in a browser
 * (`useIsBrowser`), but its search page replaces the URL with its own query
 * from its first effect, when that query is still the empty one of the
 * server's HTML. With Docusaurus's own timing the read came just in time;
 * since src/client/browser-context.tsx makes "in a browser" arrive a
 * transition later, the page would drop `?q=` and show no results. Until
 * the page is in a browser, `updateSearchPath` does nothing.
 */
import { useHistory, useLocation } from '@docusaurus/router';
import useIsBrowser from '@docusaurus/useIsBrowser';
import useDocusaurusContext from '@docusaurus/useDocusaurusContext';
// @ts-expect-error the plugin's generated module, untyped
import { searchContextByPaths } from '@easyops-cn/docusaurus-search-local/dist/client/client/utils/proxiedGenerated';

const SEARCH_PARAM_QUERY = 'q';
const SEARCH_PARAM_CONTEXT = 'ctx';
const SEARCH_PARAM_VERSION = 'version';

type SearchContextByPath = string | { path: string };

export default function useSearchQuery() {
  const isBrowser = useIsBrowser();
  const history = useHistory();
  const location = useLocation();
  const {
    siteConfig: { baseUrl },
  } = useDocusaurusContext();
  const params = isBrowser ? new URLSearchParams(location.search) : null;
  const searchValue = params?.get(SEARCH_PARAM_QUERY) || '';
  const searchContext = params?.get(SEARCH_PARAM_CONTEXT) || '';
  const searchVersion = params?.get(SEARCH_PARAM_VERSION) || '';
  const contexts = searchContextByPaths as SearchContextByPath[] | undefined;

  const getSearchParams = (value: string) => {
    const searchParams = new URLSearchParams(location.search);
    if (value) searchParams.set(SEARCH_PARAM_QUERY, value);
    else searchParams.delete(SEARCH_PARAM_QUERY);
    return searchParams;
  };

  return {
    searchValue,
    searchContext:
      searchContext && Array.isArray(contexts) && contexts.some((item) => (typeof item === 'string' ? item === searchContext : item.path === searchContext))
        ? searchContext
        : '',
    searchVersion,
    updateSearchPath: (value: string) => {
      if (!isBrowser) return;
      history.replace({ search: getSearchParams(value).toString() });
    },
    updateSearchContext: (value: string) => {
      const searchParams = new URLSearchParams(location.search);
      searchParams.set(SEARCH_PARAM_CONTEXT, value);
      history.replace({ search: searchParams.toString() });
    },
    // Refer to https://github.com/facebook/docusaurus/pull/2838
    generateSearchPageLink: (value: string) => `${baseUrl}search?${getSearchParams(value).toString()}`,
  };
}
