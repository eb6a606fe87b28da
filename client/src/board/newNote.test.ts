import { describe, expect, it } from 'vitest';
import { isNewNoteShortcut, newNotePosition } from './newNote';

const keys = { code: 'KeyN', altKey: true, ctrlKey: false, metaKey: false, shiftKey: false };

describe('new note from the keyboard', () => {
  it('a new note sits centred on the middle of the view', () => {
    expect(newNotePosition({ x: 500, y: 400 }, [])).toEqual({ x: 400, y: 300 });
  });

  it('a second and third new note at the same spot step down and right instead of hiding the first', () => {
    const first = newNotePosition({ x: 500, y: 400 }, []);
    const second = newNotePosition({ x: 500, y: 400 }, [first]);
    const third = newNotePosition({ x: 500, y: 400 }, [first, second]);
    expect(second).toEqual({ x: 424, y: 324 });
    expect(third).toEqual({ x: 448, y: 348 });
  });

  it('a note elsewhere on the board does not move the new note', () => {
    expect(newNotePosition({ x: 500, y: 400 }, [{ x: 0, y: 0 }])).toEqual({ x: 400, y: 300 });
  });

  it('Alt+N is the shortcut on any layout; N alone (tldraw’s tool) and Ctrl/Cmd/Shift+N are not', () => {
    expect(isNewNoteShortcut(keys)).toBe(true);
    expect(isNewNoteShortcut({ ...keys, altKey: false })).toBe(false);
    expect(isNewNoteShortcut({ ...keys, ctrlKey: true })).toBe(false);
    expect(isNewNoteShortcut({ ...keys, metaKey: true })).toBe(false);
    expect(isNewNoteShortcut({ ...keys, shiftKey: true })).toBe(false);
    expect(isNewNoteShortcut({ ...keys, code: 'KeyM' })).toBe(false);
  });
});
