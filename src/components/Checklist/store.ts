import { startTransition, useEffect, useState } from 'react';

/**
 * Progress of one doc's checklist in the browser: ticks (with time and
 * operator), parameter values and the operator's name, saved in
 * `localStorage` under the doc id together with the doc version. Progress
 * saved for another version is never applied: it is kept aside as `stale`
 * until the operator resets. Secret parameter values live in memory only.
 * Open tabs stay in sync through the `storage` event.
 */
export interface Tick {
  /** ISO time of the tick. */
  at: string;
  by?: string;
}

export interface Saved {
  version: string;
  ticks: Record<string, Tick>;
  params: Record<string, string>;
  operator: string;
  updated: string;
}

export interface ChecklistState {
  /** False on the server and until the saved progress is read. */
  ready: boolean;
  ticks: Record<string, Tick>;
  params: Record<string, string>;
  operator: string;
  /** Progress saved for another version of the doc, not applied. */
  stale: Saved | null;
  /**
   * Parameters whose problems are shown: those the operator has edited or
   * left, and those a refused copy needed. Nothing is shown on load (in
   * memory only, never saved).
   */
  revealed: Record<string, true>;
}

export const STORAGE_PREFIX = 'handbook:checklist:';

/**
 * The key of a Markdown task-list item (`- [ ] ...`) among the ticks: `task:`
 * and its position among the doc's task items. Step ids never hold a colon
 * (core/steps.ts `idFromTitle`), so the two never meet; tasks are saved with
 * the steps but are not steps (not counted, not in the run log).
 */
export const taskId = (position: number): string => `task:${position}`;
export const isTaskId = (id: string): boolean => id.startsWith('task:');

const SERVER: ChecklistState = { ready: false, ticks: {}, params: {}, operator: '', stale: null, revealed: {} };

function read(key: string): Saved | null {
  try {
    const raw = window.localStorage.getItem(key);
    if (!raw) return null;
    const saved = JSON.parse(raw) as Partial<Saved>;
    if (typeof saved?.version !== 'string' || typeof saved.ticks !== 'object' || saved.ticks === null) return null;
    return { version: saved.version, ticks: saved.ticks, params: saved.params ?? {}, operator: saved.operator ?? '', updated: saved.updated ?? '' };
  } catch {
    return null;
  }
}

class DocStore {
  state: ChecklistState = SERVER;
  private listeners = new Set<() => void>();
  private loaded = false;
  /** Names of secret params: never written to storage. */
  secrets = new Set<string>();
  private secretValues: Record<string, string> = {};

  constructor(
    readonly key: string,
    readonly version: string,
  ) {}

  private load(): void {
    const saved = read(this.key);
    const fresh = saved && saved.version === this.version ? saved : null;
    this.state = {
      ready: true,
      ticks: fresh?.ticks ?? {},
      params: { ...(fresh?.params ?? {}), ...this.secretValues },
      operator: saved?.operator ?? '',
      stale: saved && !fresh ? saved : null,
      revealed: this.state.revealed,
    };
  }

  private emit(): void {
    for (const listener of this.listeners) listener();
  }

  private onStorage = (event: StorageEvent): void => {
    if (event.key !== this.key && event.key !== null) return;
    this.load();
    this.emit();
  };

  subscribe = (listener: () => void): (() => void) => {
    if (this.listeners.size === 0) window.addEventListener('storage', this.onStorage);
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
      if (this.listeners.size === 0) window.removeEventListener('storage', this.onStorage);
    };
  };

  getSnapshot = (): ChecklistState => {
    if (!this.loaded) {
      this.loaded = true;
      this.load();
    }
    return this.state;
  };

  private update(next: Partial<ChecklistState>, save = true): void {
    this.state = { ...this.state, ...next };
    if (save) {
      const params: Record<string, string> = {};
      for (const [name, value] of Object.entries(this.state.params)) if (!this.secrets.has(name)) params[name] = value;
      const saved: Saved = { version: this.version, ticks: this.state.ticks, params, operator: this.state.operator, updated: new Date().toISOString() };
      try {
        window.localStorage.setItem(this.key, JSON.stringify(saved));
      } catch {
        // Storage full or disabled: progress lives on in this tab only.
      }
      // Saving for this version replaces what another version left.
      this.state = { ...this.state, stale: null };
    }
    this.emit();
  }

  toggle(stepId: string, done: boolean): void {
    const ticks = { ...this.state.ticks };
    if (done) ticks[stepId] = this.state.operator ? { at: new Date().toISOString(), by: this.state.operator } : { at: new Date().toISOString() };
    else delete ticks[stepId];
    this.update({ ticks });
  }

  setParam(name: string, value: string): void {
    if (this.secrets.has(name)) this.secretValues[name] = value;
    this.update({ params: { ...this.state.params, [name]: value } }, !this.secrets.has(name));
  }

  /** Shows the problems of these parameters from now on (after an edit, on leaving a field, on a refused copy). */
  reveal(names: readonly string[]): void {
    if (names.every((name) => this.state.revealed[name])) return;
    const revealed = { ...this.state.revealed };
    for (const name of names) revealed[name] = true;
    this.update({ revealed }, false);
  }

  setOperator(operator: string): void {
    this.update({ operator });
  }

  /** Forgets the ticks and parameter values of every version; keeps the operator's name. */
  reset(): void {
    this.secretValues = {};
    try {
      window.localStorage.removeItem(this.key);
    } catch {
      // ignore
    }
    this.state = { ready: true, ticks: {}, params: {}, operator: this.state.operator, stale: null, revealed: {} };
    if (this.state.operator) this.update({});
    else this.emit();
  }
}

const stores = new Map<string, DocStore>();

/** The one store of a doc in this page (the doc panel, the sections and the steps share it). */
export function storeOf(doc: string, version: string): DocStore {
  const key = STORAGE_PREFIX + doc;
  let store = stores.get(key);
  if (!store || store.version !== version) {
    store = new DocStore(key, version);
    stores.set(key, store);
  }
  return store;
}

/** Whether the page has hydrated (Docusaurus sets the attribute once it has): a checklist mounted later starts from the saved progress. */
const pageHydrated = (): boolean => typeof document !== 'undefined' && document.documentElement.dataset.hasHydrated === 'true';

/**
 * The doc's checklist state; on the server and during hydration, the empty
 * state. The saved progress arrives after hydration as a transition, which
 * React renders in slices of its own: `useSyncExternalStore` would re-render
 * every step synchronously, inside the task that follows hydration, the
 * longest of a phone's page load (BENCHMARKS.md, Lighthouse). A checklist
 * mounted after hydration (client-side navigation) starts from the saved
 * progress. Changes (ticks, other tabs) apply at once.
 */
export function useChecklist(doc: string, version: string): [ChecklistState, DocStore] {
  const store = storeOf(doc, version);
  const [state, setState] = useState<ChecklistState>(() => (pageHydrated() ? store.getSnapshot() : SERVER));
  useEffect(() => {
    const update = () => setState(store.getSnapshot());
    const unsubscribe = store.subscribe(update);
    if (state !== store.getSnapshot()) startTransition(update);
    return unsubscribe;
    // Subscribing once per store; `state` is only read to skip a needless first update.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [store]);
  return [state, store];
}
