import { describe, expect, it } from 'vitest';
import { parseDoc } from '../../core/index.js';
import { headingCases } from './heading-cases.js';

describe('heading anchors (cases verified against built HTML)', () => {
  it('holds at least 25 cases', () => {
    expect(headingCases.length).toBeGreaterThanOrEqual(25);
  });

  for (const c of headingCases) {
    it(`${c.name} (${c.format})`, () => {
      const text = `# Title\n\n${c.headings.join('\n\n')}\n`;
      const model = parseDoc({ path: `doc.${c.format}`, text });
      expect(model.problems).toEqual([]);
      expect(model.headings[0]).toMatchObject({ depth: 1, anchor: null, id: 'title' });
      expect(model.headings.slice(1).map((h) => h.anchor)).toEqual(c.expected);
    });
  }

  it('strips the explicit id from the heading text and marks it explicit', () => {
    const model = parseDoc({ path: 'a.md', text: '## Roll *back* now {#rollback}\n' });
    expect(model.headings).toEqual([
      {
        depth: 2,
        text: 'Roll back now',
        id: 'rollback',
        anchor: 'rollback',
        explicitId: true,
        place: { start: { line: 1, column: 1, offset: 0 }, end: { line: 1, column: 31, offset: 30 } },
      },
    ]);
  });

  it('keeps the h1 slug in the slugger so a later h2 of the same text gets -1', () => {
    const model = parseDoc({ path: 'a.md', text: '# Setup\n\n## Setup\n' });
    expect(model.headings.map((h) => [h.id, h.anchor])).toEqual([
      ['setup', null],
      ['setup-1', 'setup-1'],
    ]);
  });

  it('honours anchorsMaintainCase', () => {
    const model = parseDoc({ path: 'a.md', text: '## WAL File\n', anchorsMaintainCase: true });
    expect(model.headings[0]!.anchor).toBe('WAL-File');
  });
});
