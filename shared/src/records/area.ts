import type { TLFrameShape, TLShapeId, TLTextShape } from '@tldraw/tlschema';
import type { IndexKey } from '@tldraw/utils';
import { areaFrameName, type FocusArea, type FocusAreaMeta } from '../workshop/focusArea';
import { AREA_PADDING } from './layout';
import { newShapeId } from './ids';
import { richTextFromPlain } from './richText';
import { buildFrame } from './shapes';

/** What a focus area needs to be built: the area as views read it, and its place in the z-order. */
export type AreaInput = Omit<FocusArea, 'id'> & { id?: TLShapeId; index: IndexKey };

/** A focus area's frame: its name shows code and title, its `meta` carries them for every reader. */
export function buildAreaFrame(input: AreaInput): TLFrameShape {
  const meta: FocusAreaMeta = {
    kind: 'focusArea',
    code: input.code,
    title: input.title,
    description: input.description,
    areaKind: input.kind,
  };
  return buildFrame({
    id: input.id ?? newShapeId(),
    x: input.x,
    y: input.y,
    w: input.w,
    h: input.h,
    name: areaFrameName(input.code, input.title),
    color: input.color,
    index: input.index,
    meta,
  });
}

/** The area's description shown on the canvas: locked text at the top of its frame. */
export function buildAreaDescription(frame: TLFrameShape, text: string, index: IndexKey): TLTextShape {
  return {
    id: newShapeId(),
    typeName: 'shape',
    type: 'text',
    x: AREA_PADDING,
    y: AREA_PADDING,
    rotation: 0,
    index,
    parentId: frame.id,
    isLocked: true,
    opacity: 1,
    meta: { kind: 'areaDescription' },
    props: {
      color: 'black',
      size: 's',
      font: 'sans',
      textAlign: 'start',
      w: Math.max(1, frame.props.w - AREA_PADDING * 2),
      richText: richTextFromPlain(text),
      scale: 1,
      autoSize: false,
    },
  };
}
