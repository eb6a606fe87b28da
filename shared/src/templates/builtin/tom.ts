import type { BuiltinTemplate } from '../template';

/** A blank board for a facilitator who builds the structure live; it has no seed document. */
export const tom: BuiltinTemplate = {
  id: 'tom',
  title: { sv: 'Tom tavla', en: 'Empty board' },
  summary: {
    sv: 'En tom tavla utan fokusområden. Lägg till områden och agenda själv under workshopen.',
    en: 'A blank board with no focus areas. Add areas and an agenda yourself during the workshop.',
  },
  source: '',
  columns: 3,
  areas: [],
  agenda: [
    {
      title: { sv: 'Idéer', en: 'Ideas' },
      instruction: { sv: 'Skriv en idé per lapp.', en: 'Write one idea per note.' },
      durationMinutes: 10,
      kind: 'brainstorm',
      areas: [],
    },
  ],
};
