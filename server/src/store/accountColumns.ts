import { randomBytes } from 'node:crypto';
import type { InvitationRow, MemberRole, UserRow } from './types';

/** A new user's id: 96 random bits. */
export function newUserId(): string {
  return `u_${randomBytes(12).toString('base64url')}`;
}

/** A `users` row as SQL drivers return it (PostgreSQL returns BIGINT as strings). */
export interface UserColumns {
  id: string;
  issuer: string;
  subject: string;
  email: string;
  name: string;
  created_at: number | string;
}

/** The user a `users` row describes; the same layout in SQLite and PostgreSQL. */
export function userFromColumns(r: UserColumns): UserRow {
  return {
    id: r.id,
    issuer: r.issuer,
    subject: r.subject,
    email: r.email,
    name: r.name,
    createdAt: Number(r.created_at),
  };
}

/** An `invitations` row as SQL drivers return it. */
export interface InvitationColumns {
  id: string;
  workshop_id: string;
  email: string | null;
  token_hash: Buffer | null;
  created_at: number | string;
  expires_at: number | string;
}

/** The invitation an `invitations` row describes. */
export function invitationFromColumns(r: InvitationColumns): InvitationRow {
  return {
    id: r.id,
    workshopId: r.workshop_id,
    email: r.email,
    tokenHash: r.token_hash,
    createdAt: Number(r.created_at),
    expiresAt: Number(r.expires_at),
  };
}

/** How a member's role is stored. */
export const MEMBER_ROLES: Record<MemberRole, string> = { owner: 'owner', coFacilitator: 'cofacilitator' };

/** The role a stored `role` column names. */
export function memberRoleOf(column: string): MemberRole {
  return column === 'owner' ? 'owner' : 'coFacilitator';
}
