/** Strings of the canvas (focus areas on the tldraw board). */
const sv = {
  'canvas.areaRenameRefused': 'Bara facilitatorn kan byta namn på ett fokusområde.',
} as const;

const en: Record<keyof typeof sv, string> = {
  'canvas.areaRenameRefused': 'Only the facilitator can rename a focus area.',
};

export const canvas = { sv, en };
