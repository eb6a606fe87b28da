import type pg from 'pg';
import {
  invitationFromColumns,
  MEMBER_ROLES,
  memberRoleOf,
  newUserId,
  userFromColumns,
  type InvitationColumns,
  type UserColumns,
} from '../accountColumns';
import type { AccountStore } from '../types';
import { workshopFromColumns, type WorkshopColumns } from '../workshopColumns';

const owner = MEMBER_ROLES.owner;
const coFacilitator = MEMBER_ROLES.coFacilitator;

/**
 * Users, workshop members and invitations. A workshop's members and invitations go with its row
 * (ON DELETE CASCADE, in the statement that deletes it); one racing its deletion fails instead of
 * leaving an orphan.
 */
export const ACCOUNT_SCHEMA = `
CREATE TABLE IF NOT EXISTS users (
  id TEXT PRIMARY KEY,
  issuer TEXT NOT NULL,
  subject TEXT NOT NULL,
  email TEXT NOT NULL,
  name TEXT NOT NULL,
  created_at BIGINT NOT NULL,
  last_seen_at BIGINT NOT NULL,
  UNIQUE (issuer, subject)
);
CREATE INDEX IF NOT EXISTS users_email ON users(email);
CREATE TABLE IF NOT EXISTS workshop_members (
  workshop_id TEXT NOT NULL REFERENCES workshops(id) ON DELETE CASCADE,
  user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  role TEXT NOT NULL,
  added_at BIGINT NOT NULL,
  PRIMARY KEY (workshop_id, user_id)
);
CREATE UNIQUE INDEX IF NOT EXISTS workshop_members_owner ON workshop_members(workshop_id) WHERE role = '${owner}';
CREATE INDEX IF NOT EXISTS workshop_members_user ON workshop_members(user_id);
CREATE TABLE IF NOT EXISTS invitations (
  id TEXT PRIMARY KEY,
  workshop_id TEXT NOT NULL REFERENCES workshops(id) ON DELETE CASCADE,
  email TEXT,
  token_hash BYTEA UNIQUE,
  created_at BIGINT NOT NULL,
  expires_at BIGINT NOT NULL
);
CREATE INDEX IF NOT EXISTS invitations_workshop ON invitations(workshop_id);
CREATE INDEX IF NOT EXISTS invitations_email ON invitations(email);
`;

type MemberColumns = UserColumns & { member_role: string; added_at: string };

const INSERT_MEMBER = `INSERT INTO workshop_members (workshop_id, user_id, role, added_at)
  SELECT $1, $2, $3, $4 WHERE EXISTS (SELECT 1 FROM workshops WHERE id = $1)
    AND EXISTS (SELECT 1 FROM users WHERE id = $2)
  ON CONFLICT DO NOTHING`;

/** Accounts in PostgreSQL, through the store's own query and transaction helpers. */
export function postgresAccounts(
  query: <R extends pg.QueryResultRow>(text: string, values: unknown[]) => Promise<R[]>,
  transaction: <T>(work: (client: pg.PoolClient) => Promise<T>) => Promise<T>,
): AccountStore {
  // `query` waits for the schema to exist; a transaction opened first would not.
  const inTransaction = async <T>(work: (client: pg.PoolClient) => Promise<T>): Promise<T> => {
    await query('SELECT 1', []);
    return transaction(work);
  };
  /** Take up the invitations `rows` names (deleted first, so two takers cannot both have one). */
  const takeUp = async (client: pg.PoolClient, ids: string[], userId: string, now: number) => {
    const { rows } = await client.query<InvitationColumns>(
      'DELETE FROM invitations WHERE id = ANY($1::text[]) RETURNING *',
      [ids],
    );
    const taken: string[] = [];
    for (const invitation of rows) {
      if (Number(invitation.expires_at) <= now) continue;
      await client.query(INSERT_MEMBER, [invitation.workshop_id, userId, coFacilitator, now]);
      taken.push(invitation.workshop_id);
    }
    return taken;
  };
  return {
    async upsertUser(user, now) {
      const [row] = await query<UserColumns>(
        `INSERT INTO users (id, issuer, subject, email, name, created_at, last_seen_at)
         VALUES ($1, $2, $3, $4, $5, $6, $6)
         ON CONFLICT (issuer, subject) DO UPDATE SET email = EXCLUDED.email, name = EXCLUDED.name,
           last_seen_at = EXCLUDED.last_seen_at
         RETURNING *`,
        [newUserId(), user.issuer, user.subject, user.email, user.name, now],
      );
      return userFromColumns(row!);
    },
    async getUser(id) {
      const [row] = await query<UserColumns>('SELECT * FROM users WHERE id = $1', [id]);
      return row && userFromColumns(row);
    },
    async usersByEmail(email) {
      const rows = await query<UserColumns>('SELECT * FROM users WHERE email = $1 ORDER BY created_at, id', [
        email,
      ]);
      return rows.map(userFromColumns);
    },
    async setOwner(workshopId, userId, now) {
      return inTransaction(async (client) => {
        const exists = await client.query(
          `SELECT 1 FROM workshops w, users u WHERE w.id = $1 AND u.id = $2 FOR UPDATE OF w`,
          [workshopId, userId],
        );
        if (exists.rowCount === 0) return false;
        await client.query(`DELETE FROM workshop_members WHERE workshop_id = $1 AND role = '${owner}'`, [
          workshopId,
        ]);
        await client.query('DELETE FROM workshop_members WHERE workshop_id = $1 AND user_id = $2', [
          workshopId,
          userId,
        ]);
        await client.query(INSERT_MEMBER, [workshopId, userId, owner, now]);
        return true;
      });
    },
    async claimOwnership(workshopId, userId, now) {
      return inTransaction(async (client) => {
        // The workshop's row locked: two claiming at once are answered one after the other.
        const exists = await client.query(
          `SELECT 1 FROM workshops w, users u WHERE w.id = $1 AND u.id = $2 FOR UPDATE OF w`,
          [workshopId, userId],
        );
        if (exists.rowCount === 0) return false;
        const { rows } = await client.query<{ user_id: string }>(
          `SELECT user_id FROM workshop_members WHERE workshop_id = $1 AND role = '${owner}'`,
          [workshopId],
        );
        if (rows[0]) return rows[0].user_id === userId;
        await client.query('DELETE FROM workshop_members WHERE workshop_id = $1 AND user_id = $2', [
          workshopId,
          userId,
        ]);
        await client.query(INSERT_MEMBER, [workshopId, userId, owner, now]);
        return true;
      });
    },
    async addCoFacilitator(workshopId, userId, now) {
      return inTransaction(async (client) => {
        const result = await client.query(INSERT_MEMBER, [workshopId, userId, coFacilitator, now]);
        return (result.rowCount ?? 0) > 0;
      });
    },
    async removeCoFacilitator(workshopId, userId) {
      const rows = await query(
        `DELETE FROM workshop_members WHERE workshop_id = $1 AND user_id = $2 AND role = '${coFacilitator}'
         RETURNING 1`,
        [workshopId, userId],
      );
      return rows.length > 0;
    },
    async memberRole(workshopId, userId) {
      const [row] = await query<{ role: string }>(
        'SELECT role FROM workshop_members WHERE workshop_id = $1 AND user_id = $2',
        [workshopId, userId],
      );
      return row && memberRoleOf(row.role);
    },
    async members(workshopId) {
      const rows = await query<MemberColumns>(
        `SELECT u.*, m.role AS member_role, m.added_at FROM workshop_members m JOIN users u ON u.id = m.user_id
         WHERE m.workshop_id = $1 ORDER BY m.role = '${owner}' DESC, m.added_at, u.id`,
        [workshopId],
      );
      return rows.map((r) => ({
        user: userFromColumns(r),
        role: memberRoleOf(r.member_role),
        addedAt: Number(r.added_at),
      }));
    },
    async workshopsOf(userId) {
      const rows = await query<WorkshopColumns & { member_role: string }>(
        `SELECT w.*, m.role AS member_role FROM workshop_members m JOIN workshops w ON w.id = m.workshop_id
         WHERE m.user_id = $1 ORDER BY w.created_at DESC, w.id`,
        [userId],
      );
      return rows.map((r) => ({ workshop: workshopFromColumns(r), role: memberRoleOf(r.member_role) }));
    },
    async owners() {
      const rows = await query<
        WorkshopColumns & {
          u_id: string;
          u_issuer: string;
          u_subject: string;
          u_email: string;
          u_name: string;
          u_created_at: string;
        }
      >(
        `SELECT w.*, u.id AS u_id, u.issuer AS u_issuer, u.subject AS u_subject, u.email AS u_email,
           u.name AS u_name, u.created_at AS u_created_at
         FROM workshop_members m JOIN workshops w ON w.id = m.workshop_id JOIN users u ON u.id = m.user_id
         WHERE m.role = '${owner}' ORDER BY w.created_at, w.id`,
        [],
      );
      return rows.map((r) => ({
        workshop: workshopFromColumns(r),
        owner: userFromColumns({
          id: r.u_id,
          issuer: r.u_issuer,
          subject: r.u_subject,
          email: r.u_email,
          name: r.u_name,
          created_at: r.u_created_at,
        }),
      }));
    },
    async addInvitation(invitation) {
      const rows = await query(
        `INSERT INTO invitations (id, workshop_id, email, token_hash, created_at, expires_at)
         SELECT $1, $2, $3, $4, $5, $6 WHERE EXISTS (SELECT 1 FROM workshops WHERE id = $2) RETURNING 1`,
        [
          invitation.id,
          invitation.workshopId,
          invitation.email,
          invitation.tokenHash,
          invitation.createdAt,
          invitation.expiresAt,
        ],
      );
      return rows.length > 0;
    },
    async invitations(workshopId, now) {
      const rows = await query<InvitationColumns>(
        'SELECT * FROM invitations WHERE workshop_id = $1 AND expires_at > $2 ORDER BY created_at, id',
        [workshopId, now],
      );
      return rows.map(invitationFromColumns);
    },
    async removeInvitation(workshopId, id) {
      const rows = await query('DELETE FROM invitations WHERE workshop_id = $1 AND id = $2 RETURNING 1', [
        workshopId,
        id,
      ]);
      return rows.length > 0;
    },
    async acceptInvitation(tokenHash, userId, now) {
      return inTransaction(async (client) => {
        const { rows } = await client.query<{ id: string }>(
          'SELECT id FROM invitations WHERE token_hash = $1',
          [tokenHash],
        );
        const [taken] = await takeUp(
          client,
          rows.map((r) => r.id),
          userId,
          now,
        );
        return taken;
      });
    },
    async acceptEmailInvitations(email, userId, now) {
      return inTransaction(async (client) => {
        const { rows } = await client.query<{ id: string }>('SELECT id FROM invitations WHERE email = $1', [
          email,
        ]);
        return takeUp(
          client,
          rows.map((r) => r.id),
          userId,
          now,
        );
      });
    },
  };
}
