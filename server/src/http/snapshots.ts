import {
  boardRecords,
  inCurrentLayout,
  jsonEqual,
  judgeRecordChange,
  CreateSnapshotRequest,
  docName,
  idleTimer,
  Locale,
  migrateControlDoc,
  readBoardSchema,
  readControl,
  readControlField,
  replaceGroups,
  RestoreSnapshotRequest,
  SnapshotId,
  workshopExport,
  writeBoardSchema,
  writeControlField,
  type ControlField,
  type RestoreInPlaceResponse,
  type SnapshotList,
  type SnapshotSummary,
} from '@samskapa/shared';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Logger } from 'pino';
import * as Y from 'yjs';
import type { SnapshotRow, Store, WorkshopRow } from '../store/types';
import { DocTooLargeError, WorkshopGoneError } from '../sync/room';
import type { Rooms } from '../sync/rooms';
import { takeSnapshot } from '../sync/snapshotHook';
import { requireRole } from './auth';
import { badRequest } from './replies';
import { createStoredWorkshop } from './storedWorkshop';
import { factsOf } from '../export/render';

export interface SnapshotRoutesOptions {
  store: Store;
  rooms: Rooms;
  serverKey: Buffer;
  publicUrl: string | undefined;
  retentionDays: number;
  log: Logger;
  /** The server's `TIME_ZONE`: a snapshot's export shows times in it, as the workshop's own export does. */
  timeZone: string;
}

/**
 * The control doc's fields an in-place restore brings back: what the workshop holds (the agenda; the
 * groups of each step and who is in them come back too). What is happening now stays as it is: the
 * current step, its history and countdown, the lock, follow-me, summon, brainstorming and the vote
 * rounds (counted from ballots the snapshot does not hold; restored notes keep their ids, so their
 * dots count again).
 */
const RESTORED_CONTROL_FIELDS = ['agenda'] as const satisfies readonly ControlField[];

type Params = { Params: { id: string } };
type SnapshotParams = { Params: { id: string; sid: string } };

const summary = (row: Omit<SnapshotRow, 'board' | 'control'>): SnapshotSummary => ({
  id: row.id,
  name: row.name,
  createdAt: new Date(row.createdAt).toISOString(),
  notes: row.notes,
});

const docOf = (update: Uint8Array) => {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, update);
  return doc;
};

/** Snapshots of a workshop: list, take, export, restore (facilitators only). */
export function snapshotRoutes(app: FastifyInstance, opts: SnapshotRoutesOptions): void {
  const { store, rooms } = opts;

  /** The workshop, if the request carries its facilitator token; else the answer is sent. */
  async function facilitated(
    req: FastifyRequest<Params>,
    reply: FastifyReply,
  ): Promise<WorkshopRow | undefined> {
    return (await requireRole(store, req, reply, ['facilitator']))?.workshop;
  }

  async function snapshotOf(
    req: FastifyRequest<SnapshotParams>,
    reply: FastifyReply,
  ): Promise<{ workshop: WorkshopRow; snapshot: SnapshotRow } | undefined> {
    const workshop = await facilitated(req, reply);
    if (!workshop) return undefined;
    const snapshot = SnapshotId.safeParse(req.params.sid).success
      ? await store.getSnapshot(workshop.id, req.params.sid)
      : undefined;
    if (!snapshot) {
      await reply.code(404).send({ error: 'not_found', message: 'No such snapshot in this workshop.' });
      return undefined;
    }
    return { workshop, snapshot };
  }

  app.get<Params>('/api/workshops/:id/snapshots', async (req, reply) => {
    const workshop = await facilitated(req, reply);
    if (!workshop) return reply;
    const list: SnapshotList = { snapshots: (await store.listSnapshots(workshop.id)).map(summary) };
    return reply.send(list);
  });

  app.post<Params>('/api/workshops/:id/snapshots', async (req, reply) => {
    const workshop = await facilitated(req, reply);
    if (!workshop) return reply;
    const body = CreateSnapshotRequest.safeParse(req.body);
    if (!body.success) return badRequest(reply, body.error.issues);
    const row = await takeSnapshot(rooms, store, workshop.id, body.data.name);
    if (!row) return reply.code(404).send({ error: 'not_found', message: 'The workshop was deleted.' });
    req.log.info({ workshopId: workshop.id }, 'snapshot taken');
    return reply.code(201).send(summary(row));
  });

  app.get<SnapshotParams>('/api/workshops/:id/snapshots/:sid/export', async (req, reply) => {
    const found = await snapshotOf(req, reply);
    if (!found) return reply;
    const { workshop, snapshot } = found;
    const board = inCurrentLayout(docOf(snapshot.board));
    const control = docOf(snapshot.control);
    const data = workshopExport(
      board,
      control,
      factsOf(workshop, opts.timeZone),
      // The agenda as it was run up to the snapshot.
      snapshot.createdAt,
    );
    board.destroy();
    control.destroy();
    const day = new Date(snapshot.createdAt).toISOString().slice(0, 10);
    return reply
      .header('content-disposition', `attachment; filename="snapshot-${day}-${snapshot.id.slice(0, 8)}.json"`)
      .send(data);
  });

  app.post<SnapshotParams>('/api/workshops/:id/snapshots/:sid/restore', async (req, reply) => {
    const body = RestoreSnapshotRequest.safeParse(req.body);
    const found = await snapshotOf(req, reply);
    if (!found) return reply;
    if (!body.success) return badRequest(reply, body.error.issues);
    const { workshop, snapshot } = found;
    if (body.data.mode === 'new') {
      return createStoredWorkshop(opts, req, reply, {
        title: `${workshop.title} – ${snapshot.name}`.slice(0, 200),
        template: workshop.template,
        locale: Locale.catch('sv').parse(workshop.locale),
        board: snapshot.board,
        control: freshControl(snapshot.control),
      });
    }
    try {
      const result = await restoreInPlace(rooms, workshop.id, snapshot);
      req.log.info({ workshopId: workshop.id, ...result }, 'snapshot restored in place');
      const response: RestoreInPlaceResponse = { restored: true, ...result };
      return reply.send(response);
    } catch (err) {
      if (err instanceof DocTooLargeError) {
        return reply
          .code(413)
          .send({ error: 'too_large', message: 'The restored board would be too large.' });
      }
      if (err instanceof WorkshopGoneError) return reply.code(404).send({ error: 'not_found' });
      throw err;
    }
  });
}

/**
 * A snapshot's control doc for a new workshop: what it holds (agenda, groups, the revealed vote), and
 * nothing of the session it was taken in (no current step or history, no lock, nobody followed or in
 * a group, no brainstorming or open round).
 */
function freshControl(update: Uint8Array): Uint8Array {
  const doc = docOf(update);
  // A snapshot taken before the control doc's layout changed is read in today's layout.
  migrateControlDoc(doc);
  const state = readControl(doc);
  doc.transact(() => {
    writeControlField(doc, 'currentStepId', null);
    writeControlField(doc, 'history', []);
    writeControlField(doc, 'timer', idleTimer(0));
    writeControlField(doc, 'locked', false);
    writeControlField(doc, 'follow', null);
    writeControlField(doc, 'summon', null);
    writeControlField(doc, 'brainstorm', { phase: 'off', round: state.brainstorm.round });
    if (state.voting.phase === 'open') writeControlField(doc, 'voting', { ...state.voting, phase: 'closed' });
    replaceGroups(doc, { stepGroups: state.stepGroups, stepMembers: {} });
  });
  const fresh = Y.encodeStateAsUpdate(doc);
  doc.destroy();
  return fresh;
}

/**
 * Make the live workshop what a snapshot holds, as the server's own writes (stored, then sent to
 * everyone connected): every board record of the snapshot whose value differs is set, every record not
 * in it removed; of the control doc, the fields in {@link RESTORED_CONTROL_FIELDS} and the groups'
 * members.
 */
async function restoreInPlace(
  rooms: Rooms,
  workshopId: string,
  snapshot: SnapshotRow,
): Promise<{ changed: number; removed: number }> {
  const board = inCurrentLayout(docOf(snapshot.board));
  const control = docOf(snapshot.control);
  migrateControlDoc(control);
  let changed = 0;
  let removed = 0;
  try {
    const wanted = boardRecords(board);
    await rooms.change(docName(workshopId, 'board'), (doc) => {
      const live = boardRecords(doc);
      const liveKeys = live.ids();
      doc.transact(() => {
        for (const key of wanted.ids()) {
          const value = wanted.get(key);
          // What the board may not hold any more (junk, a note over the limit, from before the record
          // rules) is left out rather than refusing the whole restore.
          if (!value || !judgeRecordChange('facilitator', live.get(key), value).ok) continue;
          if (!jsonEqual(live.raw(key), value)) {
            live.set(key, value);
            changed++;
          }
        }
        for (const key of liveKeys) {
          if (!wanted.has(key)) {
            live.delete(key);
            removed++;
          }
        }
        const schema = readBoardSchema(board);
        if (schema !== undefined && JSON.stringify(schema) !== JSON.stringify(readBoardSchema(doc))) {
          writeBoardSchema(doc, schema);
        }
      });
    });
    await rooms.change(docName(workshopId, 'control'), (doc) => {
      doc.transact(() => {
        for (const key of RESTORED_CONTROL_FIELDS) {
          const value = readControlField(control, key);
          if (JSON.stringify(value) !== JSON.stringify(readControlField(doc, key))) {
            writeControlField(doc, key, value);
          }
        }
        replaceGroups(doc, readControl(control));
      });
    });
  } finally {
    board.destroy();
    control.destroy();
  }
  return { changed, removed };
}
