import {
  currentStep,
  DEFAULT_VOTE_SETTINGS,
  assignToGroup,
  endGroups,
  groupsForAreas,
  setGroupsSelfSelect,
  startGroups,
  writeControlField,
  type ControlState,
  type FocusArea,
  type VoteProgress,
} from '@samskapa/shared';
import { useId, useState } from 'react';
import type * as Y from 'yjs';
import { useT, type MessageKey } from '../i18n/i18n';
import { turnoutText } from '../i18n/turnout';
import { revealVotes } from '../session/facilitationApi';
import { GroupOptions } from './GroupPicker';
import type { PresentParticipant } from './participants';

/**
 * Dot voting for the facilitator: the dots each has, opening a round, progress (voters against
 * participants here), the reveal.
 */
export function VoteSection({
  doc,
  control,
  workshopId,
  token,
  progress,
  notify,
}: {
  doc: Y.Doc;
  control: ControlState;
  workshopId: string;
  token: string;
  /** How far the open round has got; null until known. */
  progress: VoteProgress | null;
  notify: (key: MessageKey) => void;
}) {
  const t = useT();
  const { phase, round, settings } = control.voting;
  const [budget, setBudget] = useState(settings.budget);
  const [cap, setCap] = useState(settings.perNoteCap);
  const [busy, setBusy] = useState(false);
  const budgetId = useId();
  const capId = useId();

  const open = () => {
    const perNoteCap = Math.min(cap, budget);
    doc.transact(() => {
      writeControlField(doc, 'voting', { phase: 'open', round: round + 1, settings: { budget, perNoteCap } });
      writeControlField(doc, 'results', null);
    });
    notify('vote.opened');
  };
  const reveal = async () => {
    setBusy(true);
    try {
      await revealVotes(workshopId, token);
      notify('vote.revealed');
    } catch {
      notify('vote.error.other');
    } finally {
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby="vote-heading" className="panel-section" data-testid="vote-section">
      <h2 id="vote-heading">{t('vote.heading')}</h2>
      {phase === 'open' ? (
        <>
          <p data-testid="vote-progress">
            {t('vote.progress', {
              turnout: turnoutText(t, progress?.voters ?? 0, progress?.present ?? 0),
              dots: progress?.dots ?? 0,
            })}
          </p>
          <div className="button-row">
            <button type="button" className="primary" disabled={busy} onClick={() => void reveal()}>
              {t('vote.reveal')}
            </button>
          </div>
        </>
      ) : (
        <>
          <div className="vote-settings">
            <label htmlFor={budgetId}>{t('vote.budgetLabel')}</label>
            <input
              id={budgetId}
              type="number"
              min={1}
              max={50}
              value={budget}
              onChange={(e) => setBudget(clampInt(e.target.value, 1, 50, DEFAULT_VOTE_SETTINGS.budget))}
            />
            <label htmlFor={capId}>{t('vote.capLabel')}</label>
            <input
              id={capId}
              type="number"
              min={1}
              max={50}
              value={cap}
              onChange={(e) => setCap(clampInt(e.target.value, 1, 50, DEFAULT_VOTE_SETTINGS.perNoteCap))}
            />
          </div>
          <div className="button-row">
            <button type="button" className="primary" onClick={open} data-testid="open-vote">
              {phase === 'revealed' ? t('vote.openAgain') : t('vote.open')}
            </button>
          </div>
        </>
      )}
    </section>
  );
}

function clampInt(value: string, min: number, max: number, fallback: number): number {
  const n = Number.parseInt(value, 10);
  return Number.isFinite(n) ? Math.min(max, Math.max(min, n)) : fallback;
}

/** Silent brainstorming for the facilitator: start it, see how many drafts exist per group, reveal all. */
export function BrainstormSection({
  doc,
  control,
  participants,
  notify,
}: {
  doc: Y.Doc;
  control: ControlState;
  participants: readonly PresentParticipant[];
  notify: (key: MessageKey) => void;
}) {
  const t = useT();
  const { phase, round } = control.brainstorm;
  const perGroup = new Map<string | null, number>();
  for (const p of participants) {
    const group = control.members[p.participantId] ?? null;
    perGroup.set(group, (perGroup.get(group) ?? 0) + p.drafts);
  }
  const total = [...perGroup.values()].reduce((a, b) => a + b, 0);
  return (
    <section aria-labelledby="brainstorm-heading" className="panel-section" data-testid="brainstorm-section">
      <h2 id="brainstorm-heading">{t('brainstorm.heading')}</h2>
      {phase === 'silent' ? (
        <>
          <p data-testid="draft-count">{t('brainstorm.count', { count: total })}</p>
          {control.groups.length > 0 && (
            <ul className="draft-counts">
              {control.groups.map((g) => (
                <li key={g.id}>
                  {t('brainstorm.groupCount', { name: g.name, count: perGroup.get(g.id) ?? 0 })}
                </li>
              ))}
              {(perGroup.get(null) ?? 0) > 0 && (
                <li>{t('brainstorm.noGroupCount', { count: perGroup.get(null) ?? 0 })}</li>
              )}
            </ul>
          )}
          <div className="button-row">
            <button
              type="button"
              className="primary"
              data-testid="reveal-drafts"
              onClick={() => {
                writeControlField(doc, 'brainstorm', { phase: 'revealed', round });
                notify('brainstorm.revealed');
              }}
            >
              {t('brainstorm.reveal')}
            </button>
          </div>
        </>
      ) : (
        <div className="button-row">
          <button
            type="button"
            data-testid="start-silent"
            onClick={() => {
              writeControlField(doc, 'brainstorm', { phase: 'silent', round: round + 1 });
              notify('brainstorm.started');
            }}
          >
            {t('brainstorm.start')}
          </button>
        </div>
      )}
    </section>
  );
}

/** Groups for the facilitator: make them from the step's areas, let people choose, or assign them. */
export function GroupSection({
  doc,
  control,
  areas,
  participants,
  notify,
}: {
  doc: Y.Doc;
  control: ControlState;
  areas: readonly FocusArea[];
  participants: readonly PresentParticipant[];
  notify: (key: MessageKey) => void;
}) {
  const t = useT();
  const step = currentStep(control.agenda, control.currentStepId);
  const stepAreas = areas.filter((a) => step?.areas.includes(a.code));
  const selfSelectId = useId();

  // The groups are the current step's: the next step starts without them, and they come back with it.
  const stepId = control.currentStepId;
  const makeGroups = () => {
    // An even split of those here now; the facilitator can move anyone afterwards.
    startGroups(
      doc,
      stepId,
      groupsForAreas(step, stepAreas),
      participants.map((p) => p.participantId),
    );
    notify('groups.created');
  };

  return (
    <section aria-labelledby="groups-heading" className="panel-section" data-testid="group-section">
      <h2 id="groups-heading">{t('groups.heading')}</h2>
      {stepAreas.length > 1 && (
        <div className="button-row">
          <button type="button" onClick={makeGroups} data-testid="make-groups">
            {t('groups.fromStep', { count: stepAreas.length })}
          </button>
        </div>
      )}
      {control.groups.length === 0 ? (
        <p>{t('groups.none')}</p>
      ) : (
        <>
          <p className="group-names">{control.groups.map((g) => g.name).join(' · ')}</p>
          <p className="hint">{t('groups.ofStep')}</p>
          <p className="checkbox-row">
            <input
              id={selfSelectId}
              type="checkbox"
              checked={control.groupsSelfSelect}
              onChange={(e) => setGroupsSelfSelect(doc, stepId, e.target.checked)}
            />
            <label htmlFor={selfSelectId}>{t('groups.selfSelect')}</label>
          </p>
          {participants.length > 0 && (
            <table className="group-members">
              <caption>{t('groups.membersCaption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('groups.person')}</th>
                  <th scope="col">{t('groups.group')}</th>
                </tr>
              </thead>
              <tbody>
                {participants.map((p) => (
                  <tr key={p.participantId}>
                    <th scope="row">{p.name || t('groups.unnamed')}</th>
                    <td>
                      <select
                        aria-label={t('groups.assignLabel', { name: p.name || t('groups.unnamed') })}
                        value={control.members[p.participantId] ?? ''}
                        onChange={(e) => assignToGroup(doc, stepId, p.participantId, e.target.value || null)}
                      >
                        <GroupOptions groups={control.groups} />
                      </select>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          <div className="button-row">
            <button type="button" onClick={() => endGroups(doc, stepId)}>
              {t('groups.end')}
            </button>
          </div>
        </>
      )}
    </section>
  );
}
