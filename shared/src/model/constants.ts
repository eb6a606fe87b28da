// Plain values with no imports: a phone's first script needs a few of them, and importing them from a
// module that also defines zod schemas would bring zod along (a module is loaded whole).

/** The UI languages, Swedish first. */
export const LOCALES = ['sv', 'en'] as const;

/** Fragment keys of the capability links (`/w/<id>#p=<token>`); fragments never reach a server. */
export const LINK_FRAGMENT_KEY = { facilitator: 'f', participant: 'p', viewer: 'v' } as const;

/** Longest text of a note or of one piece of reference content. */
export const MAX_NOTE_TEXT = 2000;

/**
 * The query parameter of the board's WebSocket URL (beside `token`) that carries this browser's session
 * key in a workshop: the server registers a participant's open board socket under it.
 */
export const SESSION_PARAM = 'session';
