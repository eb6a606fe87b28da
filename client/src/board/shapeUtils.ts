import {
  defaultShapeUtils,
  EmbedShapeUtil,
  FrameShapeUtil,
  getDisplayValues,
  Group2d,
  NoteShapeUtil,
  Rectangle2d,
  type TLNoteShape,
} from 'tldraw';

/** Embeds load third-party iframes: none are allowed, so pasted links never become embeds. */
export const NoEmbedShapeUtil = EmbedShapeUtil.configure({ embedDefinitions: [] });

/** Frames show their colour: a focus area's colour helps, though its code always says which it is. */
export const ColouredFrameShapeUtil = FrameShapeUtil.configure({ showColors: true });

/**
 * Notes whose geometry does not measure their text. tldraw's note measures its label (in a hidden DOM
 * element, up to once per font size it tries) for its geometry, the first time anything asks for a note's
 * bounds: on a 1,000-note board that was about 0.9 s before the first frame (bench:board-load's profile).
 * The note's size never depends on it (its height is `growY`, stored, measured while typing), and the
 * text is drawn by CSS, not from the geometry: the label's hit area is the whole note instead of the
 * measured text. While someone types, tldraw still measures to grow the note and shrink long words.
 */
export class BoardNoteShapeUtil extends NoteShapeUtil {
  override getGeometry(shape: TLNoteShape): Group2d {
    const { noteWidth, noteHeight } = getDisplayValues(this, shape);
    const width = noteWidth * shape.props.scale;
    const height = (noteHeight + shape.props.growY) * shape.props.scale;
    return new Group2d({
      children: [
        new Rectangle2d({ width, height, isFilled: true }),
        new Rectangle2d({ width, height, isFilled: true, isLabel: true, excludeFromShapeBounds: true }),
      ],
    });
  }
}

/** The shape utils of the board: tldraw's defaults with embeds disabled, coloured frames, light notes. */
export const boardShapeUtils = [
  ...defaultShapeUtils.filter((util) => !['embed', 'frame', 'note'].includes(util.type)),
  NoEmbedShapeUtil,
  ColouredFrameShapeUtil,
  BoardNoteShapeUtil,
];

/** What the editor gets on top of its defaults (it replaces the default embed, frame and note utils). */
export const editorShapeUtils = [NoEmbedShapeUtil, ColouredFrameShapeUtil, BoardNoteShapeUtil];
