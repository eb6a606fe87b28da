/** How many notes an area holds, the same on the canvas, the list board and the phone. */
const sv = {
  'count.notes.one': '1 lapp',
  'count.notes.other': '{count} lappar',
  'count.reference.one': '1 underlag',
  'count.reference.other': '{count} underlag',
  'count.both': '{notes} · {reference}',
} as const;

const en: Record<keyof typeof sv, string> = {
  'count.notes.one': '1 note',
  'count.notes.other': '{count} notes',
  'count.reference.one': '1 background note',
  'count.reference.other': '{count} background notes',
  'count.both': '{notes} · {reference}',
};

export const counts = { sv, en };
