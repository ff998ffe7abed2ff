import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { serveStatic } from './static-server.js';

/** GET with an optional Accept-Encoding; the raw body and headers. */
function get(url: string, encoding?: string): Promise<{ status: number; headers: Record<string, unknown>; body: Buffer }> {
  return new Promise((resolve, reject) => {
    request(url, { headers: encoding ? { 'accept-encoding': encoding } : {} }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (c: Buffer) => chunks.push(c));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks) }));
    })
      .on('error', reject)
      .end();
  });
}

describe('serveStatic', () => {
  it('serves /x as x/index.html, gzipped only with the gzip option and an Accept-Encoding that allows it', async () => {
    const root = await mkdtemp(join(tmpdir(), 'static-server-'));
    await mkdir(join(root, 'docs'));
    const html = '<!doctype html><title>A doc</title>'.repeat(50);
    await writeFile(join(root, 'docs/index.html'), html);
    await writeFile(join(root, 'logo.png'), Buffer.from([137, 80, 78, 71]));

    const plain = await serveStatic(root);
    try {
      const page = await get(plain.url + '/docs', 'gzip');
      expect(page.headers['content-encoding']).toBeUndefined();
      expect(page.body.toString()).toBe(html);
    } finally {
      await plain.close();
    }

    const gzip = await serveStatic(root, { gzip: true });
    try {
      const page = await get(gzip.url + '/docs', 'gzip, deflate, br');
      expect(page.headers['content-encoding']).toBe('gzip');
      expect(page.body.length).toBeLessThan(html.length / 5);
      expect(gunzipSync(page.body).toString()).toBe(html);
      expect((await get(gzip.url + '/docs')).body.toString()).toBe(html);
      const image = await get(gzip.url + '/logo.png', 'gzip');
      expect(image.headers['content-encoding']).toBeUndefined();
      expect(image.body).toEqual(Buffer.from([137, 80, 78, 71]));
    } finally {
      await gzip.close();
    }
  });
});
