import * as Y from 'yjs';
import { z } from 'zod';
import { AgendaStep } from '../model/agenda';
import { Group, MAX_GROUPS_PER_STEP } from '../model/group';
import { DEFAULT_VOTE_SETTINGS, VoteSettings } from '../model/vote';
import { idleTimer, TimerState } from '../timer/timer';

/**
 * Layout of the control document `<id>/control`, written only by facilitators and the server. Each
 * field is one JSON value under its key in the `control` map (changes to one field never disturb
 * another). Groups belong to agenda steps: the `groups` map holds each step's groups under the step's
 * id, and `stepMembers` who is in which group of which step, one key per step and participant, so two
 * assignments made at once both count. (`members` is where version 2 kept the groups of the moment.)
 */
const CONTROL_KEYS = {
  control: 'control',
  groups: 'groups',
  stepMembers: 'stepMembers',
  legacyMembers: 'members',
} as const;

/** The layout version this code writes; a doc with a higher one was written by a newer Samskapa. */
export const CONTROL_DOC_VERSION = 3;

/** The step key of groups made while no step ran (step ids are never empty). */
const NO_STEP = '';

/** The groups of one agenda step. */
export const StepGroups = z.strictObject({
  groups: z.array(Group).max(MAX_GROUPS_PER_STEP),
  /** Participants may choose their group themselves (through the server). */
  selfSelect: z.boolean(),
  /** The facilitator ended them: gone from every screen, still in the minutes. */
  ended: z.boolean(),
});
export type StepGroups = z.infer<typeof StepGroups>;

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
  /**
   * Dots per note of a round, published by the server at the reveal; never who gave them. `present`:
   * participants with the board open at the reveal (missing from results revealed before it was counted).
   */
  results: {
    schema: z
      .strictObject({
        round: z.int().min(0),
        totals: z.record(z.string(), z.int().min(0)),
        voters: z.int().min(0),
        present: z.int().min(0).optional(),
      })
      .nullable(),
    initial: null as {
      round: number;
      totals: Record<string, number>;
      voters: number;
      present?: number;
    } | null,
  },
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
  /** Step id ('' for no step) → the groups made in that step. */
  stepGroups: Record<string, StepGroups>;
  /** Step id ('' for no step) → participant id → group id. */
  stepMembers: Record<string, Record<string, string>>;
  /** The groups of the current step (none once ended): what every screen shows now. */
  groups: Group[];
  /** Whether participants may choose among {@link ControlState.groups} themselves. */
  groupsSelfSelect: boolean;
  /** Participant id → group id, in the current step. */
  members: Record<string, string>;
};
export type VotingState = ControlState['voting'];
export type BrainstormState = ControlState['brainstorm'];
export type VoteResults = NonNullable<ControlState['results']>;

function controlMap(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap(CONTROL_KEYS.control);
}

function groupsMap(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap(CONTROL_KEYS.groups);
}

function membersMap(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap(CONTROL_KEYS.stepMembers);
}

/** The key under which a step's groups are kept. */
const stepKey = (stepId: string | null): string => stepId ?? NO_STEP;

/** A membership's key: its step and participant, unambiguous whatever characters either holds. */
const memberKey = (stepId: string | null, participantId: string): string =>
  JSON.stringify([stepKey(stepId), participantId]);

function parseMemberKey(key: string): { step: string; participant: string } | undefined {
  try {
    const parsed: unknown = JSON.parse(key);
    if (Array.isArray(parsed) && parsed.length === 2 && parsed.every((part) => typeof part === 'string')) {
      return { step: parsed[0] as string, participant: parsed[1] as string };
    }
  } catch {
    // not a key this layout wrote
  }
  return undefined;
}

/** Every step's groups as stored (a malformed entry is left out). */
function readStepGroups(doc: Y.Doc): Record<string, StepGroups> {
  const out: Record<string, StepGroups> = {};
  for (const [key, value] of groupsMap(doc)) {
    const parsed = StepGroups.safeParse(value);
    if (parsed.success) out[key] = parsed.data;
  }
  return out;
}

function readStepMembers(doc: Y.Doc): Record<string, Record<string, string>> {
  const out: Record<string, Record<string, string>> = {};
  for (const [key, group] of membersMap(doc)) {
    const parsed = parseMemberKey(key);
    if (!parsed || typeof group !== 'string') continue;
    (out[parsed.step] ??= {})[parsed.participant] = group;
  }
  return out;
}

/** One field as stored, or its initial value when missing or malformed (anyone's bug must not break a view). */
export function readControlField<K extends ControlField>(doc: Y.Doc, key: K): ControlState[K] {
  const parsed = FIELDS[key].schema.safeParse(controlMap(doc).get(key));
  return (parsed.success ? parsed.data : FIELDS[key].initial) as ControlState[K];
}

/** The whole control doc as readers see it. */
export function readControl(doc: Y.Doc): ControlState {
  const fields = Object.fromEntries(
    (Object.keys(FIELDS) as ControlField[]).map((key) => [key, readControlField(doc, key)]),
  ) as { [K in ControlField]: ControlState[K] };
  const stepGroups = readStepGroups(doc);
  const stepMembers = readStepMembers(doc);
  const now = stepGroups[stepKey(fields.currentStepId)];
  const running = now && !now.ended ? now : undefined;
  return {
    ...fields,
    stepGroups,
    stepMembers,
    groups: running?.groups ?? [],
    groupsSelfSelect: running?.selfSelect ?? false,
    members: running ? (stepMembers[stepKey(fields.currentStepId)] ?? {}) : {},
  };
}

/** The groups of a step (null: made while no step ran), or undefined when it has none. */
export function readGroupsOfStep(doc: Y.Doc, stepId: string | null): StepGroups | undefined {
  const parsed = StepGroups.safeParse(groupsMap(doc).get(stepKey(stepId)));
  return parsed.success ? parsed.data : undefined;
}

/**
 * Give a step its groups (validated), or take them away (`null`): its memberships go with them, since
 * a group id means nothing outside the groups it was made with.
 */
export function writeGroupsOfStep(doc: Y.Doc, stepId: string | null, groups: StepGroups | null): void {
  doc.transact(() => {
    const previous = readGroupsOfStep(doc, stepId);
    const sameGroups =
      !!groups && !!previous && JSON.stringify(previous.groups) === JSON.stringify(groups.groups);
    if (!sameGroups) clearMembersOfStep(doc, stepId);
    if (groups === null) groupsMap(doc).delete(stepKey(stepId));
    else groupsMap(doc).set(stepKey(stepId), StepGroups.parse(groups));
  });
}

function clearMembersOfStep(doc: Y.Doc, stepId: string | null): void {
  const map = membersMap(doc);
  for (const key of [...map.keys()]) {
    if (parseMemberKey(key)?.step === stepKey(stepId)) map.delete(key);
  }
}

/** Write one field (validated: a wrong value is a bug here, not data to store). */
export function writeControlField<K extends ControlField>(doc: Y.Doc, key: K, value: ControlState[K]): void {
  controlMap(doc).set(key, FIELDS[key].schema.parse(value));
}

/** Put a participant in a group of a step (null: no step), or in none of its groups. */
export function assignToGroup(
  doc: Y.Doc,
  stepId: string | null,
  participantId: string,
  groupId: string | null,
): void {
  if (groupId === null) membersMap(doc).delete(memberKey(stepId, participantId));
  else membersMap(doc).set(memberKey(stepId, participantId), groupId);
}

/**
 * Make the groups of every step, and who is in them, what `source` holds, changing only what differs
 * (a snapshot restored in place).
 */
export function replaceGroups(doc: Y.Doc, source: Pick<ControlState, 'stepGroups' | 'stepMembers'>): void {
  doc.transact(() => {
    const groups = groupsMap(doc);
    for (const key of [...groups.keys()]) if (!(key in source.stepGroups)) groups.delete(key);
    for (const [key, value] of Object.entries(source.stepGroups)) {
      if (JSON.stringify(groups.get(key)) !== JSON.stringify(value)) groups.set(key, StepGroups.parse(value));
    }
    const wanted = new Map<string, string>();
    for (const [step, byParticipant] of Object.entries(source.stepMembers)) {
      for (const [participant, group] of Object.entries(byParticipant)) {
        wanted.set(memberKey(step, participant), group);
      }
    }
    const members = membersMap(doc);
    for (const key of [...members.keys()]) if (!wanted.has(key)) members.delete(key);
    for (const [key, group] of wanted) if (members.get(key) !== group) members.set(key, group);
  });
}

/** Calls `onChange` after every change to the control doc; returns a function that stops it. */
export function observeControl(doc: Y.Doc, onChange: () => void): () => void {
  const maps = [controlMap(doc), groupsMap(doc), membersMap(doc)];
  for (const map of maps) map.observe(onChange);
  return () => {
    for (const map of maps) map.unobserve(onChange);
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
  {
    // Version 3 gives groups to steps. Version 2 had one set of groups for the whole workshop: they
    // become the groups of the step running now (or of no step), with their members, so a session
    // under way goes on as it was.
    to: 3,
    up: (doc) => {
      const control = controlMap(doc);
      const current = FIELDS.currentStepId.schema.safeParse(control.get('currentStepId'));
      const step = current.success ? current.data : null;
      const groups = z.array(Group).max(MAX_GROUPS_PER_STEP).safeParse(control.get('groups'));
      if (groups.success && groups.data.length > 0 && !groupsMap(doc).has(stepKey(step))) {
        groupsMap(doc).set(stepKey(step), {
          groups: groups.data,
          selfSelect: control.get('groupsSelfSelect') === true,
          ended: false,
        } satisfies StepGroups);
      }
      const legacy = doc.getMap(CONTROL_KEYS.legacyMembers);
      for (const [participant, group] of [...legacy.entries()]) {
        if (typeof group === 'string') membersMap(doc).set(memberKey(step, participant), group);
        legacy.delete(participant);
      }
      control.delete('groups');
      control.delete('groupsSelfSelect');
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
