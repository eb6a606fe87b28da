import { createHash, generateKeyPairSync, randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import Provider, { type Configuration } from 'oidc-provider';
import { freePort } from './server';

/** A person the test provider knows. */
export interface TestUser {
  sub: string;
  email: string;
  name: string;
}

export const TEST_USERS = {
  alice: { sub: 'alice-0001', email: 'Alice.Andersson@region.example', name: 'Alice Andersson' },
  bob: { sub: 'bob-0002', email: 'bob.berg@region.example', name: 'Bob Berg' },
  carol: { sub: 'carol-0003', email: 'carol.carlsson@region.example', name: 'Carol Carlsson' },
  dave: { sub: 'dave-0004', email: 'dave.dahl@region.example', name: 'Dave Dahl' },
} satisfies Record<string, TestUser>;
export type TestUserName = keyof typeof TEST_USERS;

/** The client Samskapa is registered as, and a second client of the same provider (another service). */
export const SAMSKAPA_CLIENT = { id: 'samskapa', secret: 'samskapa-test-secret-0123456789abcdef' };
export const OTHER_CLIENT = { id: 'other-service', secret: 'other-test-secret-0123456789abcdef' };
const OTHER_REDIRECT = 'http://127.0.0.1:9/other/callback';

/** Tokens as a token endpoint answers them. */
export type TokenResponse = Record<string, unknown> & { id_token: string; access_token: string };

export interface TestProvider {
  issuer: string;
  /** Who signs in at the next login interaction (default alice); a signed-in browser stays who it was. */
  signInAs(user: TestUserName): void;
  /** The token endpoint's next answer is `tokens` instead of the real one (a provider gone wrong). */
  answerNextTokenRequestWith(tokens: TokenResponse): void;
  /**
   * Run a whole code flow for `client` as `user` with `nonce` (a fresh cookie jar, no browser) and
   * return the tokens the real provider issued.
   */
  issueTokens(
    client: 'samskapa' | 'other',
    user: TestUserName,
    nonce: string,
    redirectUri: string,
  ): Promise<TokenResponse>;
  /** Every path requested of the provider, in order (`/auth`, `/token`, `/session/end`, …). */
  requests: string[];
  stop(): Promise<void>;
}

/**
 * A real OpenID Connect provider (the `oidc-provider` library) on loopback, with test users and two
 * clients. Its login and consent interactions finish without a UI: the user named by `signInAs` is
 * signed in and the scopes are granted, so browser tests are reliable.
 */
export async function startTestProvider(samskapaOrigins: string[]): Promise<TestProvider> {
  const port = await freePort();
  const issuer = `http://127.0.0.1:${port}`;
  let nextUser: TestUserName = 'alice';
  let injected: TokenResponse | undefined;
  const requests: string[] = [];
  const users = new Map<string, TestUser>(Object.values(TEST_USERS).map((u) => [u.sub, u]));

  const configuration: Configuration = {
    clients: [
      {
        client_id: SAMSKAPA_CLIENT.id,
        client_secret: SAMSKAPA_CLIENT.secret,
        redirect_uris: samskapaOrigins.map((o) => `${o}/auth/callback`),
        post_logout_redirect_uris: samskapaOrigins.map((o) => `${o}/`),
        token_endpoint_auth_method: 'client_secret_post',
      },
      {
        client_id: OTHER_CLIENT.id,
        client_secret: OTHER_CLIENT.secret,
        redirect_uris: [OTHER_REDIRECT],
        token_endpoint_auth_method: 'client_secret_post',
      },
    ],
    async findAccount(_ctx, id) {
      const user = users.get(id);
      if (!user) return undefined;
      return {
        accountId: id,
        async claims() {
          return { sub: id, email: user.email, email_verified: true, name: user.name };
        },
      };
    },
    claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name'] },
    interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
    features: {
      devInteractions: { enabled: false },
      rpInitiatedLogout: {
        enabled: true,
        async logoutSource(ctx, form) {
          ctx.body = `<!DOCTYPE html><html lang="en"><head><title>Sign out</title></head><body><main>
            <h1>Sign out of the test provider?</h1>${form}
            <button type="submit" form="op.logoutForm" value="yes" name="logout">Yes, sign me out</button>
            </main></body></html>`;
        },
      },
    },
    // First-party clients: the scopes asked for are granted without a consent page.
    async loadExistingGrant(ctx) {
      const session = ctx.oidc.session;
      const clientId = ctx.oidc.client?.clientId;
      if (!session?.accountId || !clientId) return undefined;
      const grantId = session.grantIdFor(clientId);
      if (grantId) {
        const existing = await ctx.oidc.provider.Grant.find(grantId);
        if (existing) return existing;
      }
      const grant = new ctx.oidc.provider.Grant({ clientId, accountId: session.accountId });
      grant.addOIDCScope('openid email profile');
      await grant.save();
      session.grantIdFor(clientId, grant.jti);
      return grant;
    },
    cookies: { keys: [randomBytes(16).toString('hex')] },
    // Its own signing key (the library's built-in development key is the same everywhere).
    jwks: {
      keys: [
        {
          ...generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ format: 'jwk' }),
          kid: 'test',
        },
      ],
    },
  };
  const provider = new Provider(issuer, configuration);
  const callback = provider.callback();

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const path = new URL(req.url ?? '/', issuer).pathname;
    requests.push(path);
    if (path.startsWith('/interaction/')) {
      const details = await provider.interactionDetails(req, res);
      const accountId = TEST_USERS[nextUser].sub;
      await provider.interactionFinished(
        req,
        res,
        details.prompt.name === 'login' ? { login: { accountId } } : {},
        { mergeWithLastSubmission: false },
      );
      return;
    }
    if (path === '/token' && injected) {
      const body = injected;
      injected = undefined;
      req.resume();
      res.writeHead(200, { 'content-type': 'application/json', 'cache-control': 'no-store' });
      res.end(JSON.stringify(body));
      return;
    }
    callback(req, res);
  };
  const server: Server = createServer((req, res) => {
    handle(req, res).catch((err: unknown) => {
      res.writeHead(500);
      res.end(String(err));
    });
  });
  await new Promise<void>((res) => server.listen(port, '127.0.0.1', () => res()));

  return {
    issuer,
    requests,
    signInAs(user) {
      nextUser = user;
    },
    answerNextTokenRequestWith(tokens) {
      injected = tokens;
    },
    async issueTokens(which, user, nonce, redirectUri) {
      const client = which === 'samskapa' ? SAMSKAPA_CLIENT : OTHER_CLIENT;
      const redirect = which === 'samskapa' ? redirectUri : OTHER_REDIRECT;
      const verifier = randomBytes(32).toString('base64url');
      const challenge = createHash('sha256').update(verifier).digest('base64url');
      const jar = new CookieJar();
      const before = nextUser;
      nextUser = user;
      try {
        let url = `${issuer}/auth?${new URLSearchParams({
          client_id: client.id,
          redirect_uri: redirect,
          response_type: 'code',
          scope: 'openid email profile',
          state: randomBytes(8).toString('hex'),
          nonce,
          code_challenge: challenge,
          code_challenge_method: 'S256',
        })}`;
        for (let hop = 0; hop < 10 && url.startsWith(issuer); hop++) {
          const res = await jar.fetch(url);
          url = new URL(res.headers.get('location') ?? '', url).href;
        }
        const code = new URL(url).searchParams.get('code');
        if (!code) throw new Error(`the provider issued no code: ${url}`);
        const res = await fetch(`${issuer}/token`, {
          method: 'POST',
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
          body: new URLSearchParams({
            grant_type: 'authorization_code',
            code,
            redirect_uri: redirect,
            code_verifier: verifier,
            client_id: client.id,
            client_secret: client.secret,
          }),
        });
        if (!res.ok) throw new Error(`token request failed: ${res.status} ${await res.text()}`);
        return (await res.json()) as TokenResponse;
      } finally {
        nextUser = before;
      }
    },
    async stop() {
      server.closeAllConnections();
      await new Promise<void>((res) => server.close(() => res()));
    },
  };
}

/**
 * The cookies of one browser, for driving sign-in with `fetch`: kept by name per host (as browsers do,
 * ports apart), sent back on every request, redirects not followed.
 */
export class CookieJar {
  private readonly cookies = new Map<string, Map<string, string>>();

  /** The cookie `name` this jar holds for `url`'s host, if any. */
  get(url: string, name: string): string | undefined {
    return this.cookies.get(new URL(url).host)?.get(name);
  }

  /** The `Cookie` header this jar sends to `url`. */
  header(url: string): string {
    return [...(this.cookies.get(new URL(url).host) ?? [])].map(([k, v]) => `${k}=${v}`).join('; ');
  }

  /** `fetch` with this jar's cookies; `Set-Cookie` of the answer is kept; redirects are not followed. */
  async fetch(url: string, init: RequestInit = {}): Promise<Response> {
    const headers = new Headers(init.headers);
    const cookie = this.header(url);
    if (cookie) headers.set('cookie', cookie);
    const res = await fetch(url, { ...init, headers, redirect: 'manual' });
    const host = new URL(url).host;
    const forHost = this.cookies.get(host) ?? new Map<string, string>();
    for (const line of res.headers.getSetCookie()) {
      const [pair = '', ...attributes] = line.split(';');
      const eq = pair.indexOf('=');
      const name = pair.slice(0, eq).trim();
      const value = pair.slice(eq + 1).trim();
      const expired = attributes.some((a) => /^\s*max-age=0\s*$/i.test(a)) || value === '';
      if (expired) forHost.delete(name);
      else forHost.set(name, value);
    }
    this.cookies.set(host, forHost);
    return res;
  }
}
