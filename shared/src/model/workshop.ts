import { z } from 'zod';
import { WorkshopId } from './ids';

export const LOCALES = ['sv', 'en'] as const;
export const Locale = z.enum(LOCALES);
export type Locale = z.infer<typeof Locale>;

export const WORKSHOP_STATES = ['open', 'locked', 'archived'] as const;
export type WorkshopState = (typeof WORKSHOP_STATES)[number];

/** Body of `POST /api/workshops`. */
export const CreateWorkshopRequest = z.strictObject({
  title: z.string().trim().min(1).max(200),
  template: z
    .string()
    .regex(/^[a-z0-9-]{1,64}$/)
    .optional(),
  locale: Locale.optional(),
});
export type CreateWorkshopRequest = z.infer<typeof CreateWorkshopRequest>;

/** Answer of `POST /api/workshops`: the only time the secrets are shown. */
export const CreateWorkshopResponse = z.object({
  id: WorkshopId,
  title: z.string(),
  joinCode: z.string(),
  facilitatorToken: z.string(),
  participantToken: z.string(),
  viewerToken: z.string(),
  facilitatorUrl: z.string(),
  participantUrl: z.string(),
  viewerUrl: z.string(),
  /** When the workshop and everything in it is deleted (ISO 8601). */
  retainUntil: z.string(),
});
export type CreateWorkshopResponse = z.infer<typeof CreateWorkshopResponse>;

/** Answer of `GET /api/join/:code`. */
export const JoinResponse = z.object({
  workshopId: WorkshopId,
  participantToken: z.string(),
});
export type JoinResponse = z.infer<typeof JoinResponse>;

/** Fragment keys of the capability links (`/w/<id>#p=<token>`); fragments never reach a server. */
export const LINK_FRAGMENT_KEY = { facilitator: 'f', participant: 'p', viewer: 'v' } as const;
