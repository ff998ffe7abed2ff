import { describe, expect, it, beforeAll } from 'vitest';
import { parseDoc } from '../../core/index.js';
import { headingCases } from '../core/heading-cases.js';
import { buildFixtureSite, headingIdsOf, type FixtureSite } from '../support/fixture-site.js';

/** One page per case: `# Case N` then the case's headings. */
function pageOf(index: number, headings: string[]): string {
  return `---\nid: case-${index}\n---\n\n# Case ${index}\n\n${headings.map((h) => `${h}\n\nText.\n`).join('\n')}`;
}

describe('heading anchors agree with a real docusaurus build', () => {
  let site: FixtureSite;
  beforeAll(async () => {
    const files: Record<string, string> = {};
    headingCases.forEach((c, i) => {
      files[`docs/case-${i}.${c.format}`] = pageOf(i, c.headings);
    });
    site = await buildFixtureSite({ name: 'anchors', files });
  }, 300_000);

  headingCases.forEach((c, i) => {
    it(`${c.name} (${c.format})`, async () => {
      const built = headingIdsOf(await site.html(`/docs/case-${i}`));
      const model = parseDoc({ path: `docs/case-${i}.${c.format}`, text: pageOf(i, c.headings) });
      // The h1 title is rendered without an id.
      expect(built[0]).toBeNull();
      expect(built.slice(1)).toEqual(c.expected);
      expect(model.headings.slice(1).map((h) => h.anchor)).toEqual(c.expected);
    });
  });
});
