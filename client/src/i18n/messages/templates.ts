/** Strings of templates: the picker on the start page, template files. */
const sv = {
  'templates.legend': 'Mall',
  'templates.loading': 'Hämtar mallar …',
  'templates.loadFailed': 'Mallarna kunde inte hämtas. Workshopen skapas med en tom tavla.',
  'templates.preview': 'Förhandsvisning: {title}',
  'templates.areas': 'Fokusområden',
  'templates.noAreas': 'Inga fokusområden – en tom tavla.',
  'templates.agenda': 'Agenda',
  'templates.minutes': '{minutes} min',
  'templates.fromFile': 'Använd en sparad mallfil',
  'templates.fileLabel': 'Mallfil (.json)',
  'templates.fileHint': 'En fil som sparats med ”Spara som mall” på en tavla.',
  'templates.fileChosen': 'Mallfilen ”{title}” används. Fokusområden: {count}.',
  'templates.fileInvalid': 'Filen kan inte användas som mall: {problem}',
  'templates.fileNotJson': 'Filen är inte en mallfil (den är inte JSON).',
  'templates.fileClear': 'Använd inte filen',
  'templates.download': 'Spara som mall',
  'templates.downloaded': 'Tavlans fokusområden och underlag sparades som mallfil.',
  'templates.cannotSave':
    'Tavlan kan inte sparas som mall: två fokusområden har samma kod, eller så är texten för lång. Byt kod eller korta texten och försök igen.',
} as const;

const en: Record<keyof typeof sv, string> = {
  'templates.legend': 'Template',
  'templates.loading': 'Loading templates …',
  'templates.loadFailed': 'The templates could not be loaded. The workshop gets an empty board.',
  'templates.preview': 'Preview: {title}',
  'templates.areas': 'Focus areas',
  'templates.noAreas': 'No focus areas – an empty board.',
  'templates.agenda': 'Agenda',
  'templates.minutes': '{minutes} min',
  'templates.fromFile': 'Use a saved template file',
  'templates.fileLabel': 'Template file (.json)',
  'templates.fileHint': 'A file saved with “Save as template” on a board.',
  'templates.fileChosen': 'The template file “{title}” is used. Focus areas: {count}.',
  'templates.fileInvalid': 'The file cannot be used as a template: {problem}',
  'templates.fileNotJson': 'The file is not a template file (it is not JSON).',
  'templates.fileClear': 'Do not use the file',
  'templates.download': 'Save as template',
  'templates.downloaded': 'The board’s focus areas and reference content were saved as a template file.',
  'templates.cannotSave':
    'The board cannot be saved as a template: two focus areas share a code, or there is too much text. Change the code or shorten the text and try again.',
} as const;

export const templates = { sv, en };
