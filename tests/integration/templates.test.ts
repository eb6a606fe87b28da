import {
  BUILTIN_TEMPLATES,
  localizeTemplate,
  notesIn,
  readBoardDoc,
  storedRecords,
  TEMPLATE_IDS,
  templateFromBoard,
  type TemplateFile,
  type TemplateList,
} from '@samskapa/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connect, synced, waitFor } from './helpers/clients';
import { startServer, type RunningServer } from './helpers/server';
import { queryStoreFile } from './helpers/sqlite';

const create = (server: RunningServer, body: unknown) =>
  fetch(`${server.http}/api/workshops`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });

/** The board a fresh official y-websocket client reads, as areas and notes. */
async function boardOf(server: RunningServer, id: string, token: string) {
  const client = connect(server, id, 'board', token);
  try {
    await synced(client);
    await waitFor(() => storedRecords(client.doc).length > 0, 'board content');
    return readBoardDoc(client.doc);
  } finally {
    client.destroy();
  }
}

const workshopCount = (server: RunningServer) =>
  queryStoreFile<{ n: number }>(server.dataDir, 'SELECT count(*) AS n FROM workshops').n;

describe('workshops built from templates', () => {
  let server: RunningServer;
  beforeAll(async () => {
    server = await startServer({ env: { CREATES_PER_HOUR: '1000' } });
  });
  afterAll(async () => {
    await server.stop();
  });

  it('the start page can list the six built-in templates with their areas and agenda, in both languages', async () => {
    const list = (await (await fetch(`${server.http}/api/templates`)).json()) as TemplateList;
    expect(list.templates.map((t) => t.id)).toEqual([...TEMPLATE_IDS]);
    const hsvo = list.templates.find((t) => t.id === 'samverkansplan-hsvo')!;
    expect(hsvo.title.sv).toBe('Samverkansplan HSVO 2024–2026');
    expect(hsvo.areas.filter((a) => a.kind === 'theme').map((a) => a.code)).toEqual([
      'A1',
      'A2',
      'B1',
      'B2',
      'C1',
      'D1',
    ]);
    for (const t of list.templates) expect(t.title.en.length).toBeGreaterThan(0);
  });

  for (const template of BUILTIN_TEMPLATES) {
    it(`a workshop from "${template.id}" has its areas, delmål texts and reference notes before anyone opens it`, async () => {
      const res = await create(server, { title: template.title.sv, template: template.id });
      expect(res.status).toBe(201);
      const w = (await res.json()) as { id: string; participantToken: string };
      const expected = localizeTemplate(template, 'sv');
      const board = await boardOf(server, w.id, w.participantToken);
      expect(board.areas.map((a) => [a.code, a.title, a.description])).toEqual(
        expected.areas.map((a) => [a.code, a.title, a.description]),
      );
      for (const area of expected.areas) {
        const onBoard = board.areas.find((a) => a.code === area.code)!;
        expect(notesIn(board, onBoard.id).map((n) => n.text)).toEqual(area.reference);
      }
    });
  }

  it('a workshop created in English gets the English texts', async () => {
    const res = await create(server, { title: 'HSVO', template: 'samverkansplan-hsvo', locale: 'en' });
    const w = (await res.json()) as { id: string; participantToken: string };
    const board = await boardOf(server, w.id, w.participantToken);
    const b1 = localizeTemplate(
      BUILTIN_TEMPLATES.find((t) => t.id === 'samverkansplan-hsvo')!,
      'en',
    ).areas.find((a) => a.code === 'B1')!;
    expect(board.areas.find((a) => a.code === 'B1')).toMatchObject({
      title: b1.title,
      description: b1.description,
    });
  });

  it('an unknown template id is refused with the field named, and nothing is created', async () => {
    const before = workshopCount(server);
    const res = await create(server, { title: 'x', template: 'okand-mall' });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { message: string }).message).toMatch(/^template: /);
    expect(workshopCount(server)).toBe(before);
  });

  it('a board saved as a template file makes a new workshop with the same areas and reference content', async () => {
    const first = (await (await create(server, { title: 'Original', template: 'framtidslage' })).json()) as {
      id: string;
      participantToken: string;
    };
    const original = await boardOf(server, first.id, first.participantToken);
    const file = templateFromBoard(original, 'Framtidsläge – kopia');
    const res = await create(server, { title: 'Från fil', templateFile: file });
    expect(res.status).toBe(201);
    const second = (await res.json()) as { id: string; participantToken: string };
    const copy = await boardOf(server, second.id, second.participantToken);
    expect(templateFromBoard(copy, 'Framtidsläge – kopia')).toEqual(file);
  });

  it('a broken template file is refused with the path of the wrong field, and nothing is created', async () => {
    const good = localizeTemplate(
      BUILTIN_TEMPLATES.find((t) => t.id === 'samverkansplan-hsvo')!,
      'sv',
    );
    const cases: [string, unknown, RegExp][] = [
      [
        'a code with a space',
        { ...good, areas: good.areas.map((a, i) => (i === 1 ? { ...a, code: 'A 1' } : a)) },
        /^templateFile\.areas\.1\.code: /,
      ],
      [
        'a code used twice',
        { ...good, areas: good.areas.map((a, i) => (i === 2 ? { ...a, code: good.areas[1]!.code } : a)) },
        /^templateFile\.areas\.2\.code: .*twice/,
      ],
      [
        'a missing title',
        { ...good, areas: good.areas.map((a, i) => (i === 0 ? { ...a, title: undefined } : a)) },
        /^templateFile\.areas\.0\.title: /,
      ],
      ['a wrong format', { ...good, format: 'miro-board' }, /^templateFile\.format: /],
      ['a newer version', { ...good, version: 2 }, /^templateFile\.version: /],
      [
        'a step about an area that is not there',
        { ...good, agenda: [{ ...good.agenda[0]!, areas: ['Z9'] }] },
        /^templateFile\.agenda\.0\.areas\.0: /,
      ],
      ['not an object', 'hello', /^templateFile: /],
    ];
    const before = workshopCount(server);
    for (const [what, templateFile, message] of cases) {
      const res = await create(server, { title: 'Trasig', templateFile });
      expect(res.status, what).toBe(400);
      expect(((await res.json()) as { message: string }).message, what).toMatch(message);
    }
    const both = await create(server, {
      title: 'x',
      template: 'tom',
      templateFile: good satisfies TemplateFile,
    });
    expect(both.status).toBe(400);
    expect(workshopCount(server)).toBe(before);
  });
});
