import type { TLDefaultColorStyle, TLFrameShape, TLNoteShape, TLParentId, TLShapeId } from '@tldraw/tlschema';
import type { IndexKey, JsonObject } from '@tldraw/utils';
import { BOARD_PAGE_ID } from './board';
import { newShapeId } from './ids';
import { richTextFromPlain } from './richText';

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
      color: input.color ?? 'yellow',
      labelColor: 'black',
      size: 'm',
      font: 'draw',
      fontSizeAdjustment: 0,
      align: 'middle',
      verticalAlign: 'middle',
      growY: 0,
      url: '',
      richText: richTextFromPlain(input.text),
      scale: 1,
      textLastEditedBy: null,
    },
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
