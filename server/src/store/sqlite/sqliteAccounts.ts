import type Database from 'better-sqlite3';
import {
  invitationFromColumns,
  MEMBER_ROLES,
  memberRoleOf,
  newUserId,
  userFromColumns,
  type InvitationColumns,
  type UserColumns,
} from '../accountColumns';
import type { AccountStore, InvitationRow } from '../types';
import { workshopFromColumns, type WorkshopColumns } from '../workshopColumns';

/** Users, workshop members and invitations; created beside the other tables when the store opens. */
export const ACCOUNT_SCHEMA = `
CREATE TABLE IF NOT EXISTS users (
  id TEXT PRIMARY KEY,
  issuer TEXT NOT NULL,
  subject TEXT NOT NULL,
  email TEXT NOT NULL,
  name TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  last_seen_at INTEGER NOT NULL,
  UNIQUE (issuer, subject)
);
CREATE INDEX IF NOT EXISTS users_email ON users(email);
CREATE TABLE IF NOT EXISTS workshop_members (
  workshop_id TEXT NOT NULL,
  user_id TEXT NOT NULL,
  role TEXT NOT NULL,
  added_at INTEGER NOT NULL,
  PRIMARY KEY (workshop_id, user_id)
);
CREATE UNIQUE INDEX IF NOT EXISTS workshop_members_owner ON workshop_members(workshop_id) WHERE role = 'owner';
CREATE INDEX IF NOT EXISTS workshop_members_user ON workshop_members(user_id);
CREATE TABLE IF NOT EXISTS invitations (
  id TEXT PRIMARY KEY,
  workshop_id TEXT NOT NULL,
  email TEXT,
  token_hash BLOB UNIQUE,
  created_at INTEGER NOT NULL,
  expires_at INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS invitations_workshop ON invitations(workshop_id);
CREATE INDEX IF NOT EXISTS invitations_email ON invitations(email);
`;

type MemberColumns = UserColumns & { member_role: string; added_at: number };
type OwnerColumns = WorkshopColumns & {
  u_id: string;
  u_issuer: string;
  u_subject: string;
  u_email: string;
  u_name: string;
  u_created_at: number;
};

/**
 * Accounts in SQLite. `keep` retains every prepared statement (see `sqliteStore.ts`); `purge` deletes a
 * workshop's members and invitations, inside the store's deletion of the workshop.
 */
export function sqliteAccounts(
  db: Database.Database,
  keep: <T>(handle: T) => T,
): { store: AccountStore; purge: (workshopId: string) => void } {
  db.exec(ACCOUNT_SCHEMA);
  const owner = MEMBER_ROLES.owner;
  const coFacilitator = MEMBER_ROLES.coFacilitator;
  const upsert = keep(
    db.prepare<{ id: string; issuer: string; subject: string; email: string; name: string; now: number }>(
      `INSERT INTO users (id, issuer, subject, email, name, created_at, last_seen_at)
       VALUES (@id, @issuer, @subject, @email, @name, @now, @now)
       ON CONFLICT (issuer, subject) DO UPDATE SET email = excluded.email, name = excluded.name,
         last_seen_at = excluded.last_seen_at`,
    ),
  );
  const byIdentity = keep(
    db.prepare<[string, string], UserColumns>('SELECT * FROM users WHERE issuer = ? AND subject = ?'),
  );
  const byId = keep(db.prepare<[string], UserColumns>('SELECT * FROM users WHERE id = ?'));
  const byEmail = keep(
    db.prepare<[string], UserColumns>('SELECT * FROM users WHERE email = ? ORDER BY created_at, id'),
  );
  const workshopExists = keep(db.prepare<[string], number>('SELECT 1 FROM workshops WHERE id = ?').pluck());
  const role = keep(
    db
      .prepare<[string, string], string>(
        'SELECT role FROM workshop_members WHERE workshop_id = ? AND user_id = ?',
      )
      .pluck(),
  );
  const dropOwner = keep(
    db.prepare<[string]>(`DELETE FROM workshop_members WHERE workshop_id = ? AND role = '${owner}'`),
  );
  const dropMember = keep(
    db.prepare<[string, string]>('DELETE FROM workshop_members WHERE workshop_id = ? AND user_id = ?'),
  );
  const dropCoFacilitator = keep(
    db.prepare<[string, string]>(
      `DELETE FROM workshop_members WHERE workshop_id = ? AND user_id = ? AND role = '${coFacilitator}'`,
    ),
  );
  const insertMember = keep(
    db.prepare<[string, string, string, number]>(
      'INSERT OR IGNORE INTO workshop_members (workshop_id, user_id, role, added_at) VALUES (?, ?, ?, ?)',
    ),
  );
  const members = keep(
    db.prepare<[string], MemberColumns>(
      `SELECT u.*, m.role AS member_role, m.added_at FROM workshop_members m JOIN users u ON u.id = m.user_id
       WHERE m.workshop_id = ? ORDER BY m.role = '${owner}' DESC, m.added_at, u.id`,
    ),
  );
  const workshopsOf = keep(
    db.prepare<[string], WorkshopColumns & { member_role: string }>(
      `SELECT w.*, m.role AS member_role FROM workshop_members m JOIN workshops w ON w.id = m.workshop_id
       WHERE m.user_id = ? ORDER BY w.created_at DESC, w.id`,
    ),
  );
  const owners = keep(
    db.prepare<[], OwnerColumns>(
      `SELECT w.*, u.id AS u_id, u.issuer AS u_issuer, u.subject AS u_subject, u.email AS u_email,
         u.name AS u_name, u.created_at AS u_created_at
       FROM workshop_members m JOIN workshops w ON w.id = m.workshop_id JOIN users u ON u.id = m.user_id
       WHERE m.role = '${owner}' ORDER BY w.created_at, w.id`,
    ),
  );
  const insertInvitation = keep(
    db.prepare<InvitationRow>(
      `INSERT INTO invitations (id, workshop_id, email, token_hash, created_at, expires_at)
       SELECT @id, @workshopId, @email, @tokenHash, @createdAt, @expiresAt
       WHERE EXISTS (SELECT 1 FROM workshops WHERE id = @workshopId)`,
    ),
  );
  const openInvitations = keep(
    db.prepare<[string, number], InvitationColumns>(
      'SELECT * FROM invitations WHERE workshop_id = ? AND expires_at > ? ORDER BY created_at, id',
    ),
  );
  const dropInvitation = keep(
    db.prepare<[string, string]>('DELETE FROM invitations WHERE workshop_id = ? AND id = ?'),
  );
  const invitationByToken = keep(
    db.prepare<[Buffer], InvitationColumns>('SELECT * FROM invitations WHERE token_hash = ?'),
  );
  const invitationsByEmail = keep(
    db.prepare<[string, number], InvitationColumns>(
      'SELECT * FROM invitations WHERE email = ? AND expires_at > ?',
    ),
  );
  const dropInvitationById = keep(db.prepare<[string]>('DELETE FROM invitations WHERE id = ?'));
  const purgeMembers = keep(db.prepare<[string]>('DELETE FROM workshop_members WHERE workshop_id = ?'));
  const purgeInvitations = keep(db.prepare<[string]>('DELETE FROM invitations WHERE workshop_id = ?'));

  const setOwner = db.transaction((workshopId: string, userId: string, now: number) => {
    if (!workshopExists.get(workshopId) || !byId.get(userId)) return false;
    dropOwner.run(workshopId);
    dropMember.run(workshopId, userId);
    insertMember.run(workshopId, userId, owner, now);
    return true;
  });
  const ownerOf = keep(
    db
      .prepare<[string], string>(
        `SELECT user_id FROM workshop_members WHERE workshop_id = ? AND role = '${owner}'`,
      )
      .pluck(),
  );
  const claim = db.transaction((workshopId: string, userId: string, now: number) => {
    if (!workshopExists.get(workshopId) || !byId.get(userId)) return false;
    const current = ownerOf.get(workshopId);
    if (current !== undefined) return current === userId;
    dropMember.run(workshopId, userId);
    insertMember.run(workshopId, userId, owner, now);
    return true;
  });
  const addCoFacilitator = db.transaction((workshopId: string, userId: string, now: number) => {
    if (!workshopExists.get(workshopId) || !byId.get(userId)) return false;
    return insertMember.run(workshopId, userId, coFacilitator, now).changes > 0;
  });
  // Used up in the same transaction that adds the member: a link is taken up once, also by two at once.
  const accept = db.transaction((tokenHash: Buffer, userId: string, now: number) => {
    const invitation = invitationByToken.get(tokenHash);
    if (!invitation) return undefined;
    dropInvitationById.run(invitation.id);
    if (Number(invitation.expires_at) <= now) return undefined;
    insertMember.run(invitation.workshop_id, userId, coFacilitator, now);
    return invitation.workshop_id;
  });
  const acceptEmail = db.transaction((email: string, userId: string, now: number) => {
    const found = invitationsByEmail.all(email, now);
    for (const invitation of found) {
      dropInvitationById.run(invitation.id);
      insertMember.run(invitation.workshop_id, userId, coFacilitator, now);
    }
    return found.map((i) => i.workshop_id);
  });

  return {
    purge(workshopId) {
      purgeMembers.run(workshopId);
      purgeInvitations.run(workshopId);
    },
    store: {
      async upsertUser(user, now) {
        upsert.run({ id: newUserId(), ...user, now });
        return userFromColumns(byIdentity.get(user.issuer, user.subject)!);
      },
      async getUser(id) {
        const row = byId.get(id);
        return row && userFromColumns(row);
      },
      async usersByEmail(email) {
        return byEmail.all(email).map(userFromColumns);
      },
      async setOwner(workshopId, userId, now) {
        return setOwner(workshopId, userId, now);
      },
      async claimOwnership(workshopId, userId, now) {
        return claim(workshopId, userId, now);
      },
      async addCoFacilitator(workshopId, userId, now) {
        return addCoFacilitator(workshopId, userId, now);
      },
      async removeCoFacilitator(workshopId, userId) {
        return dropCoFacilitator.run(workshopId, userId).changes > 0;
      },
      async memberRole(workshopId, userId) {
        const found = role.get(workshopId, userId);
        return found === undefined ? undefined : memberRoleOf(found);
      },
      async members(workshopId) {
        return members.all(workshopId).map((r) => ({
          user: userFromColumns(r),
          role: memberRoleOf(r.member_role),
          addedAt: Number(r.added_at),
        }));
      },
      async workshopsOf(userId) {
        return workshopsOf
          .all(userId)
          .map((r) => ({ workshop: workshopFromColumns(r), role: memberRoleOf(r.member_role) }));
      },
      async owners() {
        return owners.all().map((r) => ({
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
        return insertInvitation.run(invitation).changes > 0;
      },
      async invitations(workshopId, now) {
        return openInvitations.all(workshopId, now).map(invitationFromColumns);
      },
      async removeInvitation(workshopId, id) {
        return dropInvitation.run(workshopId, id).changes > 0;
      },
      async acceptInvitation(tokenHash, userId, now) {
        return accept(tokenHash, userId, now);
      },
      async acceptEmailInvitations(email, userId, now) {
        return acceptEmail(email, userId, now);
      },
    },
  };
}
