/** Strings of "Exportera" in the facilitator's drawer: the workshop as data, minutes and a poster. */
const sv = {
  'export.heading': 'Exportera',
  'export.explain':
    'Ladda ner resultatet: data för analys (JSON, CSV), minnesanteckningar (Markdown) eller en affisch av områdena och lapparna (PNG, SVG).',
  'export.what': 'Vad',
  'export.whole': 'Hela tavlan',
  'export.area': 'Fokusområde {code} – {title}',
  'export.json': 'JSON (data för analys)',
  'export.csv': 'CSV (öppnas i Excel)',
  'export.md': 'Minnesanteckningar (Markdown)',
  'export.png': 'Affisch som PNG (utskrift)',
  'export.svg': 'Affisch som SVG (skalbar)',
  'export.busy': 'Skapar filen …',
  'export.done': 'Filen {file} är nedladdad.',
  'export.forbidden': 'Bara facilitatorer kan exportera. Öppna tavlan med facilitatorlänken.',
  'export.notFound': 'Fokusområdet eller workshoppen finns inte längre. Välj något annat.',
  'export.failed': 'Filen kunde inte skapas. Kontrollera anslutningen och försök igen.',
} as const;

const en: Record<keyof typeof sv, string> = {
  'export.heading': 'Export',
  'export.explain':
    'Download the result: data for analysis (JSON, CSV), minutes (Markdown) or a poster of the areas and notes (PNG, SVG).',
  'export.what': 'What',
  'export.whole': 'The whole board',
  'export.area': 'Focus area {code} – {title}',
  'export.json': 'JSON (data for analysis)',
  'export.csv': 'CSV (opens in Excel)',
  'export.md': 'Minutes (Markdown)',
  'export.png': 'Poster as PNG (printing)',
  'export.svg': 'Poster as SVG (scalable)',
  'export.busy': 'Creating the file …',
  'export.done': 'The file {file} is downloaded.',
  'export.forbidden': 'Only facilitators can export. Open the board with the facilitator link.',
  'export.notFound': 'The focus area or the workshop no longer exists. Choose something else.',
  'export.failed': 'The file could not be created. Check the connection and try again.',
};

export const exportMessages = { sv, en };
