/**
 * Writes the JSON Schema of the workshop export (generated from its zod schema) to
 * shared/schema/workshop-export.v1.json, formatted as the repository formats JSON. A unit test fails
 * while the committed file differs from what this writes: run `pnpm schema:export` after changing the
 * export's zod schema.
 */
import { workshopExportJsonSchema } from '@samskapa/shared';
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import * as prettier from 'prettier';

export const SCHEMA_FILE = resolve(import.meta.dirname, '../shared/schema/workshop-export.v1.json');

const text = JSON.stringify(workshopExportJsonSchema(), null, 2);
const options = (await prettier.resolveConfig(SCHEMA_FILE)) ?? {};
writeFileSync(SCHEMA_FILE, await prettier.format(text, { ...options, filepath: SCHEMA_FILE }));
console.log(`wrote ${SCHEMA_FILE}`);
