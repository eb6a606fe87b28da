import { z } from 'zod';
import { STEP_KINDS } from '../model/agenda';
import { AREA_COLORS, AREA_KINDS } from '../model/focusArea';
import { LOCALES } from '../model/workshop';
import { TimeZoneName } from './timeZone';

/**
 * `WorkshopExport` version 1: a workshop as structured data, the single source of the JSON, CSV and
 * Markdown exports and what an import reads. Its JSON Schema is generated from this zod schema. Who
 * voted for what is never in it: votes are totals per note.
 */
export const WORKSHOP_EXPORT_FORMAT = 'samskapa-workshop-export';
export const WORKSHOP_EXPORT_VERSION = 1;

const Instant = z.iso.datetime({ offset: true }).describe('An instant, ISO 8601');

export const ExportedNote = z
  .strictObject({
    id: z.string().min(1).max(100).describe('The note id on the board (a tldraw shape id)'),
    text: z.string().max(2000),
    author: z
      .string()
      .max(100)
      .nullable()
      .describe('The display name its author chose; null for reference content'),
    createdAt: Instant.nullable(),
    reference: z.boolean().describe('Read-only content from the template (findings, summaries)'),
    votes: z.int().min(0).describe('Dots given to the note in the last revealed vote'),
  })
  .describe('A sticky note');
export type ExportedNote = z.infer<typeof ExportedNote>;

export const ExportedArea = z
  .strictObject({
    code: z.string().min(1).max(12).describe('The focus area code, e.g. "B1"'),
    title: z.string().min(1).max(200),
    description: z.string().max(2000),
    kind: z.enum(AREA_KINDS),
    color: z.enum(AREA_COLORS),
    group: z.string().max(80).nullable().describe('The name of the group whose area it is, if any'),
    votes: z.int().min(0).describe('Dots given to the notes of the area'),
    notes: z.array(ExportedNote).max(10_000).describe('In reading order'),
  })
  .describe('A focus area with its notes');
export type ExportedArea = z.infer<typeof ExportedArea>;

export const ExportedStep = z.strictObject({
  id: z.string().min(1).max(40),
  title: z.string().min(1).max(200),
  instruction: z.string().max(2000),
  durationMinutes: z.int().min(1).max(600).nullable().describe('Planned minutes'),
  kind: z.enum(STEP_KINDS),
  areas: z.array(z.string().max(12)).max(60),
  runs: z
    .array(z.strictObject({ startedAt: Instant, endedAt: Instant }))
    .max(1000)
    .describe('When the step was run, each time it was (the agenda as it was run)'),
});
export type ExportedStep = z.infer<typeof ExportedStep>;

export const ExportedGroup = z.strictObject({
  name: z.string().min(1).max(80),
  areaCode: z.string().max(12).nullable(),
  question: z.string().max(2000),
  members: z.int().min(0).describe('How many participants were in it (never who)'),
  stepId: z
    .string()
    .min(1)
    .max(40)
    .nullable()
    .optional()
    .describe(
      'The agenda step the group worked in (null: made while no step ran; absent in files from before groups belonged to steps)',
    ),
});
export type ExportedGroup = z.infer<typeof ExportedGroup>;

export const WorkshopExport = z
  .strictObject({
    format: z.literal(WORKSHOP_EXPORT_FORMAT),
    version: z.literal(WORKSHOP_EXPORT_VERSION),
    exportedAt: Instant,
    workshop: z.strictObject({
      id: z.string().min(1).max(40),
      title: z.string().min(1).max(200),
      locale: z.enum(LOCALES),
      createdAt: Instant,
      template: z.string().max(60).nullable(),
      timeZone: TimeZoneName.optional().describe(
        'The IANA time zone the workshop was held in; minutes and spreadsheets show times in it (Europe/Stockholm when absent)',
      ),
    }),
    agenda: z.array(ExportedStep).max(100),
    // 50 groups for each of at most 100 steps, and for no step.
    groups: z.array(ExportedGroup).max(5050).describe('The groups of every step, in agenda order'),
    vote: z
      .strictObject({
        round: z.int().min(1),
        voters: z.int().min(0).describe('Participants whose dots were counted'),
        present: z
          .int()
          .min(0)
          .optional()
          .describe(
            'Participants with the board open when the result was shown (absent in files from before Samskapa counted them)',
          ),
        budget: z.int().min(1).max(50),
        perNoteCap: z.int().min(1).max(50),
      })
      .nullable()
      .describe('The last revealed vote; null when none was revealed'),
    areas: z.array(ExportedArea).max(500).describe('In reading order'),
    unassigned: z.array(ExportedNote).max(10_000).describe('Notes in no focus area'),
  })
  .describe('A Samskapa workshop: its focus areas, notes, votes, groups and agenda');
export type WorkshopExport = z.infer<typeof WorkshopExport>;
