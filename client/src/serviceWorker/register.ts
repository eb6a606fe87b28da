// The page's side of the service worker (`client/serviceWorker/worker.ts`, served as `/sw.js`): it is
// registered once the page has loaded and the browser is idle, so it never competes with the first paint,
// and the page answers the worker's question which build it runs (a build's cache stays while a page of
// that build is open).

/** How long after the page has loaded registering may wait for an idle moment. */
const IDLE_TIMEOUT_MS = 5000;

/** The build this page runs, as the build wrote it into the HTML (`serviceWorkerPlugin.ts`). */
function pageBuild(): string | null {
  return document.querySelector<HTMLMetaElement>('meta[name="samskapa-build"]')?.content ?? null;
}

function isQuestion(data: unknown): boolean {
  return (
    typeof data === 'object' && data !== null && (data as { type?: unknown }).type === 'samskapa:which-build'
  );
}

/** Registers the app's service worker after load, in production builds only (development has none). */
export function registerServiceWorker(): void {
  const build = pageBuild();
  if (!import.meta.env.PROD || !('serviceWorker' in navigator) || !build) return;
  const container = navigator.serviceWorker;
  container.addEventListener('message', (event: MessageEvent<unknown>) => {
    if (isQuestion(event.data)) event.ports[0]?.postMessage({ type: 'samskapa:build', build });
  });
  container.startMessages();

  const register = () => {
    container
      .register('/sw.js', { scope: '/' })
      // Caches of earlier builds that no open page runs any more can go now.
      .then((registration) => registration.active?.postMessage({ type: 'samskapa:tidy' }))
      // Without a worker the app works as it did; a browser that refuses one (private mode) loses nothing.
      .catch((error: unknown) => console.warn('service worker not registered', error));
  };
  // Safari has no requestIdleCallback.
  const idle = window.requestIdleCallback as typeof window.requestIdleCallback | undefined;
  const whenIdle = () =>
    idle
      ? window.requestIdleCallback(register, { timeout: IDLE_TIMEOUT_MS })
      : window.setTimeout(register, 0);
  if (document.readyState === 'complete') whenIdle();
  else window.addEventListener('load', whenIdle, { once: true });
}
