import type { TLDefaultColorStyle, TLFrameShape, TLNoteShape, TLParentId, TLShapeId } from '@tldraw/tlschema';
import type { IndexKey, JsonObject } from '@tldraw/utils';
import { BOARD_PAGE_ID } from './board';
import { newShapeId } from './ids';
import { richTextFromPlain } from './richText';

/**
 * The props of a note that tldraw's own note tool would make, but its text: the one place the builders
 * take their defaults from. `client/src/board/noteDefaults.test.ts` compares it with tldraw's
 * `NoteShapeUtil.getDefaultProps()`, so a tldraw upgrade that changes them fails a test instead of
 * drawing notes differently. (`fontSizeAdjustment` multiplies the font size: 0 draws invisible text.)
 */
export const NOTE_DEFAULT_PROPS = {
  color: 'black',
  labelColor: 'black',
  size: 'm',
  font: 'draw',
  fontSizeAdjustment: 1,
  align: 'middle',
  verticalAlign: 'middle',
  growY: 0,
  url: '',
  scale: 1,
  textLastEditedBy: null,
} as const satisfies Omit<TLNoteShape['props'], 'richText'>;

/** What a note needs; everything else takes tldraw's defaults for a new note. */
export interface NoteInput {
  id?: TLShapeId;
  x: number;
  y: number;
  text: string;
  index: IndexKey;
  /** A frame id when the note sits in a focus area (x/y are then relative to the frame). */
  parentId?: TLParentId;
  color?: TLDefaultColorStyle;
  meta?: JsonObject;
}

/** A tldraw note shape record, valid for tldraw's schema, built without an editor. */
export function buildNote(input: NoteInput): TLNoteShape {
  return {
    id: input.id ?? newShapeId(),
    typeName: 'shape',
    type: 'note',
    x: input.x,
    y: input.y,
    rotation: 0,
    index: input.index,
    parentId: input.parentId ?? BOARD_PAGE_ID,
    isLocked: false,
    opacity: 1,
    meta: input.meta ?? {},
    props: {
      ...NOTE_DEFAULT_PROPS,
      color: input.color ?? NOTE_DEFAULT_PROPS.color,
      richText: richTextFromPlain(input.text),
    },
  };
}

/**
 * A note as it should be drawn: notes built here before 2026-12 carried `fontSizeAdjustment: 0`, which
 * tldraw multiplies into the font size, so their text was invisible on the canvas. Such a note (and any
 * other value tldraw's note tool never writes; it writes a ratio above 0, or null) gets the default; every
 * other record is returned as it is.
 */
export function repairedNote<T extends object>(record: T): T {
  const { type, props } = record as { type?: unknown; props?: unknown };
  if (type !== 'note' || !props || typeof props !== 'object') return record;
  const { fontSizeAdjustment } = props as { fontSizeAdjustment?: unknown };
  if (fontSizeAdjustment === null || (typeof fontSizeAdjustment === 'number' && fontSizeAdjustment > 0))
    return record;
  return {
    ...record,
    props: { ...props, fontSizeAdjustment: NOTE_DEFAULT_PROPS.fontSizeAdjustment },
  };
}

/** What a frame needs. */
export interface FrameInput {
  id?: TLShapeId;
  x: number;
  y: number;
  w: number;
  h: number;
  name: string;
  index: IndexKey;
  /** Another frame when this one is nested (x/y are then relative to it). */
  parentId?: TLParentId;
  color?: TLDefaultColorStyle;
  meta?: JsonObject;
}

/** A tldraw frame shape record, built without an editor. */
export function buildFrame(input: FrameInput): TLFrameShape {
  return {
    id: input.id ?? newShapeId(),
    typeName: 'shape',
    type: 'frame',
    x: input.x,
    y: input.y,
    rotation: 0,
    index: input.index,
    parentId: input.parentId ?? BOARD_PAGE_ID,
    isLocked: false,
    opacity: 1,
    meta: input.meta ?? {},
    props: { w: input.w, h: input.h, name: input.name, color: input.color ?? 'black' },
  };
}
