import { z } from 'zod';

/** A workshop id: 16 url-safe characters (96 random bits). */
export const WorkshopId = z.string().regex(/^[A-Za-z0-9_-]{16}$/, 'invalid workshop id');
export type WorkshopId = z.infer<typeof WorkshopId>;

/** Letters and digits that cannot be confused when read aloud or from a projector (no 0/O, 1/I/L). */
export const JOIN_CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
export const JOIN_CODE_LENGTH = 6;

/** Canonical form of a typed join code: upper case, no spaces or dashes. */
export function normalizeJoinCode(input: string): string {
  return input.toUpperCase().replace(/[\s-]/g, '');
}

/** A join code in canonical form. */
export const JoinCode = z
  .string()
  .transform(normalizeJoinCode)
  .pipe(
    z
      .string()
      .length(JOIN_CODE_LENGTH)
      .refine((s) => [...s].every((c) => JOIN_CODE_ALPHABET.includes(c)), 'invalid join code'),
  );
