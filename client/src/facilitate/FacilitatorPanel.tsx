import {
  currentStep,
  extendTimer,
  goToStep,
  pauseTimer,
  resetTimer,
  startTimer,
  writeControlField,
  type ControlState,
  type FocusArea,
} from '@samskapa/shared';
import { useId, useState } from 'react';
import type * as Y from 'yjs';
import { useT, type MessageKey } from '../i18n/i18n';
import { serverNow } from '../sync/serverClock';
import { AddStep } from './AddStep';

const MINUTE = 60_000;

/**
 * The facilitator's controls, the same in every view: the agenda, the countdown, the board lock,
 * follow-me and bringing everyone to an area.
 */
export function FacilitatorPanel({
  doc,
  control,
  areas,
  presenceId,
  notify,
}: {
  /** The control doc; facilitators write it directly. */
  doc: Y.Doc;
  control: ControlState;
  areas: readonly FocusArea[];
  /** This facilitator's presence id, which participants' canvases follow. */
  presenceId: string;
  notify: (key: MessageKey) => void;
}) {
  const t = useT();
  const step = currentStep(control.agenda, control.currentStepId);
  const index = step ? control.agenda.indexOf(step) : -1;
  const timer = control.timer;
  const setTimer = (next: typeof timer) => writeControlField(doc, 'timer', next);
  const following = control.follow?.presenceId === presenceId;
  const summonId = useId();
  const [summonCode, setSummonCode] = useState('');

  const go = (stepId: string | null) => {
    goToStep(doc, stepId, serverNow());
    notify('facilitate.stepChanged');
  };

  return (
    <div className="facilitator-panel" data-testid="facilitator-panel">
      <section aria-labelledby="agenda-heading" className="panel-section">
        <h2 id="agenda-heading">{t('facilitate.agenda.heading')}</h2>
        {control.agenda.length === 0 ? (
          <p>{t('facilitate.agenda.empty')}</p>
        ) : (
          <ol className="agenda-list" data-testid="agenda">
            {control.agenda.map((s) => (
              <li key={s.id} aria-current={s.id === control.currentStepId ? 'step' : undefined}>
                <span className="agenda-title">{s.title}</span>
                {s.durationMinutes != null && (
                  <span className="agenda-duration">
                    {t('facilitate.agenda.minutes', { n: s.durationMinutes })}
                  </span>
                )}
                {s.id !== control.currentStepId && (
                  <button
                    type="button"
                    onClick={() => go(s.id)}
                    aria-label={t('facilitate.agenda.goTo', { title: s.title })}
                  >
                    {t('facilitate.agenda.start')}
                  </button>
                )}
              </li>
            ))}
          </ol>
        )}
        <AddStep doc={doc} agenda={control.agenda} />
        <div className="button-row">
          <button type="button" disabled={index <= 0} onClick={() => go(control.agenda[index - 1]!.id)}>
            {t('facilitate.agenda.previous')}
          </button>
          <button
            type="button"
            disabled={index >= control.agenda.length - 1}
            onClick={() => go(control.agenda[index + 1]!.id)}
          >
            {t('facilitate.agenda.next')}
          </button>
        </div>
      </section>

      <section aria-labelledby="timer-heading" className="panel-section">
        <h2 id="timer-heading">{t('facilitate.timer.heading')}</h2>
        <div className="button-row">
          {timer.status === 'running' ? (
            <button type="button" onClick={() => setTimer(pauseTimer(timer, serverNow()))}>
              {t('facilitate.timer.pause')}
            </button>
          ) : (
            <button
              type="button"
              className="primary"
              disabled={timer.status === 'idle' && timer.durationMs === 0}
              onClick={() => setTimer(startTimer(timer, serverNow()))}
            >
              {timer.status === 'paused' ? t('facilitate.timer.resume') : t('facilitate.timer.start')}
            </button>
          )}
          <button type="button" onClick={() => setTimer(extendTimer(timer, MINUTE, serverNow()))}>
            {t('facilitate.timer.addMinute')}
          </button>
          <button type="button" onClick={() => setTimer(resetTimer(timer))}>
            {t('facilitate.timer.reset')}
          </button>
        </div>
      </section>

      <section aria-labelledby="room-heading" className="panel-section">
        <h2 id="room-heading">{t('facilitate.room.heading')}</h2>
        <div className="button-row">
          <button
            type="button"
            aria-pressed={control.locked}
            data-testid="lock-board"
            onClick={() => {
              writeControlField(doc, 'locked', !control.locked);
              notify(control.locked ? 'facilitate.room.unlocked' : 'facilitate.room.lockedNotice');
            }}
          >
            {t('facilitate.room.lock')}
          </button>
          <button
            type="button"
            aria-pressed={following}
            data-testid="follow-me"
            onClick={() => writeControlField(doc, 'follow', following ? null : { presenceId })}
          >
            {t('facilitate.room.followMe')}
          </button>
        </div>
        {areas.length > 0 && (
          <form
            className="summon"
            onSubmit={(event) => {
              event.preventDefault();
              const code = summonCode || areas[0]!.code;
              writeControlField(doc, 'summon', { areaCode: code, at: serverNow() });
              notify('facilitate.room.summoned');
            }}
          >
            <label htmlFor={summonId}>{t('facilitate.room.summonLabel')}</label>
            <select
              id={summonId}
              value={summonCode || areas[0]!.code}
              onChange={(e) => setSummonCode(e.target.value)}
            >
              {areas.map((area) => (
                <option key={area.id} value={area.code}>
                  {area.code} {area.title}
                </option>
              ))}
            </select>
            <button type="submit">{t('facilitate.room.summon')}</button>
          </form>
        )}
      </section>
    </div>
  );
}
