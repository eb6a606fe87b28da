import * as Y from 'yjs';
import { z } from 'zod';
import { AgendaStep } from '../model/agenda';
import { Group } from '../model/group';
import { DEFAULT_VOTE_SETTINGS, VoteSettings } from '../model/vote';
import { idleTimer, TimerState } from '../timer/timer';

/**
 * Layout of the control document `<id>/control`, written only by facilitators and the server. Each
 * field is one JSON value under its key in the `control` map (changes to one field never disturb
 * another); group membership is a map of its own, so two assignments made at once both count.
 */
const CONTROL_KEYS = {
  control: 'control',
  members: 'members',
} as const;

/** The layout version this code writes; a doc with a higher one was written by a newer Samskapa. */
export const CONTROL_DOC_VERSION = 2;

const VotingPhase = z.enum(['closed', 'open', 'revealed']);
const BrainstormPhase = z.enum(['off', 'silent', 'revealed']);

/** Every field of the control doc, with the value a reader sees when it is missing or malformed. */
const FIELDS = {
  version: { schema: z.int().min(0), initial: 0 },
  agenda: { schema: z.array(AgendaStep).max(100), initial: [] as AgendaStep[] },
  currentStepId: { schema: z.string().nullable(), initial: null as string | null },
  /** Every step change, in order, on the server's clock: the agenda as it was run (for the minutes). */
  history: {
    schema: z.array(z.strictObject({ stepId: z.string().nullable(), at: z.number() })).max(1000),
    initial: [] as { stepId: string | null; at: number }[],
  },
  timer: { schema: TimerState, initial: idleTimer(0) as TimerState },
  voting: {
    schema: z.strictObject({ phase: VotingPhase, settings: VoteSettings, round: z.int().min(0) }),
    initial: { phase: 'closed', settings: DEFAULT_VOTE_SETTINGS, round: 0 } as {
      phase: z.infer<typeof VotingPhase>;
      settings: VoteSettings;
      round: number;
    },
  },
  /** Dots per note of a round, published by the server at the reveal; never who gave them. */
  results: {
    schema: z
      .strictObject({
        round: z.int().min(0),
        totals: z.record(z.string(), z.int().min(0)),
        voters: z.int().min(0),
      })
      .nullable(),
    initial: null as { round: number; totals: Record<string, number>; voters: number } | null,
  },
  groups: { schema: z.array(Group).max(50), initial: [] as Group[] },
  /** Participants may choose their group themselves (through the server). */
  groupsSelfSelect: { schema: z.boolean(), initial: false as boolean },
  /** Only facilitators may change the board (the server drops participants' writes). */
  locked: { schema: z.boolean(), initial: false as boolean },
  /** Silent brainstorming: notes stay in each browser until the reveal of `round`. */
  brainstorm: {
    schema: z.strictObject({ phase: BrainstormPhase, round: z.int().min(0) }),
    initial: { phase: 'off', round: 0 } as { phase: z.infer<typeof BrainstormPhase>; round: number },
  },
  /** Everyone's canvas follows this facilitator's view (their presence id). */
  follow: {
    schema: z.strictObject({ presenceId: z.string().min(1).max(100) }).nullable(),
    initial: null as { presenceId: string } | null,
  },
  /** Everyone is brought to this area; `at` tells a repeat apart. */
  summon: {
    schema: z.strictObject({ areaCode: z.string().max(12), at: z.number() }).nullable(),
    initial: null as { areaCode: string; at: number } | null,
  },
} as const;

type Fields = typeof FIELDS;
export type ControlField = keyof Fields;
/** The control doc as readers see it: every field present and valid. */
export type ControlState = { -readonly [K in ControlField]: Fields[K]['initial'] } & {
  /** Participant id → group id. */
  members: Record<string, string>;
};
export type VotingState = ControlState['voting'];
export type BrainstormState = ControlState['brainstorm'];
export type VoteResults = NonNullable<ControlState['results']>;

function controlMap(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap(CONTROL_KEYS.control);
}

function membersMap(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap(CONTROL_KEYS.members);
}

/** One field as stored, or its initial value when missing or malformed (anyone's bug must not break a view). */
export function readControlField<K extends ControlField>(doc: Y.Doc, key: K): ControlState[K] {
  const parsed = FIELDS[key].schema.safeParse(controlMap(doc).get(key));
  return (parsed.success ? parsed.data : FIELDS[key].initial) as ControlState[K];
}

/** The whole control doc as readers see it. */
export function readControl(doc: Y.Doc): ControlState {
  const state = Object.fromEntries(
    (Object.keys(FIELDS) as ControlField[]).map((key) => [key, readControlField(doc, key)]),
  ) as Omit<ControlState, 'members'>;
  const members: Record<string, string> = {};
  for (const [participant, group] of membersMap(doc)) {
    if (typeof group === 'string') members[participant] = group;
  }
  return { ...state, members };
}

/** Write one field (validated: a wrong value is a bug here, not data to store). */
export function writeControlField<K extends ControlField>(doc: Y.Doc, key: K, value: ControlState[K]): void {
  controlMap(doc).set(key, FIELDS[key].schema.parse(value));
}

/** Put a participant in a group, or in none. */
export function assignToGroup(doc: Y.Doc, participantId: string, groupId: string | null): void {
  if (groupId === null) membersMap(doc).delete(participantId);
  else membersMap(doc).set(participantId, groupId);
}

/** Calls `onChange` after every change to the control doc; returns a function that stops it. */
export function observeControl(doc: Y.Doc, onChange: () => void): () => void {
  const control = controlMap(doc);
  const members = membersMap(doc);
  control.observe(onChange);
  members.observe(onChange);
  return () => {
    control.unobserve(onChange);
    members.unobserve(onChange);
  };
}

/** The version a control doc was written with (0: before the control doc had a layout). */
export function controlDocVersion(doc: Y.Doc): number {
  return readControlField(doc, 'version');
}

/** Migrations as data: each brings a doc from `to - 1` to `to`. */
export const CONTROL_MIGRATIONS: readonly { to: number; up: (doc: Y.Doc) => void }[] = [
  {
    // Version 0 is a control doc nobody laid out: a workshop created before facilitation existed.
    // It gets every field at its initial value, so other versions can rely on them being there.
    to: 1,
    up: (doc) => {
      const map = controlMap(doc);
      for (const key of Object.keys(FIELDS) as ControlField[]) {
        if (key !== 'version' && key !== 'history' && !FIELDS[key].schema.safeParse(map.get(key)).success) {
          map.set(key, FIELDS[key].initial);
        }
      }
    },
  },
  {
    // Version 2 records the step changes, so the minutes can say how long each step really took. What
    // ran before the upgrade is not known: the history starts empty.
    to: 2,
    up: (doc) => {
      if (!FIELDS.history.schema.safeParse(controlMap(doc).get('history')).success) {
        controlMap(doc).set('history', []);
      }
    },
  },
];

/**
 * Bring a control doc up to {@link CONTROL_DOC_VERSION} in one transaction; returns whether it
 * changed. A doc written by a newer version is left alone.
 */
export function migrateControlDoc(doc: Y.Doc): boolean {
  const from = controlDocVersion(doc);
  const due = CONTROL_MIGRATIONS.filter((m) => m.to > from && m.to <= CONTROL_DOC_VERSION);
  if (due.length === 0) return false;
  doc.transact(() => {
    for (const migration of due) {
      migration.up(doc);
      controlMap(doc).set('version', migration.to);
    }
  });
  return true;
}

/** A workshop's control doc at creation: the agenda it starts with, nothing running. */
export function initControlDoc(doc: Y.Doc, agenda: readonly AgendaStep[]): void {
  doc.transact(() => {
    migrateControlDoc(doc);
    writeControlField(doc, 'agenda', [...agenda]);
  });
}
