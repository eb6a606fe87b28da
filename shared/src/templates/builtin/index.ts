import type { BuiltinTemplate } from '../template';
import { framtidslage } from './framtidslage';
import { referensgrupp } from './referensgrupp';
import { samverkansplanHsvo } from './samverkansplan-hsvo';
import { systeminnovationslab } from './systeminnovationslab';
import { tom } from './tom';
import { visuellMalbild } from './visuell-malbild';

/** The built-in templates, in the order of TEMPLATE_IDS (the order the start page offers them in). */
export const BUILTIN_TEMPLATES: readonly BuiltinTemplate[] = [
  tom,
  referensgrupp,
  visuellMalbild,
  samverkansplanHsvo,
  framtidslage,
  systeminnovationslab,
];
