import type { CookieJar, TestProvider, TestUserName } from './oidcProvider';
import type { RunningServer } from './server';

/**
 * Start signing in at Samskapa and go through the provider as `user`; returns the callback URL the
 * provider sent the browser back to (not yet opened), so a test can open it or tamper with it.
 */
export async function throughProvider(
  jar: CookieJar,
  server: Pick<RunningServer, 'http'>,
  provider: TestProvider,
  user: TestUserName = 'alice',
): Promise<URL> {
  provider.signInAs(user);
  const start = await jar.fetch(`${server.http}/auth/login`);
  if (start.status !== 303) throw new Error(`sign-in did not start: ${start.status} ${await start.text()}`);
  let url = new URL(start.headers.get('location') ?? '', server.http);
  for (let hop = 0; hop < 10 && url.href.startsWith(provider.issuer); hop++) {
    const res = await jar.fetch(url.href);
    const location = res.headers.get('location');
    if (!location) throw new Error(`the provider stopped at ${url.pathname}: ${res.status}`);
    url = new URL(location, url);
  }
  return url;
}

/** Sign in as `user` through the real provider; the jar then holds Samskapa's session cookie. */
export async function signIn(
  jar: CookieJar,
  server: Pick<RunningServer, 'http'>,
  provider: TestProvider,
  user: TestUserName = 'alice',
): Promise<Response> {
  const callback = await throughProvider(jar, server, provider, user);
  const res = await jar.fetch(callback.href);
  if (res.headers.get('location') !== '/') {
    throw new Error(`sign-in failed: ${res.status} → ${res.headers.get('location')}`);
  }
  return res;
}

/** Who the server says is signed in with this jar. */
export async function me(jar: CookieJar, server: Pick<RunningServer, 'http'>) {
  const res = await jar.fetch(`${server.http}/api/me`);
  return ((await res.json()) as { user: { id: string; name: string; email: string } | null }).user;
}

/** A same-origin JSON request with the jar's cookies, as the start page sends it. */
export function sameOrigin(
  jar: CookieJar,
  server: Pick<RunningServer, 'http'>,
  method: string,
  path: string,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<Response> {
  return jar.fetch(`${server.http}${path}`, {
    method,
    headers: {
      origin: server.http,
      'sec-fetch-site': 'same-origin',
      ...(body !== undefined && { 'content-type': 'application/json' }),
      ...headers,
    },
    ...(body !== undefined && { body: JSON.stringify(body) }),
  });
}
