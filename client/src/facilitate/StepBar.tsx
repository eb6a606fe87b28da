import { currentStep, groupOf, type ControlState } from '@samskapa/shared';
import { useLayoutEffect, useRef, useState } from 'react';
import type { MessageKey } from '../i18n/i18n';
import { useT } from '../i18n/i18n';
import { Countdown } from './Countdown';

/**
 * What everyone sees of the session: the current step, its instruction, the countdown, the person's
 * group and whether the board is locked. On every view (canvas, list board, phone, projector).
 */
export function StepBar({
  control,
  participantId,
  announce,
  large = false,
}: {
  control: ControlState;
  /** This person's participant id, to show their group; null for facilitators and viewers. */
  participantId: string | null;
  announce: (key: MessageKey) => void;
  large?: boolean;
}) {
  const t = useT();
  const step = currentStep(control.agenda, control.currentStepId);
  const index = step ? control.agenda.indexOf(step) : -1;
  const group = groupOf(control, participantId);
  const showTimer = step?.durationMinutes != null || control.timer.status !== 'idle';
  const instruction = useRef<HTMLParagraphElement>(null);
  const [open, setOpen] = useState(false);
  const [cut, setCut] = useState(false);
  const text = group?.question || step?.instruction;
  // On a laptop the bar is one row: an instruction too long for it ends in "…" and can be opened.
  useLayoutEffect(() => {
    const element = instruction.current;
    if (!element) return setCut(false);
    const measure = () => setCut(element.scrollWidth > element.clientWidth + 1);
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    return () => observer.disconnect();
  }, [text, open]);
  return (
    <section
      className={`step-bar${large ? ' step-bar-large' : ''}`}
      aria-label={t('step.regionLabel')}
      data-testid="step-bar"
    >
      <div className={`step-text${open ? ' step-text-open' : ''}`}>
        {step ? (
          <>
            <p className="step-position">
              {t('step.position', { n: index + 1, total: control.agenda.length })}
            </p>
            <h2 className="step-title" data-testid="step-title">
              {step.title}
            </h2>
            {text && (
              <p className="step-instruction" data-testid="step-instruction" ref={instruction}>
                {text}
              </p>
            )}
            {text && !large && (cut || open) && (
              <button type="button" className="step-more" aria-expanded={open} onClick={() => setOpen(!open)}>
                {t(open ? 'step.showLess' : 'step.showAll')}
              </button>
            )}
          </>
        ) : (
          <p className="step-waiting">{t('step.none')}</p>
        )}
        {group && (
          <p className="step-group" data-testid="my-group">
            {t('step.yourGroup', { name: group.name })}
          </p>
        )}
        {control.locked && (
          <p className="step-locked" data-testid="locked-notice">
            {t('step.locked')}
          </p>
        )}
        {control.brainstorm.phase === 'silent' && (
          <p className="step-silent" data-testid="silent-notice">
            {t('step.silent')}
          </p>
        )}
      </div>
      {showTimer && <Countdown timer={control.timer} announce={announce} large={large} />}
    </section>
  );
}
