import { createServer, type Server } from 'node:http';
import { mkdtemp, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runHandbook } from '../support/cli.js';

async function check(cwd: string, args: string[]) {
  const { code, stdout, stderr } = await runHandbook(['check', '--format', 'json', '--rules', 'link-external', ...args], { cwd, env: { HANDBOOK_CACHE_DIR: '' } });
  return { code, stderr, diagnostics: (JSON.parse(stdout) as { diagnostics: { line: number; column: number; message: string }[] }).diagnostics };
}

/** `handbook check --external` against a local server: what is reported, and that only successes are cached. */
describe('handbook check --external', () => {
  let server: Server;
  let base = '';
  let closed = '';
  let dir = '';
  const requests: string[] = [];

  beforeAll(async () => {
    server = createServer((req, res) => {
      requests.push(`${req.method} ${req.url}`);
      if (req.url === '/ok') res.writeHead(200).end('ok');
      else if (req.url === '/moved') res.writeHead(301, { location: '/ok' }).end();
      else if (req.url === '/head-refused') res.writeHead(req.method === 'HEAD' ? 405 : 200).end();
      else if (req.url === '/limited') res.writeHead(429).end();
      else res.writeHead(404).end('gone');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
    // A port nothing listens on: open one and close it.
    const probe = createServer();
    await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
    closed = `http://127.0.0.1:${(probe.address() as { port: number }).port}/`;
    await new Promise((resolve) => probe.close(resolve));
    dir = await mkdtemp(join(tmpdir(), 'handbook-external-'));
    await mkdir(join(dir, 'docs'));
    await writeFile(
      join(dir, 'docs/links.md'),
      [`# Links`, '', `[ok](${base}/ok#part) [moved](${base}/moved)`, `[head](${base}/head-refused) [limited](${base}/limited)`, `[gone](${base}/gone) [down](${closed})`, `[ok again](${base}/ok)`, ''].join('\n'),
    );
  });
  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('reports the links that do not answer, fetches each URL once, and remembers only successes', async () => {
    const first = await check(dir, ['--external']);
    expect(first.diagnostics.map((d) => [d.line, d.column, d.message])).toEqual([
      [5, 1, `Unexpected HTTP 404 for external link \`${base}/gone\`, expected a page that answers`],
      [5, `[gone](${base}/gone) `.length + 1, `Unexpected failure (ECONNREFUSED) for external link \`${closed}\`, expected a page that answers`],
    ]);
    expect(first.code).toBe(1);
    expect(first.stderr).toBe('handbook check: external links: 6 fetched, 0 answered from the cache (.handbook/cache/external.json), 2 failed\n');
    // HEAD first, GET when HEAD is refused; /ok once for both links to it; the redirect followed.
    expect(requests.sort()).toEqual(['GET /gone', 'GET /head-refused', 'GET /limited', 'HEAD /gone', 'HEAD /head-refused', 'HEAD /limited', 'HEAD /moved', 'HEAD /ok', 'HEAD /ok'].sort());
    const cache = JSON.parse(await readFile(join(dir, '.handbook/cache/external.json'), 'utf8')) as { ok: Record<string, number> };
    expect(Object.keys(cache.ok).sort()).toEqual([`${base}/head-refused`, `${base}/moved`, `${base}/ok`].sort());

    requests.length = 0;
    const second = await check(dir, ['--external']);
    expect(second.diagnostics).toHaveLength(2);
    expect(requests.sort()).toEqual(['GET /gone', 'GET /limited', 'HEAD /gone', 'HEAD /limited']);
    expect(second.stderr).toContain('3 fetched, 3 answered from the cache');
  });

  it('fetches nothing without --external', async () => {
    requests.length = 0;
    const plain = await check(dir, []);
    expect(plain.diagnostics).toEqual([]);
    expect(requests).toEqual([]);
  });
});
