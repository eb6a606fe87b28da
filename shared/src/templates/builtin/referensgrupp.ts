import type { BuiltinTemplate } from '../template';

/*
 * Seed 000, a slide deck. Word for word from the seed (Swedish, modulo line breaks): every reference
 * note, every area description, the titles of all areas, the titles of all steps and the instruction
 * of the group discussion. Template title, summary and the other instructions are ours.
 *
 * The seed's spelling is kept ("Underkommande", "I gruppen", "Pilot 2 , 3", the mismatched quote
 * marks): the texts are the users' own, and the test finds them in the seed.
 */

const GROUP_QUESTION = 'Hur bidrar jag och min verksamhet/enhet/avdelning till samskapandet?';
const GROUP_QUESTION_EN = 'How do I and my operation/unit/department contribute to co-creation?';

export const referensgrupp: BuiltinTemplate = {
  id: 'referensgrupp',
  title: { sv: 'Referensgruppsmöte – samskapande', en: 'Reference group meeting – co-creation' },
  summary: {
    sv: 'Referensgruppens möte inför kommande år med tema samskapande: sammanfattning av året, gruppdiskussion i två grupper och tre frågor om nästa steg.',
    en: "The reference group's meeting ahead of the coming year, themed co-creation: a summary of the year, a discussion in two groups and three questions on next steps.",
  },
  source: '000_449dbca3fc7b2ea4.txt',
  // Row by row the board follows the meeting: the summary beside the two groups, then the three
  // questions; the two lists come last, as in the deck, for reading during the discussion.
  columns: 3,
  areas: [
    {
      code: 'R1',
      title: { sv: 'Sammanfattning 2022 och framåtblick', en: 'Summary of 2022 and outlook' },
      description: {
        sv: 'Underkommande år ska Region Uppsala implementera nya processer för effektiv samverkan mellan Region Uppsalas vårdverksamhet och företag som behöver tillgång till vårdens resurser.',
        en: "In the coming year Region Uppsala will implement new processes for effective collaboration between Region Uppsala's healthcare services and companies that need access to healthcare resources.",
      },
      color: 'grey',
      kind: 'reference',
      reference: [
        { sv: 'Referensgrupp med bredd och mandat', en: 'A reference group with breadth and a mandate' },
        { sv: 'Nio referensgruppsmöten', en: 'Nine reference group meetings' },
        { sv: 'En gemensam workshop', en: 'One joint workshop' },
        {
          sv: 'Tre processer som vi identifierat som mest angeläget att starta arbeta med',
          en: 'Three processes that we identified as the most urgent to start working on',
        },
        { sv: 'En gemensam samsyn kring behoven', en: 'A shared view of the needs' },
        {
          sv: 'RUI är processägarare och ansvarar som stödfunktion',
          en: 'RUI owns the process and is responsible as a support function',
        },
        {
          sv: 'Q4, 2022\nTre verksamheter/avdelningar har visat intresse för att vara piloter\nDecember 2022 trolig start av Pilot 1\nTest av projektgruppens arbetssätt\nSätta mål och delmål',
          en: "Q4 2022\nThree operations/departments have shown interest in being pilots\nPilot 1 likely to start in December 2022\nTesting the project group's way of working\nSetting goals and sub-goals",
        },
        {
          sv: 'Q1 2023\nPilot 1 fortgår\nStart av Pilot 2 , 3 och eventuellt 4\nUppföljning Pilot 1',
          en: 'Q1 2023\nPilot 1 continues\nStart of pilots 2, 3 and possibly 4\nFollow-up of pilot 1',
        },
      ],
    },
    {
      code: 'G1',
      title: { sv: 'Grupp 1', en: 'Group 1' },
      description: { sv: GROUP_QUESTION, en: GROUP_QUESTION_EN },
      color: 'blue',
      kind: 'group',
      reference: [],
    },
    {
      code: 'G2',
      title: { sv: 'Grupp 2', en: 'Group 2' },
      description: { sv: GROUP_QUESTION, en: GROUP_QUESTION_EN },
      color: 'violet',
      kind: 'group',
      reference: [],
    },
    {
      code: 'F1',
      title: {
        sv: 'Vad har fungerat bra med referensgruppen under året?',
        en: 'What has worked well with the reference group this year?',
      },
      description: { sv: '', en: '' },
      color: 'green',
      kind: 'question',
      reference: [],
    },
    {
      code: 'F2',
      title: { sv: 'Vad har fungerat mindre bra?', en: 'What has worked less well?' },
      description: { sv: '', en: '' },
      color: 'light-red',
      kind: 'question',
      reference: [],
    },
    {
      code: 'F3',
      title: {
        sv: 'Har du några önskemål för kommande år?',
        en: 'Do you have any wishes for the coming year?',
      },
      description: { sv: '', en: '' },
      color: 'light-blue',
      kind: 'question',
      reference: [],
    },
    {
      code: 'R2',
      title: { sv: 'Viktigt för samverkan', en: 'Important for collaboration' },
      description: { sv: '', en: '' },
      color: 'grey',
      kind: 'reference',
      reference: [
        {
          sv: 'Lyfta, synliggöra och integrera olika perspektiv, kontexter och tolkningar I gruppen',
          en: 'Raise, make visible and integrate different perspectives, contexts and interpretations in the group',
        },
        {
          sv: 'Ta tillvara på kunskap och erfarenheter som de olika aktörerna har',
          en: 'Make use of the knowledge and experience that the different actors have',
        },
        {
          sv: 'Samsyn om vad som behöver uppnås - hitta det som finns i skärningspunkten - det som är större än allas enskilda del',
          en: "A shared view of what needs to be achieved - find what lies at the intersection - what is greater than everyone's individual part",
        },
        { sv: 'Undvika att gå in i "stuprörsbeteende"', en: 'Avoid falling into "silo behaviour"' },
        {
          sv: 'Mobilisera för gemensam riktning & skapa mening med fokus på helheten',
          en: 'Mobilise for a shared direction & create meaning with a focus on the whole',
        },
        {
          sv: 'Strukturerat utforskande – Testa och lära - skapa framdrift',
          en: 'Structured exploration – test and learn - create momentum',
        },
        { sv: 'Viktiga perspektiv upp tidigt', en: 'Important perspectives raised early' },
        { sv: 'Process', en: 'Process' },
      ],
    },
    {
      // In the seed this heading follows its list: the slide's title was extracted after its body.
      code: 'R3',
      title: { sv: 'Viktigt för samskapande', en: 'Important for co-creation' },
      description: { sv: '', en: '' },
      color: 'grey',
      kind: 'reference',
      reference: [
        {
          sv: 'Ta tillvara på kunskap och erfarenheter hos de olika aktörerna',
          en: 'Make use of the knowledge and experience of the different actors',
        },
        {
          sv: 'Samsyn om vad som behöver uppnås – fokus på helheten',
          en: 'A shared view of what needs to be achieved – focus on the whole',
        },
        { sv: 'Undvika att gå in i "stuprörsbeteende“', en: 'Avoid falling into "silo behaviour"' },
        {
          sv: 'Mobilisera för gemensam riktning & skapa mening med fokus på helheten',
          en: 'Mobilise for a shared direction & create meaning with a focus on the whole',
        },
        {
          sv: 'Strukturerat utforskande – Testa och lära - skapa framdrift',
          en: 'Structured exploration – test and learn - create momentum',
        },
        { sv: 'Viktiga perspektiv upp tidigt', en: 'Important perspectives raised early' },
        { sv: 'Process', en: 'Process' },
        {
          sv: 'Delat/gemensamt syfte - cyklisk process = välinvesterad tid.',
          en: 'Shared/common purpose - cyclical process = time well invested.',
        },
      ],
    },
  ],
  agenda: [
    {
      title: {
        sv: 'Sammanfattning av arbetet så här långt och framåt',
        en: 'Summary of the work so far and ahead',
      },
      instruction: {
        sv: 'Vi går igenom årets arbete och blickar framåt.',
        en: "We go through the year's work and look ahead.",
      },
      durationMinutes: 10,
      kind: 'present',
      areas: ['R1'],
    },
    {
      title: { sv: 'Gruppdiskussion', en: 'Group discussion' },
      instruction: {
        sv: `${GROUP_QUESTION} Diskutera under 10 min.`,
        en: `${GROUP_QUESTION_EN} Discuss for 10 min.`,
      },
      durationMinutes: 10,
      kind: 'discuss',
      areas: ['G1', 'G2'],
    },
    {
      title: { sv: 'Nästa steg', en: 'Next steps' },
      instruction: {
        sv: 'Skriv dina svar på de tre frågorna, en tanke per lapp.',
        en: 'Write your answers to the three questions, one thought per note.',
      },
      durationMinutes: 10,
      kind: 'brainstorm',
      areas: ['F1', 'F2', 'F3'],
    },
  ],
};
