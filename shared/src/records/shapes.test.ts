import { createTLSchema, type TLRecord } from '@tldraw/tlschema';
import { getIndices } from '@tldraw/utils';
import { describe, expect, it } from 'vitest';
import { buildDocumentRecord, buildPageRecord } from './board';
import { plainFromRichText } from './richText';
import { buildFrame, buildNote } from './shapes';

const schema = createTLSchema();
function validate(record: TLRecord): void {
  const type = schema.types[record.typeName];
  if (!type) throw new Error(`unknown type ${record.typeName}`);
  type.validate(record);
}

describe('records built without an editor', () => {
  const [frameIndex, noteIndex] = getIndices(2);

  it('a note with text is a valid tldraw note whose text reads back', () => {
    const note = buildNote({ x: 10, y: 20, text: 'Fler mötesplatser\nför unga', index: noteIndex! });
    expect(() => validate(note)).not.toThrow();
    expect(plainFromRichText(note.props.richText)).toBe('Fler mötesplatser\nför unga');
  });

  it('a frame and a note inside it are valid and the note points at the frame', () => {
    const frame = buildFrame({ x: 0, y: 0, w: 800, h: 600, name: 'A Förebyggande', index: frameIndex! });
    const note = buildNote({ x: 40, y: 40, text: 'A1', index: noteIndex!, parentId: frame.id });
    expect(() => validate(frame)).not.toThrow();
    expect(() => validate(note)).not.toThrow();
    expect(note.parentId).toBe(frame.id);
  });

  it('the document and page records are valid', () => {
    expect(() => validate(buildDocumentRecord())).not.toThrow();
    expect(() => validate(buildPageRecord('Tavla'))).not.toThrow();
  });

  it('reading text from something that is not rich text gives an empty string', () => {
    expect(plainFromRichText(null)).toBe('');
    expect(plainFromRichText({ type: 'doc' })).toBe('');
  });
});
