import * as Y from 'yjs';

/**
 * Layout of the board document `<id>/board`, version 2. This file (with its siblings) is the only code
 * that knows key names inside a Y.Doc; everyone else goes through these accessors.
 *
 * - `store` (Y.Map): tldraw document record id → `Y.Map` of the record's top-level fields; `props` and
 *   `meta` are `Y.Map`s one level deeper. Concurrent changes to different properties of one record all
 *   survive; concurrent changes to one property resolve last-writer-wins, as in tldraw's own sync.
 * - `schema` (Y.Map): `store` the serialized tldraw schema of the records, `storePrevious` the one it
 *   replaced, `layout` 2, and `tldraw` a schema no version-1 client understands, so such a client (a tab
 *   left open across the upgrade) stops writing and asks to be reloaded.
 * - `records` (Y.Array): version 1's `YKeyValue` of whole records. The server converts it once and empties
 *   it (see {@link migrateBoardLayout}); nothing may write to it afterwards.
 */
const BOARD_KEYS = {
  store: 'store',
  schema: 'schema',
  legacyRecords: 'records',
} as const;

const SCHEMA_KEYS = {
  store: 'store',
  storePrevious: 'storePrevious',
  layout: 'layout',
  /** Where version 1 kept the tldraw schema: in version 2 a schema only newer clients claim to know. */
  legacyTldraw: 'tldraw',
  legacyTldrawPrevious: 'tldrawPrevious',
} as const;

export const BOARD_LAYOUT_VERSION = 2;

/** What version-1 clients find as the board's schema: a sequence they lack means "written by a newer version". */
export const LEGACY_SCHEMA_TOMBSTONE = {
  schemaVersion: 2,
  sequences: { 'samskapa.boardLayout': BOARD_LAYOUT_VERSION },
} as const;

/** Fields of a record stored one level deeper, each property on its own. */
const NESTED_FIELDS: ReadonlySet<string> = new Set(['props', 'meta']);

/** A JSON value as stored in a record; records are opaque to the doc layer. */
export type StoredRecord = { readonly id: string; readonly typeName: string } & Record<string, unknown>;

/**
 * Which records a transaction changed: `changed` exist afterwards, `removed` do not. `fields` names, per
 * record, what changed: top-level fields (`x`), nested ones (`props.richText`, `meta.placedAt`), or `*`
 * when the record was written whole (created, or replaced).
 */
export interface RecordChanges {
  readonly changed: ReadonlySet<string>;
  readonly removed: ReadonlySet<string>;
  readonly fields: ReadonlyMap<string, ReadonlySet<string>>;
}

export type RecordObserver = (changes: RecordChanges, transaction: Y.Transaction) => void;

/**
 * The tldraw records of a board doc, keyed by record id. Reads give plain JSON (cached until the record
 * changes); writes change only the properties that differ, so they merge with others' changes.
 */
export class BoardRecords {
  readonly map: Y.Map<unknown>;
  private readonly cache = new Map<string, StoredRecord | null>();
  private readonly observers = new Set<RecordObserver>();

  constructor(readonly doc: Y.Doc) {
    this.map = doc.getMap(BOARD_KEYS.store);
    this.map.observeDeep((events, transaction) => {
      const fields = changedFields(events);
      for (const id of fields.keys()) this.cache.delete(id);
      if (this.observers.size === 0 || fields.size === 0) return;
      const changed = new Set<string>();
      const removed = new Set<string>();
      for (const id of fields.keys()) (this.map.has(id) ? changed : removed).add(id);
      for (const observer of [...this.observers]) observer({ changed, removed, fields }, transaction);
    });
  }

  get size(): number {
    return this.map.size;
  }

  has(id: string): boolean {
    return this.map.has(id);
  }

  /** Ids of every entry, well-formed or not. */
  ids(): string[] {
    return [...this.map.keys()];
  }

  /** The record stored under `id`, if it is a well-formed one (see {@link asStoredRecord}). */
  get(id: string): StoredRecord | undefined {
    const cached = this.cache.get(id);
    if (cached !== undefined) return cached ?? undefined;
    if (!this.map.has(id)) return undefined;
    const record = asStoredRecord(id, this.raw(id)) ?? null;
    this.cache.set(id, record);
    return record ?? undefined;
  }

  /** Whatever is stored under `id`, as JSON (well-formed or not). */
  raw(id: string): unknown {
    const value = this.map.get(id);
    return value instanceof Y.AbstractType ? value.toJSON() : value;
  }

  /** Every well-formed record. */
  all(): StoredRecord[] {
    const out: StoredRecord[] = [];
    for (const id of this.map.keys()) {
      const record = this.get(id);
      if (record) out.push(record);
    }
    return out;
  }

  /** Write `record` under `id`, changing only the properties that differ from what is stored. */
  set(id: string, record: StoredRecord): void {
    this.cache.delete(id);
    const current = this.map.get(id);
    // Not a record at all (only tests and modified clients write such values): stored as it is.
    if (!isPlainObject(record)) {
      this.map.set(id, record);
      return;
    }
    if (!(current instanceof Y.Map)) {
      this.map.set(id, recordMap(record));
      return;
    }
    transactIfNeeded(this.doc, () => writeFields(current, record, true));
  }

  delete(id: string): void {
    this.cache.delete(id);
    this.map.delete(id);
  }

  /** Calls `observer` after every transaction that changed records; returns a function that stops it. */
  observe(observer: RecordObserver): () => void {
    this.observers.add(observer);
    return () => this.observers.delete(observer);
  }
}

function transactIfNeeded(doc: Y.Doc, f: () => void): void {
  // Inside a caller's transaction, writing directly keeps its origin.
  if (doc._transaction) f();
  else doc.transact(f);
}

/** A record as a fresh `Y.Map` (its nested fields as `Y.Map`s too). */
function recordMap(record: StoredRecord): Y.Map<unknown> {
  const map = new Y.Map<unknown>();
  for (const [key, value] of Object.entries(record)) {
    if (value === undefined) continue;
    map.set(key, NESTED_FIELDS.has(key) && isPlainObject(value) ? plainMap(value) : value);
  }
  return map;
}

function plainMap(value: Record<string, unknown>): Y.Map<unknown> {
  const map = new Y.Map<unknown>();
  for (const [key, inner] of Object.entries(value)) if (inner !== undefined) map.set(key, inner);
  return map;
}

/** Make `map` hold `value`'s fields, writing only those that differ and removing those it lacks. */
function writeFields(map: Y.Map<unknown>, value: Record<string, unknown>, top: boolean): void {
  for (const [key, next] of Object.entries(value)) {
    if (next === undefined) continue;
    const current = map.get(key);
    if (top && NESTED_FIELDS.has(key) && isPlainObject(next)) {
      if (current instanceof Y.Map) writeFields(current, next, false);
      else map.set(key, plainMap(next));
    } else if (current instanceof Y.AbstractType || !jsonEqual(current, next)) {
      map.set(key, next);
    }
  }
  for (const key of [...map.keys()]) if (value[key] === undefined) map.delete(key);
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return !!value && typeof value === 'object' && !Array.isArray(value) && !(value instanceof Uint8Array);
}

/** Structural equality of JSON values (key order ignored). */
export function jsonEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) {
    const other = b as unknown[];
    return a.length === other.length && a.every((x, i) => jsonEqual(x, other[i]));
  }
  const ka = Object.keys(a).filter((k) => (a as Record<string, unknown>)[k] !== undefined);
  const kb = Object.keys(b).filter((k) => (b as Record<string, unknown>)[k] !== undefined);
  return (
    ka.length === kb.length &&
    ka.every((k) => jsonEqual((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]))
  );
}

/** Record ids a set of deep events (observed on the `store` map) touched, with the fields changed. */
function changedFields(events: Y.YEvent<Y.AbstractType<unknown>>[]): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  const add = (id: string, field: string) => {
    let set = out.get(id);
    if (!set) out.set(id, (set = new Set()));
    set.add(field);
  };
  for (const event of events) {
    const [id, ...inner] = event.path.map(String);
    // Anything but a map's event (a modified client's Y.Text inside a record) counts as its path.
    const keys = event instanceof Y.YMapEvent ? [...event.keysChanged] : [null];
    for (const key of keys) {
      if (id === undefined) {
        if (key !== null) add(key, '*');
      } else {
        add(id, [...inner, ...(key === null ? [] : [key])].join('.') || '*');
      }
    }
  }
  return out;
}

// One accessor per doc: its cache and observers are shared by everyone reading the doc.
const accessors = new WeakMap<Y.Doc, BoardRecords>();

/** The tldraw records of a board doc, keyed by record id. */
export function boardRecords(doc: Y.Doc): BoardRecords {
  let records = accessors.get(doc);
  if (!records) {
    records = new BoardRecords(doc);
    accessors.set(doc, records);
  }
  return records;
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
  return boardRecords(doc).all();
}

/** One well-formed record of a board doc, by id. */
export function storedRecord(doc: Y.Doc, id: string): StoredRecord | undefined {
  return boardRecords(doc).get(id);
}

/** The serialized tldraw schema the board was last written with, if any. */
export function readBoardSchema(doc: Y.Doc): unknown {
  return doc.getMap(BOARD_KEYS.schema).get(SCHEMA_KEYS.store);
}

/** The schema the board was written with before the current one, if it ever changed. */
export function readPreviousBoardSchema(doc: Y.Doc): unknown {
  return doc.getMap(BOARD_KEYS.schema).get(SCHEMA_KEYS.storePrevious);
}

/**
 * Record the tldraw schema the writer uses, so a reader can tell whether it understands the records;
 * the schema it replaces is kept as the previous one. Also marks the doc as layout 2.
 */
export function writeBoardSchema(doc: Y.Doc, schema: unknown): void {
  const map = doc.getMap(BOARD_KEYS.schema);
  const current = map.get(SCHEMA_KEYS.store);
  transactIfNeeded(doc, () => {
    if (current !== undefined && !jsonEqual(current, schema)) map.set(SCHEMA_KEYS.storePrevious, current);
    if (current === undefined || !jsonEqual(current, schema)) map.set(SCHEMA_KEYS.store, schema);
    markLayout(map);
  });
}

function markLayout(map: Y.Map<unknown>): void {
  if (map.get(SCHEMA_KEYS.layout) !== BOARD_LAYOUT_VERSION) map.set(SCHEMA_KEYS.layout, BOARD_LAYOUT_VERSION);
  if (!jsonEqual(map.get(SCHEMA_KEYS.legacyTldraw), LEGACY_SCHEMA_TOMBSTONE)) {
    map.set(SCHEMA_KEYS.legacyTldraw, LEGACY_SCHEMA_TOMBSTONE);
  }
}

/** Calls `onChange` whenever the recorded tldraw schema changes; returns a function that stops it. */
export function observeBoardSchema(doc: Y.Doc, onChange: () => void): () => void {
  const map = doc.getMap(BOARD_KEYS.schema);
  map.observe(onChange);
  return () => map.unobserve(onChange);
}

// ---- Version 1 (`YKeyValue` in the `records` array) -------------------------------------------------

/** An entry of version 1's array: `{ key, val }`, the later of two entries for one key wins. */
interface LegacyEntry {
  key: string;
  val: unknown;
}

function isLegacyEntry(value: unknown): value is LegacyEntry {
  return !!value && typeof value === 'object' && typeof (value as LegacyEntry).key === 'string';
}

/** The version-1 array (only for the conversion and the server's rule that nobody writes to it). */
export function legacyRecordsArray(doc: Y.Doc): Y.Array<unknown> {
  return doc.getArray(BOARD_KEYS.legacyRecords);
}

/** Root names a board doc may hold; anything else was written by something that is not Samskapa. */
export const BOARD_ROOT_NAMES: ReadonlySet<string> = new Set(Object.values(BOARD_KEYS));

/**
 * The records still in the version-1 array, as version 1 read them (the last entry for a key wins),
 * with the id of the item each came from.
 */
export function legacyEntries(doc: Y.Doc): Map<string, { value: unknown; item: Y.ID }> {
  const out = new Map<string, { value: unknown; item: Y.ID }>();
  let item = legacyRecordsArray(doc)._start;
  while (item !== null) {
    if (!item.deleted) {
      const values = item.content.getContent();
      values.forEach((value, i) => {
        if (isLegacyEntry(value)) {
          out.delete(value.key);
          out.set(value.key, { value: value.val, item: Y.createID(item!.id.client, item!.id.clock + i) });
        }
      });
    }
    item = item.right;
  }
  return out;
}

/** Whether the doc still holds version-1 content (records, or a schema only version 1 wrote). */
export function needsLayoutMigration(doc: Y.Doc): boolean {
  const schema = doc.getMap(BOARD_KEYS.schema);
  return (
    legacyRecordsArray(doc).length > 0 || (schema.size > 0 && schema.get(SCHEMA_KEYS.layout) === undefined)
  );
}

/**
 * Convert a version-1 board to version 2 in one transaction: every record into `store` (a record
 * already there is merged property by property), the schema to its new key, and the array emptied.
 * `only` limits the conversion to some of the array's records (a browser carrying its offline edits);
 * the array is emptied in any case. Returns how many records were written.
 */
export function migrateBoardLayout(doc: Y.Doc, only?: (entry: { item: Y.ID }) => boolean): number {
  const entries = legacyEntries(doc);
  const array = legacyRecordsArray(doc);
  const schema = doc.getMap(BOARD_KEYS.schema);
  const records = boardRecords(doc);
  let written = 0;
  transactIfNeeded(doc, () => {
    for (const [key, entry] of entries) {
      if (only && !only(entry)) continue;
      const record = asStoredRecord(key, entry.value);
      if (!record) continue;
      records.set(key, record);
      written++;
    }
    if (array.length > 0) array.delete(0, array.length);
    const legacy = schema.get(SCHEMA_KEYS.legacyTldraw);
    if (
      schema.get(SCHEMA_KEYS.store) === undefined &&
      legacy !== undefined &&
      !jsonEqual(legacy, LEGACY_SCHEMA_TOMBSTONE)
    ) {
      schema.set(SCHEMA_KEYS.store, legacy);
      const previous = schema.get(SCHEMA_KEYS.legacyTldrawPrevious);
      if (previous !== undefined) schema.set(SCHEMA_KEYS.storePrevious, previous);
    }
    if (schema.has(SCHEMA_KEYS.legacyTldrawPrevious)) schema.delete(SCHEMA_KEYS.legacyTldrawPrevious);
    markLayout(schema);
  });
  return written;
}

/** A board doc read from stored bytes (a snapshot, the store), in version 2 whatever it was written in. */
export function inCurrentLayout(doc: Y.Doc): Y.Doc {
  if (needsLayoutMigration(doc)) migrateBoardLayout(doc);
  return doc;
}

/**
 * Carry what a layout-1 copy of a board holds that the server never had (a browser's offline edits made
 * before the upgrade) into layout 2, given the server's state: once that state is applied, the server's
 * emptying of the old array leaves only entries it never saw, and those are written into `store`
 * property by property on top of the server's records. Returns how many records were carried.
 */
export function carryLegacyEdits(doc: Y.Doc, serverState: Uint8Array): number {
  Y.applyUpdate(doc, serverState);
  return migrateBoardLayout(doc);
}
