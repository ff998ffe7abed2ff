/**
 * mark.js as the search theme (@easyops-cn/docusaurus-search-local) uses it
 * to highlight the searched words on the page a result opens
 * (`highlightSearchTermsOnTargetPage`), with one change: `unmark` returns
 * at once when its context holds no marks. The theme unmarks the whole
 * article on every page load, marks or not, and mark.js walks every
 * element to find them: 20–35 ms on a procedure page on a laptop, a long
 * task on a phone (BENCHMARKS.md, Lighthouse). plugins/page-load points the
 * theme's import of mark.js here.
 */
import RealMark from 'mark.js/dist/mark.min.js';

type MarkOptions = { element?: string; className?: string; done?: (count: number) => void } & Record<string, unknown>;
type MarkContext = Element | Document | NodeList | Element[] | string;
interface MarkInstance {
  mark(keywords: string | string[], options?: Record<string, unknown>): MarkInstance;
  markRegExp(regexp: RegExp, options?: Record<string, unknown>): MarkInstance;
  markRanges(ranges: unknown[], options?: Record<string, unknown>): MarkInstance;
  unmark(options?: MarkOptions): MarkInstance;
}

const RealMarkConstructor = RealMark as unknown as new (context: MarkContext) => MarkInstance;

/** False only when the context is one element (or the document) with no mark.js marks inside. */
export function mayHoldMarks(context: MarkContext, options: MarkOptions = {}): boolean {
  if (typeof context !== 'object' || context === null || !('querySelector' in context)) return true;
  const selector = `${options.element ?? '*'}[data-markjs]${options.className ? `.${options.className}` : ''}`;
  return context.querySelector(selector) !== null;
}

export default function Mark(this: unknown, context: MarkContext): MarkInstance {
  const inner = new RealMarkConstructor(context);
  const mark: MarkInstance = {
    mark: (keywords, options) => (inner.mark(keywords, options), mark),
    markRegExp: (regexp, options) => (inner.markRegExp(regexp, options), mark),
    markRanges: (ranges, options) => (inner.markRanges(ranges, options), mark),
    unmark: (options) => {
      if (mayHoldMarks(context, options)) inner.unmark(options);
      else options?.done?.(0);
      return mark;
    },
  };
  return mark;
}
