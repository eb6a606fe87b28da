import {
  MeResponse,
  SIGN_IN_CALLBACK_PATH,
  SIGN_IN_PATH,
  SIGN_IN_RESULT_PARAM,
  SIGN_OUT_PATH,
  type SignOutResponse,
} from '@samskapa/shared';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import * as client from 'openid-client';
import { z } from 'zod';
import type { AccountStore } from '../store/types';
import { SCOPES, type OidcProvider } from './oidc';
import { cookieOptions, originOf, SignInAttempt, sessionOf } from './session';

export interface SignInRoutesOptions {
  provider: OidcProvider;
  store: AccountStore;
  publicUrl: string | undefined;
  sessionSeconds: number;
}

/** A path on this server to return to after signing in; anything else (another site) becomes `/`. */
function localPath(value: unknown): string {
  return typeof value === 'string' && /^\/(?![/\\])/.test(value) ? value : '/';
}

const Claims = z.object({
  iss: z.string(),
  sub: z.string().min(1),
  email: z.string().optional(),
  name: z.string().optional(),
});

/** Sign-in with OpenID Connect (authorization code flow with PKCE, state and nonce), sign-out and `/api/me`. */
export function signInRoutes(app: FastifyInstance, opts: SignInRoutesOptions): void {
  const redirectUri = (req: FastifyRequest) => `${originOf(req, opts.publicUrl)}${SIGN_IN_CALLBACK_PATH}`;
  const failed = (reply: FastifyReply, reason: string) =>
    reply.redirect(`/?${SIGN_IN_RESULT_PARAM}=${encodeURIComponent(reason)}`, 303);

  app.get<{ Querystring: { returnTo?: string } }>(SIGN_IN_PATH, async (req, reply) => {
    let configuration: client.Configuration;
    try {
      configuration = await opts.provider.configuration();
    } catch {
      return reply.code(503).send({
        error: 'provider_unreachable',
        message: 'The sign-in service cannot be reached. Try again in a while, or ask your IT support.',
      });
    }
    const attempt: SignInAttempt = {
      state: client.randomState(),
      nonce: client.randomNonce(),
      codeVerifier: client.randomPKCECodeVerifier(),
      returnTo: localPath(req.query.returnTo),
    };
    // A new attempt replaces one in progress: only the latest state is accepted on return.
    req.signIn!.set('attempt', attempt);
    req.signIn!.options(cookieOptions(req, undefined));
    const url = client.buildAuthorizationUrl(configuration, {
      redirect_uri: redirectUri(req),
      scope: SCOPES,
      state: attempt.state,
      nonce: attempt.nonce,
      code_challenge: await client.calculatePKCECodeChallenge(attempt.codeVerifier),
      code_challenge_method: 'S256',
    });
    return reply.redirect(url.href, 303);
  });

  app.get(SIGN_IN_CALLBACK_PATH, async (req, reply) => {
    // The attempt is used once, whatever happens: a second answer with the same state finds none.
    const attempt = SignInAttempt.safeParse(req.signIn!.get('attempt'));
    req.signIn!.delete();
    if (!attempt.success) {
      req.log.info('sign-in refused: no sign-in in progress (expired, or started elsewhere)');
      return failed(reply, 'expired');
    }
    let claims: z.infer<typeof Claims>;
    let idToken: string;
    try {
      const configuration = await opts.provider.configuration();
      const current = new URL(req.url, originOf(req, opts.publicUrl));
      const tokens = await client.authorizationCodeGrant(configuration, current, {
        pkceCodeVerifier: attempt.data.codeVerifier,
        expectedState: attempt.data.state,
        expectedNonce: attempt.data.nonce,
        idTokenExpected: true,
      });
      const idClaims = Claims.parse(tokens.claims());
      idToken = tokens.id_token!;
      claims = idClaims;
      // Providers that keep e-mail and name out of the ID token (oidc-provider, some Entra setups)
      // answer them at the userinfo endpoint, for the same subject.
      if (!idClaims.email || !idClaims.name) {
        const info = await client.fetchUserInfo(configuration, tokens.access_token, idClaims.sub);
        claims = {
          ...idClaims,
          email: idClaims.email ?? (typeof info.email === 'string' ? info.email : undefined),
          name: idClaims.name ?? (typeof info.name === 'string' ? info.name : undefined),
        };
      }
    } catch (err) {
      // openid-client wraps the check that failed (oauth4webapi's message names the claim or the
      // parameter, never its value): the log says why without holding a token.
      const { name, message, code, cause } = err as {
        name?: string;
        message?: string;
        code?: string;
        cause?: { message?: string };
      };
      req.log.warn({ err: { name, message, code, reason: cause?.message } }, 'sign-in refused');
      return failed(reply, 'failed');
    }
    const now = Date.now();
    // What the provider says is shown and stored as it is, within the limits of an address and a name.
    const email = (claims.email ?? '').trim().toLowerCase().slice(0, 320);
    const name = (claims.name?.trim() || email || claims.sub).slice(0, 200);
    const user = await opts.store.upsertUser({ issuer: claims.iss, subject: claims.sub, email, name }, now);
    if (email) {
      const joined = await opts.store.acceptEmailInvitations(email, user.id, now);
      if (joined.length > 0)
        req.log.info({ userId: user.id, workshops: joined }, 'co-facilitator invitations taken up');
    }
    req.session.set('user', { id: user.id, name: user.name, email: user.email });
    req.session.set('idToken', idToken);
    req.session.options(cookieOptions(req, opts.sessionSeconds));
    req.log.info({ userId: user.id }, 'signed in');
    return reply.redirect(attempt.data.returnTo, 303);
  });

  app.post(SIGN_OUT_PATH, async (req, reply) => {
    const session = sessionOf(req);
    req.session.delete();
    req.session.options(cookieOptions(req, 0));
    let redirect = '/';
    if (session) {
      const configuration = await opts.provider.configuration().catch(() => undefined);
      // RP-initiated logout, where the provider offers it: the provider's own session ends too.
      if (configuration?.serverMetadata().end_session_endpoint) {
        redirect = client.buildEndSessionUrl(configuration, {
          id_token_hint: session.idToken,
          post_logout_redirect_uri: `${originOf(req, opts.publicUrl)}/`,
        }).href;
      }
      req.log.info({ userId: session.user.id }, 'signed out');
    }
    const response: SignOutResponse = { redirect };
    return reply.send(response);
  });

  app.get('/api/me', async (req, reply) => {
    const response: MeResponse = { user: sessionOf(req)?.user ?? null };
    return reply.header('cache-control', 'no-store').send(response);
  });
}
