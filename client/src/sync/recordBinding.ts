import type { TLRecord, TLStore } from 'tldraw';
import type * as Y from 'yjs';
import { boardRecords, readBoardSchema, writeBoardSchema, type StoredRecord } from '@samskapa/shared';

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
}

/**
 * Binds a tldraw store to the `records` of a board doc, both ways. Document-scoped records only:
 * presence, camera and instance records never reach the doc. Returns a function that unbinds.
 */
export function bindRecords({
  store,
  doc,
  readOnly = false,
  pageName,
  onSkippedRecord,
}: RecordBindingOptions): () => void {
  const records = boardRecords(doc);
  const origin = { binding: 'tldraw' };
  const documentTypes = store.scopedTypes.document;
  const ourSchema = store.schema.serialize();
  let schemaChecked = false;

  const skip = (id: string, reason: string): void => {
    if (onSkippedRecord) onSkippedRecord({ id, reason });
    else console.warn(`samskapa: skipped record ${id} from the board: ${reason}`);
  };

  const isDocumentRecord = (value: unknown): value is TLRecord => {
    if (!value || typeof value !== 'object') return false;
    const { id, typeName } = value as { id?: unknown; typeName?: unknown };
    return typeof id === 'string' && typeof typeName === 'string' && documentTypes.has(typeName as never);
  };

  /** Puts remote records one by one, so one invalid record never blocks the others. */
  const applyRemote = (puts: [string, unknown][], removes: string[]): void => {
    store.mergeRemoteChanges(() => {
      for (const [key, value] of puts) {
        if (!isDocumentRecord(value) || value.id !== key) {
          skip(key, 'not a document record');
          continue;
        }
        try {
          store.put([value]);
        } catch (error) {
          skip(key, error instanceof Error ? error.message : String(error));
        }
      }
      const present = removes.filter((id) => store.has(id as TLRecord['id']));
      if (present.length > 0) store.remove(present as TLRecord['id'][]);
    });
  };

  const writeLocal = (puts: TLRecord[], removes: string[]): void => {
    if (readOnly || (puts.length === 0 && removes.length === 0)) return;
    doc.transact(() => {
      if (!schemaChecked) {
        schemaChecked = true;
        if (JSON.stringify(readBoardSchema(doc)) !== JSON.stringify(ourSchema))
          writeBoardSchema(doc, ourSchema);
      }
      for (const record of puts) records.set(record.id, record as unknown as StoredRecord);
      for (const id of removes) if (records.has(id)) records.delete(id);
    }, origin);
  };

  // Initial state: a doc with content wins over whatever the store holds; an empty doc takes the store's.
  const docEntries = [...records.map.entries()].map(([key, entry]) => [key, entry.val] as [string, unknown]);
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

  const onDocChange = (
    changes: Map<string, { action: 'add' | 'update' | 'delete'; newValue?: unknown }>,
    transaction: Y.Transaction,
  ): void => {
    if (transaction.origin === origin) return;
    const puts: [string, unknown][] = [];
    const removes: string[] = [];
    for (const [key, change] of changes) {
      if (change.action === 'delete') removes.push(key);
      else puts.push([key, change.newValue]);
    }
    applyRemote(puts, removes);
  };
  records.on('change', onDocChange);

  const stopListening = store.listen(
    ({ changes }) => {
      const puts = [...Object.values(changes.added), ...Object.values(changes.updated).map(([, to]) => to)];
      writeLocal(puts, Object.keys(changes.removed));
    },
    { source: 'user', scope: 'document' },
  );

  return () => {
    stopListening();
    records.off('change', onDocChange);
  };
}
