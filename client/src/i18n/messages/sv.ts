import { counts } from './counts';
import { participate } from './participate';

/**
 * Swedish, the default language: the strings of the page's first script (the start of every page, the
 * join step, the phone's note form); those of the rest of the app are in `later.ts`, loaded with it.
 * Every string a person sees lives here, in `en.ts` and in `later.ts`.
 */
export const sv = {
  'app.name': 'Samskapa',
  'app.tagline': 'Workshoptavla för samskapande – på er egen server.',
  'language.label': 'Språk',
  'language.sv': 'Svenska',
  'language.en': 'English',
  'common.loading': 'Laddar …',
  'common.copy': 'Kopiera',
  'common.copied': 'Kopierat',
  'common.backToStart': 'Till startsidan',
  'common.tryAgain': 'Försök igen',
  'common.copiedStatus': 'Kopierat: {label}.',
  'common.selectedForCopy': 'Markerat – kopiera med Ctrl+C (Cmd+C på Mac).',
  'common.pageTitle': '{page} – Samskapa',

  'start.title': 'Skapa eller gå med i en workshop',
  'start.created.title': 'Workshopen ”{title}” är skapad',
  'start.create.heading': 'Skapa en workshop',
  'start.create.titleLabel': 'Workshopens namn',
  'start.create.titlePlaceholder': 't.ex. Referensgruppsmöte – tema samskapande',
  'start.create.nameLabel': 'Ditt namn (syns för deltagarna)',
  'start.create.nameHint': 'Valfritt. Med ditt namn här kommer du direkt till tavlan. Du kan byta det där.',
  'start.create.submit': 'Skapa workshop',
  'start.create.busy': 'Skapar …',
  'start.create.failed': 'Det gick inte att skapa workshopen. Kontrollera anslutningen och försök igen.',
  'start.created.heading': 'Workshopen ”{title}” är skapad',
  'start.created.intro':
    'Dela länken, koden eller QR-koden med deltagarna. Öppna sedan tavlan som facilitator.',
  'start.created.participantLink': 'Länk för deltagare',
  'start.created.joinCode': 'Kod att skriva in på startsidan',
  'start.created.qr': 'QR-kod till deltagarlänken',
  'start.created.retention': 'Workshopen och allt i den raderas automatiskt den {date}.',
  'start.created.loopbackTitle': 'Telefonerna kan inte öppna de här länkarna',
  'start.created.loopbackWarning':
    'Länkarna och QR-koden pekar på den här datorn (localhost), så telefoner och andra datorer kan inte öppna dem. Öppna Samskapa via datorns nätverksadress i stället (servern startad med HOST=0.0.0.0) och skapa workshopen där.',
  'start.created.viewerLink': 'Länk för visning (projektor, endast läsa)',
  'start.created.facilitatorLink': 'Facilitatorlänk (din egen – dela den inte)',
  'start.created.openFacilitator': 'Öppna tavlan som facilitator',
  'start.created.facilitatorNote':
    'Den här webbläsaren kommer ihåg facilitatorlänken, så du kan öppna tavlan här igen senare.',
  'start.join.heading': 'Gå med i en workshop',
  'start.join.codeLabel': 'Kod',
  'start.join.codeHint': 'Sex tecken, till exempel K7M2QX.',
  'start.join.submit': 'Gå med',
  'start.join.invalid': 'Koden ska vara sex tecken (bokstäver och siffror).',

  'join.heading': 'Gå med i workshopen',
  'join.nameLabel': 'Ditt namn (syns för andra)',
  'join.nameHint': 'Du kan använda ett smeknamn.',
  'join.submit': 'Gå till tavlan',
  'join.nameRequired': 'Skriv ett namn först.',
  'join.lookingUp': 'Letar upp workshopen …',
  'join.codeNotFound': 'Ingen workshop har koden {code}. Kontrollera koden och försök igen.',
  'join.rateLimited': 'För många försök just nu. Vänta en minut och försök igen.',
  'join.failed': 'Det gick inte att nå servern. Kontrollera anslutningen och försök igen.',
  'join.noAccess':
    'Den här webbläsaren har ingen inbjudan till workshopen. Öppna länken du fick, eller skriv koden på startsidan.',

  'board.heading': 'Workshoptavla',
  'board.role.facilitator': 'Facilitator',
  'board.role.participant': 'Deltagare',
  'board.role.viewer': 'Visning',
  'board.you': 'Du: {name}',
  'board.changeName': 'Byt namn',
  'board.people': '{count} anslutna',
  'board.loading': 'Hämtar tavlan …',
  'board.images.tooLarge':
    'Bilden är för stor. Förminska den (till exempel med en skärmbild) och försök igen.',
  'board.images.wrongType': 'Bara bilder i formaten PNG, JPEG, GIF och WebP kan läggas till.',
  'board.images.offline':
    'Bilden kunde inte laddas upp: ingen kontakt med servern. Försök igen när du är ansluten.',
  'board.images.readOnly': 'Du tittar på tavlan och kan inte lägga till bilder.',
  'board.images.rateLimited': 'Många bilder på kort tid. Vänta en minut och försök igen.',
  'board.images.failed': 'Bilden kunde inte laddas upp. Försök igen.',
  'board.urlPasted': 'Länken lades in som text. Samskapa hämtar aldrig innehåll från andra webbplatser.',
  'board.facilitatorLink.open': 'Facilitatorlänk',
  'board.facilitatorLink.label': 'Din facilitatorlänk',
  'facilitatorLink.warning':
    'Länken ger full kontroll över workshopen, även att radera den. Spara den för att öppna tavlan som facilitator på en annan enhet, men skicka den aldrig till deltagare.',
  'gone.heading': 'Workshopen finns inte längre',
  'gone.body':
    'Workshopen har raderats. Inget av den finns kvar på servern eller i den här webbläsaren. Fråga facilitatorn om du behöver resultatet.',
  'board.pageName': 'Tavla',
  'board.tool.note': 'Lapp',
  'board.newNote': 'Ny lapp',
  'board.outdated':
    'Samskapa har uppdaterats sedan du öppnade tavlan. Ladda om sidan för att arbeta vidare – det du redan har gjort finns kvar.',
  'board.reload': 'Ladda om sidan',
  'board.newNote.added': 'Ny lapp mitt på tavlan. Skriv texten och tryck Esc när du är klar.',

  'view.more': 'Fler val',
  'view.menu': 'Meny',
  'view.switchLabel': 'Visa tavlan som',
  'view.canvas.name': 'Rityta',
  'view.canvas.label': 'Tavlan som rityta',
  'view.list.name': 'Lista',
  'view.list.label': 'Tavlan som lista',
  'view.phone.name': 'Mobil',
  'view.phone.label': 'Skriv lappar',

  'connection.label': 'Anslutning',
  'connection.connecting': 'Ansluter …',
  'connection.connected': 'Ansluten',
  'connection.reconnecting': 'Återansluter … dina ändringar sparas här och skickas sedan.',
  'connection.offline': 'Frånkopplad – du kan fortsätta arbeta, ändringarna skickas när nätet är tillbaka.',
  'connection.rejected': 'Anslutningen nekades: {reason}',
  'connection.closed.badMessage': 'servern förstod inte ett meddelande. Ladda om sidan.',
  'connection.closed.unauthorized': 'länken gäller inte längre. Be facilitatorn om en ny länk.',
  'connection.closed.forbidden': 'din roll får inte göra den ändringen.',
  'connection.closed.notFound': 'workshopen finns inte (den kan ha raderats).',
  'connection.closed.tooLarge': 'ändringen är för stor. Dela upp den i mindre delar.',
  'connection.closed.tooManyConnections': 'för många är anslutna just nu. Försök igen om en stund.',
  'connection.closed.refused': 'servern tog inte emot en ändring. Ladda om sidan.',
  'board.changeRefused': 'Ändringen kunde inte sparas. Tavlan visar nu det som är sparat.',
  'connection.closed.other': 'servern stängde anslutningen. Ladda om sidan.',

  'licence.loadFailed':
    'Det gick inte att hämta serverns inställningar, så ritytan kan inte visas nu. Kontrollera anslutningen och ladda om sidan.',

  'notFound.heading': 'Sidan finns inte',

  ...counts.sv,
  ...participate.sv,
} as const;
