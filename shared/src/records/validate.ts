import { createTLSchema, type TLRecord } from '@tldraw/tlschema';
import type { StoredRecord } from '../doc/boardDoc';

let schema: ReturnType<typeof createTLSchema> | undefined;

function recordType(typeName: string) {
  schema ??= createTLSchema();
  // Only tldraw's document-scoped types (shape, binding, asset, page, document, user) are stored on a
  // board: the canvas syncs no other, so a camera or presence record there would be skipped.
  if (!Object.hasOwn(schema.types, typeName)) return undefined;
  const type = schema.types[typeName as TLRecord['typeName']];
  return type.scope === 'document' ? type : undefined;
}

/** Whether records of this type belong on a board (tldraw's document-scoped record types). */
export function isBoardRecordType(typeName: string): boolean {
  return recordType(typeName) !== undefined;
}

/** Throws when tldraw's own validators refuse a record (the canvas would skip it). */
export function validateBoardRecord(record: StoredRecord): void {
  const type = recordType(record.typeName);
  if (!type) throw new Error(`unknown record type ${record.typeName}`);
  type.validate(record);
}
