import { createTLSchema, type TLRecord } from '@tldraw/tlschema';
import type { StoredRecord } from '../doc/boardDoc';

let schema: ReturnType<typeof createTLSchema> | undefined;

/** Throws when tldraw's own validators refuse a record (the canvas would skip it). */
export function validateBoardRecord(record: StoredRecord): void {
  schema ??= createTLSchema();
  const type = schema.types[record.typeName as TLRecord['typeName']];
  if (!type) throw new Error(`unknown record type ${record.typeName}`);
  type.validate(record);
}
