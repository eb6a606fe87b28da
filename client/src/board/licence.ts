const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]', '::1']);

/** Whether tldraw runs in development mode here (no key needed): any http origin, or https on loopback. */
export function isDevelopmentOrigin(location: Pick<Location, 'protocol' | 'hostname'>): boolean {
  return location.protocol === 'http:' || LOOPBACK_HOSTS.has(location.hostname);
}

/**
 * Whether the canvas may be mounted. On a production origin without a licence key tldraw would blank
 * itself after a few seconds and report the page URL to a third party, so it is not mounted at all.
 */
export function mayMountCanvas(
  location: Pick<Location, 'protocol' | 'hostname'>,
  licenseKey: string | null,
): boolean {
  return isDevelopmentOrigin(location) || Boolean(licenseKey);
}
