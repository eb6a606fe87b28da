/** Strings of snapshots (the facilitator's drawer) and of importing an export (the start page). */
const sv = {
  'snapshots.heading': 'Ögonblicksbilder',
  'snapshots.intro':
    'Servern sparar en bild av tavlan och agendan vid varje stegbyte. Spara en egen innan något stort ändras.',
  'snapshots.nameLabel': 'Namn på ögonblicksbilden',
  'snapshots.defaultName': 'Sparad {time}',
  'snapshots.take': 'Spara ögonblicksbild',
  'snapshots.taken': 'Ögonblicksbilden ”{name}” sparades.',
  'snapshots.loading': 'Hämtar ögonblicksbilder …',
  'snapshots.none': 'Inga ögonblicksbilder ännu.',
  'snapshots.failed': 'Det gick inte att nå servern. Försök igen.',
  'snapshots.listLabel': 'Sparade ögonblicksbilder, nyast först',
  'snapshots.item': '{time} – {name} ({notes} lappar)',
  'snapshots.restoreHere': 'Återställ här …',
  'snapshots.restoreNew': 'Återställ som ny workshop',
  'snapshots.export': 'Exportera (JSON)',
  'snapshots.confirmHeading': 'Återställa ”{name}” här?',
  'snapshots.confirmText':
    'Tavlan, agendan och grupperna blir som de var {time}. Alla som är anslutna ser tavlan ändras direkt. Lappar som skrivits sedan dess tas bort. Steg, timer, låsning och röster ändras inte.',
  'snapshots.confirm': 'Ja, återställ för alla',
  'snapshots.cancel': 'Avbryt',
  'snapshots.restored': 'Ögonblicksbilden ”{name}” är återställd. Alla anslutna ser den nu.',
  'snapshots.restoredNew': 'En ny workshop skapades av ”{name}”. Öppna den med ledarlänken nedan.',
  'snapshots.newFacilitatorLink': 'Ledarlänk till den nya workshopen',
  'snapshots.openNew': 'Öppna den nya workshopen',

  'import.heading': 'Importera en export',
  'import.fileLabel': 'Exportfil (.json)',
  'import.fileHint':
    'En JSON-export av en workshop. En ny workshop skapas med fokusområdena, lapparna, rösterna, grupperna och agendan.',
  'import.busy': 'Importerar …',
  'import.notJson': 'Filen kan inte importeras: den är inte JSON.',
  'import.invalid': 'Filen kan inte importeras: {problem}',
  'import.failed': 'Importen misslyckades. Försök igen om en stund.',
} as const;

const en: Record<keyof typeof sv, string> = {
  'snapshots.heading': 'Snapshots',
  'snapshots.intro':
    'The server keeps a picture of the board and the agenda at every step change. Save your own before something big changes.',
  'snapshots.nameLabel': 'Name of the snapshot',
  'snapshots.defaultName': 'Saved {time}',
  'snapshots.take': 'Save snapshot',
  'snapshots.taken': 'The snapshot “{name}” was saved.',
  'snapshots.loading': 'Loading snapshots …',
  'snapshots.none': 'No snapshots yet.',
  'snapshots.failed': 'The server could not be reached. Try again.',
  'snapshots.listLabel': 'Saved snapshots, newest first',
  'snapshots.item': '{time} – {name} ({notes} notes)',
  'snapshots.restoreHere': 'Restore here …',
  'snapshots.restoreNew': 'Restore as a new workshop',
  'snapshots.export': 'Export (JSON)',
  'snapshots.confirmHeading': 'Restore “{name}” here?',
  'snapshots.confirmText':
    'The board, the agenda and the groups become as they were at {time}. Everyone connected sees the board change at once. Notes written since then are removed. The step, timer, lock and votes do not change.',
  'snapshots.confirm': 'Yes, restore for everyone',
  'snapshots.cancel': 'Cancel',
  'snapshots.restored': 'The snapshot “{name}” is restored. Everyone connected sees it now.',
  'snapshots.restoredNew': 'A new workshop was made from “{name}”. Open it with the facilitator link below.',
  'snapshots.newFacilitatorLink': 'Facilitator link to the new workshop',
  'snapshots.openNew': 'Open the new workshop',

  'import.heading': 'Import an export',
  'import.fileLabel': 'Export file (.json)',
  'import.fileHint':
    'A JSON export of a workshop. A new workshop is made with its focus areas, notes, votes, groups and agenda.',
  'import.busy': 'Importing …',
  'import.notJson': 'The file cannot be imported: it is not JSON.',
  'import.invalid': 'The file cannot be imported: {problem}',
  'import.failed': 'The import failed. Try again in a moment.',
} as const;

export const snapshots = { sv, en };
