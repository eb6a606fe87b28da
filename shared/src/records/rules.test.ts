import type {
  TLArrowBinding,
  TLArrowShape,
  TLAssetId,
  TLDrawShape,
  TLImageAsset,
  TLImageShape,
  TLShapeId,
} from '@tldraw/tlschema';
import type { IndexKey } from '@tldraw/utils';
import { describe, expect, it } from 'vitest';
import { storedRecords, type StoredRecord } from '../doc/boardDoc';
import { MAX_NOTE_TEXT } from '../model/focusArea';
import {
  buildTemplateDoc,
  buildTemplateRecords,
  BUILTIN_TEMPLATES,
  localizeTemplate,
} from '../templates/index';
import { readFocusArea } from '../workshop/focusArea';
import { addNote } from '../workshop/operations';
import { buildAreaFrame } from './area';
import { BOARD_PAGE_ID, BOARD_PAGE_NAMES, buildPageRecord } from './board';
import { newShapeId } from './ids';
import {
  AREA_WIDTH,
  areaContentTop,
  areaHeight,
  columnsIn,
  MAX_SLOTS_SEARCHED,
  NOTE_SIZE,
  SLOT_GAP,
} from './layout';
import { richTextFromPlain } from './richText';
import { judgeRecordChange, type RecordVerdict, type RefusalReason, type WriterRole } from './rules';
import { buildFrame, buildNote } from './shapes';

/** A tldraw record as the server stores it. */
const stored = (record: object) => record as StoredRecord;

function judge(role: WriterRole, before: object | undefined, after: object | undefined): RecordVerdict {
  return judgeRecordChange(role, before && stored(before), after && stored(after));
}

const refused = (reason: RefusalReason): RecordVerdict => ({ ok: false, reason });
const allowed: RecordVerdict = { ok: true };

// The board a real template builds: its areas, their descriptions and reference notes, page, document.
const template = localizeTemplate(
  BUILTIN_TEMPLATES.find((t) => t.id === 'referensgrupp')!,
  'sv',
);
const records = buildTemplateRecords(template, BOARD_PAGE_NAMES.sv);
const areaFrame = (code: string) => records.find((r) => readFocusArea(r)?.code === code)!;
const g1 = areaFrame('G1');
const referenceNote = records.find((r) => (r.meta as { reference?: boolean }).reference === true)!;
const description = records.find((r) => (r.meta as { kind?: string }).kind === 'areaDescription')!;
const page = records.find((r) => r.typeName === 'page')!;
const documentRecord = records.find((r) => r.typeName === 'document')!;

/** A shape record, its size read as numbers (every frame's is). */
type Shape = StoredRecord & {
  x: number;
  y: number;
  props: Record<string, unknown> & { w: number; h: number };
  meta: Record<string, unknown>;
};
const shape = (record: object) => record as Shape;
/** A record with some fields changed, as a client would write it. */
const changed = (record: object, fields: Record<string, unknown>) => stored({ ...record, ...fields });
const withProps = (record: object, props: Record<string, unknown>) =>
  changed(record, { props: { ...shape(record).props, ...props } });
const withMeta = (record: object, meta: Record<string, unknown>) =>
  changed(record, { meta: { ...shape(record).meta, ...meta } });

const index = 'a5' as IndexKey;
const participantNote = buildNote({
  x: 24,
  y: 400,
  text: 'Fler mötesplatser för unga',
  index,
  parentId: g1.id as TLShapeId,
  meta: { authorId: 'p_anna', author: 'Anna', createdAt: 1_700_000_000_000 },
});
const someoneElsesNote = buildNote({
  x: 244,
  y: 400,
  text: 'Kortare väntetider',
  index,
  parentId: g1.id as TLShapeId,
  meta: { authorId: 'p_per', author: 'Per', createdAt: 1_700_000_000_000 },
});

const assetId = 'asset:photo' as TLAssetId;
const imageAsset: TLImageAsset = {
  id: assetId,
  typeName: 'asset',
  type: 'image',
  props: {
    w: 800,
    h: 600,
    name: 'whiteboard.jpg',
    isAnimated: false,
    mimeType: 'image/jpeg',
    src: '/api/workshops/w1/assets/photo',
  },
  meta: {},
};
const base = { rotation: 0, index, parentId: BOARD_PAGE_ID, isLocked: false, opacity: 1, meta: {} };
const image: TLImageShape = {
  ...base,
  id: newShapeId(),
  typeName: 'shape',
  type: 'image',
  x: 0,
  y: 3000,
  props: {
    w: 400,
    h: 300,
    playing: true,
    url: '',
    assetId,
    crop: null,
    flipX: false,
    flipY: false,
    altText: '',
  },
};
const drawing: TLDrawShape = {
  ...base,
  id: newShapeId(),
  typeName: 'shape',
  type: 'draw',
  x: 500,
  y: 3000,
  props: {
    color: 'black',
    fill: 'none',
    dash: 'draw',
    size: 'm',
    segments: [{ type: 'free', path: '' }],
    isComplete: true,
    isClosed: false,
    isPen: false,
    scale: 1,
    scaleX: 1,
    scaleY: 1,
  },
};
const arrow: TLArrowShape = {
  ...base,
  id: newShapeId(),
  typeName: 'shape',
  type: 'arrow',
  x: 0,
  y: 0,
  props: {
    kind: 'arc',
    labelColor: 'black',
    color: 'black',
    fill: 'none',
    dash: 'draw',
    size: 'm',
    arrowheadStart: 'none',
    arrowheadEnd: 'arrow',
    font: 'draw',
    start: { x: 0, y: 0 },
    end: { x: 100, y: 100 },
    bend: 0,
    richText: richTextFromPlain(''),
    labelPosition: 0.5,
    scale: 1,
    elbowMidPoint: 0.5,
  },
};
// An arrow from a participant's note to reference content: the binding is the participant's.
const binding: TLArrowBinding = {
  id: 'binding:arrow-end' as TLArrowBinding['id'],
  typeName: 'binding',
  type: 'arrow',
  fromId: arrow.id,
  toId: referenceNote.id as TLShapeId,
  props: {
    terminal: 'end',
    normalizedAnchor: { x: 0.5, y: 0.5 },
    isExact: false,
    isPrecise: false,
    snap: 'none',
  },
  meta: {},
};

describe('every record, whoever writes it', () => {
  it.each<WriterRole>(['facilitator', 'participant'])('a valid note is accepted from a %s', (role) => {
    expect(judge(role, undefined, participantNote)).toEqual(allowed);
    expect(judge(role, participantNote, { ...participantNote, x: 464 })).toEqual(allowed);
    expect(judge(role, participantNote, undefined)).toEqual(allowed);
  });

  it.each<WriterRole>(['facilitator', 'participant'])(
    'a record of a type no board holds is refused from a %s',
    (role) => {
      const widget = { id: 'widget:1', typeName: 'widget', meta: {} };
      expect(judge(role, undefined, widget)).toEqual(refused('unknownType'));
      // tldraw's own, but of the session, not the document: the canvas never syncs it.
      const camera = { id: 'camera:page:page', typeName: 'camera', x: 0, y: 0, z: 1, meta: {} };
      expect(judge(role, undefined, camera)).toEqual(refused('unknownType'));
      expect(judge(role, undefined, { id: 'x:1', typeName: 'constructor' })).toEqual(refused('unknownType'));
    },
  );

  it.each<WriterRole>(['facilitator', 'participant'])(
    'a record tldraw’s schema refuses is refused from a %s',
    (role) => {
      expect(judge(role, participantNote, withProps(participantNote, { w: 'x' }))).toEqual(
        refused('invalidRecord'),
      );
      expect(judge(role, undefined, withProps(participantNote, { color: 'chartreuse' }))).toEqual(
        refused('invalidRecord'),
      );
      expect(judge(role, undefined, { ...drawing, x: 'far away' })).toEqual(refused('invalidRecord'));
      expect(judge(role, undefined, { ...participantNote, id: 'note-without-prefix' })).toEqual(
        refused('invalidRecord'),
      );
      expect(judge(role, participantNote, null as unknown as object)).toEqual(refused('invalidRecord'));
      expect(judge(role, undefined, { typeName: 'shape' })).toEqual(refused('invalidRecord'));
    },
  );

  it('a frame with a width that is not a number is refused from the facilitator too', () => {
    expect(judge('facilitator', g1, withProps(g1, { w: 'x' }))).toEqual(refused('invalidRecord'));
  });

  it.each<WriterRole>(['facilitator', 'participant'])(
    'a record written under another record’s id is refused from a %s',
    (role) => {
      expect(judge(role, someoneElsesNote, { ...participantNote })).toEqual(refused('idChanged'));
    },
  );

  it.each<WriterRole>(['facilitator', 'participant'])(
    'a note of 2,000 characters is kept and one of 2,001 is refused from a %s',
    (role) => {
      const note = (text: string) => ({
        ...participantNote,
        props: { ...participantNote.props, richText: richTextFromPlain(text) },
      });
      expect(MAX_NOTE_TEXT).toBe(2000);
      expect(judge(role, undefined, note('a'.repeat(2000)))).toEqual(allowed);
      expect(judge(role, undefined, note('a'.repeat(2001)))).toEqual(refused('textTooLong'));
      expect(judge(role, participantNote, note('a'.repeat(2001)))).toEqual(refused('textTooLong'));
      // Line breaks are characters of the exported text too.
      expect(judge(role, undefined, note(`${'a'.repeat(1000)}\n${'b'.repeat(1000)}`))).toEqual(
        refused('textTooLong'),
      );
    },
  );

  it('a note stored too long before the limit may be moved and shortened, never rewritten too long', () => {
    const long = {
      ...someoneElsesNote,
      props: { ...someoneElsesNote.props, richText: richTextFromPlain('x'.repeat(2500)) },
    };
    const rewritten = withProps(long, { richText: richTextFromPlain('y'.repeat(2500)) });
    const shortened = withProps(long, { richText: richTextFromPlain('x'.repeat(2000)) });
    expect(judge('participant', long, { ...long, x: 900 })).toEqual(allowed);
    expect(judge('participant', long, shortened)).toEqual(allowed);
    expect(judge('participant', long, rewritten)).toEqual(refused('textTooLong'));
    expect(judge('facilitator', long, rewritten)).toEqual(refused('textTooLong'));
  });
});

describe('what participants may do', () => {
  it('add, edit, move, recolour and delete notes, also other people’s', () => {
    expect(judge('participant', undefined, participantNote)).toEqual(allowed);
    const edits = [
      withProps(someoneElsesNote, { richText: richTextFromPlain('Kortare väntetider på vårdcentralen') }),
      { ...someoneElsesNote, parentId: BOARD_PAGE_ID, x: 3000, y: 3000 },
      withProps(someoneElsesNote, { color: 'yellow' }),
      { ...someoneElsesNote, isLocked: true },
    ];
    for (const after of edits) expect(judge('participant', someoneElsesNote, after)).toEqual(allowed);
    expect(judge('participant', someoneElsesNote, undefined)).toEqual(allowed);
  });

  it('add, change and delete pictures with their assets, drawings, and arrows with their bindings', () => {
    for (const record of [imageAsset, image, drawing, arrow, binding]) {
      expect(judge('participant', undefined, record)).toEqual(allowed);
      expect(judge('participant', record, record)).toEqual(allowed);
      expect(judge('participant', record, undefined)).toEqual(allowed);
    }
    expect(
      judge('participant', image, { ...image, x: 40, props: { ...image.props, w: 200, h: 150 } }),
    ).toEqual(allowed);
    expect(judge('participant', binding, { ...binding, toId: someoneElsesNote.id })).toEqual(allowed);
  });

  it('change a frame that is no focus area, as any other shape, but not make it one', () => {
    const plain = stored(buildFrame({ x: 0, y: 5000, w: 400, h: 400, name: 'Parkering', index }));
    expect(judge('participant', plain, withProps(plain, { name: 'Parkeringen', h: 600 }))).toEqual(allowed);
    expect(judge('participant', plain, undefined)).toEqual(allowed);
    expect(judge('participant', plain, withMeta(plain, shape(g1).meta))).toEqual(refused('focusArea'));
  });
});

describe('what only the facilitator may do', () => {
  const area = shape(g1);
  const newArea = buildAreaFrame({
    code: 'G9',
    title: 'Grupp 9',
    description: '',
    color: 'green',
    kind: 'group',
    x: 0,
    y: 9000,
    w: AREA_WIDTH,
    h: 500,
    index,
  });
  const noteTurnedFrame = {
    ...participantNote,
    type: 'frame',
    props: { w: 400, h: 400, name: 'Min ram', color: 'black' },
  };
  const cases: [string, StoredRecord | undefined, object | undefined, RefusalReason][] = [
    ['rename an area', g1, withProps(withMeta(g1, { title: 'HACK' }), { name: 'G1 HACK' }), 'focusArea'],
    ['change an area’s code', g1, withMeta(g1, { code: 'X1' }), 'focusArea'],
    ['change an area’s description', g1, withMeta(g1, { description: 'Något annat' }), 'focusArea'],
    ['make an area smaller', g1, withProps(g1, { h: area.props.h - 1 }), 'focusArea'],
    ['make an area wider', g1, withProps(g1, { w: area.props.w + 1 }), 'focusArea'],
    ['move an area sideways', g1, changed(g1, { x: area.x + 10 }), 'focusArea'],
    ['move an area up', g1, changed(g1, { y: area.y - 10 }), 'focusArea'],
    ['put an area into another frame', g1, changed(g1, { parentId: areaFrame('G2').id }), 'focusArea'],
    ['turn an area', g1, changed(g1, { rotation: 0.1 }), 'focusArea'],
    ['lock an area', g1, changed(g1, { isLocked: true }), 'focusArea'],
    ['recolour an area', g1, withProps(g1, { color: 'red' }), 'focusArea'],
    ['make an area an ordinary frame', g1, changed(g1, { meta: {} }), 'focusArea'],
    ['delete an area', g1, undefined, 'focusArea'],
    ['create an area', undefined, newArea, 'focusArea'],
    [
      'create any frame',
      undefined,
      buildFrame({ x: 0, y: 0, w: 300, h: 300, name: 'Min ram', index }),
      'frame',
    ],
    ['turn a note into a frame', stored(participantNote), noteTurnedFrame, 'frame'],
    [
      'edit an area’s description',
      description,
      withProps(description, { richText: richTextFromPlain('HACK') }),
      'focusArea',
    ],
    ['delete an area’s description', description, undefined, 'focusArea'],
    ['add an area description', undefined, { ...description, id: newShapeId() }, 'focusArea'],
    [
      'rewrite a reference note',
      referenceNote,
      changed(withProps(referenceNote, { richText: richTextFromPlain('REFERENCE DEFACED') }), {
        isLocked: false,
      }),
      'reference',
    ],
    ['unlock a reference note', referenceNote, changed(referenceNote, { isLocked: false }), 'reference'],
    [
      'move a reference note',
      referenceNote,
      changed(referenceNote, { x: shape(referenceNote).x + 220 }),
      'reference',
    ],
    ['flip meta.reference off', referenceNote, withMeta(referenceNote, { reference: false }), 'reference'],
    ['delete a reference note', referenceNote, undefined, 'reference'],
    [
      'create reference content',
      undefined,
      withMeta(stored(participantNote), { reference: true }),
      'reference',
    ],
    [
      'flip meta.reference on',
      stored(participantNote),
      withMeta(stored(participantNote), { reference: true }),
      'reference',
    ],
    ['mark a picture as reference', stored(image), withMeta(stored(image), { reference: true }), 'reference'],
    ['rename the page', page, changed(page, { name: 'HACK' }), 'pageOrDocument'],
    ['delete the page', page, undefined, 'pageOrDocument'],
    ['create a page', undefined, buildPageRecord('Sida 2', 'a2' as IndexKey), 'pageOrDocument'],
    [
      'create another page',
      undefined,
      { ...buildPageRecord('Sida 2', 'a2' as IndexKey), id: 'page:two' },
      'pageOrDocument',
    ],
    ['change the document', documentRecord, changed(documentRecord, { gridSize: 20 }), 'pageOrDocument'],
    ['delete the document', documentRecord, undefined, 'pageOrDocument'],
  ];

  it.each(cases)('a participant may not %s', (_name, before, after, reason) => {
    expect(judge('participant', before, after)).toEqual(refused(reason));
  });

  it.each(cases)('the facilitator may %s', (_name, before, after) => {
    expect(judge('facilitator', before, after)).toEqual(allowed);
  });

  it('an area, reference note, page or document written back unchanged is no change', () => {
    for (const record of [g1, referenceNote, description, page, documentRecord]) {
      expect(judge('participant', record, JSON.parse(JSON.stringify(record)) as object)).toEqual(allowed);
    }
  });
});

describe('a participant’s note that lands in a full area', () => {
  it('grows the area and moves the areas below it down, and every record that changes is allowed', () => {
    const doc = buildTemplateDoc(template, BOARD_PAGE_NAMES.sv);
    const g1Id = storedRecords(doc).find((r) => readFocusArea(r)?.code === 'G1')!.id;
    const byId = () => new Map(storedRecords(doc).map((r) => [r.id, r]));
    const grown: string[] = [];
    const movedDown: string[] = [];
    for (let i = 0; i < 12; i++) {
      const before = byId();
      addNote(doc, {
        text: `Idé ${i}`,
        areaId: g1Id,
        authorId: 'p_anna',
        author: 'Anna',
        now: 1_700_000_000_000 + i,
        pageName: BOARD_PAGE_NAMES.sv,
      });
      for (const [id, after] of byId()) {
        const previous = before.get(id);
        if (JSON.stringify(previous) === JSON.stringify(after)) continue;
        expect(judge('participant', previous, after), `${id} after note ${i}`).toEqual(allowed);
        const area = previous && readFocusArea(previous);
        if (area && readFocusArea(after)!.h > area.h) grown.push(area.code);
        if (area && readFocusArea(after)!.y > area.y) movedDown.push(area.code);
      }
    }
    expect(grown).toContain('G1');
    // F2 stands below G1: the growth moves it (and R3 below F2) down as much.
    expect(movedDown).toEqual(expect.arrayContaining(['F2', 'R3']));
  });

  const row = NOTE_SIZE + SLOT_GAP;
  const area = shape(g1);

  it('may grow it by a row or many, and move it down, with nothing else changed', () => {
    expect(judge('participant', g1, withProps(g1, { h: area.props.h + row }))).toEqual(allowed);
    expect(judge('participant', g1, withProps(g1, { h: area.props.h + 40 * row }))).toEqual(allowed);
    expect(judge('participant', g1, changed(g1, { y: area.y + row }))).toEqual(allowed);
    expect(
      judge('participant', g1, changed(withProps(g1, { h: area.props.h + row }), { y: area.y + row })),
    ).toEqual(allowed);
  });

  it('may not grow it and change anything else with it', () => {
    const taller = withProps(g1, { h: area.props.h + row });
    for (const after of [
      withMeta(taller, { title: 'HACK' }),
      withProps(taller, { name: 'G1 HACK' }),
      withProps(taller, { w: area.props.w + row }),
      changed(taller, { x: area.x + 1 }),
      changed(taller, { y: area.y - 1 }),
      changed(taller, { parentId: areaFrame('G2').id }),
      changed(taller, { index: 'a9' }),
      changed(taller, { rotation: 1 }),
      changed(taller, { isLocked: true }),
    ]) {
      expect(judge('participant', g1, after)).toEqual(refused('focusArea'));
    }
  });

  it('may not grow it further than its grid of slots ever reaches', () => {
    const { description: text, w } = readFocusArea(g1)!;
    const tallest = areaHeight(areaContentTop(text, w), Math.ceil(MAX_SLOTS_SEARCHED / columnsIn(w)));
    expect(judge('participant', g1, withProps(g1, { h: tallest }))).toEqual(allowed);
    expect(judge('participant', g1, withProps(g1, { h: tallest + 1 }))).toEqual(refused('focusArea'));
    expect(judge('participant', g1, withProps(g1, { h: 1e300 }))).toEqual(refused('focusArea'));
    expect(judge('facilitator', g1, withProps(g1, { h: tallest + 1 }))).toEqual(allowed);
  });

  it('may not grow a frame that claims to be an area but is not one views can read', () => {
    const malformed = withMeta(g1, { code: 'not a code' });
    expect(readFocusArea(stored(malformed))).toBeUndefined();
    expect(judge('participant', malformed, withProps(malformed, { h: area.props.h + row }))).toEqual(
      refused('focusArea'),
    );
  });
});
