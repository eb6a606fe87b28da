import type { Editor } from 'tldraw';
import type { DocConnection } from '../sync/docConnection';

/** Ends any editing in progress and lets nothing more be changed. */
export function makeReadOnly(editor: Editor): void {
  if (editor.getEditingShapeId()) editor.setEditingShape(null);
  editor.updateInstanceState({ isReadonly: true });
}

/**
 * Makes the editor read-only once the server has refused the connection for good (a 44xx close):
 * nothing typed after that could ever be sent, so nothing may be typed.
 */
export function readOnlyWhenRejected(editor: Editor, connection: DocConnection): () => void {
  const apply = () => {
    if (editor.isDisposed || connection.getState().kind !== 'rejected') return;
    makeReadOnly(editor);
  };
  apply();
  return connection.subscribe(apply);
}
