import { useEffect, useState } from 'react';
import { loadAccount, type AccountState } from './accountApi';

/** The account state once the server has answered; null while it has not (or cannot be reached). */
export function useAccount(): AccountState | null {
  const [state, setState] = useState<AccountState | null>(null);
  useEffect(() => {
    let live = true;
    loadAccount()
      .then((loaded) => {
        if (live) setState(loaded);
      })
      .catch(() => undefined); // offline: the page stays as it is without sign-in
    return () => {
      live = false;
    };
  }, []);
  return state;
}
