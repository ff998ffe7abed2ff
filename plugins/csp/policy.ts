import { createHash } from 'node:crypto';

/**
 * The site's Content-Security-Policy, computed from the built pages: pure
 * functions over HTML text, used by the plugin's `postBuild` (index.ts).
 *
 * Scripts run only from the site's own files and from the inline scripts
 * of the page's frame, each allowed by the SHA-256 of its text (no
 * `'unsafe-inline'`, no `'unsafe-eval'`). The frame is everything before
 * the React root `<div id="__docusaurus">`: the head and Docusaurus's
 * colour-mode script at the start of the body. An inline script inside the
 * root came from a page's content (raw HTML in a doc) and is never hashed,
 * so the browser refuses it. A data block such as the
 * breadcrumbs' `application/ld+json` is never executed, so CSP does not
 * apply to it and it needs no hash. Styles may be inline: React's `style`
 * attributes and mermaid's SVG need them, and a style cannot run script.
 */

/** An inline `<script>` of a page: its text exactly as the browser hashes it. */
export interface InlineScript {
  text: string;
  /** Offset of the text in the page. */
  offset: number;
  /** Written by react-helmet for a page (`data-rh`), not by the site's template. */
  helmet: boolean;
}

const JS_TYPES = new Set(['', 'module', 'text/javascript', 'application/javascript', 'application/ecmascript', 'text/ecmascript', 'text/jscript', 'text/livescript', 'application/x-javascript', 'application/x-ecmascript', 'text/x-javascript', 'text/x-ecmascript']);

function attribute(attributes: string, name: string): string | null {
  const match = new RegExp(`(?:^|\\s)${name}(?:\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s"'>]+)))?`, 'i').exec(attributes);
  if (!match) return null;
  return match[1] ?? match[2] ?? match[3] ?? '';
}

/** Where the React root starts (the page's content); the end of the page when there is none. */
export function contentStart(html: string): number {
  // Exactly `__docusaurus`: the base-URL banner's script writes `<div id="__docusaurus-base-url-issue-banner…">`.
  const root = /<div\s+id=(["']?)__docusaurus\1(?=[\s>])/i.exec(html);
  return root ? root.index : html.length;
}

/** The inline scripts a browser would execute: no `src`, a JavaScript type (or none). */
export function inlineScripts(html: string): InlineScript[] {
  const scripts: InlineScript[] = [];
  for (const match of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script\s*>/gi)) {
    const attributes = match[1]!;
    if (attribute(attributes, 'src') !== null) continue;
    const type = (attribute(attributes, 'type') ?? '').trim().toLowerCase();
    if (!JS_TYPES.has(type)) continue;
    scripts.push({ text: match[2]!, offset: match.index! + match[0].indexOf('>') + 1, helmet: attribute(attributes, 'data-rh') !== null });
  }
  return scripts;
}

/**
 * The inline scripts of the page's frame (before the React root), the ones
 * the policy allows; not those a page put into the head through
 * `<Head>`/`<head>` (react-helmet marks them `data-rh`).
 */
export function frameScripts(html: string): InlineScript[] {
  const end = contentStart(html);
  return inlineScripts(html).filter((s) => s.offset < end && !s.helmet);
}

/** `'sha256-…'`, the CSP source that allows exactly this script text. */
export function scriptHash(text: string): string {
  return `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
}

export interface PolicyOptions {
  /** Hash sources of the inline scripts allowed, like `'sha256-…'`. */
  scriptHashes: Iterable<string>;
  /**
   * For a `<meta http-equiv>`: leaves out what a browser ignores there
   * (`frame-ancestors`), which only an HTTP header can carry.
   */
  meta: boolean;
}

/** The policy text: directives joined by `; `, hashes sorted. */
export function createPolicy({ scriptHashes, meta }: PolicyOptions): string {
  const hashes = [...new Set(scriptHashes)].sort();
  const directives = [
    "default-src 'self'",
    `script-src 'self'${hashes.map((h) => ` ${h}`).join('')}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "worker-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
  ];
  if (!meta) directives.push("frame-ancestors 'none'");
  return directives.join('; ');
}

const escapeAttribute = (text: string) => text.replace(/&/g, '&amp;').replace(/"/g, '&quot;');

/**
 * The page with the policy as a `<meta http-equiv>` at the start of its
 * head (after `<meta charset>`), before any script it governs.
 */
export function addPolicyMeta(html: string, policy: string): string {
  const meta = `<meta http-equiv="Content-Security-Policy" content="${escapeAttribute(policy)}">`;
  if (/<meta\s+http-equiv=["']?Content-Security-Policy/i.test(html)) throw new Error('the page already has a Content-Security-Policy meta element');
  const charset = /<meta\s+charset=[^>]*>/i.exec(html);
  if (charset) return html.slice(0, charset.index + charset[0].length) + meta + html.slice(charset.index + charset[0].length);
  const head = /<head\b[^>]*>/i.exec(html);
  if (!head) throw new Error('the page has no <head>');
  return html.slice(0, head.index + head[0].length) + meta + html.slice(head.index + head[0].length);
}

/**
 * `_headers`, read by Netlify and Cloudflare Pages (and easy to translate for
 * nginx or a CDN): the policy with `frame-ancestors` for every path.
 */
export function createHeadersFile(policy: string): string {
  return ['/*', `  Content-Security-Policy: ${policy}`, '  X-Content-Type-Options: nosniff', '  Referrer-Policy: strict-origin-when-cross-origin', ''].join('\n');
}
