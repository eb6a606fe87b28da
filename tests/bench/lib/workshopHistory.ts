// A simulated workshop: the edits of a facilitator and participants over a few hours, replayed one
// update at a time. Deterministic, so every benchmark run builds the same board.
import * as Y from 'yjs';
import {
  boardRecords,
  buildDocumentRecord,
  buildFrame,
  buildNote,
  buildPageRecord,
  richTextFromPlain,
  shapeIndices,
  type StoredRecord,
} from '../../../shared/src/index';

type TLNoteShape = ReturnType<typeof buildNote>;
type TLFrameShape = ReturnType<typeof buildFrame>;
type TLShapeId = TLNoteShape['id'];

/** Deterministic pseudo-random numbers, so every run simulates the same workshop. */
function prng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const WORDS =
  'samverkan mötesplatser unga vård tillgänglig hälsa stöd kompetens dialog samsyn delaktighet'.split(' ');

/** One edit as a person makes it: a closure that changes the doc in its own transaction. */
export type Edit = { minute: number; apply: (doc: Y.Doc) => void };

/** Edits that leave `notes` notes (150 more are created and deleted) in `frames` focus areas. */
export function simulateWorkshop(NOTES = 1000, FRAMES = 20, SIMULATED_MINUTES = 180): Edit[] {
  const random = prng(2024);
  const edits: Edit[] = [];
  const put = (doc: Y.Doc, record: TLNoteShape | TLFrameShape | StoredRecord) =>
    boardRecords(doc).set(record.id, record as unknown as StoredRecord);
  const cols = 5;
  const frameW = 1400;
  const frameH = 1000;
  const frameIndices = shapeIndices(FRAMES);
  const frames: TLFrameShape[] = [];
  edits.push({
    minute: 0,
    apply: (doc) => {
      put(doc, buildDocumentRecord() as unknown as StoredRecord);
      put(doc, buildPageRecord('Tavla') as unknown as StoredRecord);
    },
  });
  for (let f = 0; f < FRAMES; f++) {
    const frame = buildFrame({
      x: (f % cols) * (frameW + 200),
      y: Math.floor(f / cols) * (frameH + 200),
      w: frameW,
      h: frameH,
      name: `${String.fromCharCode(65 + (f % 26))}${Math.floor(f / 26) + 1} Fokusområde`,
      index: frameIndices[f]!,
      meta: { kind: 'focusArea', code: `F${f + 1}`, title: `Fokusområde ${f + 1}` },
    });
    frames.push(frame);
    edits.push({ minute: 1 + f * 0.5, apply: (doc) => put(doc, frame) });
  }
  const noteIndices = shapeIndices(NOTES + 200);
  const rows = Math.ceil(FRAMES / cols);
  const loose = () => ({ x: -1500 + random() * 1200, y: random() * rows * (frameH + 200) });
  const text = (n: number) =>
    Array.from({ length: n }, () => WORDS[Math.floor(random() * WORDS.length)]).join(' ');
  for (let n = 0; n < NOTES + 150; n++) {
    const id = `shape:bench-note-${n}` as TLShapeId;
    const born = 10 + random() * (SIMULATED_MINUTES - 40);
    const start = loose();
    let note = buildNote({ id, x: start.x, y: start.y, text: '', index: noteIndices[n]! });
    edits.push({ minute: born, apply: (doc) => put(doc, note) });
    // Typing arrives in a few bursts, each one update.
    const words = 3 + Math.floor(random() * 8);
    const bursts = 3 + Math.floor(random() * 3);
    const finalText = text(words);
    for (let b = 1; b <= bursts; b++) {
      const partial = finalText.slice(0, Math.ceil((finalText.length * b) / bursts));
      const at = born + b * 0.1;
      edits.push({
        minute: at,
        apply: (doc) => {
          note = { ...note, props: { ...note.props, richText: richTextFromPlain(partial) } };
          put(doc, note);
        },
      });
    }
    if (n >= NOTES) {
      // Some notes are thrown away again.
      edits.push({ minute: born + 5 + random() * 20, apply: (doc) => boardRecords(doc).delete(id) });
      continue;
    }
    // Moved around a couple of times, then most end up clustered into a focus area.
    const moves = 1 + Math.floor(random() * 3);
    for (let m = 0; m < moves; m++) {
      const to = loose();
      edits.push({
        minute: born + 2 + m * 3,
        apply: (doc) => put(doc, (note = { ...note, x: to.x, y: to.y })),
      });
    }
    if (random() < 0.8) {
      const frame = frames[Math.floor(random() * frames.length)]!;
      const x = 20 + random() * (frameW - 260);
      const y = 60 + random() * (frameH - 260);
      edits.push({
        minute: Math.min(SIMULATED_MINUTES, born + 30 + random() * 30),
        apply: (doc) => put(doc, (note = { ...note, parentId: frame.id, x, y })),
      });
    }
  }
  return edits.sort((a, b) => a.minute - b.minute);
}
