import type { SerializedSchema, TLRecord, TLStore } from 'tldraw';

/** How the records in a doc relate to this client's tldraw schema. */
export type SchemaVerdict = 'current' | 'older' | 'newer';

/** Whether records written with `docSchema` can be used as they are, migrated up, or not at all. */
export function schemaVerdict(store: TLStore, docSchema: unknown): SchemaVerdict {
  if (docSchema === undefined) return 'current';
  const theirs = (docSchema as { sequences?: Record<string, number> }).sequences ?? {};
  const ours = store.schema.serialize().sequences;
  // A sequence this client does not know (a new shape, say) can only come from a newer tldraw; tldraw's
  // own check ignores such sequences.
  if (Object.keys(theirs).some((sequence) => !(sequence in ours))) return 'newer';
  const migrations = store.schema.getMigrationsSince(docSchema as SerializedSchema);
  // So does a version this client has no migration for.
  if (!migrations.ok) return 'newer';
  return migrations.value.length === 0 ? 'current' : 'older';
}

/**
 * Records written with an older schema, brought up to this client's. All together first, as tldraw
 * migrates a whole store (some migrations work on the whole set); if that fails, one by one. Records
 * that cannot be migrated, or that a migration removed, are missing from the answer.
 */
export function migrateRecords(
  store: TLStore,
  records: readonly TLRecord[],
  from: unknown,
): Map<string, TLRecord> {
  const schema = from as SerializedSchema;
  const all = store.schema.migrateStoreSnapshot({
    store: Object.fromEntries(records.map((r) => [r.id, r])) as never,
    schema,
  });
  if (all.type === 'success') return new Map(Object.entries(all.value) as [string, TLRecord][]);
  const migrated = new Map<string, TLRecord>();
  for (const record of records) {
    const one = store.schema.migratePersistedRecord(record, schema, 'up');
    if (one.type === 'success') migrated.set(record.id, one.value);
  }
  return migrated;
}
