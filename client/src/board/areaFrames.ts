import type { Editor, TLFrameShape } from 'tldraw';
import { areaFrameName, FocusAreaMeta, parseAreaFrameName, type NoteMeta, type Role } from '@samskapa/shared';

/**
 * Keeps a focus area's code and title (its frame's `meta`, what every view and export reads) in step
 * with the frame's name when someone edits it on the canvas. Only facilitators may rename an area;
 * anyone else's edit of the name is undone and `onRefused` says why.
 */
export function syncAreaNames(editor: Editor, role: Role, onRefused: () => void): () => void {
  return editor.sideEffects.registerBeforeChangeHandler('shape', (prev, next, source) => {
    if (source !== 'user' || next.type !== 'frame' || prev.type !== 'frame') return next;
    const before = prev as TLFrameShape;
    const after = next as TLFrameShape;
    if (before.props.name === after.props.name) return next;
    const meta = FocusAreaMeta.safeParse(after.meta);
    if (!meta.success) return next;
    if (role !== 'facilitator') {
      onRefused();
      return { ...after, props: { ...after.props, name: before.props.name } };
    }
    const taken = (code: string) =>
      editor
        .getCurrentPageShapes()
        .some(
          (shape) =>
            shape.id !== after.id &&
            FocusAreaMeta.safeParse(shape.meta).data?.code.toLowerCase() === code.toLowerCase(),
        );
    const { code, title } = parseAreaFrameName(after.props.name, meta.data.code, taken);
    // The frame shows what the area is now called, even where the typed name could not be used as it was.
    return {
      ...after,
      meta: { ...after.meta, code, title },
      props: { ...after.props, name: areaFrameName(code, title) },
    };
  });
}

/**
 * Notes made on the canvas carry who wrote them and when, as notes from the list board and the phone
 * do: their author finds them under "Mina lappar", and every view and export reads the same fields.
 */
export function stampNewNotes(editor: Editor, person: { id: string; name: string }): () => void {
  return editor.sideEffects.registerBeforeCreateHandler('shape', (shape, source) => {
    if (source !== 'user' || shape.type !== 'note' || 'authorId' in shape.meta) return shape;
    const meta: NoteMeta = { authorId: person.id, author: person.name, createdAt: Date.now() };
    return { ...shape, meta: { ...shape.meta, ...meta } };
  });
}
