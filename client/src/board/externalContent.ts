import {
  createShapesForAssets,
  getAssetInfo,
  toRichText,
  type Editor,
  type TLAsset,
  type TLImageShape,
} from 'tldraw';
import { ACCEPTED_IMAGE_TYPES, AssetUploadError, type UploadFailure } from './assetStore';

/** What the board tells a person about content they pasted or dropped. */
export type BoardNotice = 'board.urlPasted' | `board.images.${UploadFailure}`;

/**
 * Replaces tldraw's handlers that would reach other sites or inline files: a pasted URL becomes text
 * (no page, og:image or favicon is fetched), and pasted or dropped images are uploaded to the server
 * first and only then put on the board, so peers never see a half-made asset and nothing is inlined.
 */
export function installExternalContentPolicy(
  editor: Editor,
  notify: (notice: BoardNotice) => void,
  readOnly: boolean,
): void {
  editor.registerExternalContentHandler('url', ({ url, point }) => {
    const at = point ?? editor.getViewportPageBounds().center;
    editor.markHistoryStoppingPoint('paste url');
    editor.createShape({ type: 'text', x: at.x, y: at.y, props: { richText: toRichText(url) } });
    notify('board.urlPasted');
  });

  /** Upload one file; the asset to put on the board, or undefined after telling the person why not. */
  async function upload(file: File): Promise<TLAsset | undefined> {
    if (readOnly || editor.getIsReadonly()) return void notify('board.images.readOnly');
    if (!ACCEPTED_IMAGE_TYPES.includes(file.type)) return void notify('board.images.wrongType');
    if (!navigator.onLine) return void notify('board.images.offline');
    try {
      const asset = await getAssetInfo(editor, file);
      if (!asset) return void notify('board.images.wrongType');
      const { src } = await editor.uploadAsset(asset, file);
      return { ...asset, props: { ...asset.props, src } } as TLAsset;
    } catch (error) {
      notify(error instanceof AssetUploadError ? `board.images.${error.reason}` : 'board.images.failed');
      return undefined;
    }
  }

  editor.registerExternalContentHandler('files', async ({ files, point }) => {
    const at = point ?? editor.getViewportPageBounds().center;
    const assets: TLAsset[] = [];
    for (const file of files) {
      const asset = await upload(file);
      if (asset) assets.push(asset);
    }
    if (assets.length) await createShapesForAssets(editor, assets, at);
  });

  editor.registerExternalContentHandler('file-replace', async ({ file, shapeId }) => {
    const shape = editor.getShape(shapeId);
    if (shape?.type !== 'image') return void notify('board.images.wrongType');
    const asset = await upload(file);
    if (!asset) return;
    editor.run(() => {
      if (!editor.getAsset(asset.id)) editor.createAssets([asset]);
      editor.updateShapes<TLImageShape>([{ id: shapeId, type: 'image', props: { assetId: asset.id } }]);
    });
  });
}
