import {
  docName,
  readControlField,
  SIGNED_IN_TOKEN,
  writeControlField,
  type AccountWorkshopList,
  type CreateWorkshopResponse,
  type InvitationLinkResponse,
  type MemberList,
} from '@samskapa/shared';
import { get as httpGet } from 'node:http';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { clientOf, connect, createWorkshop, setNote, synced, waitFor, type Client } from './helpers/clients';
import {
  CookieJar,
  SAMSKAPA_CLIENT,
  startTestProvider,
  TEST_USERS,
  type TestProvider,
} from './helpers/oidcProvider';
import { startServer, tempDataDir, type RunningServer } from './helpers/server';
import { startPostgres, type TestPostgres } from './helpers/services';
import { me, sameOrigin, signIn, throughProvider } from './helpers/signIn';
import { queryStoreFile } from './helpers/sqlite';
import { freePort } from './helpers/server';

/** Start the server with sign-in against `provider` (and whatever else `env` says). */
async function startWithSignIn(
  provider: TestProvider,
  port: number,
  env: Record<string, string> = {},
  dataDir?: string,
): Promise<RunningServer> {
  return startServer({
    port,
    ...(dataDir && { dataDir }),
    env: {
      LOG_LEVEL: 'info',
      OIDC_ISSUER: provider.issuer,
      OIDC_CLIENT_ID: SAMSKAPA_CLIENT.id,
      OIDC_CLIENT_SECRET: SAMSKAPA_CLIENT.secret,
      ...env,
    },
  });
}

/** Lines the server logged about refusing a sign-in, since `from`. */
const refusals = (server: RunningServer, from: number) =>
  server.output.slice(from).filter((line) => line.includes('sign-in refused'));

/** An official y-websocket client that sends the jar's sign-in cookie, as a browser on `origin` does. */
function connectSignedIn(
  server: RunningServer,
  jar: CookieJar,
  workshopId: string,
  kind: 'board' | 'control',
  origin = server.http,
): Client {
  const cookie = jar.header(server.http);
  const doc = new Y.Doc();
  class WithCookie extends WebSocket {
    constructor(url: string, protocols?: string | string[]) {
      super(url, protocols, { headers: { cookie, origin } });
    }
  }
  const provider = new WebsocketProvider(server.ws, docName(workshopId, kind), doc, {
    WebSocketPolyfill: WithCookie as unknown as typeof globalThis.WebSocket,
    params: { token: SIGNED_IN_TOKEN },
    disableBc: true,
    maxBackoffTime: 500,
  });
  return clientOf(provider, doc);
}

describe('sign-in with OpenID Connect against a real provider', () => {
  let provider: TestProvider;
  let server: RunningServer;
  beforeAll(async () => {
    const port = await freePort();
    provider = await startTestProvider([`http://127.0.0.1:${port}`]);
    // Behind one trusted proxy, as in production; requests without its headers are plain loopback.
    server = await startWithSignIn(provider, port, { TRUST_PROXY_HOPS: '1' });
  });
  afterAll(async () => {
    await server?.stop();
    await provider?.stop();
  });

  it('the cookies are Secure unless the request came over plain http to loopback', async () => {
    // node:http rather than fetch, which would not send another Host header.
    const setCookie = (headers: Record<string, string>) =>
      new Promise<string>((resolve, reject) => {
        const req = httpGet(`${server.http}/auth/login`, { headers }, (res) => {
          res.resume();
          const found = (res.headers['set-cookie'] ?? []).find((c) => c.startsWith('samskapa_sign_in='));
          if (found) resolve(found);
          else reject(new Error(`no sign-in cookie: ${res.statusCode}`));
        });
        req.on('error', reject);
      });
    expect(await setCookie({})).not.toMatch(/;\s*Secure/i);
    expect(await setCookie({ 'x-forwarded-proto': 'https' })).toMatch(/;\s*Secure/i);
    expect(await setCookie({ host: 'samskapa.region.example' })).toMatch(/;\s*Secure/i);
  });

  it('the start page learns that sign-in is on', async () => {
    const config = (await (await fetch(`${server.http}/api/config`)).json()) as Record<string, unknown>;
    expect(config).toMatchObject({ signIn: true, requireSignInToCreate: false });
  });

  it('a facilitator signs in at the provider (code flow with PKCE), is signed in, and signs out there too', async () => {
    const jar = new CookieJar();
    expect(await me(jar, server)).toBeNull();
    const start = await jar.fetch(`${server.http}/auth/login?returnTo=/w/abc`);
    expect(start.status).toBe(303);
    const authorize = new URL(start.headers.get('location')!);
    expect(authorize.origin).toBe(provider.issuer);
    expect(Object.fromEntries(authorize.searchParams)).toMatchObject({
      client_id: SAMSKAPA_CLIENT.id,
      response_type: 'code',
      scope: 'openid email profile',
      code_challenge_method: 'S256',
      redirect_uri: `${server.http}/auth/callback`,
    });
    for (const p of ['state', 'nonce', 'code_challenge']) expect(authorize.searchParams.get(p)).toBeTruthy();
    const sessionCookie = start.headers.getSetCookie().find((c) => c.startsWith('samskapa_sign_in='));
    expect(sessionCookie).toMatch(/HttpOnly/i);
    expect(sessionCookie).toMatch(/SameSite=Lax/i);

    await signIn(jar, server, provider, 'alice');
    const user = await me(jar, server);
    expect(user).toMatchObject({ name: TEST_USERS.alice.name, email: TEST_USERS.alice.email.toLowerCase() });

    const out = await sameOrigin(jar, server, 'POST', '/auth/logout');
    expect(out.status).toBe(200);
    const { redirect } = (await out.json()) as { redirect: string };
    // RP-initiated logout: the provider's end_session_endpoint, with the ID token and the way back.
    const end = new URL(redirect);
    expect(end.origin).toBe(provider.issuer);
    expect(end.searchParams.get('id_token_hint')).toBeTruthy();
    expect(end.searchParams.get('post_logout_redirect_uri')).toBe(`${server.http}/`);
    expect(await me(jar, server)).toBeNull();
  });

  it('after signing in the browser returns to the page it came from, never to another site', async () => {
    const returnsTo = async (returnTo: string) => {
      const jar = new CookieJar();
      provider.signInAs('alice');
      let url = new URL(`${server.http}/auth/login?returnTo=${encodeURIComponent(returnTo)}`);
      for (let hop = 0; hop < 10; hop++) {
        const res = await jar.fetch(url.href);
        if (url.pathname === '/auth/callback') return res.headers.get('location');
        url = new URL(res.headers.get('location')!, url);
      }
      throw new Error('no way back to Samskapa');
    };
    expect(await returnsTo('/w/abc123')).toBe('/w/abc123');
    expect(await returnsTo('//evil.example/')).toBe('/');
    expect(await returnsTo('/\\evil.example/')).toBe('/');
    expect(await returnsTo('https://evil.example/')).toBe('/');
  });

  it('the session cookie is HttpOnly, SameSite=Lax, and not readable or forgeable', async () => {
    const jar = new CookieJar();
    const callback = await throughProvider(jar, server, provider, 'alice');
    const res = await jar.fetch(callback.href);
    const cookie = res.headers.getSetCookie().find((c) => c.startsWith('samskapa_session='))!;
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    expect(cookie).not.toContain(TEST_USERS.alice.sub);
    const forged = new CookieJar();
    const value = jar.get(server.http, 'samskapa_session')!;
    await forged.fetch(`${server.http}/healthz`);
    const res2 = await fetch(`${server.http}/api/me`, {
      headers: { cookie: `samskapa_session=${value.slice(0, -6)}AAAAAA` },
    });
    expect(((await res2.json()) as { user: unknown }).user).toBeNull();
  });

  it('an answer whose state was forged is refused, and nobody is signed in', async () => {
    const jar = new CookieJar();
    const callback = await throughProvider(jar, server, provider, 'alice');
    callback.searchParams.set('state', 'forged-state-value');
    const from = server.output.length;
    const res = await jar.fetch(callback.href);
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/?signIn=failed');
    expect(jar.get(server.http, 'samskapa_session')).toBeUndefined();
    expect(await me(jar, server)).toBeNull();
    await waitFor(() => refusals(server, from).length > 0, 'refusal logged');
    expect(refusals(server, from).join('\n')).toMatch(/state/i);
  });

  it('an answer opened in another browser (no sign-in in progress there), or opened twice, is refused', async () => {
    const jar = new CookieJar();
    const callback = await throughProvider(jar, server, provider, 'alice');
    const elsewhere = new CookieJar();
    const res = await elsewhere.fetch(callback.href);
    expect(res.headers.get('location')).toBe('/?signIn=expired');
    expect(await me(elsewhere, server)).toBeNull();
    // The attempt is used up by the first answer, whatever it was.
    expect((await jar.fetch(callback.href)).headers.get('location')).toBe('/');
    const again = new CookieJar();
    const second = await throughProvider(again, server, provider, 'alice');
    expect((await again.fetch(second.href)).headers.get('location')).toBe('/');
    expect((await again.fetch(second.href)).headers.get('location')).toBe('/?signIn=expired');
  });

  it('an ID token with another nonce (a real token of the provider, replayed) is refused', async () => {
    const jar = new CookieJar();
    const callback = await throughProvider(jar, server, provider, 'alice');
    provider.answerNextTokenRequestWith(
      await provider.issueTokens('samskapa', 'alice', 'some-other-nonce', `${server.http}/auth/callback`),
    );
    const from = server.output.length;
    const res = await jar.fetch(callback.href);
    expect(res.headers.get('location')).toBe('/?signIn=failed');
    expect(await me(jar, server)).toBeNull();
    await waitFor(() => refusals(server, from).length > 0, 'refusal logged');
    expect(refusals(server, from).join('\n')).toMatch(/nonce/i);
  });

  it('an ID token the provider issued to another client is refused, even with the expected nonce', async () => {
    const jar = new CookieJar();
    const start = await jar.fetch(`${server.http}/auth/login`);
    const nonce = new URL(start.headers.get('location')!).searchParams.get('nonce')!;
    // Restart through the provider with the same attempt: the jar still holds it.
    provider.signInAs('alice');
    let url = new URL(start.headers.get('location')!);
    while (url.href.startsWith(provider.issuer)) {
      url = new URL((await jar.fetch(url.href)).headers.get('location')!, url);
    }
    provider.answerNextTokenRequestWith(await provider.issueTokens('other', 'alice', nonce, ''));
    const from = server.output.length;
    const res = await jar.fetch(url.href);
    expect(res.headers.get('location')).toBe('/?signIn=failed');
    expect(await me(jar, server)).toBeNull();
    await waitFor(() => refusals(server, from).length > 0, 'refusal logged');
    expect(refusals(server, from).join('\n')).toMatch(/aud/i);
  });

  it('a state-changing request from another site is refused when it carries the sign-in cookie', async () => {
    const jar = new CookieJar();
    await signIn(jar, server, provider, 'alice');
    const body = JSON.stringify({ title: 'Planted by another site' });
    const fromOtherSite: Record<string, string>[] = [
      { origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' },
      { origin: 'https://evil.example' },
      // A sibling site on the same registrable domain: SameSite=Lax would send the cookie.
      { 'sec-fetch-site': 'same-site' },
      // No header to say where it came from at all.
      {},
    ];
    for (const headers of fromOtherSite) {
      const res = await jar.fetch(`${server.http}/api/workshops`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body,
      });
      expect(res.status, JSON.stringify(headers)).toBe(403);
      expect(((await res.json()) as { error: string }).error).toBe('cross_site');
    }
    const logout = await jar.fetch(`${server.http}/auth/logout`, {
      method: 'POST',
      headers: { origin: 'https://evil.example' },
    });
    expect(logout.status).toBe(403);
    expect(await me(jar, server)).not.toBeNull();
    const list = (await (await jar.fetch(`${server.http}/api/me/workshops`)).json()) as AccountWorkshopList;
    expect(list.workshops.map((w) => w.title)).not.toContain('Planted by another site');
    // The same request from the page itself goes through.
    expect((await sameOrigin(jar, server, 'POST', '/api/workshops', { title: 'Från sidan' })).status).toBe(
      201,
    );
    // A WebSocket another site opens with the cookie gets no facilitator role.
    const created = (await (
      await sameOrigin(jar, server, 'POST', '/api/workshops', { title: 'Uttag' })
    ).json()) as CreateWorkshopResponse;
    const hijack = connectSignedIn(server, jar, created.id, 'control', 'https://evil.example');
    await waitFor(() => hijack.closedFor !== null, 'hijacking socket closed');
    expect(hijack.closedFor?.code).toBe(4401);
    hijack.destroy();
  });
});

describe('a sign-in left unfinished longer than SIGN_IN_TIMEOUT_SECONDS', () => {
  let provider: TestProvider;
  let server: RunningServer;
  beforeAll(async () => {
    const port = await freePort();
    provider = await startTestProvider([`http://127.0.0.1:${port}`]);
    server = await startWithSignIn(provider, port, { SIGN_IN_TIMEOUT_SECONDS: '1' });
  });
  afterAll(async () => {
    await server?.stop();
    await provider?.stop();
  });

  it('is refused when the provider finally answers, and nobody is signed in', async () => {
    const jar = new CookieJar();
    const callback = await throughProvider(jar, server, provider, 'alice');
    await new Promise((r) => setTimeout(r, 2500));
    const res = await jar.fetch(callback.href);
    expect(res.headers.get('location')).toBe('/?signIn=expired');
    expect(await me(jar, server)).toBeNull();
    // In time, the same steps sign in.
    const fresh = new CookieJar();
    const quick = await throughProvider(fresh, server, provider, 'alice');
    expect((await fresh.fetch(quick.href)).headers.get('location')).toBe('/');
  });
});

describe.each([
  ['SQLite', 'sqlite'],
  ['PostgreSQL', 'postgres'],
] as const)('workshops of signed-in facilitators, in the %s store', (_name, kind) => {
  let provider: TestProvider;
  let server: RunningServer;
  let pg: TestPostgres | undefined;
  beforeAll(async () => {
    const port = await freePort();
    provider = await startTestProvider([`http://127.0.0.1:${port}`]);
    const env: Record<string, string> = {};
    if (kind === 'postgres') {
      pg = await startPostgres();
      env.DATABASE_URL = pg.url;
      env.SECRET_KEY = 'a-secret-key-for-these-tests-0123456789';
      env.SESSION_SECRET = 'a-session-secret-for-these-tests-0123456789';
    }
    server = await startWithSignIn(provider, port, env);
  });
  afterAll(async () => {
    await server?.stop();
    await provider?.stop();
    await pg?.stop();
  });

  const create = async (jar: CookieJar, title: string) => {
    const res = await sameOrigin(jar, server, 'POST', '/api/workshops', { title });
    expect(res.status).toBe(201);
    return (await res.json()) as CreateWorkshopResponse;
  };
  const mine = async (jar: CookieJar) => {
    const res = await jar.fetch(`${server.http}/api/me/workshops`);
    expect(res.status).toBe(200);
    return ((await res.json()) as AccountWorkshopList).workshops;
  };

  it("lists a signed-in facilitator's workshops on another device, with notes and deletion date", async () => {
    const laptop = new CookieJar();
    await signIn(laptop, server, provider, 'alice');
    const created = await create(laptop, 'Referensgrupp vår');
    const anonymous = await createWorkshop(server, 'Utan inloggning');
    // Two participants write a note each.
    const writers = [0, 1].map(() => connect(server, created.id, 'board', created.participantToken));
    for (const [i, writer] of writers.entries()) {
      await synced(writer);
      setNote(writer.doc, `n${i}`, `Lapp ${i}`);
    }
    const phone = new CookieJar();
    await signIn(phone, server, provider, 'alice');
    // The notes reach the server a moment after they are written.
    let listed = await mine(phone);
    for (let tries = 0; tries < 50 && listed.find((w) => w.id === created.id)?.notes !== 2; tries++) {
      await new Promise((r) => setTimeout(r, 100));
      listed = await mine(phone);
    }
    for (const writer of writers) writer.destroy();
    const entry = listed.find((w) => w.id === created.id);
    expect(entry).toMatchObject({ title: 'Referensgrupp vår', role: 'owner', notes: 2 });
    expect(entry!.retainUntil).toBe(created.retainUntil);
    expect(listed.map((w) => w.id)).not.toContain(anonymous.id);
    // The other device facilitates it by being signed in, without the link.
    const summary = await phone.fetch(`${server.http}/api/workshops/${created.id}`, {
      headers: { authorization: `Bearer ${SIGNED_IN_TOKEN}` },
    });
    expect(((await summary.json()) as { role: string }).role).toBe('facilitator');
    // Signed out, the list is not given and the signed-in token opens nothing.
    expect((await fetch(`${server.http}/api/me/workshops`)).status).toBe(401);
    const bare = await fetch(`${server.http}/api/workshops/${created.id}`, {
      headers: { authorization: `Bearer ${SIGNED_IN_TOKEN}` },
    });
    expect(bare.status).toBe(401);
  });

  it('the facilitator of a workshop created without signing in may become its owner, once', async () => {
    const w = await createWorkshop(server, 'Skapad före inloggning');
    const alice = new CookieJar();
    await signIn(alice, server, provider, 'alice');
    const claim = (jar: CookieJar, token: string) =>
      sameOrigin(jar, server, 'POST', `/api/workshops/${w.id}/owner`, undefined, {
        authorization: `Bearer ${token}`,
      });
    // Signed in is not enough: the request must be the workshop's facilitator.
    expect((await claim(alice, SIGNED_IN_TOKEN)).status).toBe(401);
    expect((await claim(alice, w.participantToken)).status).toBe(403);
    expect(
      (
        await sameOrigin(new CookieJar(), server, 'POST', `/api/workshops/${w.id}/owner`, undefined, {
          authorization: `Bearer ${w.facilitatorToken}`,
        })
      ).status,
    ).toBe(401);
    const claimed = await claim(alice, w.facilitatorToken);
    expect(claimed.status).toBe(200);
    expect(((await claimed.json()) as MemberList).youOwn).toBe(true);
    expect((await mine(alice)).find((x) => x.id === w.id)?.role).toBe('owner');
    expect((await claim(alice, w.facilitatorToken)).status).toBe(200);
    const bob = new CookieJar();
    await signIn(bob, server, provider, 'bob');
    const second = await claim(bob, w.facilitatorToken);
    expect(second.status).toBe(409);
    expect(((await second.json()) as { error: string }).error).toBe('has_owner');
    expect((await mine(bob)).map((x) => x.id)).not.toContain(w.id);
  });

  it('a co-facilitator invited with a one-time link controls the workshop until the owner removes them', async () => {
    const alice = new CookieJar();
    await signIn(alice, server, provider, 'alice');
    const w = await create(alice, 'Samverkansplan');
    const bob = new CookieJar();
    await signIn(bob, server, provider, 'bob');
    const patchAsBob = () =>
      sameOrigin(
        bob,
        server,
        'PATCH',
        `/api/workshops/${w.id}`,
        { retainUntil: new Date(Date.now() + 5 * 86400_000).toISOString() },
        {
          authorization: `Bearer ${SIGNED_IN_TOKEN}`,
        },
      );
    expect((await patchAsBob()).status).toBe(401);
    // Only the owner invites.
    const byBob = await sameOrigin(bob, server, 'POST', `/api/workshops/${w.id}/invitations`, undefined, {
      authorization: `Bearer ${w.facilitatorToken}`,
    });
    expect(byBob.status).toBe(403);

    const invited = await sameOrigin(alice, server, 'POST', `/api/workshops/${w.id}/invitations`, undefined, {
      authorization: `Bearer ${SIGNED_IN_TOKEN}`,
    });
    expect(invited.status).toBe(201);
    const link = (await invited.json()) as InvitationLinkResponse;
    const token = new URL(link.url).hash.replace('#invite=', '');
    expect(token.length).toBeGreaterThan(30);
    const accepted = await sameOrigin(bob, server, 'POST', '/api/invitations/accept', { token });
    expect(accepted.status).toBe(200);
    expect(await accepted.json()).toEqual({ workshopId: w.id, title: 'Samverkansplan' });
    // One time only.
    const carol = new CookieJar();
    await signIn(carol, server, provider, 'carol');
    const reused = await sameOrigin(carol, server, 'POST', '/api/invitations/accept', { token });
    expect(reused.status).toBe(404);

    expect((await mine(bob)).find((x) => x.id === w.id)?.role).toBe('coFacilitator');
    expect((await patchAsBob()).status).toBe(200);
    // The WebSocket: Bob's control socket writes the lock, and the facilitator link's client sees it.
    const bobControl = connectSignedIn(server, bob, w.id, 'control');
    const aliceControl = connect(server, w.id, 'control', w.facilitatorToken);
    await synced(bobControl);
    await synced(aliceControl);
    writeControlField(bobControl.doc, 'locked', true);
    await waitFor(() => readControlField(aliceControl.doc, 'locked') === true, 'lock seen by the owner');

    const members = (await (
      await alice.fetch(`${server.http}/api/workshops/${w.id}/members`, {
        headers: { authorization: `Bearer ${SIGNED_IN_TOKEN}` },
      })
    ).json()) as MemberList;
    expect(members.youOwn).toBe(true);
    const bobId = members.members.find((m) => m.email === TEST_USERS.bob.email)!.userId;
    expect(members.members.map((m) => m.role)).toEqual(['owner', 'coFacilitator']);
    // Nobody but the owner removes; then Bob's sockets close and his requests are refused.
    expect(
      (
        await sameOrigin(bob, server, 'DELETE', `/api/workshops/${w.id}/members/${bobId}`, undefined, {
          authorization: `Bearer ${SIGNED_IN_TOKEN}`,
        })
      ).status,
    ).toBe(403);
    const removed = await sameOrigin(
      alice,
      server,
      'DELETE',
      `/api/workshops/${w.id}/members/${bobId}`,
      undefined,
      {
        authorization: `Bearer ${SIGNED_IN_TOKEN}`,
      },
    );
    expect(removed.status).toBe(204);
    await waitFor(() => bobControl.closedFor !== null, "Bob's socket closed");
    expect(bobControl.closedFor?.code).toBe(4401);
    expect((await patchAsBob()).status).toBe(401);
    expect((await mine(bob)).map((x) => x.id)).not.toContain(w.id);
    bobControl.destroy();
    aliceControl.destroy();
  });

  it('a co-facilitator invited by e-mail becomes one when they first sign in; deleting the workshop deletes it all', async () => {
    const alice = new CookieJar();
    await signIn(alice, server, provider, 'alice');
    const w = await create(alice, 'Framtidsläge');
    const auth = { authorization: `Bearer ${SIGNED_IN_TOKEN}` };
    const invalid = await sameOrigin(
      alice,
      server,
      'POST',
      `/api/workshops/${w.id}/members`,
      { email: 'not an address' },
      auth,
    );
    expect(invalid.status).toBe(400);
    // Provider addresses are compared without case.
    const invite = await sameOrigin(
      alice,
      server,
      'POST',
      `/api/workshops/${w.id}/members`,
      { email: 'Dave.Dahl@REGION.example' },
      auth,
    );
    expect(invite.status).toBe(201);
    const pending = (await invite.json()) as MemberList;
    expect(pending.invitations.map((i) => i.email)).toEqual(['dave.dahl@region.example']);
    await sameOrigin(alice, server, 'POST', `/api/workshops/${w.id}/invitations`, undefined, auth);
    // Someone who has signed in before is a co-facilitator at once.
    const bob = new CookieJar();
    await signIn(bob, server, provider, 'bob');
    const added = await sameOrigin(
      alice,
      server,
      'POST',
      `/api/workshops/${w.id}/members`,
      { email: TEST_USERS.bob.email },
      auth,
    );
    expect(((await added.json()) as MemberList).members.map((m) => m.email)).toContain(TEST_USERS.bob.email);

    const dave = new CookieJar();
    await signIn(dave, server, provider, 'dave');
    expect((await mine(dave)).find((x) => x.id === w.id)?.role).toBe('coFacilitator');

    const deleted = await sameOrigin(dave, server, 'DELETE', `/api/workshops/${w.id}`, undefined, auth);
    expect(deleted.status).toBe(204);
    expect((await mine(dave)).map((x) => x.id)).not.toContain(w.id);
    expect((await mine(alice)).map((x) => x.id)).not.toContain(w.id);
    // Nothing of it is left in the store: no member, no invitation.
    const counts =
      kind === 'sqlite'
        ? {
            members: queryStoreFile<{ n: number }>(
              server.dataDir,
              'SELECT COUNT(*) AS n FROM workshop_members WHERE workshop_id = ?',
              w.id,
            ).n,
            invitations: queryStoreFile<{ n: number }>(
              server.dataDir,
              'SELECT COUNT(*) AS n FROM invitations WHERE workshop_id = ?',
              w.id,
            ).n,
          }
        : await postgresCounts(pg!.url, w.id);
    expect(counts).toEqual({ members: 0, invitations: 0 });
  });
});

/** Rows of a workshop left in PostgreSQL's member and invitation tables. */
async function postgresCounts(url: string, workshopId: string) {
  const requireFromServer = createRequire(resolve(import.meta.dirname, '../../server/package.json'));
  const { Client } = requireFromServer('pg') as {
    Client: new (options: { connectionString: string }) => {
      connect(): Promise<void>;
      query<R>(text: string, values?: unknown[]): Promise<{ rows: R[] }>;
      end(): Promise<void>;
    };
  };
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    const count = async (table: string) =>
      Number(
        (
          await client.query<{ n: string }>(`SELECT COUNT(*) AS n FROM ${table} WHERE workshop_id = $1`, [
            workshopId,
          ])
        ).rows[0]!.n,
      );
    return { members: await count('workshop_members'), invitations: await count('invitations') };
  } finally {
    await client.end();
  }
}

describe('REQUIRE_SIGN_IN_TO_CREATE and FACILITATOR_LINKS=off', () => {
  let provider: TestProvider;
  let port: number;
  beforeAll(async () => {
    port = await freePort();
    provider = await startTestProvider([`http://127.0.0.1:${port}`]);
  });
  afterAll(async () => {
    await provider?.stop();
  });

  it('with REQUIRE_SIGN_IN_TO_CREATE=true only a signed-in facilitator creates or imports', async () => {
    const server = await startWithSignIn(provider, port, { REQUIRE_SIGN_IN_TO_CREATE: 'true' });
    try {
      const config = (await (await fetch(`${server.http}/api/config`)).json()) as Record<string, unknown>;
      expect(config.requireSignInToCreate).toBe(true);
      const anonymous = await fetch(`${server.http}/api/workshops`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ title: 'Utan inloggning' }),
      });
      expect(anonymous.status).toBe(401);
      expect(((await anonymous.json()) as { error: string }).error).toBe('sign_in_required');
      const jar = new CookieJar();
      await signIn(jar, server, provider, 'alice');
      expect((await sameOrigin(jar, server, 'POST', '/api/workshops', { title: 'Inloggad' })).status).toBe(
        201,
      );
    } finally {
      await server.stop();
    }
  });

  it('with FACILITATOR_LINKS=off a facilitator link opens nothing; participants and signed-in owners go on', async () => {
    const dataDir = tempDataDir();
    const before = await startWithSignIn(provider, port, {}, dataDir);
    const jar = new CookieJar();
    let w: CreateWorkshopResponse;
    let linkOnly: CreateWorkshopResponse;
    try {
      await signIn(jar, before, provider, 'alice');
      w = await create(before, jar, 'Ägd');
      linkOnly = await createWorkshop(before, 'Bara länk');
      // The link works while links are on.
      expect((await get(before, w.id, w.facilitatorToken)).status).toBe(200);
    } finally {
      await before.stop();
    }
    const server = await startWithSignIn(provider, port, { FACILITATOR_LINKS: 'off' }, dataDir);
    try {
      for (const workshop of [w, linkOnly]) {
        const res = await get(server, workshop.id, workshop.facilitatorToken);
        expect(res.status).toBe(401);
        const socket = connect(server, workshop.id, 'control', workshop.facilitatorToken);
        await waitFor(() => socket.closedFor !== null, 'facilitator link socket closed');
        expect(socket.closedFor?.code).toBe(4401);
        socket.destroy();
        // Participants never sign in.
        const participant = await get(server, workshop.id, workshop.participantToken);
        expect(((await participant.json()) as { role: string }).role).toBe('participant');
      }
      // The signed-in owner (the cookie is still valid: same DATA_DIR, same key) facilitates.
      const owned = await jar.fetch(`${server.http}/api/workshops/${w.id}`, {
        headers: { authorization: `Bearer ${SIGNED_IN_TOKEN}` },
      });
      expect(((await owned.json()) as { role: string }).role).toBe('facilitator');
      // Creating needs sign-in, and hands out no facilitator link.
      const anonymous = await fetch(`${server.http}/api/workshops`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ title: 'x' }),
      });
      expect(anonymous.status).toBe(401);
      const fresh = await create(server, jar, 'Ny');
      expect(fresh.facilitatorToken).toBe(SIGNED_IN_TOKEN);
      expect(fresh.facilitatorUrl).toMatch(/#f=signed-in$/);
    } finally {
      await server.stop();
    }
  });

  const get = (server: RunningServer, id: string, token: string) =>
    fetch(`${server.http}/api/workshops/${id}`, { headers: { authorization: `Bearer ${token}` } });
  const create = async (server: RunningServer, jar: CookieJar, title: string) => {
    const res = await sameOrigin(jar, server, 'POST', '/api/workshops', { title });
    expect(res.status).toBe(201);
    return (await res.json()) as CreateWorkshopResponse;
  };
});
