import { z } from 'zod';

export const LOCALES = ['sv', 'en'] as const;
export const Locale = z.enum(LOCALES);
export type Locale = z.infer<typeof Locale>;

export const WORKSHOP_STATES = ['open', 'locked', 'archived'] as const;
export type WorkshopState = (typeof WORKSHOP_STATES)[number];

/** Fragment keys of the capability links (`/w/<id>#p=<token>`); fragments never reach a server. */
export const LINK_FRAGMENT_KEY = { facilitator: 'f', participant: 'p', viewer: 'v' } as const;
