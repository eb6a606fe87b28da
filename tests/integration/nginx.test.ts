import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CreateWorkshopResponse, JoinResponse } from '@samskapa/shared';
import { connect, setNote, notes, synced, waitFor, type Client } from './helpers/clients';
import { noisyPng } from './helpers/png';
import { startServer, type RunningServer } from './helpers/server';
import { startNginx, type TestNginx } from './helpers/services';

let server: RunningServer;
let proxy: TestNginx;
const clients: Client[] = [];

beforeAll(async () => {
  server = await startServer({ env: { TRUST_PROXY_HOPS: '1' } });
  proxy = await startNginx(server.port);
});
afterAll(async () => {
  for (const c of clients) c.destroy();
  await proxy?.stop();
  await server?.stop();
});

async function createWorkshopThroughProxy(): Promise<CreateWorkshopResponse> {
  const created = await fetch(`${proxy.http}/api/workshops`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ title: 'Visuell målbild Nära vård' }),
  });
  expect(created.status).toBe(201);
  return (await created.json()) as CreateWorkshopResponse;
}

describe('behind nginx, configured as the README says (docs/nginx/samskapa.conf)', () => {
  it('creates, joins by code, syncs over WebSockets and takes a photo upload; its log holds no secret', async () => {
    const w = await createWorkshopThroughProxy();
    const joined = await fetch(`${proxy.http}/api/join/${w.joinCode}`);
    expect(joined.status).toBe(200);
    const { participantToken } = (await joined.json()) as JoinResponse;

    const facilitator = connect(proxy, w.id, 'board', w.facilitatorToken);
    const participant = connect(proxy, w.id, 'board', participantToken);
    clients.push(facilitator, participant);
    await Promise.all([synced(facilitator), synced(participant)]);
    setNote(participant.doc, 'n1', 'Hemsjukvård dygnet runt');
    await waitFor(() => notes(facilitator.doc).n1 === 'Hemsjukvård dygnet runt', 'the note crosses nginx');

    // A photo of a flipchart is larger than nginx's default body limit of 1 MB.
    const photo = noisyPng(900, 900);
    expect(photo.byteLength).toBeGreaterThan(2 * 1024 * 1024);
    const upload = await fetch(`${proxy.http}/api/workshops/${w.id}/assets`, {
      method: 'POST',
      headers: { authorization: `Bearer ${participantToken}`, 'content-type': 'image/png' },
      body: new Uint8Array(photo),
    });
    expect(upload.status, await upload.clone().text()).toBe(201);
    const { id: assetId, url } = (await upload.json()) as { id: string; url: string };
    const image = await fetch(`${proxy.http}${url}`);
    expect(Buffer.from(await image.arrayBuffer()).equals(photo)).toBe(true);

    // nginx logs a WebSocket when it closes.
    facilitator.destroy();
    participant.destroy();
    await waitFor(() => proxy.accessLog().includes('"GET /sync/'), 'the WebSocket requests are logged');
    const log = proxy.accessLog();
    expect(log).toContain('"POST /api/workshops" 201');
    for (const secret of [w.facilitatorToken, participantToken, w.joinCode, assetId]) {
      expect(log).not.toContain(secret);
    }
  });

  it('while the server is down, a reconnecting board gets 502 and no log holds its token', async () => {
    const w = await createWorkshopThroughProxy();
    await server.stop();
    const reconnecting = connect(proxy, w.id, 'board', w.facilitatorToken);
    clients.push(reconnecting);
    await waitFor(
      () => proxy.accessLog().includes('"GET /sync/') && proxy.accessLog().includes('" 502 '),
      'nginx answers 502 for the board',
    );
    reconnecting.destroy();
    expect((await fetch(`${proxy.http}/j/${w.joinCode}`)).status).toBe(502);
    for (const log of [proxy.accessLog(), proxy.errorLogs()]) {
      for (const secret of [w.facilitatorToken, w.joinCode]) expect(log).not.toContain(secret);
    }
  });
});
