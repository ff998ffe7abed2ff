import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseDoc } from '../../core/index.js';
import type { MarkdownOptions } from '../../core/markdown.js';
import { headingIdsOf, type FixtureSite } from '../support/fixture-site.js';
import { buildChecklistSite } from './checklist-fixture.js';

/**
 * The page and the export read a procedure the same way: a site built with
 * Docusaurus's full default remark chain (emoji, `{#id}` headings,
 * admonitions, nested lists, steps titled by the sentence before them) gives
 * each step on the page (`data-checklist-step`) exactly the id
 * `build/checklists.json` (and so `handbook run`) gives it, doc by doc, and
 * the page's section headings carry the anchors the model computed.
 * The site reads Markdown as Docusaurus does by default (`format: 'mdx'`,
 * `.md` included), through the handbook's docs plugin: a `.md` doc whose
 * fence sits right under a `<details>` line has a step there, which
 * CommonMark (an HTML block) would not see.
 */
const docs: Record<string, string> = {
  'emoji.md': `---
title: Emoji
version: 1.0.0
---

# Emoji

## Ship it :rocket: {#ship}

Deploy it :rocket:

\`\`\`bash
echo deploy
\`\`\`

## Check :white_check_mark:

Then confirm the :tada: result.

\`\`\`bash
echo confirm
\`\`\`
`,
  'nested.md': `---
title: Nested
version: 1.0.0
---

# Nested

1. ## Prepare the host

   Stop the writer first.

   \`\`\`bash
   echo stop
   \`\`\`

2. Then, inside a list:

   - Drain the queue :hourglass:

     \`\`\`bash
     echo drain
     \`\`\`

:::warning Mind the replicas

Restart the replica :arrows_counterclockwise:

\`\`\`bash
echo restart
\`\`\`

:::
`,
  'details.md': `---
title: Details
version: 1.0.0
---

# Details

## Rotate the key

Rotate the signing key.

<details>
\`\`\`bash
echo rotate
\`\`\`
</details>
`,
  'mdx-doc.mdx': `---
title: MDX doc
version: 1.0.0
---

# MDX doc

## Roll forward {#roll-forward}

Apply the migration :sparkles:

\`\`\`bash id=apply
echo apply
\`\`\`

Verify the \`schema_version\` :mag:

\`\`\`bash
echo verify
\`\`\`
`,
};

const mdx: MarkdownOptions = { format: 'mdx', mdx1Compat: { comments: true, headingIds: true }, math: false };

describe('page and export agree', () => {
  let site: FixtureSite;
  let exported: { docs: { path: string; permalink: string; steps: { id: string; section: string | null }[] }[] };

  beforeAll(async () => {
    site = await buildChecklistSite('page-export', docs, { format: 'mdx', docsPlugin: 'handbook' });
    exported = JSON.parse(await readFile(join(site.buildDir, 'checklists.json'), 'utf8'));
  });

  it('exports every fixture doc', () => {
    expect(exported.docs.map((d) => d.path).sort()).toEqual(['docs/details.md', 'docs/emoji.md', 'docs/mdx-doc.mdx', 'docs/nested.md']);
    // The sentence titles keep their emoji shortcodes in the id, on both sides.
    expect(exported.docs.find((d) => d.path === 'docs/emoji.md')!.steps.map((s) => s.id)).toEqual(['deploy-it-rocket', 'then-confirm-the-tada-result']);
    // Read as MDX, as the site reads it: the fence under `<details>` is a step (CommonMark would find none).
    expect(exported.docs.find((d) => d.path === 'docs/details.md')!.steps.map((s) => s.id)).toEqual(['step-1']);
    expect(parseDoc({ path: 'docs/details.md', text: docs['details.md']!, markdown: { ...mdx, format: 'md' } }).codeBlocks).toEqual([]);
  });

  for (const path of Object.keys(docs)) {
    it(`gives the steps of ${path} the same ids on the page as in the export, and the same section anchors`, async () => {
      const doc = exported.docs.find((d) => d.path === `docs/${path}`)!;
      const html = await site.html(doc.permalink);
      // The minified HTML quotes an attribute only when it must.
      const pageIds = [...html.matchAll(/data-checklist-step=(?:"([^"]*)"|([^\s>"]+))/g)].map((m) => m[1] ?? m[2]);
      expect(pageIds).toEqual(doc.steps.map((s) => s.id));
      const model = parseDoc({ path: `docs/${path}`, text: docs[path]!, markdown: mdx });
      const anchors = model.headings.filter((h) => h.depth === 2).map((h) => h.anchor);
      expect(headingIdsOf(html).filter((id) => anchors.includes(id))).toEqual(anchors);
    });
  }
});
