import { SIGNED_IN_TOKEN, type Role } from '@samskapa/shared';
import type { WorkshopRow } from '../store/types';
import { roleOf } from './roles';

/** What a request (HTTP or WebSocket upgrade) may claim beyond its token. */
export interface Access {
  /** Whether facilitator links open anything (`FACILITATOR_LINKS`). */
  facilitatorLinks: boolean;
  /** The request's signed-in user (from its sign-in cookie), if any. */
  userId: string | undefined;
  /** Whether the request's signed-in user (from its sign-in cookie) owns or co-facilitates the workshop. */
  isMember(workshopId: string): Promise<boolean>;
}

/** Links only, nobody signed in: what a request has when sign-in is not configured. */
export const LINKS_ONLY: Access = { facilitatorLinks: true, userId: undefined, isMember: async () => false };

/**
 * The role a request holds in a workshop: the role its capability token grants, except a facilitator
 * link where links are switched off; or facilitator for the token {@link SIGNED_IN_TOKEN} sent by a
 * signed-in owner or co-facilitator. The HTTP guard and the WebSocket upgrade both ask here.
 */
export async function roleFor(
  workshop: WorkshopRow,
  token: string,
  access: Access,
): Promise<Role | undefined> {
  if (token === SIGNED_IN_TOKEN) return (await access.isMember(workshop.id)) ? 'facilitator' : undefined;
  const role = roleOf(workshop, token);
  return role === 'facilitator' && !access.facilitatorLinks ? undefined : role;
}
