import { request } from 'node:http';
import { CloseCode, JOIN_CODE_ALPHABET } from '@samskapa/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connect, setNote, createWorkshop, notes, synced, waitFor } from './helpers/clients';
import { startServer, type RunningServer } from './helpers/server';

const post = (server: RunningServer, body: string, type = 'application/json') =>
  fetch(`${server.http}/api/workshops`, { method: 'POST', headers: { 'content-type': type }, body });

/** The status of a create request that declares `length` bytes of body and sends only its start. */
function declaredLengthStatus(server: RunningServer, length: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request(
      `${server.http}/api/workshops`,
      { method: 'POST', headers: { 'content-type': 'application/json', 'content-length': String(length) } },
      (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
        req.destroy();
      },
    );
    req.on('error', reject);
    req.write('{"title":"');
  });
}

describe('workshops, links and join codes over HTTP', () => {
  let server: RunningServer;
  beforeAll(async () => {
    server = await startServer({
      env: {
        JOIN_MISSES_PER_10_MINUTES: '5',
        MAX_CONNECTIONS_PER_ADDRESS: '40',
        PUBLIC_URL: 'https://samskapa.example.se',
      },
    });
  });
  afterAll(async () => {
    await server.stop();
  });

  it('creating a workshop returns three links with secrets in the fragment and a readable join code', async () => {
    const w = await createWorkshop(server, 'Visuell målbild – Nära vård');
    expect(w.title).toBe('Visuell målbild – Nära vård');
    expect(w.joinCode).toMatch(new RegExp(`^[${JOIN_CODE_ALPHABET}]{6}$`));
    expect(w.facilitatorUrl).toBe(`https://samskapa.example.se/w/${w.id}#f=${w.facilitatorToken}`);
    expect(w.participantUrl).toBe(`https://samskapa.example.se/w/${w.id}#p=${w.participantToken}`);
    expect(w.viewerUrl).toBe(`https://samskapa.example.se/w/${w.id}#v=${w.viewerToken}`);
    for (const token of [w.facilitatorToken, w.participantToken, w.viewerToken]) {
      // 256 bits in base64url
      expect(Buffer.from(token, 'base64url').length).toBe(32);
    }
    expect(new Set([w.facilitatorToken, w.participantToken, w.viewerToken]).size).toBe(3);
    // Deleted after the default 90 days, and the facilitator is told when.
    const days = (Date.parse(w.retainUntil) - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(89.9);
    expect(days).toBeLessThanOrEqual(90);
  });

  it('a bad body gets 400 with the reasons, an oversized body 413, and nothing is created', async () => {
    for (const body of [
      '{"title":""}',
      '{}',
      '{"title":"x","admin":true}',
      'not json',
      '{"title":"x","locale":"fi"}',
    ]) {
      const res = await post(server, body);
      expect(res.status, body).toBe(400);
    }
    // Larger than a template file may be: refused from its declared length, before it is read (the body is
    // not sent whole: the server answers and closes first, which a client still writing sees as EPIPE).
    expect(await declaredLengthStatus(server, 4 * 1024 * 1024 + 1)).toBe(413);
  });

  it('the join code works typed in lower case with spaces, and hands out the participant token', async () => {
    const w = await createWorkshop(server);
    const typed = `${w.joinCode.slice(0, 3).toLowerCase()} ${w.joinCode.slice(3)}`;
    const res = await fetch(`${server.http}/api/join/${encodeURIComponent(typed)}`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ workshopId: w.id, participantToken: w.participantToken });
    const participant = connect(server, w.id, 'board', w.participantToken);
    await synced(participant);
    participant.destroy();
  });

  it('a facilitator reads the workshop with its token; others learn their role; no token gets 401', async () => {
    const w = await createWorkshop(server, 'Framtidsläge');
    const as = (token: string) =>
      fetch(`${server.http}/api/workshops/${w.id}`, { headers: { authorization: `Bearer ${token}` } });
    const f = await as(w.facilitatorToken);
    expect(f.status).toBe(200);
    expect(await f.json()).toMatchObject({
      id: w.id,
      title: 'Framtidsläge',
      role: 'facilitator',
      joinCode: w.joinCode,
    });
    expect(((await (await as(w.viewerToken)).json()) as { role: string }).role).toBe('viewer');
    expect((await as('wrong')).status).toBe(401);
    expect((await fetch(`${server.http}/api/workshops/${w.id}`)).status).toBe(401);
  });

  it('facilitators and viewers read the participant link for sharing; a participant reads no other secret', async () => {
    const w = await createWorkshop(server, 'Referensgrupp');
    const summaryAs = async (token: string) => {
      const res = await fetch(`${server.http}/api/workshops/${w.id}`, {
        headers: { authorization: `Bearer ${token}` },
      });
      expect(res.status).toBe(200);
      return res.text();
    };
    for (const token of [w.facilitatorToken, w.viewerToken]) {
      const text = await summaryAs(token);
      expect(JSON.parse(text)).toMatchObject({ joinCode: w.joinCode, participantToken: w.participantToken });
      // The facilitator's own token never comes back, and a viewer learns neither of the stronger ones.
      expect(text).not.toContain(w.facilitatorToken);
      if (token === w.viewerToken) expect(text).not.toContain(w.viewerToken);
    }
    const asParticipant = await summaryAs(w.participantToken);
    expect(JSON.parse(asParticipant)).toMatchObject({ role: 'participant', joinCode: w.joinCode });
    expect(JSON.parse(asParticipant)).not.toHaveProperty('participantToken');
    for (const secret of [w.facilitatorToken, w.viewerToken, w.participantToken]) {
      expect(asParticipant).not.toContain(secret);
    }
  });

  it('only the facilitator deletes a workshop; its sockets close with 4404 and its data is gone', async () => {
    const w = await createWorkshop(server);
    const c = connect(server, w.id, 'board', w.participantToken);
    await synced(c);
    setNote(c.doc, 'n', 'raderas');
    const del = (token: string) =>
      fetch(`${server.http}/api/workshops/${w.id}`, {
        method: 'DELETE',
        headers: { authorization: `Bearer ${token}` },
      });
    expect((await del(w.participantToken)).status).toBe(403);
    expect((await del(w.facilitatorToken)).status).toBe(204);
    await waitFor(() => c.closedFor !== null, 'the participant is told');
    expect(c.closedFor?.code).toBe(CloseCode.notFound);
    c.destroy();
    expect((await fetch(`${server.http}/api/join/${w.joinCode}`)).status).toBe(404);
    const again = connect(server, w.id, 'board', w.facilitatorToken);
    await waitFor(() => again.closedFor !== null, 'reconnecting is refused');
    expect(again.closedFor?.code).toBe(CloseCode.notFound);
    expect(notes(again.doc)).toEqual({});
    again.destroy();
  });

  it('guessing join codes is rate-limited with 429 and Retry-After, and no secret ever reaches the log', async () => {
    const w = await createWorkshop(server);
    const statuses: number[] = [];
    for (let i = 0; i < 8; i++) statuses.push((await fetch(`${server.http}/api/join/ZZZZZ${i + 2}`)).status);
    // Five misses are allowed in ten minutes (an earlier test used one); then every lookup is refused.
    expect(statuses.filter((s) => s === 404).length).toBeGreaterThanOrEqual(4);
    expect(statuses.slice(-3)).toEqual([429, 429, 429]);
    const limited = await fetch(`${server.http}/api/join/${w.joinCode}`);
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    // Claiming another address does not help when no proxy is trusted.
    const spoofed = await fetch(`${server.http}/api/join/${w.joinCode}`, {
      headers: { 'x-forwarded-for': '198.51.100.77' },
    });
    expect(spoofed.status).toBe(429);

    const log = server.output.join('\n');
    expect(log).toContain('"route":"/api/join/:code"');
    for (const secret of [w.facilitatorToken, w.participantToken, w.viewerToken, w.joinCode]) {
      expect(log).not.toContain(secret);
    }
  });

  it('connections beyond the per-address limit get 4429', async () => {
    const w = await createWorkshop(server);
    const clients = Array.from({ length: 45 }, () => connect(server, w.id, 'board', w.viewerToken));
    await waitFor(() => clients.filter((c) => c.closedFor).length >= 5, 'five are refused');
    expect(
      clients.filter((c) => c.closedFor?.code === CloseCode.tooManyConnections).length,
    ).toBeGreaterThanOrEqual(5);
    for (const c of clients) c.destroy();
  });

  it('health and metrics describe the running server', async () => {
    expect(await (await fetch(`${server.http}/healthz`)).json()).toEqual({ status: 'ok' });
    const w = await createWorkshop(server);
    const c = connect(server, w.id, 'board', w.participantToken);
    await synced(c);
    setNote(c.doc, 'm', 'räknas');
    const metric = async (name: string) => {
      const text = await (await fetch(`${server.http}/metrics`)).text();
      return Number(new RegExp(`^${name} ([0-9.e+-]+)$`, 'm').exec(text)?.[1]);
    };
    const deadline = Date.now() + 10_000;
    while ((await metric('samskapa_updates_total')) < 1 && Date.now() < deadline)
      await new Promise((r) => setTimeout(r, 50));
    expect(await metric('samskapa_updates_total')).toBeGreaterThanOrEqual(1);
    expect(await metric('samskapa_connections')).toBeGreaterThanOrEqual(1);
    expect(await metric('samskapa_rooms')).toBeGreaterThanOrEqual(1);
    expect(await metric('samskapa_store_bytes')).toBeGreaterThan(0);
    c.destroy();
  });

  it('every response forbids other origins, framing and referrers', async () => {
    for (const path of ['/healthz', '/api/config', '/w/some-page']) {
      const res = await fetch(`${server.http}${path}`);
      const csp = res.headers.get('content-security-policy') ?? '';
      expect(csp).toContain("default-src 'self'");
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).not.toMatch(/https?:/);
      expect(res.headers.get('referrer-policy')).toBe('no-referrer');
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    }
  });

  it('the public configuration carries no licence key unless one is configured, and sign-in is off', async () => {
    expect(await (await fetch(`${server.http}/api/config`)).json()).toEqual({
      tldrawLicenseKey: null,
      signIn: false,
      requireSignInToCreate: false,
    });
  });
});

describe('behind a trusted reverse proxy', () => {
  it('limits wrong join codes per client address from X-Forwarded-For, not per proxy', async () => {
    const server = await startServer({ env: { TRUST_PROXY_HOPS: '1', JOIN_MISSES_PER_10_MINUTES: '3' } });
    try {
      const w = await createWorkshop(server);
      const from = (address: string, code: string) =>
        fetch(`${server.http}/api/join/${code}`, { headers: { 'x-forwarded-for': address } }).then(
          (r) => r.status,
        );
      for (let i = 0; i < 4; i++) await from('203.0.113.1', 'ZZZZZ2');
      expect(await from('203.0.113.1', w.joinCode)).toBe(429);
      // Someone else in the same venue behind the same proxy still gets in.
      expect(await from('203.0.113.2', w.joinCode)).toBe(200);
    } finally {
      await server.stop();
    }
  });
});
