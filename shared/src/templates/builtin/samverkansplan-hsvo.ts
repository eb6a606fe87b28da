import type { BuiltinTemplate } from '../template';
import type { AreaColor } from '../../model/focusArea';

/*
 * Seed 002, the HSVO strategy 2024–2026 with its council decision. Word for word from the seed
 * (Swedish, modulo line breaks): every reference note (the strategy's "Inriktning" per delmål and its
 * text on samverkanskultur), every area description (the delmål as the strategy words them, and
 * the samverkanskultur lead), the titles of the delmål areas (the focus area's name) and the
 * instruction of the opening step. Template title, summary, the reference area's title, step
 * titles and the other instructions are ours.
 */

const BRAINSTORM = {
  sv: 'Föreslå aktiviteter till den lokala samverkansplanen. Skriv en aktivitet per lapp, under det delmål den bidrar till.',
  en: 'Propose activities for the local collaboration plan. Write one activity per note, under the sub-goal it contributes to.',
};

// One colour per focus area, so that A1 and A2 (B1 and B2) read as belonging together.
const COLOR: Record<'A' | 'B' | 'C' | 'D', AreaColor> = {
  A: 'green',
  B: 'blue',
  C: 'orange',
  D: 'light-red',
};

const DELMAL = ['A1', 'A2', 'B1', 'B2', 'C1', 'D1'] as const;

export const samverkansplanHsvo: BuiltinTemplate = {
  id: 'samverkansplan-hsvo',
  title: { sv: 'Samverkansplan HSVO 2024–2026', en: 'Collaboration plan – HSVO 2024–2026' },
  summary: {
    sv: 'Aktiviteter till den lokala samverkansplanen utifrån strategin för samverkan inom hälsa, stöd, vård och omsorg 2024–2026: förslag per delmål (A1–D1), dubbletter slås ihop, prickröstning.',
    en: 'Activities for the local collaboration plan based on the 2024–2026 strategy for collaboration in health, support, care and social services: proposals per sub-goal (A1–D1), duplicates merged, dot voting.',
  },
  source: '002_026ad9243aaa0ad8.txt',
  // The framing area first puts A1–A2 and B1–B2 on rows of their own.
  columns: 3,
  areas: [
    {
      code: 'SK',
      title: { sv: 'Målbild och samverkanskultur', en: 'Target picture and collaboration culture' },
      description: {
        sv: 'Samverkan är både ett förhållningssätt och ett arbetssätt med fokus på system och gemensamma lösningar.',
        en: 'Collaboration is both an approach and a way of working, focused on systems and shared solutions.',
      },
      color: 'grey',
      kind: 'reference',
      reference: [
        {
          sv: 'Målet är ett hälsofrämjande samhälle där individernas livskvalitet står i centrum och där delaktighet, tillgänglighet, jämlikhet och trygghet präglar hälsosystemet i Uppsala län.',
          en: "The goal is a health-promoting society where individuals' quality of life is at the centre and where participation, accessibility, equity and security characterise the health system in Uppsala County.",
        },
        {
          // Cut before "(se figur 1).": the figure is not on the board.
          sv: 'Några centrala beståndsdelar som kännetecknar en väl fungerande samverkanskultur är dialog, samsyn, delaktighet och samhandling',
          en: 'Some central components that characterise a well-functioning collaboration culture are dialogue, shared understanding, participation and joint action',
        },
        {
          sv: 'För att utveckla och upprätthålla en samverkanskultur krävs tillitsfulla relationer och gemensamt agerande där var och en utgår från sin del i helheten.',
          en: 'Developing and sustaining a collaboration culture requires trusting relationships and joint action in which each party starts from its own part of the whole.',
        },
      ],
    },
    {
      code: 'A1',
      title: { sv: 'Förebyggande och hälsofrämjande', en: 'Prevention and health promotion' },
      description: {
        sv: 'Hälsosystemet stödjer och möjliggör hälsosamma val och en jämlik hälsa.',
        en: 'The health system supports and enables healthy choices and equitable health.',
      },
      color: COLOR.A,
      kind: 'theme',
      reference: [
        {
          sv: 'Hälsan påverkas av egna val och levnadssätt likväl som av de arenor i samhället där människor lever sina liv, som exempelvis familjen, förskolan, skolan, arbetet och olika fritidsaktiviteter.',
          en: 'Health is shaped by our own choices and lifestyles as well as by the arenas of society where people live their lives, such as the family, preschool, school, work and various leisure activities.',
        },
        {
          sv: 'Både breda och riktade hälsofrämjande insatser ska förstärka individernas egna resurser och stödja hälsosamma val.',
          en: "Both broad and targeted health-promoting efforts are to strengthen individuals' own resources and support healthy choices.",
        },
        {
          sv: 'Samtidigt behöver arbetet för att säkra ett hälsofrämjande samhälle ske inom en rad samhällsarenor.',
          en: 'At the same time, the work to secure a health-promoting society needs to take place in a range of arenas of society.',
        },
      ],
    },
    {
      code: 'A2',
      title: { sv: 'Förebyggande och hälsofrämjande', en: 'Prevention and health promotion' },
      description: {
        sv: 'Socialt hållbara insatser stärker arbetet med att förebygga psykisk ohälsa och suicid.',
        en: 'Socially sustainable efforts strengthen the work to prevent mental ill-health and suicide.',
      },
      color: COLOR.A,
      kind: 'theme',
      reference: [
        {
          sv: 'Länets kommuner och Region Uppsala ska bidra till ett socialt hållbart samhälle som är jämställt och där människor kan leva ett gott liv med god hälsa.',
          en: "The county's municipalities and Region Uppsala are to contribute to a socially sustainable, gender-equal society where people can live a good life in good health.",
        },
        {
          sv: 'Det är ett samhälle med hög tolerans där människors lika värde står i centrum, vilket kräver att människor känner tillit och förtroende till varandra och samhällets institutioner.',
          en: "It is a society with high tolerance where people's equal worth is at the centre, which requires people to feel trust and confidence in one another and in society's institutions.",
        },
        {
          sv: 'System och styrdokument ska utgå från ett förebyggande förhållningssätt som bidrar till invånarnas fysiska, psykiska och sociala välbefinnande.',
          en: "Systems and governing documents are to start from a preventive approach that contributes to residents' physical, mental and social well-being.",
        },
      ],
    },
    {
      code: 'B1',
      title: { sv: 'Nära vård', en: 'Local care' },
      description: {
        sv: 'Vården är personcentrerad, samordnad och tillgänglig.',
        en: 'Care is person-centred, coordinated and accessible.',
      },
      color: COLOR.B,
      kind: 'theme',
      reference: [
        {
          sv: 'Den regionala och kommunala primärvården ska vara navet i hälsosystemet och samspela effektivt med annan hälso- och sjukvård, tandvård och socialtjänst.',
          en: 'Regional and municipal primary care is to be the hub of the health system and work effectively together with other health care, dental care and social services.',
        },
        {
          sv: 'Vårdstrukturen ska klara att möta individers behov och ökade förväntningar på tillgänglighet, delaktighet och kontinuitet.',
          en: "The care structure is to be able to meet individuals' needs and rising expectations of accessibility, participation and continuity.",
        },
        {
          sv: 'Tillgängligheten ska öka genom utvecklat samarbete, digitala verktyg och invånartjänster som ger patient, brukare och närstående goda förutsättningar att vara medskapare i vården och omsorgen.',
          en: 'Accessibility is to increase through closer cooperation, digital tools and services for residents that give patients, service users and next of kin good conditions to co-create their care.',
        },
      ],
    },
    {
      code: 'B2',
      title: { sv: 'Nära vård', en: 'Local care' },
      description: {
        sv: 'Effektiva processer och flöden skapar värde för individen.',
        en: 'Efficient processes and flows create value for the individual.',
      },
      color: COLOR.B,
      kind: 'theme',
      reference: [
        {
          sv: 'För att ge bästa möjliga värde för individen och för hälsosystemet i stort behöver resurser inom hälsa, stöd, vård och omsorg användas på bästa sätt.',
          en: 'To give the best possible value for the individual and for the health system as a whole, resources in health, support, care and social services need to be used in the best way.',
        },
        {
          sv: 'Med tillförlitliga processer, riktlinjer och rutiner kan förutsättningar skapas så att alla medarbetare kan arbeta säkert och effektivt.',
          en: 'Reliable processes, guidelines and routines can create the conditions for all staff to work safely and efficiently.',
        },
      ],
    },
    {
      code: 'C1',
      title: { sv: 'Kompetensförsörjning', en: 'Skills supply' },
      description: {
        sv: 'Kompetensförsörjningen präglas av väl fungerande samverkan mellan huvudmännen samt med lärosäten och andra utbildningsaktörer.',
        en: 'Skills supply is characterised by well-functioning collaboration between the principals and with universities and other education providers.',
      },
      color: COLOR.C,
      kind: 'theme',
      reference: [
        {
          sv: 'Framtida kompetensförsörjning behöver säkras genom att bättre möta behov från olika verksamheter, målgrupper och yrkeskategorier.',
          en: 'Future skills supply needs to be secured by better meeting the needs of different services, target groups and professions.',
        },
        {
          sv: 'Det kräver fortsatt och utökad samverkan mellan huvudmän samt med lärosäten och andra utbildningsaktörer.',
          en: 'This requires continued and extended collaboration between principals and with universities and other education providers.',
        },
        {
          sv: 'Stärkta förutsättningar för att arbeta kunskapsbaserat och ändamålsenligt lägger grunden till kompetensförsörjningen.',
          en: 'Better conditions for working in a knowledge-based and appropriate way lay the foundation for skills supply.',
        },
        {
          sv: 'Rätt använd kompetens är en väg till att möta välfärdens rekryteringsutmaning.',
          en: "Skills used in the right way are one way to meet the welfare sector's recruitment challenge.",
        },
      ],
    },
    {
      code: 'D1',
      title: { sv: 'Krishantering och beredskap', en: 'Crisis management and preparedness' },
      description: {
        sv: 'Samverkan har tydliggjorts och utvecklats för att hantera kris- och beredskapsfrågor i planering och styrning',
        en: 'Collaboration has been clarified and developed to handle crisis and preparedness issues in planning and governance',
      },
      color: COLOR.D,
      kind: 'theme',
      reference: [
        {
          sv: 'Hälsosystemet ska ha förmåga att upprätthålla samhällsviktig verksamhet vid allvarliga samhällsstörningar.',
          en: 'The health system is to be able to maintain essential services during serious disruptions to society.',
        },
        {
          sv: 'Samordning och utveckling krävs för att ha en beredskap som klarar behov och uppdrag som kan uppstå i samhället vid allvarliga olyckor, hälsohot och krig.',
          en: 'Coordination and development are needed for a preparedness that can handle the needs and tasks that may arise in society in serious accidents, health threats and war.',
        },
        {
          sv: 'Kapacitet att omhänderta hälsosystemets behov behöver säkerställas.',
          en: "Capacity to meet the health system's needs must be ensured.",
        },
        {
          sv: 'Det förutsätter att alla länets aktörer inom hälsosystemet inkluderas och gemensamt utgör resurser i utvecklingen av krisberedskapen och det civila försvaret.',
          en: "This requires that all of the county's actors in the health system are included and together form resources in developing crisis preparedness and civil defence.",
        },
      ],
    },
  ],
  agenda: [
    {
      title: { sv: 'Fokusområden och delmål', en: 'Focus areas and sub-goals' },
      instruction: {
        sv: 'Följande fokusområden och delmål utgör underlag för de samverkansplaner med aktivitetslistor som tas fram på lokal nivå i samverkan mellan respektive kommun och Region Uppsala.',
        en: 'The following focus areas and sub-goals form the basis for the collaboration plans with activity lists that are drawn up locally by each municipality together with Region Uppsala.',
      },
      durationMinutes: 10,
      kind: 'present',
      areas: ['SK', ...DELMAL],
    },
    {
      title: {
        sv: 'Aktiviteter A – Förebyggande och hälsofrämjande',
        en: 'Activities A – Prevention and health promotion',
      },
      instruction: BRAINSTORM,
      durationMinutes: 8,
      kind: 'brainstorm',
      areas: ['A1', 'A2'],
    },
    {
      title: { sv: 'Aktiviteter B – Nära vård', en: 'Activities B – Local care' },
      instruction: BRAINSTORM,
      durationMinutes: 8,
      kind: 'brainstorm',
      areas: ['B1', 'B2'],
    },
    {
      title: { sv: 'Aktiviteter C – Kompetensförsörjning', en: 'Activities C – Skills supply' },
      instruction: BRAINSTORM,
      durationMinutes: 5,
      kind: 'brainstorm',
      areas: ['C1'],
    },
    {
      title: {
        sv: 'Aktiviteter D – Krishantering och beredskap',
        en: 'Activities D – Crisis management and preparedness',
      },
      instruction: BRAINSTORM,
      durationMinutes: 5,
      kind: 'brainstorm',
      areas: ['D1'],
    },
    {
      title: { sv: 'Slå ihop dubbletter', en: 'Merge duplicates' },
      instruction: {
        sv: 'Lägg lappar som beskriver samma aktivitet tillsammans och slå ihop dem.',
        en: 'Put notes that describe the same activity together and merge them.',
      },
      durationMinutes: 10,
      kind: 'cluster',
      areas: [...DELMAL],
    },
    {
      title: { sv: 'Prioritera', en: 'Prioritise' },
      instruction: {
        sv: 'Sätt dina prickar på de aktiviteter som är viktigast att ta med i den lokala samverkansplanen.',
        en: 'Put your dots on the activities that matter most to include in the local collaboration plan.',
      },
      durationMinutes: 5,
      kind: 'vote',
      areas: [...DELMAL],
    },
    {
      title: { sv: 'Nästa steg', en: 'Next steps' },
      instruction: {
        sv: 'Bestäm vem som för de prioriterade aktiviteterna vidare till den lokala samverkansplanen, och när.',
        en: 'Decide who takes the prioritised activities forward into the local collaboration plan, and when.',
      },
      durationMinutes: 10,
      kind: 'discuss',
      areas: [...DELMAL],
    },
  ],
};
