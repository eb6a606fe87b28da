import {
  AcceptInvitationResponse,
  AccountWorkshopList,
  InvitationLinkResponse,
  MemberList,
  MeResponse,
  SIGN_OUT_PATH,
  SignOutResponse,
  type AccountWorkshop,
  type SignedInUser,
} from '@samskapa/shared';
import type { z } from 'zod';
import { ApiError, loadClientConfig } from '../session/api';

async function json<T>(response: Response, schema: z.ZodType<T>): Promise<T> {
  if (!response.ok) {
    const body = (await response.json().catch(() => null)) as { message?: unknown } | null;
    throw new ApiError(response.status, typeof body?.message === 'string' ? body.message : undefined);
  }
  return schema.parse(await response.json());
}

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

/** Whether sign-in is on here, and who is signed in in this browser. */
export interface AccountState {
  signInEnabled: boolean;
  requireSignInToCreate: boolean;
  user: SignedInUser | null;
}

let account: Promise<AccountState> | null = null;

/** The account state, asked of the server once per page (sign-in and sign-out load a new page). */
export function loadAccount(): Promise<AccountState> {
  account ??= (async () => {
    const config = await loadClientConfig();
    if (!config.signIn) return { signInEnabled: false, requireSignInToCreate: false, user: null };
    const me = await json(await fetch('/api/me'), MeResponse);
    return { signInEnabled: true, requireSignInToCreate: config.requireSignInToCreate, user: me.user };
  })().catch((error: unknown) => {
    account = null; // offline: asked again next time
    throw error;
  });
  return account;
}

/** Ends the sign-in here; resolves with where to go next (the provider's sign-out, or the start page). */
export async function signOut(): Promise<string> {
  return (await json(await fetch(SIGN_OUT_PATH, { method: 'POST' }), SignOutResponse)).redirect;
}

/** The signed-in facilitator's workshops, from the server. */
export async function loadAccountWorkshops(): Promise<AccountWorkshop[]> {
  return (await json(await fetch('/api/me/workshops'), AccountWorkshopList)).workshops;
}

/** Takes up a one-time co-facilitator invitation. */
export async function acceptInvitation(token: string): Promise<AcceptInvitationResponse> {
  const response = await fetch('/api/invitations/accept', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ token }),
  });
  return json(response, AcceptInvitationResponse);
}

const membersPath = (workshopId: string) => `/api/workshops/${encodeURIComponent(workshopId)}/members`;

/** A workshop's owner, co-facilitators and open invitations. */
export async function loadMembers(workshopId: string, token: string): Promise<MemberList> {
  return json(await fetch(membersPath(workshopId), { headers: bearer(token) }), MemberList);
}

/** Makes the signed-in facilitator the owner of a workshop that has none. */
export async function claimOwnership(workshopId: string, token: string): Promise<MemberList> {
  const response = await fetch(`/api/workshops/${encodeURIComponent(workshopId)}/owner`, {
    method: 'POST',
    headers: bearer(token),
  });
  return json(response, MemberList);
}

/** Invites a co-facilitator by e-mail address (the owner only). */
export async function inviteByEmail(workshopId: string, token: string, email: string): Promise<MemberList> {
  const response = await fetch(membersPath(workshopId), {
    method: 'POST',
    headers: { ...bearer(token), 'content-type': 'application/json' },
    body: JSON.stringify({ email }),
  });
  return json(response, MemberList);
}

/** Makes a one-time invitation link (the owner only). */
export async function createInvitationLink(
  workshopId: string,
  token: string,
): Promise<InvitationLinkResponse> {
  const response = await fetch(`/api/workshops/${encodeURIComponent(workshopId)}/invitations`, {
    method: 'POST',
    headers: bearer(token),
  });
  return json(response, InvitationLinkResponse);
}

/** Removes a co-facilitator, or withdraws an invitation (the owner only). */
export async function removeFromWorkshop(
  workshopId: string,
  token: string,
  what: { userId: string } | { invitationId: string },
): Promise<void> {
  const path =
    'userId' in what
      ? `${membersPath(workshopId)}/${encodeURIComponent(what.userId)}`
      : `/api/workshops/${encodeURIComponent(workshopId)}/invitations/${encodeURIComponent(what.invitationId)}`;
  const response = await fetch(path, { method: 'DELETE', headers: bearer(token) });
  if (!response.ok && response.status !== 404) throw new ApiError(response.status);
}
