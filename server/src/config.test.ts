import { describe, expect, it } from 'vitest';
import { loadConfig, signInEnabled } from './config';

const OIDC = {
  OIDC_ISSUER: 'https://login.example.se/realms/region',
  OIDC_CLIENT_ID: 'samskapa',
  OIDC_CLIENT_SECRET: 'a-secret',
};

describe('sign-in configuration', () => {
  it('is off by default, with facilitator links on and creating open to anyone', () => {
    const config = loadConfig({});
    expect(signInEnabled(config)).toBe(false);
    expect(config.FACILITATOR_LINKS).toBe('on');
    expect(config.REQUIRE_SIGN_IN_TO_CREATE).toBe(false);
  });

  it('is on with all three OIDC variables, and reads the switches', () => {
    const config = loadConfig({ ...OIDC, REQUIRE_SIGN_IN_TO_CREATE: 'true', FACILITATOR_LINKS: 'off' });
    expect(signInEnabled(config)).toBe(true);
    expect(config.REQUIRE_SIGN_IN_TO_CREATE).toBe(true);
    expect(config.FACILITATOR_LINKS).toBe('off');
  });

  it('refuses half a configuration, naming what is missing', () => {
    expect(() => loadConfig({ OIDC_ISSUER: OIDC.OIDC_ISSUER })).toThrow(
      /OIDC_CLIENT_ID and OIDC_CLIENT_SECRET/,
    );
    expect(() => loadConfig({ ...OIDC, OIDC_ISSUER: 'not a url' })).toThrow(/OIDC_ISSUER/);
    expect(() => loadConfig({ ...OIDC, FACILITATOR_LINKS: 'maybe' })).toThrow(/FACILITATOR_LINKS/);
    expect(() => loadConfig({ ...OIDC, REQUIRE_SIGN_IN_TO_CREATE: 'sometimes' })).toThrow(
      /REQUIRE_SIGN_IN_TO_CREATE/,
    );
    expect(() => loadConfig({ ...OIDC, SESSION_SECRET: 'short' })).toThrow(/SESSION_SECRET/);
  });

  it('refuses switches that would leave nobody able to create or facilitate without sign-in', () => {
    expect(() => loadConfig({ FACILITATOR_LINKS: 'off' })).toThrow(/need sign-in/);
    expect(() => loadConfig({ REQUIRE_SIGN_IN_TO_CREATE: 'true' })).toThrow(/need sign-in/);
  });

  it('asks for SESSION_SECRET where several processes share PostgreSQL', () => {
    const shared = { DATABASE_URL: 'postgres://db/samskapa', SECRET_KEY: 'k'.repeat(32) };
    expect(() => loadConfig({ ...shared, ...OIDC })).toThrow(/SESSION_SECRET/);
    expect(loadConfig({ ...shared, ...OIDC, SESSION_SECRET: 's'.repeat(32) }).SESSION_SECRET).toHaveLength(
      32,
    );
  });
});
