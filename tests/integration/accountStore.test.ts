import { createHash } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPostgresStore } from '../../server/src/store/postgres/postgresStore';
import { openSqliteStore } from '../../server/src/store/sqlite/sqliteStore';
import type { InvitationRow, Store } from '../../server/src/store/types';
import { startPostgres, type TestPostgres } from './helpers/services';
import { workshopRow } from './helpers/workshopRow';

const silent = { debug() {}, info() {}, warn() {}, error() {} } as unknown as Parameters<
  typeof openPostgresStore
>[1];

const ISSUER = 'https://login.region.example';
const hash = (secret: string) => createHash('sha256').update(secret).digest();
const NOW = 1_750_000_000_000;
const DAY = 86_400_000;

/** The same contract for both stores: what sign-in, "Mina workshoppar" and co-facilitators rely on. */
describe.each([
  ['SQLite', 'sqlite'],
  ['PostgreSQL', 'postgres'],
] as const)('users, owners and invitations in the %s store', (_name, kind) => {
  let store: Store;
  /** A second handle on the same database: another server process. */
  let other: Store;
  let pg: TestPostgres | undefined;
  beforeAll(async () => {
    if (kind === 'postgres') {
      pg = await startPostgres();
      store = openPostgresStore(pg.url, silent);
      other = openPostgresStore(pg.url, silent);
    } else {
      const dir = mkdtempSync(join(tmpdir(), 'samskapa-accounts-'));
      store = openSqliteStore(dir, { synchronous: 'NORMAL', maxMiB: 0 });
      other = openSqliteStore(dir, { synchronous: 'NORMAL', maxMiB: 0 });
    }
  });
  afterAll(async () => {
    store?.close();
    other?.close();
    await pg?.stop();
  });

  const user = (subject: string, email = `${subject}@region.example`) =>
    store.upsertUser({ issuer: ISSUER, subject, email, name: subject.toUpperCase() }, NOW);
  const invitation = (id: string, workshopId: string, extra: Partial<InvitationRow>): InvitationRow => ({
    id,
    workshopId,
    email: null,
    tokenHash: null,
    createdAt: NOW,
    expiresAt: NOW + DAY,
    ...extra,
  });

  it('a person is one user per issuer and subject; their address and name follow the provider', async () => {
    const first = await user('anna');
    const again = await store.upsertUser(
      { issuer: ISSUER, subject: 'anna', email: 'anna.new@region.example', name: 'Anna Ny' },
      NOW + 1,
    );
    expect(again.id).toBe(first.id);
    expect(await store.getUser(first.id)).toMatchObject({
      email: 'anna.new@region.example',
      name: 'Anna Ny',
    });
    const elsewhere = await store.upsertUser(
      { issuer: 'https://other.example', subject: 'anna', email: '', name: 'A' },
      NOW,
    );
    expect(elsewhere.id).not.toBe(first.id);
    expect((await store.usersByEmail('anna.new@region.example')).map((u) => u.id)).toEqual([first.id]);
  });

  it('one owner per workshop; setting another moves the workshop, and a claim works only while it has none', async () => {
    expect(await store.create(workshopRow('acc_own', 'ACC234'))).toBe(true);
    const [olle, pia] = [await user('olle'), await user('pia')];
    expect(await store.claimOwnership('acc_own', olle.id, NOW)).toBe(true);
    expect(await store.claimOwnership('acc_own', olle.id, NOW)).toBe(true);
    expect(await store.claimOwnership('acc_own', pia.id, NOW)).toBe(false);
    expect(await store.addCoFacilitator('acc_own', pia.id, NOW)).toBe(true);
    expect(await store.addCoFacilitator('acc_own', pia.id, NOW)).toBe(false);
    expect((await store.members('acc_own')).map((m) => [m.user.id, m.role])).toEqual([
      [olle.id, 'owner'],
      [pia.id, 'coFacilitator'],
    ]);
    // The co-facilitator becomes the owner; the former owner no longer has it.
    expect(await store.setOwner('acc_own', pia.id, NOW)).toBe(true);
    expect((await store.members('acc_own')).map((m) => [m.user.id, m.role])).toEqual([[pia.id, 'owner']]);
    expect(await store.memberRole('acc_own', olle.id)).toBeUndefined();
    expect(await store.removeCoFacilitator('acc_own', pia.id)).toBe(false);
    expect(await store.setOwner('no_such', pia.id, NOW)).toBe(false);
    expect(await store.setOwner('acc_own', 'u_nobody', NOW)).toBe(false);
    expect((await store.owners()).find((o) => o.workshop.id === 'acc_own')?.owner.id).toBe(pia.id);
    expect((await store.workshopsOf(pia.id)).map((w) => [w.workshop.id, w.role])).toEqual([
      ['acc_own', 'owner'],
    ]);
  });

  it('two facilitators claiming a workshop at the same moment on two processes: one owns it', async () => {
    expect(await store.create(workshopRow('acc_race', 'ACC345'))).toBe(true);
    const [a, b] = [await user('race-a'), await user('race-b')];
    const results = await Promise.all([
      store.claimOwnership('acc_race', a.id, NOW),
      other.claimOwnership('acc_race', b.id, NOW),
    ]);
    expect(results.filter(Boolean)).toHaveLength(1);
    expect((await store.members('acc_race')).filter((m) => m.role === 'owner')).toHaveLength(1);
  });

  it('a one-time link is taken up once, also by two people at the same moment; an expired one by nobody', async () => {
    expect(await store.create(workshopRow('acc_link', 'ACC456'))).toBe(true);
    const [c, d] = [await user('link-c'), await user('link-d')];
    expect(await store.addInvitation(invitation('inv1', 'acc_link', { tokenHash: hash('secret-1') }))).toBe(
      true,
    );
    const taken = await Promise.all([
      store.acceptInvitation(hash('secret-1'), c.id, NOW),
      other.acceptInvitation(hash('secret-1'), d.id, NOW),
    ]);
    expect(taken.filter((t) => t === 'acc_link')).toHaveLength(1);
    expect(taken.filter((t) => t === undefined)).toHaveLength(1);
    expect(await store.acceptInvitation(hash('secret-1'), c.id, NOW)).toBeUndefined();
    expect(
      await store.addInvitation(
        invitation('inv2', 'acc_link', { tokenHash: hash('secret-2'), expiresAt: NOW - 1 }),
      ),
    ).toBe(true);
    expect(await store.acceptInvitation(hash('secret-2'), c.id, NOW)).toBeUndefined();
    expect(await store.invitations('acc_link', NOW)).toEqual([]);
    expect(await store.addInvitation(invitation('inv3', 'no_such', { tokenHash: hash('secret-3') }))).toBe(
      false,
    );
  });

  it('e-mail invitations are taken up at sign-in; withdrawn ones are not', async () => {
    expect(await store.create(workshopRow('acc_mail', 'ACC567'))).toBe(true);
    await store.addInvitation(invitation('inv4', 'acc_mail', { email: 'eva@region.example' }));
    await store.addInvitation(invitation('inv5', 'acc_mail', { email: 'fred@region.example' }));
    expect((await store.invitations('acc_mail', NOW)).map((i) => i.email)).toEqual([
      'eva@region.example',
      'fred@region.example',
    ]);
    expect(await store.removeInvitation('acc_mail', 'inv5')).toBe(true);
    expect(await store.removeInvitation('acc_mail', 'inv5')).toBe(false);
    const [eva, fred] = [await user('eva'), await user('fred')];
    expect(await store.acceptEmailInvitations(eva.email, eva.id, NOW)).toEqual(['acc_mail']);
    expect(await store.acceptEmailInvitations(fred.email, fred.id, NOW)).toEqual([]);
    expect(await store.memberRole('acc_mail', eva.id)).toBe('coFacilitator');
    expect(await store.memberRole('acc_mail', fred.id)).toBeUndefined();
  });

  it('deleting a workshop deletes its owner, co-facilitators and invitations; the people stay', async () => {
    expect(await store.create(workshopRow('acc_gone', 'ACC678'))).toBe(true);
    const [g, h] = [await user('gone-g'), await user('gone-h')];
    await store.setOwner('acc_gone', g.id, NOW);
    await store.addCoFacilitator('acc_gone', h.id, NOW);
    await store.addInvitation(invitation('inv6', 'acc_gone', { email: 'later@region.example' }));
    await store.addInvitation(invitation('inv7', 'acc_gone', { tokenHash: hash('secret-7') }));
    expect(await store.delete('acc_gone')).toBe(true);
    expect(await store.members('acc_gone')).toEqual([]);
    expect(await store.invitations('acc_gone', 0)).toEqual([]);
    expect(await store.workshopsOf(g.id)).toEqual([]);
    expect(await store.acceptInvitation(hash('secret-7'), h.id, NOW)).toBeUndefined();
    expect((await store.owners()).map((o) => o.workshop.id)).not.toContain('acc_gone');
    expect(await store.getUser(g.id)).toBeDefined();
    // A new workshop reusing nothing of it starts with no members.
    expect(await store.create(workshopRow('acc_gone', 'ACC789'))).toBe(true);
    expect(await store.members('acc_gone')).toEqual([]);
  });
});
