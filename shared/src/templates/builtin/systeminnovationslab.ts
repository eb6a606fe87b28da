import type { BuiltinTemplate } from '../template';

/*
 * Seed 001, the project page of the preparatory project for a county-wide systeminnovationslab.
 * Word for word from the seed (Swedish, modulo line breaks): every reference note and the
 * descriptions of the lab area and the challenge area. The page describes the lab, not a workshop,
 * so area titles, the other descriptions, step titles and instructions are ours. The seed's spelling
 * is kept ("desa").
 */

const PIPELINE = ['P1', 'P2', 'P3', 'P4'];

export const systeminnovationslab: BuiltinTemplate = {
  id: 'systeminnovationslab',
  title: { sv: 'Systeminnovationslab', en: 'System innovation lab' },
  summary: {
    sv: 'Region, kommuner och lärosäte ramar in en utmaning i gränslandet mellan regionens och kommunernas ansvar: aktörskarta, utmaningen formulerad, sedan idéer som förs genom utvecklas → testas → skalas upp → implementeras.',
    en: "Region, municipalities and university frame a challenge on the border between the region's and the municipalities' responsibilities: an actor map, the challenge statement, then ideas moved through develop → test → scale up → implement.",
  },
  source: '001_be1151b37a4466ea.txt',
  // Four columns: the framing on the first row, the four pipeline stages side by side on the second.
  columns: 4,
  areas: [
    {
      code: 'OM',
      title: { sv: 'Om systeminnovationslab', en: 'About the system innovation lab' },
      description: {
        sv: 'Systeminnovationslab syftar till att utveckla metoder och modeller för att hantera komplexa utvecklingsområden där flera organisationer är involverade.',
        en: 'A system innovation lab aims to develop methods and models for handling complex areas of development in which several organisations are involved.',
      },
      color: 'grey',
      kind: 'reference',
      reference: [
        {
          sv: 'Syftet för projektet är att skapa möjlighet att i samverkan utveckla ett testlabb där nya lösningar på systemutmaningar utvecklas, testas, skalas upp och implementeras.',
          en: 'The purpose of the project is to make it possible to develop, together, a test lab where new solutions to system challenges are developed, tested, scaled up and implemented.',
        },
        {
          sv: 'Innovation innebär att skapa och implementera nya idéer, metoder och produkter eller att förbättra de som redan genomförs.',
          en: 'Innovation means creating and implementing new ideas, methods and products, or improving those already in use.',
        },
      ],
    },
    {
      code: 'AKT',
      title: { sv: 'Aktörskarta', en: 'Actor map' },
      description: {
        sv: 'Vilka aktörer berörs av utmaningen, och hur hänger de ihop?',
        en: 'Which actors does the challenge concern, and how are they connected?',
      },
      color: 'violet',
      kind: 'theme',
      reference: [
        {
          sv: 'Med system menar vi en kontext där flera olika aktörer interagerar med varandra och där någon form av relation finns mellan desa.',
          en: 'By a system we mean a context in which several different actors interact with each other and some kind of relationship exists between them.',
        },
        {
          sv: 'Exempel på system kan vara Region Uppsala och Uppsala Län med dess olika kommuner som samarbetar och interagerar med andra.',
          en: 'One example of a system is Region Uppsala and Uppsala County with its municipalities, which cooperate and interact with others.',
        },
        {
          sv: 'Ett annat exempel är lokaltrafiken där aktörerna utgörs av chaufförer, bussar, förvaltningen, trafik och samhälle med flera.',
          en: 'Another example is local public transport, where the actors include drivers, buses, the administration, traffic and society, among others.',
        },
      ],
    },
    {
      code: 'UTM',
      title: { sv: 'Utmaningen i gränslandet', en: 'The challenge on the border' },
      description: {
        sv: 'De tydligaste och kanske svåraste hälso-, vård- och omsorgsutmaningarna ligger oftast i gränslandet mellan Region Uppsalas och kommunernas ansvarsområden.',
        en: "The clearest and perhaps hardest challenges in health, care and social care usually lie on the border between Region Uppsala's and the municipalities' areas of responsibility.",
      },
      color: 'red',
      kind: 'question',
      reference: [
        {
          sv: 'Samtidigt är det inom det området som potentiella lösningar kan göra störst nytta, genom att skapa sammanhållna och väl fungerande tjänster för våra invånare.',
          en: 'At the same time, it is there that potential solutions can do the most good, by creating coherent and well-functioning services for our residents.',
        },
      ],
    },
    {
      code: 'IDE',
      title: { sv: 'Idéer', en: 'Ideas' },
      description: {
        sv: 'Vilka nya lösningar skulle kunna möta utmaningen?',
        en: 'Which new solutions could meet the challenge?',
      },
      color: 'yellow',
      kind: 'question',
      reference: [],
    },
    {
      code: 'P1',
      title: { sv: 'Utvecklas', en: 'Develop' },
      description: { sv: 'Idén formas till en lösning.', en: 'The idea is shaped into a solution.' },
      color: 'light-blue',
      kind: 'stage',
      reference: [],
    },
    {
      code: 'P2',
      title: { sv: 'Testas', en: 'Test' },
      description: {
        sv: 'Lösningen prövas i liten skala, i verklig verksamhet.',
        en: 'The solution is tried on a small scale, in real operations.',
      },
      color: 'blue',
      kind: 'stage',
      reference: [],
    },
    {
      code: 'P3',
      title: { sv: 'Skalas upp', en: 'Scale up' },
      description: {
        sv: 'Lösningen sprids till fler verksamheter och kommuner.',
        en: 'The solution spreads to more services and municipalities.',
      },
      color: 'light-green',
      kind: 'stage',
      reference: [],
    },
    {
      code: 'P4',
      title: { sv: 'Implementeras', en: 'Implement' },
      description: {
        sv: 'Lösningen blir en del av det ordinarie arbetet.',
        en: 'The solution becomes part of everyday work.',
      },
      color: 'green',
      kind: 'stage',
      reference: [],
    },
  ],
  agenda: [
    {
      title: { sv: 'Systeminnovationslab', en: 'The system innovation lab' },
      instruction: {
        sv: 'Vi går igenom syftet med labbet och hur idéer förs vidare från utveckling till implementering.',
        en: 'We go through the purpose of the lab and how ideas are taken from development to implementation.',
      },
      durationMinutes: 10,
      kind: 'present',
      areas: ['OM'],
    },
    {
      title: { sv: 'Aktörskarta', en: 'Actor map' },
      instruction: {
        sv: 'Skriv en lapp per aktör som berörs av utmaningen: organisationer, verksamheter, roller, invånare. Lägg aktörer som har en relation nära varandra.',
        en: 'Write one note per actor the challenge concerns: organisations, services, roles, residents. Place actors that have a relationship close to each other.',
      },
      durationMinutes: 15,
      kind: 'brainstorm',
      areas: ['AKT'],
    },
    {
      title: { sv: 'Utmaningen i gränslandet', en: 'The challenge on the border' },
      instruction: {
        sv: 'Skriv förslag på hur utmaningen kan formuleras och enas om en formulering som alla aktörer känner igen sig i.',
        en: 'Suggest ways to word the challenge and agree on one wording that every actor recognises.',
      },
      durationMinutes: 20,
      kind: 'discuss',
      areas: ['UTM'],
    },
    {
      title: { sv: 'Idéer', en: 'Ideas' },
      instruction: {
        sv: 'Skriv idéer på nya lösningar som möter utmaningen, en idé per lapp.',
        en: 'Write ideas for new solutions that meet the challenge, one idea per note.',
      },
      durationMinutes: 15,
      kind: 'brainstorm',
      areas: ['IDE'],
    },
    {
      title: { sv: 'Välj idéer', en: 'Choose ideas' },
      instruction: {
        sv: 'Sätt dina prickar på de idéer som ni vill ta vidare in i labbet.',
        en: 'Put your dots on the ideas you want to take further into the lab.',
      },
      durationMinutes: 5,
      kind: 'vote',
      areas: ['IDE'],
    },
    {
      title: { sv: 'Idéernas väg', en: 'The path of the ideas' },
      instruction: {
        sv: 'Flytta de valda idéerna till det steg de har nått – utvecklas, testas, skalas upp eller implementeras – och skriv vad som krävs för nästa steg.',
        en: 'Move the chosen ideas to the stage they have reached – develop, test, scale up or implement – and write what the next stage requires.',
      },
      durationMinutes: 20,
      kind: 'cluster',
      areas: ['IDE', ...PIPELINE],
    },
    {
      title: { sv: 'Nästa steg', en: 'Next steps' },
      instruction: {
        sv: 'Bestäm vem som driver varje idé till nästa steg och vilka aktörer som behöver vara med.',
        en: 'Decide who takes each idea to its next stage and which actors need to be involved.',
      },
      durationMinutes: 10,
      kind: 'discuss',
      areas: [...PIPELINE],
    },
  ],
};
