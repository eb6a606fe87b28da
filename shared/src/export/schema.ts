import { z } from 'zod';
import { WorkshopExport } from './workshopExport';

/** Where the server publishes the JSON Schema of {@link WorkshopExport} v1. */
export const WORKSHOP_EXPORT_SCHEMA_PATH = '/schema/workshop-export.v1.json';

/**
 * The JSON Schema (draft 2020-12) of a `WorkshopExport` v1, generated from the zod schema: the file
 * committed at `shared/schema/workshop-export.v1.json` and served at {@link WORKSHOP_EXPORT_SCHEMA_PATH}.
 */
export function workshopExportJsonSchema(): Record<string, unknown> {
  return {
    ...z.toJSONSchema(WorkshopExport, { target: 'draft-2020-12', unrepresentable: 'throw' }),
    title: 'Samskapa workshop export, version 1',
  };
}
