import type { DocusaurusConfig } from '@docusaurus/types';

const loaded = new Map<string, Promise<DocusaurusConfig>>();

/**
 * A Docusaurus site's config through Docusaurus's own loader, once per
 * site and config file per process: loading imports every plugin the config
 * names (seconds), and the check reads three facts from it (the Markdown
 * options, the folders of docs, the site URL). Each of those is also kept
 * in its own small file cache, so most runs load nothing.
 */
export function siteConfigOf(siteDir: string, configFile: string): Promise<DocusaurusConfig> {
  const key = `${siteDir}\0${configFile}`;
  let config = loaded.get(key);
  if (!config) {
    config = (async () => {
      const { loadSiteConfig } = (await import('@docusaurus/core/lib/server/config.js')) as typeof import('@docusaurus/core/lib/server/config.js');
      return (await loadSiteConfig({ siteDir, customConfigFilePath: configFile })).siteConfig;
    })();
    loaded.set(key, config);
  }
  return config;
}
