import { defaultShapeUtils, EmbedShapeUtil, FrameShapeUtil } from 'tldraw';

/** Embeds load third-party iframes: none are allowed, so pasted links never become embeds. */
export const NoEmbedShapeUtil = EmbedShapeUtil.configure({ embedDefinitions: [] });

/** Frames show their colour: a focus area's colour helps, though its code always says which it is. */
export const ColouredFrameShapeUtil = FrameShapeUtil.configure({ showColors: true });

/** The shape utils of the board: tldraw's defaults with embeds disabled and coloured frames. */
export const boardShapeUtils = [
  ...defaultShapeUtils.filter((util) => util.type !== 'embed' && util.type !== 'frame'),
  NoEmbedShapeUtil,
  ColouredFrameShapeUtil,
];

/** What the editor gets on top of its defaults (it replaces the default embed and frame utils). */
export const editorShapeUtils = [NoEmbedShapeUtil, ColouredFrameShapeUtil];
