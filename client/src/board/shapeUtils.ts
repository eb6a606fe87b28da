import { defaultShapeUtils, EmbedShapeUtil } from 'tldraw';

/** Embeds load third-party iframes: none are allowed, so pasted links never become embeds. */
export const NoEmbedShapeUtil = EmbedShapeUtil.configure({ embedDefinitions: [] });

/** The shape utils of the board: tldraw's defaults with embeds disabled. */
export const boardShapeUtils = [
  ...defaultShapeUtils.filter((util) => util.type !== 'embed'),
  NoEmbedShapeUtil,
];

/** What the editor gets on top of its defaults (it replaces the default embed util). */
export const editorShapeUtils = [NoEmbedShapeUtil];
