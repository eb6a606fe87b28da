import { z } from 'zod';
import { LINK_FRAGMENT_KEY, LOCALES } from './constants';

export { LINK_FRAGMENT_KEY, LOCALES };
export const Locale = z.enum(LOCALES);
export type Locale = z.infer<typeof Locale>;

export const WORKSHOP_STATES = ['open', 'locked', 'archived'] as const;
export type WorkshopState = (typeof WORKSHOP_STATES)[number];
