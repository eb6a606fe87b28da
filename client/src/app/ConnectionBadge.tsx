import { useSyncExternalStore } from 'react';
import { isMessageKey, useT } from '../i18n/i18n';
import type { DocConnection } from '../sync/docConnection';

/** Whether the board is connected, reconnecting, offline or refused, and why. */
export function ConnectionBadge({ connection }: { connection: DocConnection }) {
  const t = useT();
  const state = useSyncExternalStore(connection.subscribe, () => connection.getState());
  const text =
    state.kind === 'rejected'
      ? t('connection.rejected', {
          reason: t(isMessageKey(state.reasonKey) ? state.reasonKey : 'connection.closed.other'),
        })
      : t(`connection.${state.kind}`);
  return (
    <span
      className={`connection connection-${state.kind}`}
      role="status"
      data-testid="connection"
      data-state={state.kind}
    >
      <span className="connection-dot" aria-hidden="true" />
      <span className="visually-hidden">{t('connection.label')}: </span>
      <span className="connection-text">{text}</span>
    </span>
  );
}
