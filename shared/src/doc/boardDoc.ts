import * as Y from 'yjs';
import { YKeyValue } from 'y-utility/y-keyvalue';

/**
 * Layout of the board document `<id>/board`. This file (with its siblings) is the only code that
 * knows key names inside a Y.Doc; everyone else goes through these accessors.
 */
const BOARD_KEYS = {
  /** Y.Array backing a YKeyValue of tldraw document records, keyed by record id. */
  records: 'records',
  /** Y.Map with the serialized tldraw schema the records were written with. */
  schema: 'schema',
} as const;

/** Key inside the `schema` map that holds the serialized tldraw store schema. */
const TLDRAW_SCHEMA_KEY = 'tldraw';
/** Key of the schema it replaced: a record written late by an older client can still be migrated. */
const PREVIOUS_TLDRAW_SCHEMA_KEY = 'tldrawPrevious';

/** A JSON value as stored in a record; records are opaque to the doc layer. */
export type StoredRecord = { readonly id: string; readonly typeName: string } & Record<string, unknown>;

// One YKeyValue per array: two instances on one array would each rewrite duplicates and double events.
const keyValues = new WeakMap<Y.Doc, Map<string, YKeyValue<unknown>>>();

function keyValue<T>(doc: Y.Doc, key: string): YKeyValue<T> {
  let perDoc = keyValues.get(doc);
  if (!perDoc) {
    perDoc = new Map();
    keyValues.set(doc, perDoc);
  }
  let kv = perDoc.get(key);
  if (!kv) {
    kv = new YKeyValue<unknown>(doc.getArray(key));
    perDoc.set(key, kv);
  }
  return kv as YKeyValue<T>;
}

/** The tldraw records of a board doc, keyed by record id. */
export function boardRecords(doc: Y.Doc): YKeyValue<StoredRecord> {
  return keyValue<StoredRecord>(doc, BOARD_KEYS.records);
}

/**
 * A value from the records map as a record, or undefined when it is not one: any client can write any
 * JSON under any key, so readers take only objects whose `id` is their key and whose `typeName` is a
 * string.
 */
export function asStoredRecord(key: string, value: unknown): StoredRecord | undefined {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return undefined;
  const { id, typeName } = value as { id?: unknown; typeName?: unknown };
  return id === key && typeof typeName === 'string' ? (value as StoredRecord) : undefined;
}

/** The well-formed records of a board doc (see {@link asStoredRecord}). */
export function storedRecords(doc: Y.Doc): StoredRecord[] {
  const out: StoredRecord[] = [];
  for (const [key, entry] of boardRecords(doc).map) {
    const record = asStoredRecord(key, entry.val);
    if (record) out.push(record);
  }
  return out;
}

/** One well-formed record of a board doc, by id. */
export function storedRecord(doc: Y.Doc, id: string): StoredRecord | undefined {
  return asStoredRecord(id, boardRecords(doc).get(id));
}

/** The serialized tldraw schema the board was last written with, if any. */
export function readBoardSchema(doc: Y.Doc): unknown {
  return doc.getMap(BOARD_KEYS.schema).get(TLDRAW_SCHEMA_KEY);
}

/** The schema the board was written with before the current one, if it ever changed. */
export function readPreviousBoardSchema(doc: Y.Doc): unknown {
  return doc.getMap(BOARD_KEYS.schema).get(PREVIOUS_TLDRAW_SCHEMA_KEY);
}

/**
 * Record the tldraw schema the writer uses, so a reader can tell whether it understands the records;
 * the schema it replaces is kept as the previous one.
 */
export function writeBoardSchema(doc: Y.Doc, schema: unknown): void {
  const map = doc.getMap(BOARD_KEYS.schema);
  const current = map.get(TLDRAW_SCHEMA_KEY);
  doc.transact(() => {
    if (current !== undefined && JSON.stringify(current) !== JSON.stringify(schema)) {
      map.set(PREVIOUS_TLDRAW_SCHEMA_KEY, current);
    }
    map.set(TLDRAW_SCHEMA_KEY, schema);
  });
}

/** Calls `onChange` whenever the recorded tldraw schema changes; returns a function that stops it. */
export function observeBoardSchema(doc: Y.Doc, onChange: () => void): () => void {
  const map = doc.getMap(BOARD_KEYS.schema);
  map.observe(onChange);
  return () => map.unobserve(onChange);
}
