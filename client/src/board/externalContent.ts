import { toRichText, type Editor, type TLAssetStore } from 'tldraw';

/** Why an asset could not be stored; the board shows the message and nothing is inlined. */
export class AssetsUnavailableError extends Error {}

/**
 * An asset store that never inlines files into the document. The server has no upload route yet, so
 * every upload is refused; images are meant to live on the server, never as base64 in the board doc.
 */
export const refusingAssetStore: TLAssetStore = {
  async upload() {
    throw new AssetsUnavailableError('the server does not accept assets yet');
  },
};

/**
 * Replaces tldraw's handlers that would reach other sites or inline files: a pasted URL becomes text
 * (no page, og:image or favicon is fetched), and dropped or pasted files are refused with a message.
 */
export function installExternalContentPolicy(
  editor: Editor,
  notify: (notice: 'board.imagesUnavailable' | 'board.urlPasted') => void,
): void {
  editor.registerExternalContentHandler('url', ({ url, point }) => {
    const at = point ?? editor.getViewportPageBounds().center;
    editor.markHistoryStoppingPoint('paste url');
    editor.createShape({ type: 'text', x: at.x, y: at.y, props: { richText: toRichText(url) } });
    notify('board.urlPasted');
  });
  editor.registerExternalContentHandler('files', () => notify('board.imagesUnavailable'));
  editor.registerExternalContentHandler('file-replace', () => notify('board.imagesUnavailable'));
}
