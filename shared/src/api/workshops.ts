import { z } from 'zod';
import { WorkshopId } from '../model/ids';
import { Locale, WORKSHOP_STATES } from '../model/workshop';
import { ROLES } from '../protocol/roles';
import { TemplateFile, TemplateId } from '../templates/template';

/**
 * Body of `POST /api/workshops`: a built-in template by id, or a template file (a board saved as a
 * template), or neither for an empty board.
 */
export const CreateWorkshopRequest = z
  .strictObject({
    title: z.string().trim().min(1).max(200),
    template: TemplateId.optional(),
    templateFile: TemplateFile.optional(),
    locale: Locale.optional(),
  })
  .refine((body) => !(body.template && body.templateFile), {
    path: ['templateFile'],
    message: 'give either template or templateFile, not both',
  });
export type CreateWorkshopRequest = z.infer<typeof CreateWorkshopRequest>;

/** Answer of `POST /api/workshops`: the only time the secrets are shown. */
export const CreateWorkshopResponse = z.object({
  id: WorkshopId,
  title: z.string(),
  joinCode: z.string(),
  facilitatorToken: z.string(),
  participantToken: z.string(),
  viewerToken: z.string(),
  facilitatorUrl: z.string(),
  participantUrl: z.string(),
  viewerUrl: z.string(),
  /** When the workshop and everything in it is deleted (ISO 8601). */
  retainUntil: z.string(),
});
export type CreateWorkshopResponse = z.infer<typeof CreateWorkshopResponse>;

/** Answer of `GET /api/join/:code`. */
export const JoinResponse = z.object({
  workshopId: WorkshopId,
  participantToken: z.string(),
});
export type JoinResponse = z.infer<typeof JoinResponse>;

/** Answer of `GET /api/workshops/:id`: what any holder of a capability may read about a workshop. */
export const WorkshopSummary = z.object({
  id: WorkshopId,
  title: z.string(),
  role: z.enum(ROLES),
  joinCode: z.string(),
  state: z.enum(WORKSHOP_STATES),
  locale: Locale,
  retainUntil: z.string(),
  /** When the workshop was created (ISO 8601). */
  createdAt: z.string(),
  /** For facilitators and viewers only: the participant link's secret, to show the share panel. */
  participantToken: z.string().optional(),
});
export type WorkshopSummary = z.infer<typeof WorkshopSummary>;

/**
 * Body of `PATCH /api/workshops/:id` (facilitator): a new deletion date, a calendar date (`2027-12-04`,
 * the start of that day in UTC) or an instant. The server accepts a time in the future up to its
 * `MAX_RETENTION_DAYS`; the answer carries the stored instant in the same field.
 */
export const RetentionRequest = z.strictObject({
  retainUntil: z.union([z.iso.date(), z.iso.datetime({ offset: true })], {
    error: 'must be an ISO 8601 date (2027-12-04) or date and time',
  }),
});
export type RetentionRequest = z.infer<typeof RetentionRequest>;

/** Answer of `GET /api/config`: public client configuration. */
export const ClientConfig = z.object({
  tldrawLicenseKey: z.string().nullable(),
  /** Facilitators can sign in (OpenID Connect is configured); absent from older servers. */
  signIn: z.boolean().default(false),
  /** Only signed-in facilitators may create workshops. */
  requireSignInToCreate: z.boolean().default(false),
});
export type ClientConfig = z.infer<typeof ClientConfig>;
