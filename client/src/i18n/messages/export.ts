/** Strings of "Exportera" in the facilitator's drawer: the workshop as data, minutes and a poster. */
const sv = {
  'export.heading': 'Exportera',
  'export.explain':
    'Ladda ner resultatet: en Excel-fil med lapparna, områdena och agendan, data för analys (JSON, CSV), minnesanteckningar (Markdown) eller en affisch av områdena och lapparna (PNG, SVG). Tider är i workshoppens tidszon.',
  'export.what': 'Vad',
  'export.whole': 'Hela tavlan',
  'export.area': 'Fokusområde {code} – {title}',
  'export.json': 'JSON (data för analys)',
  'export.xlsx': 'Excel (XLSX, öppnas i Excel och LibreOffice)',
  'export.csv': 'CSV (komma, RFC 4180)',
  'export.csv-excel': 'CSV för Excel (semikolon)',
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
    'Download the result: an Excel file with the notes, the areas and the agenda, data for analysis (JSON, CSV), minutes (Markdown) or a poster of the areas and notes (PNG, SVG). Times are in the workshop’s time zone.',
  'export.what': 'What',
  'export.whole': 'The whole board',
  'export.area': 'Focus area {code} – {title}',
  'export.json': 'JSON (data for analysis)',
  'export.xlsx': 'Excel (XLSX, opens in Excel and LibreOffice)',
  'export.csv': 'CSV (comma, RFC 4180)',
  'export.csv-excel': 'CSV for Excel (semicolon)',
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
