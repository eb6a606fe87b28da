import {
  DocumentRecordType,
  PageRecordType,
  TLDOCUMENT_ID,
  type TLDocument,
  type TLPage,
  type TLPageId,
} from '@tldraw/tlschema';
import type { IndexKey } from '@tldraw/utils';

/** Id of the single page every Samskapa board uses; it matches tldraw's own default page id. */
export const BOARD_PAGE_ID = PageRecordType.createId('page') as TLPageId;

/** The document record every board carries. */
export function buildDocumentRecord(): TLDocument {
  return DocumentRecordType.create({ id: TLDOCUMENT_ID });
}

/** The board's page record. */
export function buildPageRecord(name: string, index = 'a1' as IndexKey): TLPage {
  return PageRecordType.create({ id: BOARD_PAGE_ID, name, index });
}

/** The name the board's page gets in the language the workshop was created in; it never shows in the UI. */
export const BOARD_PAGE_NAMES = { sv: 'Tavla', en: 'Board' } as const;
