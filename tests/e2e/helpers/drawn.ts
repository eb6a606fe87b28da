import type { Page } from 'playwright-core';

/** What a canvas draws of one note's text, measured from the layout (not read from the DOM's text). */
export interface DrawnNote {
  id: string;
  /** The note's text as the editor's store has it, so a failure says which note it is. */
  text: string;
  /** The computed font size of the note's text, in CSS px of the page (the canvas's zoom is a transform). */
  fontSize: number;
  /** The text's box on the screen, in CSS px. */
  width: number;
  height: number;
  /** How far the text sticks out of its note, in CSS px of the page (0 when it is inside). */
  spill: number;
}

/** Every note shape a canvas draws, and how many notes its editor's store holds. */
export interface DrawnNotes {
  inStore: number;
  drawn: DrawnNote[];
  /** Texts of notes in the store that have no note shape on the page. */
  notDrawn: string[];
}

/** The part of the live editor (`window.samskapaEditor`) this helper uses. */
interface EditorWindow {
  samskapaEditor?: {
    zoomToFit(): void;
    getZoomLevel(): number;
    getCurrentPageShapes(): { id: string; type: string; props: { richText?: unknown } }[];
  };
}

/**
 * Zooms the page's canvas to fit its content, waits for it to draw, and measures every note's text: its
 * computed font size and its box on the screen.
 */
export async function drawnNotes(page: Page): Promise<DrawnNotes> {
  await page.evaluate(() => {
    // Braces: zoomToFit returns the editor, which is no value to send back.
    (window as unknown as EditorWindow).samskapaEditor!.zoomToFit();
  });
  return page.evaluate(async () => {
    // The camera is drawn on the next frames; measure after them.
    await new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)));
    const editor = (window as unknown as EditorWindow).samskapaEditor!;
    const plain = (richText: unknown): string => {
      const doc = richText as { content?: { content?: { text?: string }[] }[] } | undefined;
      return (doc?.content ?? []).map((p) => (p.content ?? []).map((n) => n.text ?? '').join('')).join('\n');
    };
    const notes = editor.getCurrentPageShapes().filter((s) => s.type === 'note');
    const textOf = new Map(notes.map((n) => [n.id, plain(n.props.richText)]));
    const shapes = Array.from(
      document.querySelectorAll<HTMLElement>('.tl-shape[data-shape-type="note"]:not(.tl-shape-background)'),
    );
    const zoom = editor.getZoomLevel();
    const drawn = shapes.map((shape) => {
      const id = shape.getAttribute('data-shape-id') ?? '';
      const text = shape.querySelector<HTMLElement>('.tl-rich-text');
      const box = text?.getBoundingClientRect();
      const note = shape.getBoundingClientRect();
      const spill = box
        ? Math.max(
            0,
            note.left - box.left,
            box.right - note.right,
            note.top - box.top,
            box.bottom - note.bottom,
          )
        : 0;
      return {
        id,
        text: textOf.get(id) ?? text?.textContent ?? '',
        fontSize: text ? Number.parseFloat(getComputedStyle(text).fontSize) : 0,
        width: box?.width ?? 0,
        height: box?.height ?? 0,
        spill: spill / zoom,
      };
    });
    const drawnIds = new Set(drawn.map((n) => n.id));
    return {
      inStore: notes.length,
      drawn,
      notDrawn: notes.filter((n) => !drawnIds.has(n.id)).map((n) => textOf.get(n.id) ?? n.id),
    };
  });
}

/** The smallest font size, in CSS px of the page, at which a note's text counts as readable. */
export const READABLE_FONT_PX = 10;

/** How far, in CSS px of the page, a note's text may reach past its note (rounding of the layout). */
export const SPILL_TOLERANCE_PX = 1;

/** What is wrong with how a canvas draws its notes, one line per note a person could not read. */
export function unreadableNotes({ inStore, drawn, notDrawn }: DrawnNotes): string[] {
  const short = (text: string) => JSON.stringify(text.length > 60 ? `${text.slice(0, 60)}…` : text);
  return [
    ...(drawn.length === inStore ? [] : [`${drawn.length} notes drawn, ${inStore} in the editor's store`]),
    ...notDrawn.map((text) => `${short(text)} is in the store but not drawn`),
    ...drawn
      .filter((n) => !(n.fontSize >= READABLE_FONT_PX && n.width > 0 && n.height > 0))
      .map(
        (n) =>
          `${short(n.text)}: font-size ${n.fontSize} px, text box ${n.width.toFixed(1)}×${n.height.toFixed(1)} px`,
      ),
    // A text that runs out of its note covers the notes around it, as no note made with tldraw's note tool does.
    ...drawn
      .filter((n) => n.spill > SPILL_TOLERANCE_PX)
      .map((n) => `${short(n.text)}: the text runs ${Math.round(n.spill)} px out of its note`),
  ];
}
