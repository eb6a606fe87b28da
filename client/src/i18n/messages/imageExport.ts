/** Strings of "Exportera bild" on the canvas: the board, one focus area or the selection as PNG or SVG. */
const sv = {
  'imageExport.open': 'Exportera bild',
  'imageExport.label': 'Exportera tavlan som bild',
  'imageExport.what': 'Vad',
  'imageExport.whole': 'Hela tavlan',
  'imageExport.area': 'Fokusområde {code} – {title}',
  'imageExport.selection': 'Det markerade',
  'imageExport.format': 'Format',
  'imageExport.png': 'PNG (bild för utskrift och presentationer)',
  'imageExport.svg': 'SVG (skalbar, för vidare redigering)',
  'imageExport.download': 'Ladda ner',
  'imageExport.busy': 'Skapar bilden …',
  'imageExport.done': 'Bilden {file} är nedladdad.',
  'imageExport.empty': 'Det finns inget att exportera där. Välj något annat.',
  'imageExport.noSelection': 'Inget är markerat. Markera lappar eller områden på tavlan först.',
  'imageExport.failed': 'Bilden kunde inte skapas. Försök igen, eller exportera ett mindre område.',
  'imageExport.close': 'Stäng',
  'imageExport.fileSelection': 'markering',
} as const;

const en: Record<keyof typeof sv, string> = {
  'imageExport.open': 'Export image',
  'imageExport.label': 'Export the board as an image',
  'imageExport.what': 'What',
  'imageExport.whole': 'The whole board',
  'imageExport.area': 'Focus area {code} – {title}',
  'imageExport.selection': 'The selection',
  'imageExport.format': 'Format',
  'imageExport.png': 'PNG (picture for printing and slides)',
  'imageExport.svg': 'SVG (scalable, for further editing)',
  'imageExport.download': 'Download',
  'imageExport.busy': 'Creating the image …',
  'imageExport.done': 'The image {file} has been downloaded.',
  'imageExport.empty': 'There is nothing to export there. Choose something else.',
  'imageExport.noSelection': 'Nothing is selected. Select notes or areas on the board first.',
  'imageExport.failed': 'The image could not be created. Try again, or export a smaller area.',
  'imageExport.close': 'Close',
  'imageExport.fileSelection': 'selection',
};

export const imageExport = { sv, en };
