import type { WorkshopSummary } from '@samskapa/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWorkshop } from './helpers/clients';
import { startServer, type RunningServer } from './helpers/server';
import { call } from './helpers/voting';

const DAY_MS = 24 * 60 * 60 * 1000;
const MAX_RETENTION_DAYS = 30;

/** A calendar date `days` from today (UTC), as a date input gives it. */
const dateIn = (days: number) => new Date(Date.now() + days * DAY_MS).toISOString().slice(0, 10);

describe('the facilitator sees and changes the deletion date', () => {
  let server: RunningServer;
  beforeAll(async () => {
    server = await startServer({ env: { MAX_RETENTION_DAYS: String(MAX_RETENTION_DAYS) } });
  });
  afterAll(async () => {
    await server?.stop();
  });

  const summary = async (id: string, token: string) =>
    (await call<WorkshopSummary>(server, 'GET', `/api/workshops/${id}`, token)).body;
  const patch = (id: string, token: string | undefined, body: unknown) =>
    call<{ retainUntil?: string; error?: string; message?: string }>(
      server,
      'PATCH',
      `/api/workshops/${id}`,
      token,
      body,
    );

  it('a facilitator moves the date to another day, and everyone with a link reads the new date', async () => {
    const w = await createWorkshop(server);
    const date = dateIn(10);
    const answer = await patch(w.id, w.facilitatorToken, { retainUntil: date });
    expect(answer.status).toBe(200);
    expect(answer.body.retainUntil).toBe(`${date}T00:00:00.000Z`);
    expect((await summary(w.id, w.participantToken)).retainUntil).toBe(`${date}T00:00:00.000Z`);

    // An instant (the browser sends the start of the chosen day in its own time zone) is kept as it is.
    const instant = new Date(Date.now() + 3 * DAY_MS).toISOString();
    expect((await patch(w.id, w.facilitatorToken, { retainUntil: instant })).body.retainUntil).toBe(instant);
    expect((await summary(w.id, w.facilitatorToken)).retainUntil).toBe(instant);
  });

  it('tomorrow and the last allowed day are accepted; today, the past and beyond the maximum get 400 and change nothing', async () => {
    const w = await createWorkshop(server);
    const before = (await summary(w.id, w.facilitatorToken)).retainUntil;
    for (const retainUntil of [
      dateIn(0),
      dateIn(-5),
      dateIn(MAX_RETENTION_DAYS + 1),
      new Date(Date.now() - 60_000).toISOString(),
    ]) {
      const answer = await patch(w.id, w.facilitatorToken, { retainUntil });
      expect(answer.status, retainUntil).toBe(400);
      expect(answer.body.message).toMatch(
        new RegExp(`^retainUntil: must be a date from tomorrow up to ${MAX_RETENTION_DAYS} days ahead`),
      );
    }
    for (const body of [
      { retainUntil: '4 december 2027' },
      { retainUntil: '2027-13-40' },
      { retainUntil: 1_800_000_000_000 },
      {},
      { retainUntil: dateIn(5), title: 'Nytt namn' },
    ]) {
      const answer = await patch(w.id, w.facilitatorToken, body);
      expect(answer.status, JSON.stringify(body)).toBe(400);
      expect(answer.body.error).toBe('invalid_request');
    }
    expect((await patch(w.id, w.facilitatorToken, { retainUntil: 'x' })).body.message).toMatch(
      /^retainUntil: /,
    );
    expect((await summary(w.id, w.facilitatorToken)).retainUntil).toBe(before);

    expect((await patch(w.id, w.facilitatorToken, { retainUntil: dateIn(1) })).status).toBe(200);
    expect(
      (await patch(w.id, w.facilitatorToken, { retainUntil: dateIn(MAX_RETENTION_DAYS - 1) })).status,
    ).toBe(200);
  });

  it('participants and viewers get 403, a wrong or missing token 401, an unknown workshop 404', async () => {
    const w = await createWorkshop(server);
    const before = (await summary(w.id, w.facilitatorToken)).retainUntil;
    const body = { retainUntil: dateIn(7) };
    expect((await patch(w.id, w.participantToken, body)).status).toBe(403);
    expect((await patch(w.id, w.viewerToken, body)).status).toBe(403);
    expect((await patch(w.id, 'not-a-token', body)).status).toBe(401);
    expect((await patch(w.id, undefined, body)).status).toBe(401);
    expect((await patch('w_doesnotexist0000000000', w.facilitatorToken, body)).status).toBe(404);
    expect((await summary(w.id, w.facilitatorToken)).retainUntil).toBe(before);
  });
});
