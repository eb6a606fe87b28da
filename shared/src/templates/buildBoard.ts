import { createTLSchema } from '@tldraw/tlschema';
import type { IndexKey } from '@tldraw/utils';
import * as Y from 'yjs';
import { boardRecords, writeBoardSchema, type StoredRecord } from '../doc/boardDoc';
import { buildAreaDescription, buildAreaFrame } from '../records/area';
import { buildDocumentRecord, buildPageRecord } from '../records/board';
import {
  AREA_COLUMNS,
  AREA_PADDING,
  AREA_SPACING,
  AREA_WIDTH,
  areaContentTop,
  areaHeight,
  freeSlots,
} from '../records/layout';
import { shapeIndices } from '../records/ids';
import { buildNote } from '../records/shapes';
import type { NoteMeta } from '../workshop/note';
import type { TemplateFile } from './template';

/** The serialized tldraw schema of the records built here (tldraw's default shapes, this version). */
export function boardSchema(): unknown {
  return createTLSchema().serialize();
}

/**
 * Every record of a new board built from a template: the page, one frame per area laid out in rows of
 * `columns`, each with its description and its reference content as locked notes, and room below
 * them for the participants' notes.
 */
export function buildTemplateRecords(file: TemplateFile, pageName: string): StoredRecord[] {
  const out: StoredRecord[] = [buildDocumentRecord(), buildPageRecord(pageName)] as unknown as StoredRecord[];
  const frameIndices = shapeIndices(Math.max(1, file.areas.length));
  let rowTop = 0;
  for (let start = 0; start < file.areas.length; start += file.columns) {
    const row = file.areas.slice(start, start + file.columns);
    const heights = row.map((area) => {
      const top = areaContentTop(area.description, AREA_WIDTH);
      // Reference areas are full as they are; others keep an empty row for the participants' notes.
      const rows = Math.ceil(area.reference.length / AREA_COLUMNS) + (area.kind === 'reference' ? 0 : 1);
      return { top, h: areaHeight(top, rows) };
    });
    const rowHeight = Math.max(...heights.map((h) => h.h));
    row.forEach((area, column) => {
      const { top } = heights[column]!;
      const frame = buildAreaFrame({
        code: area.code,
        title: area.title,
        description: area.description,
        color: area.color,
        kind: area.kind,
        x: column * (AREA_WIDTH + AREA_SPACING),
        y: rowTop,
        w: AREA_WIDTH,
        // Areas in a row share a height, so the board reads as a grid.
        h: rowHeight,
        index: frameIndices[start + column]!,
      });
      out.push(frame as unknown as StoredRecord);
      const childIndices = shapeIndices(area.reference.length + 1);
      if (area.description.trim()) {
        out.push(buildAreaDescription(frame, area.description, childIndices[0]!) as unknown as StoredRecord);
      }
      const slots = freeSlots([], { left: AREA_PADDING, top, columns: AREA_COLUMNS }, area.reference.length);
      area.reference.forEach((text, i) => {
        const meta: NoteMeta = { reference: true };
        const note = buildNote({
          ...slots[i]!,
          text,
          index: childIndices[i + 1] as IndexKey,
          parentId: frame.id,
          color: 'light-blue',
          meta,
        });
        out.push({ ...note, isLocked: true } as unknown as StoredRecord);
      });
    });
    rowTop += rowHeight + AREA_SPACING;
  }
  return out;
}

/** A new board doc built from a template, with the schema its records were written with. */
export function buildTemplateDoc(file: TemplateFile, pageName: string): Y.Doc {
  const doc = new Y.Doc();
  const kv = boardRecords(doc);
  doc.transact(() => {
    for (const record of buildTemplateRecords(file, pageName)) kv.set(record.id, record);
    writeBoardSchema(doc, boardSchema());
  });
  return doc;
}
