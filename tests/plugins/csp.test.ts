import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { addPolicyMeta, createHeadersFile, createPolicy, frameScripts, inlineScripts, scriptHash } from '../../plugins/csp/policy.js';

const page = [
  '<!doctype html><html><head><meta charset="UTF-8"><title>x</title>',
  '<script type="application/ld+json">{"a":"\\u003c/script>"}</script>',
  '<script src="/assets/js/main.js" defer></script>',
  '<script type=module>import "/x.js"</script>',
  '</head><body><script>(function(){document.documentElement.setAttribute("data-theme","dark")})()</script>',
  '<div id="__docusaurus"><article><p>doc</p><script>alert("raw html in a doc")</script></article></div>',
  '<SCRIPT type="text/template"><p>not script</p></SCRIPT></body></html>',
].join('');

describe('Content-Security-Policy', () => {
  it('finds the inline scripts a browser executes: not data blocks, templates or src scripts', () => {
    expect(inlineScripts(page).map((s) => s.text)).toEqual(['import "/x.js"', '(function(){document.documentElement.setAttribute("data-theme","dark")})()', 'alert("raw html in a doc")']);
  });

  it('allows only the scripts of the frame: one inside the React root came from a doc', () => {
    expect(frameScripts(page).map((s) => s.text)).toEqual(['import "/x.js"', '(function(){document.documentElement.setAttribute("data-theme","dark")})()']);
    expect(frameScripts('<head><script>a()</script><script data-rh="true">fromAPage()</script></head>').map((s) => s.text)).toEqual(['a()']);
    const banner = `<head><script data-rh=true>b.innerHTML='<div id="__docusaurus-base-url-issue-banner">'</script></head><body><script>theme()</script><div id=__docusaurus><script>doc()</script></div>`;
    expect(frameScripts(banner).map((s) => s.text)).toEqual(['theme()']);
  });

  it('hashes a script text as CSP does: base64 SHA-256 of its UTF-8', () => {
    expect(scriptHash('alert(1)')).toBe(`'sha256-${createHash('sha256').update('alert(1)').digest('base64')}'`);
    expect(scriptHash('alert(1)')).toBe("'sha256-bhHHL3z2vDgxUt0W3dWQOrprscmda2Y5pLsLg4GF+pI='");
  });

  it('allows self and the hashes, never unsafe-inline for scripts; frame-ancestors only in the header', () => {
    const meta = createPolicy({ scriptHashes: ["'sha256-b'", "'sha256-a'", "'sha256-b'"], meta: true });
    expect(meta).toBe(
      "default-src 'self'; script-src 'self' 'sha256-a' 'sha256-b'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; connect-src 'self'; worker-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'",
    );
    expect(createPolicy({ scriptHashes: [], meta: false })).toMatch(/; frame-ancestors 'none'$/);
    expect(createHeadersFile('P')).toBe('/*\n  Content-Security-Policy: P\n  X-Content-Type-Options: nosniff\n  Referrer-Policy: strict-origin-when-cross-origin\n');
  });

  it('puts the meta element right after the charset, before every script, once', () => {
    const out = addPolicyMeta(page, `script-src 'self' "x" &`);
    expect(out.startsWith('<!doctype html><html><head><meta charset="UTF-8"><meta http-equiv="Content-Security-Policy" content="script-src \'self\' &quot;x&quot; &amp;"><title>')).toBe(true);
    expect(out.indexOf('Content-Security-Policy')).toBeLessThan(out.indexOf('<script'));
    expect(() => addPolicyMeta(out, 'x')).toThrow('the page already has a Content-Security-Policy meta element');
    expect(addPolicyMeta('<html><head></head></html>', 'x')).toBe('<html><head><meta http-equiv="Content-Security-Policy" content="x"></head></html>');
    expect(() => addPolicyMeta('<p>no head</p>', 'x')).toThrow('the page has no <head>');
  });
});
