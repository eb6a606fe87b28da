import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWorkshop } from './helpers/clients';
import { solidPng } from './helpers/png';
import { startServer, type RunningServer } from './helpers/server';
import { queryStoreFile } from './helpers/sqlite';

const MAX_ASSET_BYTES = 100_000;

describe('images stored as assets on the server', () => {
  let server: RunningServer;
  beforeAll(async () => {
    server = await startServer({ env: { MAX_ASSET_BYTES: String(MAX_ASSET_BYTES) } });
  });
  afterAll(async () => {
    await server.stop();
  });

  const upload = (workshopId: string, token: string, body: Uint8Array | string, type = 'image/png') =>
    fetch(`${server.http}/api/workshops/${workshopId}/assets`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': type },
      body: typeof body === 'string' ? body : new Uint8Array(body),
    });

  async function uploaded(res: Response): Promise<{ id: string; url: string }> {
    expect(res.status, await res.clone().text()).toBe(201);
    return (await res.json()) as { id: string; url: string };
  }

  it('a participant uploads a PNG and anyone with its URL gets the same bytes back', async () => {
    const w = await createWorkshop(server);
    const png = solidPng(40, 30, [200, 40, 40]);
    const { id, url } = await uploaded(await upload(w.id, w.participantToken, png));
    expect(Buffer.from(id, 'base64url').length).toBe(32);
    expect(url).toBe(`/api/assets/${id}`);

    const res = await fetch(`${server.http}${url}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('image/png');
    expect(res.headers.get('cache-control')).toBe('private, max-age=31536000, immutable');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(Buffer.from(await res.arrayBuffer()).equals(png)).toBe(true);
  });

  it('JPEG, GIF and WebP are accepted by their signatures; a facilitator may upload too', async () => {
    const w = await createWorkshop(server);
    const samples: [string, Buffer][] = [
      ['image/jpeg', Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 0x4a, 0x46, 0x49, 0x46])],
      ['image/gif', Buffer.from('GIF89a\x01\x00\x01\x00\x00\x00\x00;', 'latin1')],
      ['image/webp', Buffer.from('RIFF\x1a\x00\x00\x00WEBPVP8L\x0d\x00\x00\x00', 'latin1')],
    ];
    for (const [type, bytes] of samples) {
      const { url } = await uploaded(await upload(w.id, w.facilitatorToken, bytes, type));
      const res = await fetch(`${server.http}${url}`);
      expect(res.headers.get('content-type')).toBe(type);
      expect(Buffer.from(await res.arrayBuffer()).equals(bytes)).toBe(true);
    }
  });

  it('a viewer gets 403, a wrong or missing token 401, an unknown workshop 404', async () => {
    const w = await createWorkshop(server);
    const png = solidPng(2, 2, [0, 0, 0]);
    const viewer = await upload(w.id, w.viewerToken, png);
    expect(viewer.status).toBe(403);
    expect(await viewer.json()).toMatchObject({ error: 'forbidden', message: expect.any(String) });
    expect((await upload(w.id, 'not-a-token', png)).status).toBe(401);
    const anonymous = await fetch(`${server.http}/api/workshops/${w.id}/assets`, {
      method: 'POST',
      headers: { 'content-type': 'image/png' },
      body: new Uint8Array(png),
    });
    expect(anonymous.status).toBe(401);
    expect((await upload('AAAAAAAAAAAAAAAA', w.participantToken, png)).status).toBe(404);
  });

  it('SVG, other types and bytes that are not the image they claim to be get 415', async () => {
    const w = await createWorkshop(server);
    const svg = '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>';
    const refused = await upload(w.id, w.participantToken, svg, 'image/svg+xml');
    expect(refused.status).toBe(415);
    expect(await refused.json()).toMatchObject({ message: expect.stringContaining('image/png') });
    expect((await upload(w.id, w.participantToken, 'hello', 'text/plain')).status).toBe(415);
    // The declared type must match the bytes: a PNG declared as JPEG, HTML declared as PNG.
    const png = solidPng(2, 2, [0, 0, 0]);
    expect((await upload(w.id, w.participantToken, png, 'image/jpeg')).status).toBe(415);
    const html = Buffer.from('<html><script>alert(1)</script></html>');
    const fake = await upload(w.id, w.participantToken, html, 'image/png');
    expect(fake.status).toBe(415);
    expect(await fake.json()).toMatchObject({ error: 'not_an_image' });
    expect((await upload(w.id, w.participantToken, Buffer.alloc(0))).status).toBe(415);
  });

  it('an image over MAX_ASSET_BYTES gets 413, whether its length is declared or streamed', async () => {
    const w = await createWorkshop(server);
    const big = Buffer.concat([solidPng(1, 1, [0, 0, 0]), Buffer.alloc(MAX_ASSET_BYTES)]);
    const declared = await upload(w.id, w.participantToken, big);
    expect(declared.status).toBe(413);
    expect(await declared.json()).toMatchObject({ error: 'too_large', maxBytes: MAX_ASSET_BYTES });
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        for (let i = 0; i < big.length; i += 16_384) controller.enqueue(big.subarray(i, i + 16_384));
        controller.close();
      },
    });
    const streamed = await fetch(`${server.http}/api/workshops/${w.id}/assets`, {
      method: 'POST',
      headers: { authorization: `Bearer ${w.participantToken}`, 'content-type': 'image/png' },
      body: stream,
      duplex: 'half',
    } as RequestInit);
    expect(streamed.status).toBe(413);
    expect(await streamed.json()).toMatchObject({ error: 'too_large' });
  });

  it('unknown asset ids answer 404', async () => {
    expect((await fetch(`${server.http}/api/assets/${'A'.repeat(43)}`)).status).toBe(404);
    expect((await fetch(`${server.http}/api/assets/short`)).status).toBe(404);
  });

  it('deleting the workshop deletes its images: the URL answers 404 and no row is left', async () => {
    const w = await createWorkshop(server);
    const other = await createWorkshop(server);
    const { url } = await uploaded(await upload(w.id, w.participantToken, solidPng(4, 4, [1, 2, 3])));
    const kept = await uploaded(await upload(other.id, other.participantToken, solidPng(4, 4, [3, 2, 1])));
    const deleted = await fetch(`${server.http}/api/workshops/${w.id}`, {
      method: 'DELETE',
      headers: { authorization: `Bearer ${w.facilitatorToken}` },
    });
    expect(deleted.status).toBe(204);
    expect((await fetch(`${server.http}${url}`)).status).toBe(404);
    expect((await fetch(`${server.http}${kept.url}`)).status).toBe(200);
    const rows = queryStoreFile<{ n: number }>(
      server.dataDir,
      'SELECT count(*) AS n FROM assets WHERE workshop_id = ?',
      w.id,
    );
    expect(rows.n).toBe(0);
  });

  it('uploads beyond ASSET_UPLOADS_PER_MINUTE from one address get 429 with a retry time', async () => {
    const limited = await startServer({ env: { ASSET_UPLOADS_PER_MINUTE: '2' } });
    try {
      const w = await createWorkshop(limited);
      const send = () =>
        fetch(`${limited.http}/api/workshops/${w.id}/assets`, {
          method: 'POST',
          headers: { authorization: `Bearer ${w.participantToken}`, 'content-type': 'image/png' },
          body: new Uint8Array(solidPng(2, 2, [9, 9, 9])),
        });
      expect((await send()).status).toBe(201);
      expect((await send()).status).toBe(201);
      const refused = await send();
      expect(refused.status).toBe(429);
      expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
      expect(await refused.json()).toMatchObject({ error: 'rate_limited' });
    } finally {
      await limited.stop();
    }
  });

  it('images survive a restart of the server', async () => {
    const w = await createWorkshop(server);
    const png = solidPng(12, 12, [10, 200, 10]);
    const { url } = await uploaded(await upload(w.id, w.participantToken, png));
    await server.stop();
    server = await startServer({
      dataDir: server.dataDir,
      port: server.port,
      env: { MAX_ASSET_BYTES: String(MAX_ASSET_BYTES) },
    });
    const res = await fetch(`${server.http}${url}`);
    expect(res.status).toBe(200);
    expect(Buffer.from(await res.arrayBuffer()).equals(png)).toBe(true);
  });
});
