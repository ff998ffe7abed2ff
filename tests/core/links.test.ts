import { describe, expect, it } from 'vitest';
import { parseDoc } from '../../core/index.js';

const at = (line: number, column: number) => expect.objectContaining({ start: expect.objectContaining({ line, column }) });

describe('link extraction', () => {
  it('finds links, images, definitions and references with positions', () => {
    const text = [
      '# Doc', // 1
      '', // 2
      'See [guide](./guide.md#step-1) and ![diagram](./img/x.png "t").', // 3
      '', // 4
      'Use [the ref][r] and ![alt][img].', // 5
      '', // 6
      '[r]: ../other.md#top', // 7
      '[img]: /img/logo.png', // 8
      '', // 9
      'Autolink <https://example.com> and `[not](a-link.md)`.', // 10
    ].join('\n');
    const model = parseDoc({ path: 'docs/a.md', text });
    expect(model.links.map((l) => [l.kind, l.url, l.place.start.line, l.place.start.column, l.label])).toEqual([
      ['link', './guide.md#step-1', 3, 5, undefined],
      ['image', './img/x.png', 3, 36, undefined],
      ['definition', '../other.md#top', 7, 1, 'r'],
      ['definition', '/img/logo.png', 8, 1, 'img'],
      ['link', 'https://example.com', 10, 10, undefined],
    ]);
    expect(model.references.map((r) => [r.kind, r.label, r.place.start.line, r.place.start.column])).toEqual([
      ['linkReference', 'r', 5, 5],
      ['imageReference', 'img', 5, 22],
    ]);
  });

  it('ignores links inside fenced and indented code', () => {
    const text = '```md\n[a](b.md)\n```\n\n    [c](d.md)\n\n~~~\n![e](f.png)\n~~~\n';
    expect(parseDoc({ path: 'a.md', text }).links).toEqual([]);
  });

  it('finds href/src and id/name targets in raw HTML with positions', () => {
    const text = 'Intro\n\n<a name="legacy"></a>\n<div id="box"><a href="./x.md">x</a><img src="/img/y.png"></div>\n';
    const model = parseDoc({ path: 'a.md', text });
    expect(model.htmlAnchors.map((a) => [a.id, a.attribute, a.place.start.line, a.place.start.column])).toEqual([
      ['legacy', 'name', 3, 4],
      ['box', 'id', 4, 6],
    ]);
    expect(model.links.map((l) => [l.kind, l.url, l.place.start.line, l.place.start.column])).toEqual([
      ['html', './x.md', 4, 18],
      ['html', '/img/y.png', 4, 42],
    ]);
  });

  it('finds JSX attributes and require() in MDX', () => {
    const text = "# T\n\n<Card href=\"./a.md\" id=\"card\" />\n\n<img src={require('./x.png').default} />\n";
    const model = parseDoc({ path: 'a.mdx', text });
    expect(model.links.map((l) => [l.kind, l.url, l.place.start.line])).toEqual([
      ['html', './a.md', 3],
      ['require', './x.png', 5],
    ]);
    expect(model.htmlAnchors).toEqual([{ id: 'card', attribute: 'id', place: at(3, 21), collected: false }]);
  });

  it('records superseded_by in the front matter as a link at its value', () => {
    const text = '---\ntitle: Old\nstatus: deprecated\nsuperseded_by: ./new.md\n---\n\n# Old\n';
    const model = parseDoc({ path: 'a.md', text });
    expect(model.links).toEqual([{ kind: 'frontmatter', url: './new.md', place: at(4, 16) }]);
  });
});
