import { useEffect, useRef, useState, type ReactNode } from 'react';
import { flushSync } from 'react-dom';
import OriginalButtons from '@theme-original/CodeBlock/Buttons';
import type { Props } from '@theme/CodeBlock/Buttons';
import { useCodeBlockContext } from '@docusaurus/theme-common/internal';
import { whenIdle } from '../../../client/idle';

/**
 * The copy and word-wrap buttons of a code block, mounted in idle time.
 * Docusaurus renders them only in the browser (they are invisible until the
 * block is hovered or focused), all at once right after hydration: on a
 * procedure page, 14 pairs of buttons with their icons in the task that
 * follows hydration, the longest of the page on a throttled phone
 * (BENCHMARKS.md, Lighthouse). Here each block's buttons wait for the
 * page's idle queue (src/client/idle.ts), or for the first pointer, touch
 * or focus on the block, whichever comes first; the block is measured for
 * the word-wrap button then, not on mount. A block in a checklist step gets
 * none: the step has its own copy button, which fills in the parameters.
 */
export default function CodeBlockButtons(props: Props): ReactNode {
  const [shown, setShown] = useState(false);
  const placeholder = useRef<HTMLSpanElement>(null);
  const { wordWrap } = useCodeBlockContext();
  const measure = (wordWrap as { measure?: () => void }).measure;
  useEffect(() => {
    // A checklist step has its own copy button, with the parameters filled in (src/components/Checklist).
    if (shown || placeholder.current?.closest('[data-checklist-step]')) return;
    const show = () => {
      // The word-wrap button shows only on a block that scrolls (../Content/useCodeWordWrap.ts).
      measure?.();
      setShown(true);
    };
    // Rendered within the idle slice, so the slice's budget counts the render too.
    const cancel = whenIdle(() => flushSync(show));
    const block = placeholder.current?.parentElement;
    const events = ['pointerenter', 'touchstart', 'focusin'] as const;
    for (const event of events) block?.addEventListener(event, show, { passive: true });
    return () => {
      cancel();
      for (const event of events) block?.removeEventListener(event, show);
    };
  }, [shown, measure]);
  return shown ? <OriginalButtons {...props} /> : <span ref={placeholder} hidden />;
}
