/**
 * Parses mermaid diagrams in Node the way the browser will: mermaid 11 needs
 * a DOM, so a jsdom window stands in (measured: every diagram type parses,
 * broken ones are rejected, ~1,000 files in under a second). Loaded lazily:
 * only a check that meets a mermaid block pays for it.
 */
type MermaidApi = { parse(text: string, options?: { suppressErrors?: boolean }): Promise<unknown> };

let loading: Promise<MermaidApi> | null = null;

async function loadMermaid(): Promise<MermaidApi> {
  const { JSDOM } = await import('jsdom');
  const { window } = new JSDOM('<!doctype html><html><body></body></html>', { pretendToBeVisual: true });
  const g = globalThis as Record<string, unknown>;
  for (const key of ['window', 'document', 'DOMParser', 'Element', 'HTMLElement', 'SVGElement', 'Node', 'navigator']) {
    if (g[key] === undefined) {
      try {
        g[key] = key === 'window' ? window : (window as unknown as Record<string, unknown>)[key];
      } catch {
        // navigator is a getter on newer Node versions: keep Node's own.
      }
    }
  }
  const mermaid = ((await import('mermaid')) as unknown as { default: MermaidApi & { initialize?(c: object): void } }).default;
  mermaid.initialize?.({ startOnLoad: false });
  return mermaid;
}

/** Null when the diagram parses; else mermaid's message and the line it names (1-based, in the diagram). */
export async function mermaidSyntax(diagram: string): Promise<{ line: number | null; message: string } | null> {
  loading ??= loadMermaid();
  const mermaid = await loading;
  try {
    await mermaid.parse(diagram);
    return null;
  } catch (error) {
    const e = error as { message?: string; str?: string; hash?: { line?: number; loc?: { first_line?: number } } };
    const message = String(e.message ?? e.str ?? error).trim();
    const fromHash = e.hash?.loc?.first_line ?? (typeof e.hash?.line === 'number' ? e.hash.line + 1 : undefined);
    const fromText = /line (\d+)/i.exec(message);
    const line = fromHash ?? (fromText ? Number(fromText[1]) : null);
    return { line, message: message.split('\n').filter((l) => l.trim() !== '').slice(0, 4).join(' ') };
  }
}
