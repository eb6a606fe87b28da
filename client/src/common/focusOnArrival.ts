import { useEffect, useRef } from 'react';

/**
 * A ref for the element (a heading with tabIndex -1) that takes the focus when it appears while
 * nothing else holds it: after a client-side page change the old focused element is gone and the
 * focus would otherwise fall back to the body, where keyboard and screen-reader users lose their place.
 */
export function useFocusOnArrival<T extends HTMLElement>() {
  const ref = useRef<T>(null);
  useEffect(() => {
    const active = document.activeElement;
    if (active === null || active === document.body) ref.current?.focus();
  }, []);
  return ref;
}
