/** Strings of the facilitator's cockpit (share, who is here, delete, my workshops), merged into sv.ts and en.ts. */
const sv = {
  'cockpit.share.open': 'Dela',
  'cockpit.share.heading': 'Bjud in deltagare',
  'cockpit.share.intro': 'Deltagarna ansluter med koden, QR-koden eller länken.',
  'cockpit.share.joinCode': 'Kod – skriv in den på {site}',
  'cockpit.share.qr': 'QR-kod till deltagarlänken',
  'cockpit.share.link': 'Länk för deltagare',
  'cockpit.share.loading': 'Hämtar koden …',
  'cockpit.share.failed':
    'Det gick inte att hämta koden och länken. Kontrollera anslutningen och försök igen.',
  'cockpit.close': 'Stäng',

  'cockpit.people.count.one': '1 deltagare',
  'cockpit.people.count.other': '{count} deltagare',
  'cockpit.people.heading': 'Deltagare här nu',
  'cockpit.people.none': 'Ingen deltagare har anslutit ännu. Dela koden eller QR-koden under ”Dela”.',
  'cockpit.people.unnamed': 'Utan namn',
  'cockpit.people.facilitators.one': 'Och en facilitator till.',
  'cockpit.people.facilitators.other': 'Och {count} facilitatorer till.',

  'cockpit.delete.open': 'Radera workshopen …',
  'cockpit.delete.heading': 'Radera workshopen ”{title}”?',
  'cockpit.delete.body':
    'Tavlan med alla lappar och bilder raderas för alla, och länkarna och koden slutar fungera. Det går inte att ångra. Exportera först om ni vill spara resultatet.',
  'cockpit.delete.confirm': 'Radera för alltid',
  'cockpit.delete.cancel': 'Avbryt',
  'cockpit.delete.busy': 'Raderar …',
  'cockpit.delete.failed': 'Det gick inte att radera workshopen. Kontrollera anslutningen och försök igen.',
  'cockpit.delete.forbidden': 'Bara en facilitator kan radera workshopen.',

  'cockpit.viewerName': 'Visning',

  'cockpit.mine.heading': 'Mina workshoppar',
  'cockpit.mine.intro': 'Workshoppar du har skapat eller öppnat som facilitator i den här webbläsaren.',
  'cockpit.mine.empty': 'Inga ännu. En workshop du skapar här visas i listan.',
  'cockpit.mine.added': 'Skapad {date}',
  'cockpit.mine.deleted': 'Raderad',
  'cockpit.mine.noAccess': 'Facilitatorlänken fungerar inte längre',
  'cockpit.mine.forget': 'Ta bort ur listan',
  'cockpit.mine.forgetLabel': 'Ta bort ur listan: {title}',
  'cockpit.mine.forgotten': '”{title}” är borttagen ur listan. Workshopen finns kvar.',
  'cockpit.mine.forgottenDeleted': '”{title}” är borttagen ur listan.',
};

const en: Record<keyof typeof sv, string> = {
  'cockpit.share.open': 'Share',
  'cockpit.share.heading': 'Invite participants',
  'cockpit.share.intro': 'Participants join with the code, the QR code or the link.',
  'cockpit.share.joinCode': 'Code – type it in at {site}',
  'cockpit.share.qr': 'QR code of the participant link',
  'cockpit.share.link': 'Link for participants',
  'cockpit.share.loading': 'Fetching the code …',
  'cockpit.share.failed': 'The code and the link could not be fetched. Check the connection and try again.',
  'cockpit.close': 'Close',

  'cockpit.people.count.one': '1 participant',
  'cockpit.people.count.other': '{count} participants',
  'cockpit.people.heading': 'Participants here now',
  'cockpit.people.none': 'No participant has joined yet. Share the code or the QR code under “Share”.',
  'cockpit.people.unnamed': 'No name',
  'cockpit.people.facilitators.one': 'And one more facilitator.',
  'cockpit.people.facilitators.other': 'And {count} more facilitators.',

  'cockpit.delete.open': 'Delete the workshop …',
  'cockpit.delete.heading': 'Delete the workshop “{title}”?',
  'cockpit.delete.body':
    'The board with every note and image is deleted for everyone, and the links and the code stop working. This cannot be undone. Export first if you want to keep the result.',
  'cockpit.delete.confirm': 'Delete for good',
  'cockpit.delete.cancel': 'Cancel',
  'cockpit.delete.busy': 'Deleting …',
  'cockpit.delete.failed': 'The workshop could not be deleted. Check the connection and try again.',
  'cockpit.delete.forbidden': 'Only a facilitator can delete the workshop.',

  'cockpit.viewerName': 'Viewing',

  'cockpit.mine.heading': 'My workshops',
  'cockpit.mine.intro': 'Workshops you created or opened as facilitator in this browser.',
  'cockpit.mine.empty': 'None yet. A workshop you create here is listed.',
  'cockpit.mine.added': 'Created {date}',
  'cockpit.mine.deleted': 'Deleted',
  'cockpit.mine.noAccess': 'The facilitator link no longer works',
  'cockpit.mine.forget': 'Remove from list',
  'cockpit.mine.forgetLabel': 'Remove from list: {title}',
  'cockpit.mine.forgotten': '“{title}” is removed from the list. The workshop still exists.',
  'cockpit.mine.forgottenDeleted': '“{title}” is removed from the list.',
};

export const cockpit = { sv, en };
