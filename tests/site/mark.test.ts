// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import Mark, { mayHoldMarks } from '../../src/client/mark.js';

/** src/client/mark.ts: mark.js for the search theme, without the empty unmark walk. */
describe('src/client/mark', () => {
  it('marks and unmarks the searched words as mark.js does', () => {
    document.body.innerHTML = '<article><p>WAL files grow when the WAL archiver fails.</p></article>';
    const article = document.querySelector('article')!;
    const mark = new (Mark as unknown as new (context: Element) => ReturnType<typeof Mark>)(article);
    mark.mark(['WAL']);
    expect(article.querySelectorAll('mark[data-markjs]')).toHaveLength(2);
    expect(mayHoldMarks(article)).toBe(true);
    mark.unmark();
    expect(article.querySelectorAll('mark')).toHaveLength(0);
    expect(article.textContent).toBe('WAL files grow when the WAL archiver fails.');
    expect(mayHoldMarks(article)).toBe(false);
  });

  it('answers `done` with 0 at once when there is nothing to unmark, and walks only contexts it cannot query', () => {
    document.body.innerHTML = '<article><p>No marks here.</p></article>';
    const article = document.querySelector('article')!;
    let done: number | undefined;
    new (Mark as unknown as new (context: Element) => ReturnType<typeof Mark>)(article).unmark({ done: (n) => (done = n) });
    expect(done).toBe(0);
    expect(mayHoldMarks('article')).toBe(true);
    expect(mayHoldMarks(document.querySelectorAll('p'))).toBe(true);
    expect(mayHoldMarks(article, { element: 'span' })).toBe(false);
  });
});
