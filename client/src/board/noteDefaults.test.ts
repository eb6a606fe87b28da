import { NoteShapeUtil, type Editor } from 'tldraw';
import { describe, expect, it } from 'vitest';
import { buildNote, NOTE_DEFAULT_PROPS, repairedNote } from '@samskapa/shared';

/** tldraw's own defaults for a note made with its note tool (the util reads no editor state for them). */
const tldrawDefaults = () => new NoteShapeUtil({} as Editor).getDefaultProps();

describe('notes built outside the canvas', () => {
  it('take tldraw’s own note defaults, so they draw as notes made with the note tool', () => {
    const { richText: _text, ...defaults } = tldrawDefaults();
    expect(NOTE_DEFAULT_PROPS).toEqual(defaults);
    const { richText: _built, ...built } = buildNote({
      x: 0,
      y: 0,
      text: 'Underlag',
      index: 'a1' as never,
    }).props;
    expect(built).toEqual(defaults);
  });

  it('a note stored with invisible text (fontSizeAdjustment 0) is drawn at full size; others are left as they are', () => {
    const note = buildNote({ x: 0, y: 0, text: 'från en tidigare version', index: 'a1' as never });
    const broken = { ...note, props: { ...note.props, fontSizeAdjustment: 0 } };
    expect(repairedNote(broken).props.fontSizeAdjustment).toBe(1);
    expect(repairedNote(broken).props.richText).toEqual(note.props.richText);
    const shrunk = { ...note, props: { ...note.props, fontSizeAdjustment: 0.8 } };
    expect(repairedNote(shrunk)).toBe(shrunk);
    const frame = { type: 'frame', props: { fontSizeAdjustment: 0 } };
    expect(repairedNote(frame)).toBe(frame);
  });
});
