import type { TLRecord, TLStore } from 'tldraw';
import type * as Y from 'yjs';
import {
  boardRecords,
  observeBoardSchema,
  readBoardSchema,
  readPreviousBoardSchema,
  repairedNote,
  writeBoardSchema,
  type StoredRecord,
} from '@samskapa/shared';
import { migrateRecords, schemaVerdict, type SchemaVerdict } from './boardSchema';

/** Why a record from the document was not applied to the local store. */
export interface SkippedRecord {
  id: string;
  reason: string;
}

export interface RecordBindingOptions {
  store: TLStore;
  doc: Y.Doc;
  /** Read-only clients never write local changes into the doc (the server would drop them). */
  readOnly?: boolean;
  /**
   * The name a board's page gets when this client seeds an empty doc (tldraw's default, "Page 1",
   * would be written into the shared doc in English); a doc with content keeps its name.
   */
  pageName?: string;
  /** Called for each remote record that could not be applied; the board keeps its previous state. */
  onSkippedRecord?: (skipped: SkippedRecord) => void;
  /**
   * Called once when the doc turns out to be written by a newer tldraw than this client's (a tab left
   * open across an upgrade). From then on nothing is written: records this client cannot describe
   * correctly would damage the board for everyone. The page should be reloaded.
   */
  onNewerSchema?: () => void;
  /**
   * Whether this client may rewrite a record it did not change itself (bringing the board up to its
   * schema, storing a repaired record): a participant leaves the facilitator's records (areas, reference
   * content, page) as they are, which the server would refuse; readers migrate them as they read them.
   */
  mayRewrite?: (before: StoredRecord | undefined, after: StoredRecord) => boolean;
}

/**
 * Binds a tldraw store to the records of a board doc, both ways. Document-scoped records only:
 * presence, camera and instance records never reach the doc. Returns a function that unbinds.
 */
export function bindRecords({
  store,
  doc,
  readOnly = false,
  pageName,
  onSkippedRecord,
  onNewerSchema,
  mayRewrite = () => true,
}: RecordBindingOptions): () => void {
  const records = boardRecords(doc);
  const origin = { binding: 'tldraw' };
  const documentTypes = store.scopedTypes.document;
  const ourSchema = store.schema.serialize();

  // The schema the doc's records were written with, and what that means here; re-read when it changes.
  let docSchema: unknown;
  let verdict: SchemaVerdict = 'current';
  let docHasOurSchema = false;
  let toldNewer = false;
  const readSchema = (): void => {
    const current = readBoardSchema(doc);
    if (current === docSchema && docSchema !== undefined) return;
    docSchema = current;
    verdict = schemaVerdict(store, current);
    docHasOurSchema = JSON.stringify(current) === JSON.stringify(ourSchema);
    if (verdict === 'newer' && !toldNewer) {
      toldNewer = true;
      onNewerSchema?.();
    }
  };
  readSchema();

  const skip = (id: string, reason: string): void => {
    if (onSkippedRecord) onSkippedRecord({ id, reason });
    else console.warn(`samskapa: skipped record ${id} from the board: ${reason}`);
  };

  const isDocumentRecord = (value: unknown): value is TLRecord => {
    if (!value || typeof value !== 'object') return false;
    const { id, typeName } = value as { id?: unknown; typeName?: unknown };
    return typeof id === 'string' && typeof typeName === 'string' && documentTypes.has(typeName as never);
  };

  /** Records as stored in the doc, brought up to this client's schema when the doc's is older. */
  const upToDate = (values: TLRecord[]): Map<string, TLRecord> =>
    verdict === 'older' ? migrateRecords(store, values, docSchema) : new Map(values.map((v) => [v.id, v]));

  /** Puts one record; false when the store refuses it (it fails this client's schema). */
  /** Whether this client's tldraw accepts a record as it is. */
  const isValid = (record: TLRecord): boolean => {
    try {
      store.schema.types[record.typeName].validate(record);
      return true;
    } catch {
      return false;
    }
  };

  const tryPutAll = (records: TLRecord[]): boolean => {
    try {
      store.put(records);
      return true;
    } catch {
      return false;
    }
  };

  const tryPut = (record: TLRecord): boolean => {
    try {
      store.put([record]);
      return true;
    } catch {
      return false;
    }
  };

  /**
   * Puts remote records one by one, so one invalid record never blocks the others. A record that fails
   * may have been written by a client of the board's previous schema after another client upgraded
   * the board (a tab that was offline across an upgrade): it is migrated from that schema, and a
   * client that may write puts the migrated record back, so every reader sees it.
   */
  const applyRemote = (puts: [string, unknown][], removes: string[]): void => {
    readSchema();
    const values: TLRecord[] = [];
    for (const [key, value] of puts) {
      if (isDocumentRecord(value) && value.id === key) values.push(value);
      else skip(key, 'not a document record');
    }
    const repaired: TLRecord[] = [];
    store.mergeRemoteChanges(() => {
      const current = upToDate(values);
      // Notes stored with invisible text are drawn as tldraw's own; a writer stores the repair (`fitNotes`).
      // Those that pass this client's validators go into the store in one put (a whole board at once costs
      // a fraction of a put per record); the others are tried one by one below.
      const valid: [stored: TLRecord, record: TLRecord][] = [];
      const failed: TLRecord[] = [];
      for (const value of values) {
        const record = current.get(value.id);
        const repairedRecord = record && repairedNote(record);
        if (repairedRecord && isValid(repairedRecord)) valid.push([value, repairedRecord]);
        else failed.push(value);
      }
      if (valid.length > 0 && !tryPutAll(valid.map(([, record]) => record))) {
        for (const [value, record] of valid) if (!tryPut(record)) failed.push(value);
      }
      const previous = readPreviousBoardSchema(doc);
      const fromPrevious =
        failed.length > 0 && previous !== undefined && schemaVerdict(store, previous) === 'older'
          ? migrateRecords(store, failed, previous)
          : new Map<string, TLRecord>();
      for (const value of failed) {
        const record = fromPrevious.get(value.id);
        if (record && tryPut(record)) repaired.push(record);
        else skip(value.id, `it does not fit this version of the board (${verdict} schema)`);
      }
      const present = removes.filter((id) => store.has(id as TLRecord['id']));
      if (present.length > 0) store.remove(present as TLRecord['id'][]);
    });
    const allowed = repaired.filter((record) =>
      mayRewrite(records.get(record.id), record as unknown as StoredRecord),
    );
    if (allowed.length > 0) writeLocal(allowed, []);
  };

  /**
   * Brings a doc written by an older tldraw up to ours in the transaction that first writes to it:
   * every record is rewritten migrated, then the schema says so, so no reader ever sees records
   * older than the schema claims.
   */
  const upgradeDoc = (): void => {
    if (verdict === 'older') {
      const stored: unknown[] = records.all();
      const unknown = stored.filter(
        (value): value is TLRecord => isDocumentRecord(value) && !store.has(value.id),
      );
      const migrated = migrateRecords(store, unknown, docSchema);
      for (const key of records.ids()) {
        const record = store.get(key as TLRecord['id']) ?? migrated.get(key);
        // A record that cannot be migrated stays as it was; the previous schema is kept beside the new one.
        if (record && mayRewrite(records.get(key), record as unknown as StoredRecord)) {
          records.set(key, record as unknown as StoredRecord);
        }
      }
    }
    writeBoardSchema(doc, ourSchema);
  };

  const writeLocal = (puts: TLRecord[], removes: string[]): void => {
    if (readOnly || (puts.length === 0 && removes.length === 0)) return;
    readSchema();
    if (verdict === 'newer') return;
    doc.transact(() => {
      if (!docHasOurSchema) upgradeDoc();
      for (const record of puts) records.set(record.id, record as unknown as StoredRecord);
      for (const id of removes) if (records.has(id)) records.delete(id);
    }, origin);
  };

  // Initial state: a doc with content wins over whatever the store holds; an empty doc takes the store's.
  const docEntries = records.ids().map((key) => [key, records.raw(key)] as [string, unknown]);
  if (docEntries.length > 0) {
    const inDoc = new Set(docEntries.map(([key]) => key));
    const stale = store
      .allRecords()
      .filter((r) => documentTypes.has(r.typeName as never) && !inDoc.has(r.id))
      .map((r) => r.id);
    applyRemote(docEntries, stale);
  } else {
    if (pageName !== undefined && !readOnly) {
      const renamed = store
        .allRecords()
        .filter((r) => r.typeName === 'page' && r.name !== pageName)
        .map((page) => ({ ...page, name: pageName }));
      if (renamed.length > 0) store.put(renamed);
    }
    writeLocal(
      store.allRecords().filter((r) => documentTypes.has(r.typeName as never)),
      [],
    );
  }

  const stopObservingDoc = records.observe(({ changed, removed }, transaction) => {
    if (transaction.origin === origin) return;
    applyRemote(
      [...changed].map((id) => [id, records.raw(id)]),
      [...removed],
    );
  });
  const stopObservingSchema = observeBoardSchema(doc, readSchema);

  const stopListening = store.listen(
    ({ changes }) => {
      const puts = [...Object.values(changes.added), ...Object.values(changes.updated).map(([, to]) => to)];
      writeLocal(puts, Object.keys(changes.removed));
    },
    { source: 'user', scope: 'document' },
  );

  return () => {
    stopListening();
    stopObservingSchema();
    stopObservingDoc();
  };
}
