import { useEffect, useSyncExternalStore } from 'react';

/**
 * Whether the page shows a checklist: the panel says so while it is
 * mounted, and the skip link at the top of the page (src/theme/SkipToContent)
 * offers "Skip to the next step" only then. The server renders no skip link
 * of ours (the page's checklist is known once the panel has mounted).
 */
let mounted = 0;
const listeners = new Set<() => void>();

function emit(): void {
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Called by the checklist panel: the page has a checklist while the calling component is mounted. */
export function useAnnounceChecklist(): void {
  useEffect(() => {
    mounted++;
    emit();
    return () => {
      mounted--;
      emit();
    };
  }, []);
}

/** True while a checklist panel is mounted on the page; false on the server and during hydration. */
export function useChecklistOnPage(): boolean {
  return useSyncExternalStore(
    subscribe,
    () => mounted > 0,
    () => false,
  );
}

/**
 * The checkbox of the first step not ticked yet (else of the first step):
 * where the skip link and the panel's "Go to the next step" lead.
 */
export function nextStepCheckbox(): HTMLInputElement | null {
  const boxes = [...document.querySelectorAll<HTMLInputElement>('[data-checklist-step] input[type=checkbox]')];
  return boxes.find((box) => !box.checked) ?? boxes[0] ?? null;
}

/** Moves focus to the next step's checkbox and brings the step into view. */
export function focusNextStep(): boolean {
  const box = nextStepCheckbox();
  if (!box) return false;
  box.closest('[data-checklist-step]')?.scrollIntoView({ block: 'start' });
  box.focus({ preventScroll: true });
  return true;
}
