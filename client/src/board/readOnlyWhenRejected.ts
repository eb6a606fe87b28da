import type { Editor } from 'tldraw';
import type { BoardConnection } from '../sync/boardConnection';

/**
 * Makes the editor read-only once the server has refused the connection for good (a 44xx close):
 * nothing typed after that could ever be sent, so nothing may be typed.
 */
export function readOnlyWhenRejected(editor: Editor, connection: BoardConnection): () => void {
  const apply = () => {
    if (editor.isDisposed || connection.getState().kind !== 'rejected') return;
    if (editor.getEditingShapeId()) editor.setEditingShape(null);
    editor.updateInstanceState({ isReadonly: true });
  };
  apply();
  return connection.subscribe(apply);
}
