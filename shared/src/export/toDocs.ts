import type { TLParentId } from '@tldraw/tlschema';
import * as Y from 'yjs';
import { boardRecords, storedRecord, type StoredRecord } from '../doc/boardDoc';
import { initControlDoc, writeControlField, writeGroupsOfStep } from '../doc/controlDoc';
import { AgendaStep } from '../model/agenda';
import { AreaCode, AreaTitle } from '../model/focusArea';
import { Group, MAX_GROUPS_PER_STEP } from '../model/group';
import { buildTemplateDoc } from '../templates/buildBoard';
import { MAX_TEMPLATE_AREAS, type TemplateFile } from '../templates/template';
import { readBoardDoc } from '../workshop/board';
import type { NoteMeta } from '../workshop/note';
import { readFocusArea } from '../workshop/focusArea';
import { growToFit, obstaclesIn, rectOf, shapeRecords, shapesIn, slotGrid } from '../workshop/slots';
import { indexAbove } from '../records/ids';
import { AREA_SPACING, freeSlots, NOTE_SIZE } from '../records/layout';
import { buildNote } from '../records/shapes';
import { WorkshopExport, type ExportedNote } from './workshopExport';

/** The author id imported notes carry: no participant of the new workshop wrote them. */
const IMPORTED_AUTHOR_ID = 'imported';

/** Most areas side by side on an imported board (the export does not say how the board was laid out). */
const MAX_IMPORT_COLUMNS = 4;

/**
 * A `WorkshopExport` that can be built into a workshop: the export's own schema, plus what the board and
 * control docs require of it and the export schema leaves open (area codes a frame can carry, titles
 * and names that are more than spaces, agenda step ids used once).
 */
export const ImportableExport = WorkshopExport.superRefine((data, ctx) => {
  data.areas.forEach((area, i) => {
    const code = AreaCode.safeParse(area.code);
    if (!code.success) {
      ctx.addIssue({ code: 'custom', path: ['areas', i, 'code'], message: code.error.issues[0]!.message });
    }
    if (!AreaTitle.safeParse(area.title).success) {
      ctx.addIssue({ code: 'custom', path: ['areas', i, 'title'], message: 'a title must not be blank' });
    }
  });
  if (data.areas.length > MAX_TEMPLATE_AREAS) {
    ctx.addIssue({
      code: 'custom',
      path: ['areas'],
      message: `a workshop holds at most ${MAX_TEMPLATE_AREAS} focus areas`,
    });
  }
  const stepIds = new Set<string>();
  data.agenda.forEach((step, i) => {
    const { runs: _runs, ...fields } = step;
    const parsed = AgendaStep.safeParse(fields);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      ctx.addIssue({ code: 'custom', path: ['agenda', i, ...issue.path], message: issue.message });
    }
    if (stepIds.has(step.id)) {
      ctx.addIssue({
        code: 'custom',
        path: ['agenda', i, 'id'],
        message: `step id ${step.id} is used twice`,
      });
    }
    stepIds.add(step.id);
  });
  const perStep = new Map<string | null, number>();
  data.groups.forEach((group, i) => {
    if (!Group.shape.name.safeParse(group.name).success) {
      ctx.addIssue({
        code: 'custom',
        path: ['groups', i, 'name'],
        message: 'a group name must not be blank',
      });
    }
    const step = group.stepId ?? null;
    perStep.set(step, (perStep.get(step) ?? 0) + 1);
    if (perStep.get(step) === MAX_GROUPS_PER_STEP + 1) {
      ctx.addIssue({
        code: 'custom',
        path: ['groups', i],
        message: `a step has at most ${MAX_GROUPS_PER_STEP} groups`,
      });
    }
  });
});

/** How many areas stand side by side on an imported board. */
function columnsFor(areas: number): number {
  return Math.max(1, Math.min(MAX_IMPORT_COLUMNS, Math.ceil(Math.sqrt(areas))));
}

type ShapeRecord = StoredRecord & { y: number; props: { h: number } & Record<string, unknown> };

/**
 * Both documents of a new workshop holding what an export holds: the areas as focus-area frames in the
 * export's order, each note in its area (reference content locked, as a template puts it), the notes
 * of no area outside them; the agenda (not as it was run), the groups (without members) and the last
 * revealed vote, re-keyed to the new notes, as a revealed round. `data` must have passed
 * {@link ImportableExport}.
 */
export function docsFromExport(data: WorkshopExport, pageName: string): { board: Y.Doc; control: Y.Doc } {
  const columns = columnsFor(data.areas.length);
  // The areas without their notes: the notes are added area by area below, in the export's order.
  const template: TemplateFile = {
    format: 'samskapa-template',
    version: 1,
    title: data.workshop.title,
    columns,
    areas: data.areas.map((area) => ({
      code: area.code,
      title: area.title,
      description: area.description,
      color: area.color,
      kind: area.kind,
      reference: [],
    })),
    agenda: [],
  };
  const board = buildTemplateDoc(template, pageName);
  // Freshly built, the frames are in reading order, which is the template's (and the export's) order.
  const frameIds = readBoardDoc(board).areas.map((area) => area.id);
  const totals: Record<string, number> = {};

  /**
   * The notes of one area (null: of none), in the export's order, into its first free slots: the slots
   * of all of them are found at once (one at a time, as a person adds them, takes minutes for thousands).
   * The meta says exactly what the export said: no author or time it did not have.
   */
  const place = (notes: readonly ExportedNote[], areaId: string | null) => {
    if (notes.length === 0) return;
    board.transact(() => {
      const { kv, get, all } = shapeRecords(board);
      const everything = all();
      const grid = slotGrid(everything, areaId === null ? null : (readFocusArea(get(areaId)) ?? null));
      const taken = obstaclesIn(everything, grid).flatMap((shape) => rectOf(shape) ?? []);
      const slots = freeSlots(taken, grid, notes.length);
      const bottom = Math.max(...slots.map((slot) => slot.y + NOTE_SIZE));
      for (const shape of growToFit(everything, grid, bottom)) kv.set(shape.id, shape);
      let index: string | null =
        shapesIn(everything, grid.parentId)
          .map((shape) => shape.index)
          .sort()
          .at(-1) ?? null;
      notes.forEach((note, i) => {
        const createdAt = note.createdAt === null ? null : Date.parse(note.createdAt);
        const meta: NoteMeta = note.reference
          ? { reference: true, ...(createdAt !== null && { createdAt }) }
          : {
              authorId: IMPORTED_AUTHOR_ID,
              ...(note.author !== null && { author: note.author }),
              ...(createdAt !== null && { createdAt }),
            };
        const key = indexAbove(index);
        index = key;
        const record = buildNote({
          ...slots[i]!,
          text: note.text,
          index: key,
          parentId: grid.parentId as TLParentId,
          meta,
          ...(note.reference && { color: 'light-blue' as const }),
        });
        kv.set(record.id, { ...record, isLocked: note.reference } as unknown as StoredRecord);
        if (note.votes > 0) totals[record.id] = note.votes;
      });
    });
  };

  data.areas.forEach((area, i) => place(area.notes, frameIds[i]!));
  board.transact(() => {
    // Areas that grew pushed only what was below them down: rows are made even again, so the areas
    // read in the export's order (row by row) and the unplaced notes go below all of them.
    const kv = boardRecords(board);
    let rowTop = 0;
    for (let start = 0; start < frameIds.length; start += columns) {
      const frames = frameIds
        .slice(start, start + columns)
        .map((id) => storedRecord(board, id) as ShapeRecord);
      const height = Math.max(...frames.map((frame) => frame.props.h));
      for (const frame of frames)
        kv.set(frame.id, { ...frame, y: rowTop, props: { ...frame.props, h: height } });
      rowTop += height + AREA_SPACING;
    }
  });
  place(data.unassigned, null);

  const control = new Y.Doc();
  initControlDoc(
    control,
    data.agenda.map(({ runs: _runs, ...step }) => step),
  );
  control.transact(() => {
    // Each step gets its groups back; a group of a step not on the agenda (or from a file from before
    // groups had steps) is a group of no step, shown until the first step starts.
    const steps = new Set(data.agenda.map((step) => step.id));
    const byStep = new Map<string | null, Group[]>();
    data.groups.forEach((group, i) => {
      const step = group.stepId && steps.has(group.stepId) ? group.stepId : null;
      byStep.set(step, [
        ...(byStep.get(step) ?? []),
        { id: `g${i + 1}`, name: group.name, areaCode: group.areaCode, question: group.question },
      ]);
    });
    for (const [step, groups] of byStep) {
      writeGroupsOfStep(control, step, { groups, selfSelect: false, ended: false });
    }
    if (data.vote) {
      writeControlField(control, 'voting', {
        phase: 'revealed',
        round: data.vote.round,
        settings: { budget: data.vote.budget, perNoteCap: data.vote.perNoteCap },
      });
      writeControlField(control, 'results', {
        round: data.vote.round,
        totals,
        voters: data.vote.voters,
        ...(data.vote.present !== undefined && { present: data.vote.present }),
      });
    }
  });
  return { board, control };
}
