import fastifySecureSession from '@fastify/secure-session';
import { SignedInUser } from '@samskapa/shared';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { IncomingMessage } from 'node:http';
import { z } from 'zod';

/** The cookie that holds a signed-in facilitator's session (encrypted and authenticated). */
export const SESSION_COOKIE = 'samskapa_session';
/** The cookie that holds a sign-in in progress: its state, nonce and PKCE verifier. */
export const SIGN_IN_COOKIE = 'samskapa_sign_in';

declare module '@fastify/secure-session' {
  interface SessionData {
    user: SignedInUser;
    idToken: string;
    attempt: SignInAttempt;
  }
}

declare module 'fastify' {
  interface FastifyRequest {
    /** The sign-in in progress (cookie {@link SIGN_IN_COOKIE}); only where sign-in is configured. */
    signIn?: import('@fastify/secure-session').Session;
  }
}

/** What the session cookie holds. */
export const SessionContent = z.object({
  user: SignedInUser,
  /** The provider's ID token, sent back as `id_token_hint` when signing out there. */
  idToken: z.string(),
});
export type SessionContent = z.infer<typeof SessionContent>;

/** What the sign-in cookie holds between `/auth/login` and `/auth/callback`. */
export const SignInAttempt = z.object({
  state: z.string(),
  nonce: z.string(),
  codeVerifier: z.string(),
  /** A path on this server to go to once signed in. */
  returnTo: z.string(),
});
export type SignInAttempt = z.infer<typeof SignInAttempt>;

const LOOPBACK = new Set(['localhost', '127.0.0.1', '::1', '[::1]']);

/**
 * Options of both cookies for a response to `req`: HttpOnly, SameSite=Lax, and Secure unless the
 * request came over plain http to a loopback address (a developer's machine and the tests, where
 * browsers would drop a Secure cookie from http://127.0.0.1).
 */
export function cookieOptions(req: FastifyRequest, maxAgeSeconds: number | undefined) {
  const plainLoopback = req.protocol === 'http' && LOOPBACK.has(req.hostname);
  return {
    path: '/',
    httpOnly: true,
    sameSite: 'lax' as const,
    secure: !plainLoopback,
    maxAge: maxAgeSeconds,
  };
}

/** The origin this server is reached at: `PUBLIC_URL`'s, else the request's. */
export function originOf(req: FastifyRequest, publicUrl: string | undefined): string {
  return publicUrl ? new URL(publicUrl).origin : `${req.protocol}://${req.host}`;
}

/**
 * Register both encrypted cookies (@fastify/secure-session, which also checks their age: a session
 * older than `sessionSeconds`, or a sign-in attempt older than `signInSeconds`, is not read).
 */
export function registerSessions(
  app: FastifyInstance,
  key: Buffer,
  { sessionSeconds, signInSeconds }: { sessionSeconds: number; signInSeconds: number },
): void {
  void app.register(fastifySecureSession, [
    {
      sessionName: 'session',
      cookieName: SESSION_COOKIE,
      key,
      expiry: sessionSeconds,
      cookie: { path: '/' },
    },
    { sessionName: 'signIn', cookieName: SIGN_IN_COOKIE, key, expiry: signInSeconds, cookie: { path: '/' } },
  ]);
}

/** The session a request's cookie holds, if it holds a valid one. */
export function sessionOf(req: FastifyRequest): SessionContent | undefined {
  const parsed = SessionContent.safeParse(req.session?.data());
  return parsed.success ? parsed.data : undefined;
}

/** The session an upgrade request's cookie holds (read outside Fastify's routes), if a valid one. */
export function sessionOfUpgrade(app: FastifyInstance, req: IncomingMessage): SessionContent | undefined {
  const header = req.headers.cookie;
  if (!header) return undefined;
  const cookie = app.parseCookie(header)[SESSION_COOKIE];
  if (!cookie) return undefined;
  const session = app.decodeSecureSession(cookie, app.log, 'session');
  const parsed = SessionContent.safeParse(session?.data());
  return parsed.success ? parsed.data : undefined;
}

/** Whether a request carries one of the sign-in cookies (so it may act with a signed-in user's rights). */
export function carriesSignInCookie(cookieHeader: string | undefined): boolean {
  if (!cookieHeader) return false;
  return cookieHeader
    .split(';')
    .map((part) => part.trim().split('=')[0])
    .some((name) => name === SESSION_COOKIE || name === SIGN_IN_COOKIE);
}
