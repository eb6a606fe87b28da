import { addMessages } from './i18n';
import { later } from './messages/later';

// Imported for its effect by each piece of code the first script loads later (the board page, the start
// page, the join-code page): their strings are in the catalogs before any of them renders.
addMessages(later);
