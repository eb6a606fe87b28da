import { z } from 'zod';
import { MAX_NOTE_TEXT } from './constants';

export { MAX_NOTE_TEXT };

/**
 * What a focus area holds: a theme or delmål, a group's space, one question, a stage of a pipeline or
 * column of a picture, or read-only reference content.
 */
export const AREA_KINDS = ['theme', 'group', 'question', 'stage', 'reference'] as const;
export const AreaKind = z.enum(AREA_KINDS);
export type AreaKind = z.infer<typeof AreaKind>;

/** Colours an area can have: tldraw's palette, so the canvas shows them as they are. */
export const AREA_COLORS = [
  'black',
  'grey',
  'light-violet',
  'violet',
  'blue',
  'light-blue',
  'yellow',
  'orange',
  'green',
  'light-green',
  'light-red',
  'red',
] as const;
export const AreaColor = z.enum(AREA_COLORS);
export type AreaColor = z.infer<typeof AreaColor>;

/** A focus area's code, as a strategy writes it ("A1", "B2", "G1"): short, no spaces. */
export const AreaCode = z
  .string()
  .trim()
  .regex(/^[\p{L}\p{N}][\p{L}\p{N}._-]{0,11}$/u, 'a code is 1–12 letters or digits, no spaces');
export type AreaCode = z.infer<typeof AreaCode>;

export const AreaTitle = z.string().trim().min(1).max(200);

export const NoteText = z.string().max(MAX_NOTE_TEXT);
