/** Strings of the participate feature, in both languages (merged into sv.ts and en.ts). */
const sv = {} as const;

const en: Record<keyof typeof sv, string> = {};

export const participate = { sv, en };
