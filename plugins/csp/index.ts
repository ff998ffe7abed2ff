import { readFile, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { glob } from 'tinyglobby';
import type { LoadContext, Plugin } from '@docusaurus/types';
import { addPolicyMeta, createHeadersFile, createPolicy, frameScripts, scriptHash } from './policy.js';

/**
 * A Content-Security-Policy for the built site (issue 24), computed after
 * the build from the pages as written (policy.ts): each page gets a
 * `<meta http-equiv="Content-Security-Policy">` allowing the site's own
 * script files and the hashes of the inline scripts of that page's frame
 * (never one inside the content: policy.ts), and `_headers`
 * carries the policy for every path with the hashes of all pages and
 * `frame-ancestors 'none'`, which only a header can set. It depends on no
 * particular start-up code: whatever inline scripts the build writes are
 * hashed. Development builds (`docusaurus start`) have no policy.
 */
export default function cspPlugin(context: LoadContext): Plugin {
  return {
    name: 'handbook-csp',
    async postBuild({ outDir }) {
      let current = outDir;
      try {
        const pages = (await glob('**/*.html', { cwd: outDir })).sort();
        const allHashes = new Set<string>();
        for (const page of pages) {
          current = join(outDir, page);
          const html = await readFile(current, 'utf8');
          const hashes = frameScripts(html).map((s) => scriptHash(s.text));
          for (const hash of hashes) allHashes.add(hash);
          await writeFile(current, addPolicyMeta(html, createPolicy({ scriptHashes: hashes, meta: true })));
        }
        current = join(outDir, '_headers');
        await writeFile(current, createHeadersFile(createPolicy({ scriptHashes: allHashes, meta: false })));
      } catch (error) {
        throw new Error(`handbook-csp: could not write the Content-Security-Policy into ${relative(context.siteDir, current)}: ${(error as Error).message}`, { cause: error });
      }
    },
  };
}
