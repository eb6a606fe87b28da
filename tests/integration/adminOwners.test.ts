import {
  docName,
  SIGNED_IN_TOKEN,
  type AccountWorkshopList,
  type CreateWorkshopResponse,
} from '@samskapa/shared';
import { spawnSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { createWorkshop, waitFor } from './helpers/clients';
import {
  CookieJar,
  SAMSKAPA_CLIENT,
  startTestProvider,
  TEST_USERS,
  type TestProvider,
} from './helpers/oidcProvider';
import { freePort, ROOT, startServer, type RunningServer } from './helpers/server';
import { sameOrigin, signIn } from './helpers/signIn';

/** `pnpm admin …` as an administrator runs it, against the data directory of `server`. */
function admin(server: RunningServer, ...args: string[]): { code: number | null; out: string } {
  const result = spawnSync(process.execPath, ['--import', 'tsx', 'server/src/cli.ts', ...args], {
    cwd: ROOT,
    env: { ...process.env, DATA_DIR: server.dataDir },
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { code: result.status, out: `${result.stdout}${result.stderr}` };
}

describe('the admin command and workshop owners', () => {
  let provider: TestProvider;
  let server: RunningServer;
  beforeAll(async () => {
    const port = await freePort();
    provider = await startTestProvider([`http://127.0.0.1:${port}`]);
    server = await startServer({
      port,
      env: {
        OIDC_ISSUER: provider.issuer,
        OIDC_CLIENT_ID: SAMSKAPA_CLIENT.id,
        OIDC_CLIENT_SECRET: SAMSKAPA_CLIENT.secret,
        DELETION_CHECK_MS: '200',
      },
    });
  });
  afterAll(async () => {
    await server?.stop();
    await provider?.stop();
  });

  const mine = async (jar: CookieJar) =>
    ((await (await jar.fetch(`${server.http}/api/me/workshops`)).json()) as AccountWorkshopList).workshops;

  it('lists the owners, and transfers a workshop to another user, who then facilitates it instead', async () => {
    const alice = new CookieJar();
    await signIn(alice, server, provider, 'alice');
    const bob = new CookieJar();
    await signIn(bob, server, provider, 'bob');
    const res = await sameOrigin(alice, server, 'POST', '/api/workshops', { title: 'Överlämnas\u001b[2J' });
    const w = (await res.json()) as CreateWorkshopResponse;
    const unowned = await createWorkshop(server, 'Ingen ägare');

    const listed = admin(server, 'owners');
    expect(listed.code).toBe(0);
    expect(listed.out).toContain(
      `${w.id}  ${TEST_USERS.alice.email.toLowerCase()}  Alice Andersson  Överlämnas�[2J`,
    );
    expect(listed.out).not.toContain(unowned.id);
    const json = admin(server, 'owners', '--json')
      .out.trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { id: string; owner: { email: string } });
    expect(json.find((r) => r.id === w.id)?.owner.email).toBe(TEST_USERS.alice.email.toLowerCase());

    expect(admin(server, 'transfer', w.id, 'nobody@region.example')).toMatchObject({ code: 1 });
    expect(admin(server, 'transfer', 'nosuchworkshop00', TEST_USERS.bob.email)).toMatchObject({ code: 1 });
    // Alice has the workshop's control document open, signed in (no link).
    const cookie = alice.header(server.http);
    class WithCookie extends WebSocket {
      constructor(url: string, protocols?: string | string[]) {
        super(url, protocols, { headers: { cookie, origin: server.http } });
      }
    }
    const socket = new WebsocketProvider(server.ws, docName(w.id, 'control'), new Y.Doc(), {
      WebSocketPolyfill: WithCookie as unknown as typeof globalThis.WebSocket,
      params: { token: SIGNED_IN_TOKEN },
      disableBc: true,
    });
    let closedWith = 0;
    socket.on('connection-close', (event) => {
      if (event && !closedWith) closedWith = event.code;
    });
    await waitFor(() => socket.synced, "Alice's socket synced");

    const moved = admin(server, 'transfer', w.id, TEST_USERS.bob.email.toUpperCase());
    expect(moved.code).toBe(0);
    expect(moved.out).toContain(`is now owned by ${TEST_USERS.bob.email}`);

    expect((await mine(bob)).find((x) => x.id === w.id)?.role).toBe('owner');
    expect((await mine(alice)).map((x) => x.id)).not.toContain(w.id);
    const asAlice = await alice.fetch(`${server.http}/api/workshops/${w.id}`, {
      headers: { authorization: `Bearer ${SIGNED_IN_TOKEN}` },
    });
    expect(asAlice.status).toBe(401);
    expect(admin(server, 'owners').out).toContain(`${w.id}  ${TEST_USERS.bob.email}  Bob Berg`);
    // The server learns of the transfer from the store, and closes Alice's socket.
    await waitFor(() => closedWith !== 0, "Alice's socket closed after the transfer");
    expect(closedWith).toBe(4401);
    socket.destroy();
  });
});
