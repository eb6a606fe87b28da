import type { sv } from './sv';
import { counts } from './counts';
import { participate } from './participate';

/** English. Must carry every key of `sv.ts` (the type checks it). */
export const en: Record<keyof typeof sv, string> = {
  'app.name': 'Samskapa',
  'app.tagline': 'A whiteboard for co-creation workshops – on your own server.',
  'language.label': 'Language',
  'language.sv': 'Svenska',
  'language.en': 'English',
  'common.loading': 'Loading …',
  'common.copy': 'Copy',
  'common.copied': 'Copied',
  'common.backToStart': 'Back to the start page',
  'common.tryAgain': 'Try again',
  'common.copiedStatus': 'Copied: {label}.',
  'common.selectedForCopy': 'Selected – copy with Ctrl+C (Cmd+C on a Mac).',
  'common.pageTitle': '{page} – Samskapa',

  'start.title': 'Create or join a workshop',
  'start.created.title': 'The workshop “{title}” is ready',
  'start.create.heading': 'Create a workshop',
  'start.create.titleLabel': 'Workshop name',
  'start.create.titlePlaceholder': 'e.g. Reference group – co-creation',
  'start.create.nameLabel': 'Your name (shown to the participants)',
  'start.create.nameHint':
    'Optional. With your name here you go straight to the board. You can change it there.',
  'start.create.submit': 'Create workshop',
  'start.create.busy': 'Creating …',
  'start.create.failed': 'The workshop could not be created. Check the connection and try again.',
  'start.created.heading': 'The workshop “{title}” is ready',
  'start.created.intro':
    'Share the link, the code or the QR code with participants. Then open the board as facilitator.',
  'start.created.participantLink': 'Link for participants',
  'start.created.joinCode': 'Code to type on the start page',
  'start.created.qr': 'QR code of the participant link',
  'start.created.retention': 'The workshop and everything in it is deleted automatically on {date}.',
  'start.created.loopbackTitle': 'Phones cannot open these links',
  'start.created.loopbackWarning':
    'The links and the QR code point at this computer (localhost), so phones and other computers cannot open them. Open Samskapa through this computer’s network address instead (server started with HOST=0.0.0.0) and create the workshop there.',
  'start.created.viewerLink': 'Link for viewing (projector, read-only)',
  'start.created.facilitatorLink': 'Facilitator link (yours – do not share it)',
  'start.created.openFacilitator': 'Open the board as facilitator',
  'start.created.facilitatorNote':
    'This browser remembers the facilitator link, so you can open the board here again later.',
  'start.join.heading': 'Join a workshop',
  'start.join.codeLabel': 'Code',
  'start.join.codeHint': 'Six characters, for example K7M2QX.',
  'start.join.submit': 'Join',
  'start.join.invalid': 'The code has six characters (letters and digits).',

  'join.heading': 'Join the workshop',
  'join.nameLabel': 'Your name (shown to others)',
  'join.nameHint': 'A nickname is fine.',
  'join.submit': 'Go to the board',
  'join.nameRequired': 'Type a name first.',
  'join.lookingUp': 'Looking up the workshop …',
  'join.codeNotFound': 'No workshop has the code {code}. Check the code and try again.',
  'join.rateLimited': 'Too many attempts right now. Wait a minute and try again.',
  'join.failed': 'The server could not be reached. Check the connection and try again.',
  'join.noAccess':
    'This browser has no invitation to this workshop. Open the link you were given, or type the code on the start page.',

  'board.heading': 'Workshop board',
  'board.role.facilitator': 'Facilitator',
  'board.role.participant': 'Participant',
  'board.role.viewer': 'Viewing',
  'board.you': 'You: {name}',
  'board.changeName': 'Change name',
  'board.people': '{count} connected',
  'board.loading': 'Loading the board …',
  'board.images.tooLarge':
    'The image is too large. Make it smaller (a screenshot, for example) and try again.',
  'board.images.wrongType': 'Only PNG, JPEG, GIF and WebP images can be added.',
  'board.images.offline':
    'The image could not be uploaded: no connection to the server. Try again once you are online.',
  'board.images.readOnly': 'You are viewing this board and cannot add images.',
  'board.images.rateLimited': 'Many images in a short time. Wait a minute and try again.',
  'board.images.failed': 'The image could not be uploaded. Try again.',
  'board.urlPasted': 'The link was added as text. Samskapa never fetches content from other sites.',
  'board.facilitatorLink.open': 'Facilitator link',
  'board.facilitatorLink.label': 'Your facilitator link',
  'facilitatorLink.warning':
    'This link gives full control over the workshop, including deleting it. Keep it to open the board as facilitator on another device, but never send it to participants.',
  'gone.heading': 'This workshop no longer exists',
  'gone.body':
    'The workshop has been deleted. Nothing of it is left on the server or in this browser. Ask the facilitator if you need the result.',
  'board.pageName': 'Board',
  'board.tool.note': 'Note',
  'board.newNote': 'New note',
  'board.outdated':
    'Samskapa has been updated since you opened the board. Reload the page to go on working; what you have already done is kept.',
  'board.reload': 'Reload the page',
  'board.newNote.added': 'New note in the middle of the board. Type the text and press Esc when done.',

  'view.more': 'More options',
  'view.menu': 'Menu',
  'view.switchLabel': 'Show the board as',
  'view.canvas.name': 'Canvas',
  'view.canvas.label': 'The board as a canvas',
  'view.list.name': 'List',
  'view.list.label': 'The board as a list',
  'view.phone.name': 'Phone',
  'view.phone.label': 'Write notes',

  'connection.label': 'Connection',
  'connection.connecting': 'Connecting …',
  'connection.connected': 'Connected',
  'connection.reconnecting': 'Reconnecting … your changes are kept here and sent afterwards.',
  'connection.offline': 'Offline – keep working, changes are sent when the network is back.',
  'connection.rejected': 'Connection refused: {reason}',
  'connection.closed.badMessage': 'the server did not understand a message. Reload the page.',
  'connection.closed.unauthorized': 'the link is no longer valid. Ask the facilitator for a new link.',
  'connection.closed.forbidden': 'your role may not make that change.',
  'connection.closed.notFound': 'the workshop does not exist (it may have been deleted).',
  'connection.closed.tooLarge': 'the change is too large. Split it into smaller parts.',
  'connection.closed.tooManyConnections': 'too many people are connected right now. Try again shortly.',
  'connection.closed.refused': 'the server did not accept a change. Reload the page.',
  'board.changeRefused': 'The change could not be saved. The board now shows what is saved.',
  'connection.closed.other': 'the server closed the connection. Reload the page.',

  'licence.loadFailed':
    'The server settings could not be loaded, so the canvas cannot be shown now. Check the connection and reload the page.',

  'notFound.heading': 'Page not found',

  ...counts.en,
  ...participate.en,
};
