import { useCallback, useEffect, useRef, useState, type RefObject } from 'react';

export interface CodeWordWrap {
  readonly codeBlockRef: RefObject<HTMLPreElement | null>;
  readonly isEnabled: boolean;
  readonly isCodeScrollable: boolean;
  readonly toggle: () => void;
  /** Measures whether the block scrolls; the buttons (src/theme/CodeBlock/Buttons) call it when they mount. */
  readonly measure: () => void;
}

/**
 * The word-wrap toggle of a code block, as `useCodeWordWrap` of
 * @docusaurus/theme-common 3.10.2 behaves, at a fraction of its cost on
 * load. Upstream, every block sets state in its first effect (the hidden tab
 * it may sit in, `null` against `undefined`) and measures itself, so all
 * blocks of a page render twice right after hydration, in the task that
 * follows it, the longest of a procedure page on a throttled phone
 * (BENCHMARKS.md, Lighthouse). Whether a block scrolls matters only to its
 * word-wrap button, so here the block is measured when its buttons mount
 * (in idle time or on the first pointer or focus, `measure`), when the
 * window is resized, when wrapping is toggled, and when the hidden tab it
 * sits in is shown.
 */
export function useCodeWordWrap(): CodeWordWrap {
  const [isEnabled, setIsEnabled] = useState(false);
  const [isCodeScrollable, setIsCodeScrollable] = useState(false);
  const codeBlockRef = useRef<HTMLPreElement | null>(null);

  const toggle = useCallback(() => {
    const code = codeBlockRef.current?.querySelector('code');
    if (!code) return;
    if (isEnabled) {
      code.removeAttribute('style');
    } else {
      code.style.whiteSpace = 'pre-wrap';
      // Very long words and tokens wrap too: no scrollbar once wrapping is on.
      code.style.overflowWrap = 'anywhere';
    }
    setIsEnabled((value) => !value);
  }, [isEnabled]);

  const updateCodeIsScrollable = useCallback(() => {
    const block = codeBlockRef.current;
    if (!block) return;
    setIsCodeScrollable(block.scrollWidth > block.clientWidth || block.querySelector('code')?.hasAttribute('style') === true);
  }, []);

  const toggled = useRef(false);
  useEffect(() => {
    // Not on mount: the buttons measure the block when they appear.
    if (toggled.current) updateCodeIsScrollable();
    toggled.current = true;
  }, [isEnabled, updateCodeIsScrollable]);

  useEffect(() => {
    window.addEventListener('resize', updateCodeIsScrollable, { passive: true });
    // A block inside a hidden tab panel has no width: measure it when the panel (or an outer one) is shown.
    let observer: MutationObserver | undefined;
    const watchHiddenTab = () => {
      observer?.disconnect();
      const hiddenTab = codeBlockRef.current?.closest('[role=tabpanel][hidden]');
      if (!hiddenTab) return;
      observer = new MutationObserver(() => {
        if (hiddenTab.hasAttribute('hidden')) return;
        updateCodeIsScrollable();
        watchHiddenTab();
      });
      observer.observe(hiddenTab, { attributes: true, attributeFilter: ['hidden'] });
    };
    watchHiddenTab();
    return () => {
      window.removeEventListener('resize', updateCodeIsScrollable);
      observer?.disconnect();
    };
  }, [updateCodeIsScrollable]);

  return { codeBlockRef, isEnabled, isCodeScrollable, toggle, measure: updateCodeIsScrollable };
}
