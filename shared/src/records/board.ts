import type { TLDocument, TLPage, TLPageId } from '@tldraw/tlschema';
import type { IndexKey } from '@tldraw/utils';

/** Id of the single page every Samskapa board uses; it matches tldraw's own default page id. */
export const BOARD_PAGE_ID = 'page:page' as TLPageId;

/** Id of the document record (tldraw's `TLDOCUMENT_ID`). */
export const DOCUMENT_RECORD_ID = 'document:document' as TLDocument['id'];

/** The document record every board carries, with tldraw's defaults. */
export function buildDocumentRecord(): TLDocument {
  return { id: DOCUMENT_RECORD_ID, typeName: 'document', gridSize: 10, name: '', meta: {} };
}

/** The board's page record. */
export function buildPageRecord(name: string, index = 'a1' as IndexKey): TLPage {
  return { id: BOARD_PAGE_ID, typeName: 'page', name, index, meta: {} };
}

/** The name the board's page gets in the language the workshop was created in; it never shows in the UI. */
export const BOARD_PAGE_NAMES = { sv: 'Tavla', en: 'Board' } as const;
