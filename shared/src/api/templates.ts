import { z } from 'zod';
import { AreaColor, AreaKind } from '../model/focusArea';
import { StepKind } from '../model/agenda';
import { Localized, TemplateId, type BuiltinTemplate } from '../templates/template';

/** A built-in template as the start page previews it (`GET /api/templates`): no reference texts. */
export const TemplateSummary = z.object({
  id: TemplateId,
  title: Localized,
  summary: Localized,
  areas: z.array(z.object({ code: z.string(), title: Localized, kind: AreaKind, color: AreaColor })),
  agenda: z.array(z.object({ title: Localized, durationMinutes: z.number().nullable(), kind: StepKind })),
});
export type TemplateSummary = z.infer<typeof TemplateSummary>;

/** Answer of `GET /api/templates`. */
export const TemplateList = z.object({ templates: z.array(TemplateSummary) });
export type TemplateList = z.infer<typeof TemplateList>;

/** The preview of a built-in template. */
export function summarizeTemplate(template: BuiltinTemplate): TemplateSummary {
  return {
    id: template.id,
    title: template.title,
    summary: template.summary,
    areas: template.areas.map(({ code, title, kind, color }) => ({ code, title, kind, color })),
    agenda: template.agenda.map(({ title, durationMinutes, kind }) => ({ title, durationMinutes, kind })),
  };
}
