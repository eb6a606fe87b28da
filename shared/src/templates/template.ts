import { z } from 'zod';
import { AgendaStepFields } from './agendaStep';
import { AreaCode, AreaColor, AreaKind, AreaTitle, NoteText } from '../model/focusArea';
import type { Locale } from '../model/workshop';

/** The ids of the built-in templates; fixed, since links, tests and exports name them. */
export const TEMPLATE_IDS = [
  'tom',
  'referensgrupp',
  'visuell-malbild',
  'samverkansplan-hsvo',
  'framtidslage',
  'systeminnovationslab',
] as const;
export const TemplateId = z.enum(TEMPLATE_IDS);
export type TemplateId = z.infer<typeof TemplateId>;

/** A text in both UI languages. */
export const Localized = z.strictObject({ sv: z.string(), en: z.string() });
export type Localized = z.infer<typeof Localized>;

/** Most areas and agenda steps one template may hold. */
export const MAX_TEMPLATE_AREAS = 60;
export const MAX_AGENDA_STEPS = 50;
export const MAX_REFERENCE_PER_AREA = 100;
/** All the text of a template's areas together; a template file stays well inside the request limit. */
export const MAX_TEMPLATE_CHARACTERS = 500_000;

/**
 * A template file: a board's structure in one language. It is what a facilitator downloads and
 * uploads, and what the server builds a new workshop's board from (a built-in template is localised
 * into one first).
 */
export const TemplateFile = z
  .strictObject({
    format: z.literal('samskapa-template'),
    version: z.literal(1),
    title: z.string().trim().min(1).max(200),
    /** How many areas stand side by side on the canvas before the next row starts. */
    columns: z.int().min(1).max(12),
    areas: z
      .array(
        z.strictObject({
          code: AreaCode,
          title: AreaTitle,
          description: z.string().max(2000),
          color: AreaColor,
          kind: AreaKind,
          /** Read-only content placed in the area as locked notes (findings, summaries). */
          reference: z.array(NoteText.min(1)).max(MAX_REFERENCE_PER_AREA),
        }),
      )
      .max(MAX_TEMPLATE_AREAS),
    agenda: z.array(AgendaStepFields(z.string())).max(MAX_AGENDA_STEPS),
  })
  .superRefine((file, ctx) => {
    const characters = file.areas.reduce(
      (sum, area) => sum + area.description.length + area.reference.reduce((n, text) => n + text.length, 0),
      0,
    );
    if (characters > MAX_TEMPLATE_CHARACTERS) {
      ctx.addIssue({
        code: 'custom',
        path: ['areas'],
        message: `the areas hold ${characters} characters of text; a template holds at most ${MAX_TEMPLATE_CHARACTERS}`,
      });
    }
    const seen = new Set<string>();
    file.areas.forEach((area, i) => {
      if (seen.has(area.code)) {
        ctx.addIssue({
          code: 'custom',
          path: ['areas', i, 'code'],
          message: `code ${area.code} is used twice`,
        });
      }
      seen.add(area.code);
    });
    file.agenda.forEach((step, i) =>
      step.areas.forEach((code, j) => {
        if (!seen.has(code)) {
          ctx.addIssue({
            code: 'custom',
            path: ['agenda', i, 'areas', j],
            message: `no area has code ${code}`,
          });
        }
      }),
    );
  });
export type TemplateFile = z.infer<typeof TemplateFile>;

/** A built-in template: like a template file, with every text in both languages. */
export const BuiltinTemplate = z.strictObject({
  id: TemplateId,
  title: z.strictObject({ sv: z.string().min(1), en: z.string().min(1) }),
  /** One or two sentences for the start page's preview. */
  summary: Localized,
  /** Which seed document the texts come from (for maintainers). */
  source: z.string(),
  columns: z.int().min(1).max(12),
  areas: z
    .array(
      z.strictObject({
        code: AreaCode,
        title: z.strictObject({ sv: AreaTitle, en: AreaTitle }),
        description: Localized,
        color: AreaColor,
        kind: AreaKind,
        reference: z.array(Localized).max(MAX_REFERENCE_PER_AREA),
      }),
    )
    .max(MAX_TEMPLATE_AREAS),
  agenda: z.array(AgendaStepFields(Localized)).max(MAX_AGENDA_STEPS),
});
export type BuiltinTemplate = z.infer<typeof BuiltinTemplate>;

/** A built-in template in one language, as a template file. */
export function localizeTemplate(template: BuiltinTemplate, locale: Locale): TemplateFile {
  return {
    format: 'samskapa-template',
    version: 1,
    title: template.title[locale],
    columns: template.columns,
    areas: template.areas.map((area) => ({
      code: area.code,
      title: area.title[locale],
      description: area.description[locale],
      color: area.color,
      kind: area.kind,
      reference: area.reference.map((text) => text[locale]),
    })),
    agenda: template.agenda.map((step) => ({
      ...step,
      title: step.title[locale],
      instruction: step.instruction[locale],
    })),
  };
}
