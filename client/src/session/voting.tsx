import {
  dotsIn,
  type Ballot,
  type ControlState,
  type Role,
  type VoteResults,
  type VoteSettings,
} from '@samskapa/shared';
import { createContext, useCallback, useContext, useEffect, useRef, useState, type ReactNode } from 'react';
import { useT, type MessageKey } from '../i18n/i18n';
import { forgetCredential } from './credential';
import { fetchBallot, FacilitationRefused, sendBallot } from './facilitationApi';

/** The server does not know the credential (one issued before credentials were bound): ask anew. */
function forgetIfUnknown(err: unknown, workshopId: string, secret: string): void {
  if (err instanceof FacilitationRefused && err.status === 401) forgetCredential(workshopId, secret);
}

/** The dot vote as one person sees it: their own dots before the reveal, totals after it. */
export interface Voting {
  /** Whose page this is: a viewer (the projector) only ever sees totals. */
  role: Role;
  phase: 'closed' | 'open' | 'revealed';
  round: number;
  settings: VoteSettings;
  /** This participant's own dots (never anyone else's). */
  ballot: Ballot;
  remaining: number;
  /** Whether this person can vote now (a participant, a round open, their credential known). */
  canVote: boolean;
  /** The revealed totals of the current round. */
  results: VoteResults | null;
  add(noteId: string): void;
  remove(noteId: string): void;
}

const VotingContext = createContext<Voting | null>(null);

/** The dot vote, for the views below (null outside a workshop page). */
export function useVoting(): Voting | null {
  return useContext(VotingContext);
}

export function VotingProvider({ value, children }: { value: Voting | null; children: ReactNode }) {
  return <VotingContext.Provider value={value}>{children}</VotingContext.Provider>;
}

/**
 * The vote of this page: the participant's credential, their ballot (loaded when a round opens),
 * and clicks sent one after another as whole ballots. A refused ballot is replaced by what the server
 * holds, and the reason is shown.
 */
export function useVotingState(
  workshopId: string,
  role: Role,
  /** The participant credential's secret; null for facilitators and viewers, or until it is known. */
  secret: string | null,
  control: ControlState | null,
  notify: (key: MessageKey) => void,
): Voting | null {
  const [ballot, setBallot] = useState<Ballot>({});
  const wanted = useRef<Ballot>({});
  /** The round `wanted` belongs to, and how many clicks it has taken (a click outranks a ballot on its way). */
  const wantedRound = useRef(0);
  const clicks = useRef(0);
  const sending = useRef(false);
  const voting = control?.voting;
  const round = voting?.round ?? 0;
  const phase = voting?.phase ?? 'closed';

  useEffect(() => {
    if (!secret || round === 0) return;
    // A new round starts from no dots, not from the last round's.
    if (wantedRound.current !== round) {
      wantedRound.current = round;
      wanted.current = {};
    }
    let cancelled = false;
    const clicksBefore = clicks.current;
    fetchBallot(workshopId, secret)
      .then((answer) => {
        // Clicked meanwhile (the list is there the moment a round opens): the click is what gets sent.
        if (cancelled || answer.round !== round || clicks.current !== clicksBefore) return;
        wanted.current = answer.ballot;
        setBallot(answer.ballot);
      })
      .catch((err: unknown) => forgetIfUnknown(err, workshopId, secret));
    return () => {
      cancelled = true;
    };
  }, [workshopId, secret, round, phase]);

  const flush = useCallback(async () => {
    if (sending.current || !secret) return;
    sending.current = true;
    try {
      for (;;) {
        const sent = wanted.current;
        try {
          const answer = await sendBallot(workshopId, secret, round, sent);
          if (wanted.current === sent) {
            setBallot(answer.ballot);
            break;
          }
        } catch (err) {
          forgetIfUnknown(err, workshopId, secret);
          const reason = err instanceof FacilitationRefused ? err.reason : undefined;
          notify(reason ? (`vote.error.${reason}` as MessageKey) : 'vote.error.other');
          const held = await fetchBallot(workshopId, secret).catch(() => null);
          wanted.current = held && held.round === round ? held.ballot : {};
          setBallot(wanted.current);
          break;
        }
      }
    } finally {
      sending.current = false;
    }
  }, [workshopId, secret, round, notify]);

  const change = useCallback(
    (noteId: string, delta: number) => {
      clicks.current += 1;
      const next = { ...wanted.current, [noteId]: Math.max(0, (wanted.current[noteId] ?? 0) + delta) };
      if (next[noteId] === 0) delete next[noteId];
      wanted.current = next;
      setBallot(next);
      void flush();
    },
    [flush],
  );

  if (!control || !voting) return null;
  const shown = round > 0 ? ballot : {};
  return {
    role,
    phase,
    round,
    settings: voting.settings,
    ballot: shown,
    remaining: Math.max(0, voting.settings.budget - dotsIn(shown)),
    canVote: role === 'participant' && phase === 'open' && secret !== null,
    results:
      control.results && control.results.round === round && phase === 'revealed' ? control.results : null,
    add: (noteId) => change(noteId, 1),
    remove: (noteId) => change(noteId, -1),
  };
}

/** A note's revealed total ("3 prickar"); nothing before the reveal. For lists where no one votes. */
export function VoteTotal({ noteId }: { noteId: string }) {
  const t = useT();
  const voting = useVoting();
  if (!voting?.results) return null;
  const total = voting.results.totals[noteId] ?? 0;
  return (
    <p className="vote-total" data-testid="vote-total" data-votes={total}>
      {t(total === 1 ? 'vote.total.one' : 'vote.total.other', { count: total })}
    </p>
  );
}

/** A note's dots: the participant's own with buttons to add and take away while voting; totals after the reveal. */
export function VoteControl({ noteId, text }: { noteId: string; text: string }) {
  const t = useT();
  const voting = useVoting();
  if (!voting) return null;
  if (voting.results) return <VoteTotal noteId={noteId} />;
  if (!voting.canVote) return null;
  const mine = voting.ballot[noteId] ?? 0;
  const label = text.length > 60 ? `${text.slice(0, 57)}…` : text;
  return (
    <div className="vote-control" data-testid="vote-control" data-mine={mine}>
      <button
        type="button"
        disabled={mine === 0}
        aria-label={t('vote.remove', { note: label })}
        onClick={() => voting.remove(noteId)}
      >
        −
      </button>
      <span className="vote-dots" aria-live="polite">
        <span aria-hidden="true">{'●'.repeat(mine) || '○'}</span>
        <span className="visually-hidden">{t('vote.mine', { count: mine })}</span>
      </span>
      <button
        type="button"
        disabled={voting.remaining === 0 || mine >= voting.settings.perNoteCap}
        aria-label={t('vote.add', { note: label })}
        onClick={() => voting.add(noteId)}
      >
        +
      </button>
    </div>
  );
}
