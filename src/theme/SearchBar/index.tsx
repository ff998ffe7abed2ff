import React, { useEffect, type ComponentProps, type ReactNode } from 'react';
import SearchBar from '@theme-original/SearchBar';

/**
 * The offline search box (`@easyops-cn/docusaurus-search-local`), wrapped
 * so that it cannot take the keyboard focus the reader did not give it.
 *
 * Why: focusing the box starts loading the index (3.5 MB) and sets a flag
 * that is never cleared on blur; when the index arrives the plugin calls
 * `input.focus()` (0.55.3, `SearchBar.jsx`, `loadIndex`). A keyboard user
 * who tabbed past the box and ticked a step a second later found the focus
 * back in the navbar, and the next Space or Tab landed there.
 *
 * How: a focus on the box counts as the reader's when it comes with a key
 * press (Tab, the search shortcut) or a pointer press on the search box;
 * any other focus on it is sent back to the element it was taken from
 * (the blur on the box included, so the plugin sees the box left), and
 * the box never sees it. Only DOM events: nothing of the plugin is
 * replaced.
 */
let installed = 0;
let keyPressed = false;
let pointerOnSearchAt = -Infinity;

const searchInput = (target: EventTarget | null): target is HTMLInputElement => target instanceof HTMLInputElement && target.classList.contains('navbar__search-input');

function onKeyDown(): void {
  // The focus a key moves (Tab) or a shortcut gives happens while this event is handled, before any timer.
  keyPressed = true;
  window.setTimeout(() => {
    keyPressed = false;
  }, 0);
}

function onPointerDown(event: PointerEvent): void {
  if (event.target instanceof Element && event.target.closest('.navbar__search')) pointerOnSearchAt = performance.now();
}

function onFocusIn(event: FocusEvent): void {
  if (!searchInput(event.target) || keyPressed || performance.now() - pointerOnSearchAt < 1000) return;
  // Not the reader's: the box does not get it, and the focus goes back where it was.
  event.stopImmediatePropagation();
  const from = event.relatedTarget;
  if (from instanceof HTMLElement && from.isConnected) from.focus({ preventScroll: true });
  else event.target.blur();
}

function useFocusGuard(): void {
  useEffect(() => {
    if (installed++ === 0) {
      document.addEventListener('keydown', onKeyDown, true);
      document.addEventListener('pointerdown', onPointerDown, true);
      document.addEventListener('focusin', onFocusIn, true);
    }
    return () => {
      if (--installed === 0) {
        document.removeEventListener('keydown', onKeyDown, true);
        document.removeEventListener('pointerdown', onPointerDown, true);
        document.removeEventListener('focusin', onFocusIn, true);
      }
    };
  }, []);
}

export default function SearchBarWrapper(props: ComponentProps<typeof SearchBar>): ReactNode {
  useFocusGuard();
  return <SearchBar {...props} />;
}
