import { account } from './account';
import { canvas } from './canvas';
import { cockpit } from './cockpit';
import { exportMessages } from './export';
import { facilitate } from './facilitate';
import { imageExport } from './imageExport';
import { outline } from './outline';
import { retention } from './retention';
import { snapshots } from './snapshots';
import { templates } from './templates';

/**
 * The strings of everything the page loads after its first script (the board and its views, the
 * facilitator's tools, the start page's forms), in both languages: they come with that code
 * (`../laterMessages.ts`), so a phone's first script carries only what its note form says.
 */
const sv = {
  ...account.sv,
  ...canvas.sv,
  ...cockpit.sv,
  ...exportMessages.sv,
  ...facilitate.sv,
  ...imageExport.sv,
  ...outline.sv,
  ...retention.sv,
  ...snapshots.sv,
  ...templates.sv,
} as const;

/** English. Must carry every key of the Swedish above (the type checks it). */
const en: Record<keyof typeof sv, string> = {
  ...account.en,
  ...canvas.en,
  ...cockpit.en,
  ...exportMessages.en,
  ...facilitate.en,
  ...imageExport.en,
  ...outline.en,
  ...retention.en,
  ...snapshots.en,
  ...templates.en,
};

export const later = { sv, en };
