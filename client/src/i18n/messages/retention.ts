/** Strings of the deletion date in the facilitator's drawer ("Radering"). */
const sv = {
  'retention.heading': 'Radering',
  'retention.current': 'Workshoppen raderas den {date}.',
  'retention.loading': 'Hämtar raderingsdatum …',
  'retention.loadFailed': 'Raderingsdatumet kunde inte hämtas. Stäng och öppna panelen igen.',
  'retention.explain':
    'Då tas tavlan, alla lappar, bilder och röster bort från servern. Spara det du vill ha kvar innan dess.',
  'retention.dateLabel': 'Nytt raderingsdatum',
  'retention.save': 'Spara datum',
  'retention.saving': 'Sparar …',
  'retention.saved': 'Raderingsdatumet är ändrat till den {date}.',
  'retention.required': 'Välj ett datum först.',
  'retention.outOfRange': 'Välj ett datum från i morgon till och med den {latest}.',
  'retention.tooEarly': 'Välj ett datum från i morgon och framåt.',
  'retention.failed': 'Datumet kunde inte sparas. Kontrollera anslutningen och försök igen.',
} as const;

const en: Record<keyof typeof sv, string> = {
  'retention.heading': 'Deletion',
  'retention.current': 'The workshop will be deleted on {date}.',
  'retention.loading': 'Loading the deletion date …',
  'retention.loadFailed': 'The deletion date could not be loaded. Close and open the panel again.',
  'retention.explain':
    'The board, every note, image and vote are then removed from the server. Save what you want to keep before then.',
  'retention.dateLabel': 'New deletion date',
  'retention.save': 'Save date',
  'retention.saving': 'Saving …',
  'retention.saved': 'The deletion date is now {date}.',
  'retention.required': 'Choose a date first.',
  'retention.outOfRange': 'Choose a date from tomorrow up to and including {latest}.',
  'retention.tooEarly': 'Choose a date from tomorrow onwards.',
  'retention.failed': 'The date could not be saved. Check the connection and try again.',
};

export const retention = { sv, en };
