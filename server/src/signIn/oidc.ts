import * as client from 'openid-client';
import type { Logger } from 'pino';

/** The scopes asked for: the subject (`openid`), the e-mail address and the name. */
export const SCOPES = 'openid email profile';

export interface OidcSettings {
  issuer: string;
  clientId: string;
  clientSecret: string;
}

/** Whether a URL is plain http to this machine (a provider the tests start on loopback). */
function plainLoopback(url: URL): boolean {
  return url.protocol === 'http:' && ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname);
}

/**
 * The OpenID Connect provider, as openid-client sees it after discovery. Discovery runs on first use
 * (the server starts even while the provider is unreachable) and is kept once it succeeded.
 */
export class OidcProvider {
  private discovered: Promise<client.Configuration> | undefined;

  constructor(
    private readonly settings: OidcSettings,
    private readonly log: Logger,
  ) {}

  /** The provider's configuration; rejects (and is tried again next time) when discovery fails. */
  configuration(): Promise<client.Configuration> {
    this.discovered ??= this.discover().catch((err: unknown) => {
      this.discovered = undefined;
      this.log.warn({ err, issuer: this.settings.issuer }, 'OpenID Connect discovery failed');
      throw err;
    });
    return this.discovered;
  }

  private async discover(): Promise<client.Configuration> {
    const issuer = new URL(this.settings.issuer);
    // openid-client speaks only https to a provider; plain http is allowed to loopback alone.
    const execute = plainLoopback(issuer) ? [client.allowInsecureRequests] : [];
    const configuration = await client.discovery(
      issuer,
      this.settings.clientId,
      undefined,
      client.ClientSecretPost(this.settings.clientSecret),
      { execute },
    );
    this.log.info({ issuer: this.settings.issuer }, 'OpenID Connect provider discovered');
    return configuration;
  }
}
