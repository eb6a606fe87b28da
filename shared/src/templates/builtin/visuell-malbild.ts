import type { BuiltinTemplate } from '../template';
import type { AreaColor } from '../../model/focusArea';

/*
 * Seed 004, a case story. It names no areas and says nothing about a single cell of the picture, so
 * area titles and descriptions are ours; word for word from the seed is the opening step's
 * instruction (the goal of the change). The story's own purpose and result name Östergötland, which
 * a template for any region cannot carry.
 */

type Stage = {
  letter: string;
  sv: string;
  en: string;
  description: { sv: string; en: string };
};

// Columns left to right, as the finished picture reads.
const STAGES: readonly Stage[] = [
  {
    letter: 'N',
    sv: 'Nuläge',
    en: 'Current state',
    description: {
      sv: 'Hur ser det ut i dag inom området?',
      en: 'What does this area look like today?',
    },
  },
  {
    letter: 'Ö',
    sv: 'Övergång',
    en: 'Transition',
    description: {
      sv: 'Vad behöver hända för att ta oss från nuläget till målbilden?',
      en: 'What needs to happen to take us from the current state to the target picture?',
    },
  },
  {
    letter: 'M',
    sv: 'Målbild',
    en: 'Target picture',
    description: {
      sv: 'Hur ser det ut när omställningen till nära vård har lyckats?',
      en: 'What does it look like when the transition to local care has succeeded?',
    },
  },
];

// One colour per area (row), so that each group finds its own row across the three columns.
const ROW_COLORS: readonly AreaColor[] = ['blue', 'green', 'orange', 'violet'];

const areas: BuiltinTemplate['areas'] = ROW_COLORS.flatMap((color, i) =>
  STAGES.map((stage) => ({
    code: `${i + 1}${stage.letter}`,
    title: { sv: `Område ${i + 1} – ${stage.sv}`, en: `Area ${i + 1} – ${stage.en}` },
    description: stage.description,
    color,
    kind: 'stage' as const,
    reference: [],
  })),
);

const codesOf = (letter: string): string[] => ROW_COLORS.map((_, i) => `${i + 1}${letter}`);

export const visuellMalbild: BuiltinTemplate = {
  id: 'visuell-malbild',
  title: { sv: 'Visuell målbild – nära vård', en: 'Visual target picture – local care' },
  summary: {
    sv: 'En workshop i högt tempo: hitta de fyra områden som omställningen till nära vård hänger på, arbeta i en grupp per område och bygg en gemensam bild av nuläget, övergången och målbilden.',
    en: 'A fast-paced workshop: find the four areas the transition to local care depends on, work in one group per area and build a shared picture of the current state, the transition and the target.',
  },
  source: '004_c097e2ab03b6e10d.txt',
  columns: 3,
  areas,
  agenda: [
    {
      title: { sv: 'Målet med omställningen', en: 'The goal of the transition' },
      instruction: {
        sv: 'Målet är att vården ska vara tillgänglig och finnas där invånarna behöver den i nära samarbete mellan region och kommuner.',
        en: 'The goal is for care to be accessible and available where residents need it, in close cooperation between the region and the municipalities.',
      },
      durationMinutes: 5,
      kind: 'present',
      areas: [],
    },
    {
      title: { sv: 'Vad är viktigt för omställningen?', en: 'What matters for the transition?' },
      instruction: {
        sv: 'Tänk snabbt och brett: vad är viktigt för att omställningen ska fungera? En tanke per lapp.',
        en: 'Think fast and broad: what matters for the transition to work? One thought per note.',
      },
      durationMinutes: 10,
      kind: 'brainstorm',
      areas: [],
    },
    {
      title: { sv: 'Gruppera', en: 'Cluster' },
      instruction: {
        sv: 'Lägg lappar som hör ihop i samma grupp och ge varje grupp ett namn.',
        en: 'Put notes that belong together in one cluster and give each cluster a name.',
      },
      durationMinutes: 10,
      kind: 'cluster',
      areas: [],
    },
    {
      title: { sv: 'Välj fyra områden', en: 'Choose four areas' },
      instruction: {
        sv: 'Rösta på det som är viktigast för att omställningen ska fungera. De fyra grupperna med flest röster blir område 1–4.',
        en: 'Vote for what matters most for the transition to work. The four clusters with the most votes become areas 1–4.',
      },
      durationMinutes: 5,
      kind: 'vote',
      areas: [],
    },
    {
      title: { sv: 'Grupper per område', en: 'One group per area' },
      instruction: {
        sv: 'Gå till det område du brinner mest för. Varje grupp arbetar i sin rad på tavlan.',
        en: 'Join the area you care most about. Each group works in its own row of the board.',
      },
      durationMinutes: 5,
      kind: 'groups',
      areas: areas.map((area) => area.code),
    },
    {
      title: { sv: 'Nuläge', en: 'Current state' },
      instruction: {
        sv: 'Beskriv med lappar och teckningar hur det ser ut i dag i ert område.',
        en: 'Describe with notes and drawings what your area looks like today.',
      },
      durationMinutes: 15,
      kind: 'brainstorm',
      areas: codesOf('N'),
    },
    {
      // The target before the transition: the way there is easier to see once the goal is drawn.
      title: { sv: 'Målbild', en: 'Target picture' },
      instruction: {
        sv: 'Beskriv hur ert område ser ut när omställningen till nära vård har lyckats.',
        en: 'Describe what your area looks like when the transition to local care has succeeded.',
      },
      durationMinutes: 15,
      kind: 'brainstorm',
      areas: codesOf('M'),
    },
    {
      title: { sv: 'Övergång', en: 'Transition' },
      instruction: {
        sv: 'Vad behöver hända, och i vilken ordning, för att ta er från nuläget till målbilden?',
        en: 'What needs to happen, and in what order, to take you from the current state to the target picture?',
      },
      durationMinutes: 15,
      kind: 'brainstorm',
      areas: codesOf('Ö'),
    },
    {
      title: { sv: 'Den gemensamma bilden', en: 'The shared picture' },
      instruction: {
        sv: 'Varje grupp berättar sin rad: nuläget, övergången och målbilden. Tillsammans blir det bilden som alla tar med sig.',
        en: 'Each group tells the story of its row: the current state, the transition and the target. Together they make the picture everyone takes home.',
      },
      durationMinutes: 20,
      kind: 'present',
      areas: areas.map((area) => area.code),
    },
  ],
};
