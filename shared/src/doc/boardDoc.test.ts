import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { boardRecords, readBoardSchema, readPreviousBoardSchema, writeBoardSchema } from './boardDoc';

function sync(a: Y.Doc, b: Y.Doc): void {
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)));
  Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)));
}

describe('board doc layout', () => {
  it('records written on one doc are read on another after sync', () => {
    const a = new Y.Doc();
    const b = new Y.Doc();
    boardRecords(a).set('shape:1', { id: 'shape:1', typeName: 'shape' });
    sync(a, b);
    expect(boardRecords(b).get('shape:1')).toEqual({ id: 'shape:1', typeName: 'shape' });
    expect(boardRecords(b)).toBe(boardRecords(b));
  });

  it('the schema written is read back', () => {
    const doc = new Y.Doc();
    expect(readBoardSchema(doc)).toBeUndefined();
    writeBoardSchema(doc, { schemaVersion: 2 });
    expect(readBoardSchema(doc)).toEqual({ schemaVersion: 2 });
    expect(readPreviousBoardSchema(doc)).toBeUndefined();
  });

  it('a new schema keeps the one it replaced as the previous one; writing the same again changes nothing', () => {
    const doc = new Y.Doc();
    writeBoardSchema(doc, { sequences: { note: 11 } });
    writeBoardSchema(doc, { sequences: { note: 13 } });
    writeBoardSchema(doc, { sequences: { note: 13 } });
    expect(readBoardSchema(doc)).toEqual({ sequences: { note: 13 } });
    expect(readPreviousBoardSchema(doc)).toEqual({ sequences: { note: 11 } });
  });
});
