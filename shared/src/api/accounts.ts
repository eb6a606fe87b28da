import { z } from 'zod';

/**
 * The bearer token of a signed-in facilitator: not a secret, it asks the server to decide the role from
 * the sign-in cookie sent with the request (the workshop's owner and co-facilitators facilitate).
 */
export const SIGNED_IN_TOKEN = 'signed-in';

/** Where a browser starts signing in (`GET`, with `?returnTo=/local/path`) and where the provider returns. */
export const SIGN_IN_PATH = '/auth/login';
export const SIGN_IN_CALLBACK_PATH = '/auth/callback';
/** `POST`: ends the sign-in; answers {@link SignOutResponse}. */
export const SIGN_OUT_PATH = '/auth/logout';
/** The query parameter the start page is sent back with when signing in failed (`?signIn=failed`). */
export const SIGN_IN_RESULT_PARAM = 'signIn';

/** The URL fragment key of a co-facilitator invitation link (`/#invite=<secret>`). */
export const INVITATION_FRAGMENT_KEY = 'invite';

/** A signed-in person as the server knows them. */
export const SignedInUser = z.object({ id: z.string(), name: z.string(), email: z.string() });
export type SignedInUser = z.infer<typeof SignedInUser>;

/** Answer of `GET /api/me`: who is signed in in this browser, if anyone. */
export const MeResponse = z.object({ user: SignedInUser.nullable() });
export type MeResponse = z.infer<typeof MeResponse>;

/** Answer of `POST /auth/logout`: where the browser goes next (the provider's sign-out, or the start page). */
export const SignOutResponse = z.object({ redirect: z.string() });
export type SignOutResponse = z.infer<typeof SignOutResponse>;

/** What a signed-in user is in a workshop. */
export const MemberRole = z.enum(['owner', 'coFacilitator']);
export type MemberRole = z.infer<typeof MemberRole>;

/** One of a signed-in facilitator's workshops, as `GET /api/me/workshops` lists it. */
export const AccountWorkshop = z.object({
  id: z.string(),
  title: z.string(),
  role: MemberRole,
  createdAt: z.iso.datetime(),
  /** When the workshop and everything in it is deleted. */
  retainUntil: z.iso.datetime(),
  /** Participants' notes on the board (reference content not counted). */
  notes: z.number().int().nonnegative(),
});
export type AccountWorkshop = z.infer<typeof AccountWorkshop>;

/** Answer of `GET /api/me/workshops`, newest first. */
export const AccountWorkshopList = z.object({ workshops: z.array(AccountWorkshop) });
export type AccountWorkshopList = z.infer<typeof AccountWorkshopList>;

/** A member of a workshop (owner or co-facilitator). */
export const WorkshopMember = z.object({
  userId: z.string(),
  name: z.string(),
  email: z.string(),
  role: MemberRole,
});
export type WorkshopMember = z.infer<typeof WorkshopMember>;

/** An open invitation: for an e-mail address, or a one-time link (`email` null). */
export const WorkshopInvitation = z.object({
  id: z.string(),
  email: z.string().nullable(),
  expiresAt: z.iso.datetime(),
});
export type WorkshopInvitation = z.infer<typeof WorkshopInvitation>;

/** Answer of `GET /api/workshops/:id/members` (facilitators). */
export const MemberList = z.object({
  members: z.array(WorkshopMember),
  invitations: z.array(WorkshopInvitation),
  /** Whether the asking person owns the workshop (only the owner adds and removes co-facilitators). */
  youOwn: z.boolean(),
});
export type MemberList = z.infer<typeof MemberList>;

/** Body of `POST /api/workshops/:id/members`: invite a co-facilitator by e-mail address. */
export const InviteByEmailRequest = z.strictObject({ email: z.email().max(320) });
export type InviteByEmailRequest = z.infer<typeof InviteByEmailRequest>;

/** Answer of `POST /api/workshops/:id/invitations`: a one-time link; its secret is shown only now. */
export const InvitationLinkResponse = z.object({
  id: z.string(),
  url: z.string(),
  expiresAt: z.iso.datetime(),
});
export type InvitationLinkResponse = z.infer<typeof InvitationLinkResponse>;

/** Body of `POST /api/invitations/accept`. */
export const AcceptInvitationRequest = z.strictObject({ token: z.string().min(16).max(200) });
export type AcceptInvitationRequest = z.infer<typeof AcceptInvitationRequest>;

/** Answer of `POST /api/invitations/accept`: the workshop the person now co-facilitates. */
export const AcceptInvitationResponse = z.object({ workshopId: z.string(), title: z.string() });
export type AcceptInvitationResponse = z.infer<typeof AcceptInvitationResponse>;
