import type { StoredRecord } from '../doc/boardDoc';
import { MAX_NOTE_TEXT } from '../model/focusArea';
import { readFocusArea, type FocusArea } from '../workshop/focusArea';
import { isNoteRecord } from '../workshop/note';
import { areaContentTop, areaHeight, columnsIn, MAX_SLOTS_SEARCHED } from './layout';
import { plainFromRichText } from './richText';
import { isBoardRecordType, validateBoardRecord } from './validate';

/**
 * What the server allows of a change to one board record, by who writes it (issue 14, "Record rules,
 * enforced by the server"). Everyone's records must be tldraw's and valid; participants may not touch
 * what the facilitator owns: the focus areas, the reference content, the page and the document.
 */

/** Who writes to a board (a viewer writes nothing). */
export type WriterRole = 'facilitator' | 'participant';

/** Why a change of a record is refused; the server logs it. */
export const REFUSAL_REASONS = [
  /** Not a record, or one tldraw's own validators refuse. */
  'invalidRecord',
  /** A record type a board does not hold (not one of tldraw's document-scoped types). */
  'unknownType',
  /** A record written under another record's id. */
  'idChanged',
  /** A note's text longer than the export allows. */
  'textTooLong',
  /** A participant changed, deleted or created a focus area or an area's description. */
  'focusArea',
  /** A participant created a frame. */
  'frame',
  /** A participant changed, deleted or created reference content. */
  'reference',
  /** A participant changed, deleted or created the page or the document record. */
  'pageOrDocument',
] as const;
export type RefusalReason = (typeof REFUSAL_REASONS)[number];

export type RecordVerdict = { ok: true } | { ok: false; reason: RefusalReason };

/**
 * Whether `role` may change one record from `before` to `after`.
 * before: the record as the server holds it (undefined = it does not exist); after: as it would be after
 * the update (undefined = deleted).
 */
export function judgeRecordChange(
  role: WriterRole,
  before: StoredRecord | undefined,
  after: StoredRecord | undefined,
): RecordVerdict {
  const invalid = after === undefined ? undefined : invalidReason(before, after);
  const reason = invalid ?? (role === 'participant' ? participantReason(before, after) : undefined);
  return reason ? { ok: false, reason } : { ok: true };
}

/** What is wrong with a record whoever writes it. */
function invalidReason(before: StoredRecord | undefined, after: StoredRecord): RefusalReason | undefined {
  // Records come off the network: the type says what they should be, not what they are.
  const record: unknown = after;
  if (!record || typeof record !== 'object' || Array.isArray(record)) return 'invalidRecord';
  if (typeof after.id !== 'string' || typeof after.typeName !== 'string') return 'invalidRecord';
  if (before && after.id !== before.id) return 'idChanged';
  if (!isBoardRecordType(after.typeName)) return 'unknownType';
  try {
    validateBoardRecord(after);
  } catch {
    return 'invalidRecord';
  }
  if (isNoteRecord(after)) {
    const text = noteText(after);
    // A note stored before the limit was enforced may still be moved or recoloured; its text may only
    // get shorter (the export cuts it meanwhile).
    if (
      text.length > MAX_NOTE_TEXT &&
      !(before !== undefined && isNoteRecord(before) && noteText(before) === text)
    ) {
      return 'textTooLong';
    }
  }
  return undefined;
}

function participantReason(
  before: StoredRecord | undefined,
  after: StoredRecord | undefined,
): RefusalReason | undefined {
  if (!before) return after === undefined ? undefined : madeOnlyByFacilitator(after, undefined);
  const owned = ownedByFacilitator(before);
  if (owned) {
    // Written back as it is (a client resending what it holds) is no change.
    const kept =
      after !== undefined &&
      (jsonEqual(before, after) || (isFocusAreaFrame(before) && onlyGrown(before, after)));
    return kept ? undefined : owned;
  }
  return after === undefined ? undefined : madeOnlyByFacilitator(after, before);
}

/** Why an existing record is the facilitator's alone to change or delete. */
function ownedByFacilitator(record: StoredRecord): RefusalReason | undefined {
  if (record.typeName === 'page' || record.typeName === 'document') return 'pageOrDocument';
  if (isFocusAreaFrame(record) || isAreaDescription(record)) return 'focusArea';
  if (isReference(record)) return 'reference';
  return undefined;
}

/** Why a participant may not create `record`, or turn `before` (an ordinary record) into it. */
function madeOnlyByFacilitator(
  record: StoredRecord,
  before: StoredRecord | undefined,
): RefusalReason | undefined {
  if (record.typeName === 'page' || record.typeName === 'document') return 'pageOrDocument';
  if (isFocusAreaFrame(record) || isAreaDescription(record)) return 'focusArea';
  // A frame someone else made may be changed, but no shape becomes a frame.
  if (isFrame(record) && !(before && isFrame(before))) return 'frame';
  if (isReference(record)) return 'reference';
  return undefined;
}

/**
 * The one change a participant makes to a focus area: a note placed into a full area grows it, and
 * everything below it on the page moves down as much (`growToFit` and `clearBelow` in
 * `workshop/slots.ts`). So an area may get taller or lower, never wider, higher up or otherwise
 * different, and no taller than its grid of slots ever reaches (`MAX_SLOTS_SEARCHED`).
 */
function onlyGrown(before: StoredRecord, after: StoredRecord): boolean {
  const area = readFocusArea(before);
  const beforeH = propsOf(before).h;
  const afterH = propsOf(after).h;
  if (!area || typeof beforeH !== 'number' || typeof before.y !== 'number') return false;
  if (typeof afterH !== 'number' || typeof after.y !== 'number') return false;
  if (afterH < beforeH || after.y < before.y) return false;
  if (afterH > beforeH && afterH > tallestArea(area)) return false;
  return jsonEqual(withoutGrowth(before), withoutGrowth(after));
}

/** The height of an area whose grid holds every slot a placement ever looks at. */
function tallestArea(area: FocusArea): number {
  const rows = Math.ceil(MAX_SLOTS_SEARCHED / columnsIn(area.w));
  return areaHeight(areaContentTop(area.description, area.w), rows);
}

function withoutGrowth(record: StoredRecord): unknown {
  return { ...record, y: 0, props: { ...propsOf(record), h: 0 } };
}

function noteText(note: StoredRecord): string {
  return plainFromRichText(propsOf(note).richText);
}

function fieldsOf(value: unknown): Record<string, unknown> {
  return value && typeof value === 'object' && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : {};
}

const propsOf = (record: StoredRecord) => fieldsOf(record.props);
const metaOf = (record: StoredRecord) => fieldsOf(record.meta);

const isFrame = (record: StoredRecord) => record.typeName === 'shape' && record.type === 'frame';

/** A frame that says it is an area, even one whose `meta` views cannot read (see `readFocusArea`). */
const isFocusAreaFrame = (record: StoredRecord) => isFrame(record) && metaOf(record).kind === 'focusArea';

/** The locked text at the top of an area (`buildAreaDescription`). */
const isAreaDescription = (record: StoredRecord) =>
  record.typeName === 'shape' && metaOf(record).kind === 'areaDescription';

/** Reference content (`meta.reference`, see `NoteMeta`): read-only findings from the template. */
const isReference = (record: StoredRecord) => Boolean(metaOf(record).reference);

/** Whether two JSON values are equal, whatever the order of their keys. */
function jsonEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (!a || !b || typeof a !== 'object' || typeof b !== 'object') return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const aKeys = Object.keys(a);
  if (aKeys.length !== Object.keys(b).length) return false;
  const aFields = a as Record<string, unknown>;
  const bFields = b as Record<string, unknown>;
  return aKeys.every((key) => Object.hasOwn(bFields, key) && jsonEqual(aFields[key], bFields[key]));
}
