import React, { useEffect, type ComponentProps, type ReactNode } from 'react';
import SearchBar from '@theme-original/SearchBar';

/**
 * The offline search box (`@easyops-cn/docusaurus-search-local`), wrapped
 * so that it cannot take the keyboard focus from where the reader put it.
 *
 * Why: focusing the box starts loading the index (3.5 MB) and sets a flag
 * that is never cleared on blur; when the index arrives the plugin sets up
 * its autocomplete on the input and calls `input.focus()` (0.55.3,
 * `SearchBar.jsx`, `loadIndex`). A keyboard user who tabbed past the box and
 * ticked a step a second later found the focus back in the navbar, and the
 * next Space or Tab landed there.
 *
 * How: that focus comes in the same task as the autocomplete's set-up
 * (`role="combobox"` on the input), before a MutationObserver has seen the
 * set-up. A focus on the box at that moment, taken from another element of
 * the page, is sent back to that element, and the box never sees it. When
 * the box had the focus (the set-up moves the input, which blurs it), or
 * the focus was on nothing, the plugin's focus goes through, as does every
 * other focus: Tab, a click, the search shortcut, a screen reader, a
 * script. Only DOM events and attributes: nothing of the plugin is replaced.
 */
const settled = new WeakSet<Element>();
let installed = 0;
let observer: MutationObserver | null = null;

const searchInput = (target: EventTarget | null): target is HTMLInputElement => target instanceof HTMLInputElement && target.classList.contains('navbar__search-input');

function onFocusIn(event: FocusEvent): void {
  const input = event.target;
  if (!searchInput(input) || input.getAttribute('role') !== 'combobox' || settled.has(input)) return;
  // The autocomplete was set up in this very task: this is the plugin's focus after loading its index.
  settled.add(input);
  const from = event.relatedTarget;
  if (!(from instanceof HTMLElement) || from === input || !from.isConnected) return;
  event.stopImmediatePropagation();
  from.focus({ preventScroll: true });
}

function useFocusGuard(): void {
  useEffect(() => {
    if (installed++ === 0) {
      observer = new MutationObserver((records) => {
        for (const { target } of records) {
          if (!searchInput(target)) continue;
          if (target.getAttribute('role') === 'combobox') settled.add(target);
          else settled.delete(target);
        }
      });
      observer.observe(document.body, { subtree: true, attributes: true, attributeFilter: ['role'] });
      document.addEventListener('focusin', onFocusIn, true);
    }
    return () => {
      if (--installed === 0) {
        observer?.disconnect();
        observer = null;
        document.removeEventListener('focusin', onFocusIn, true);
      }
    };
  }, []);
}

export default function SearchBarWrapper(props: ComponentProps<typeof SearchBar>): ReactNode {
  useFocusGuard();
  return <SearchBar {...props} />;
}
