import { addNote, readBoardDoc, WorkshopExport, type CreateWorkshopResponse } from '@samskapa/shared';
import { parse as parseCsv } from 'csv-parse/sync';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readXlsx, values } from '../fixtures/readXlsx';
import { createWorkshop, waitFor } from './helpers/clients';
import { ROOT, startServer, type RunningServer } from './helpers/server';
import { connectFacilitator, type Facilitator } from './helpers/voting';

/** `pnpm admin …` as an administrator runs it, against the data directory of `server`. */
function admin(server: RunningServer, ...args: string[]) {
  return adminWith({}, server, ...args);
}

/** `pnpm admin …` with more settings in its environment. */
function adminWith(env: Record<string, string>, server: RunningServer, ...args: string[]) {
  const result = spawnSync(process.execPath, ['--import', 'tsx', 'server/src/cli.ts', ...args], {
    cwd: ROOT,
    env: { ...process.env, DATA_DIR: server.dataDir, ...env },
    timeout: 120_000,
    maxBuffer: 64 * 1024 * 1024,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr.toString('utf8') };
}

let server: RunningServer;
let w: CreateWorkshopResponse;
let facilitator: Facilitator;

beforeAll(async () => {
  server = await startServer();
  w = await createWorkshop(server, 'Samverkansplan – Tierp', 'samverkansplan-hsvo');
  facilitator = await connectFacilitator(server, w);
  const b1 = readBoardDoc(facilitator.board.doc).areas.find((a) => a.code === 'B1')!;
  for (const text of ['Gemensam journal för kommun och region', '@alla: läs planen']) {
    addNote(facilitator.board.doc, {
      text,
      areaId: b1.id,
      authorId: 'p_facilitator',
      author: 'Örjan',
      now: Date.now(),
      pageName: 'Tavla',
    });
  }
});

afterAll(async () => {
  facilitator?.destroy();
  await server?.stop();
});

describe('pnpm admin export', () => {
  it('writes the JSON export of a workshop to standard output, read from the store', async () => {
    await waitFor(() => {
      const { stdout } = admin(server, 'export', w.id, '--format', 'json');
      const data = WorkshopExport.parse(JSON.parse(stdout.toString('utf8')));
      return data.areas.find((a) => a.code === 'B1')!.notes.filter((n) => !n.reference).length === 2;
    }, 'both notes are in the export');
    const { code, stdout } = admin(server, 'export', w.id, '--format', 'json');
    expect(code).toBe(0);
    const data = WorkshopExport.parse(JSON.parse(stdout.toString('utf8')));
    expect(data.workshop.title).toBe('Samverkansplan – Tierp');
  }, 120_000);

  it('writes CSV and the poster PNG of one area to a file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'samskapa-export-'));
    const csvFile = join(dir, 'b1.csv');
    const csv = admin(server, 'export', w.id, '--format', 'csv', '--area', 'B1', '--out', csvFile);
    expect(csv.code).toBe(0);
    expect(csv.stdout.toString('utf8')).toContain(`wrote ${csvFile}`);
    const rows: string[][] = parseCsv(readFileSync(csvFile), { bom: true });
    expect(rows.slice(1).every((r) => r[0] === 'B1')).toBe(true);
    expect(rows.map((r) => r[3])).toContain("'@alla: läs planen");

    const pngFile = join(dir, 'b1.png');
    expect(admin(server, 'export', w.id, '--format', 'png', '--area', 'B1', '--out', pngFile).code).toBe(0);
    expect(PNG.sync.read(readFileSync(pngFile)).width).toBe(2480);
  }, 120_000);

  it('writes the XLSX workbook, and minutes on the clock of the TIME_ZONE it is given', () => {
    const dir = mkdtempSync(join(tmpdir(), 'samskapa-export-'));
    const xlsxFile = join(dir, 'plan.xlsx');
    expect(admin(server, 'export', w.id, '--format', 'xlsx', '--out', xlsxFile).code).toBe(0);
    const book = readXlsx(readFileSync(xlsxFile));
    expect(book.sheets.map((s) => s.name)).toEqual(
      expect.arrayContaining(['Lappar', 'B1 Nära vård', 'Agenda']),
    );
    expect(values(book.sheets[0]!).map((r) => r[3])).toContain('@alla: läs planen');

    const md = adminWith({ TIME_ZONE: 'America/New_York' }, server, 'export', w.id, '--format', 'md');
    expect(md.code).toBe(0);
    expect(md.stdout.toString('utf8')).toMatch(/\*\*Exporterad:\*\* [\d-]+ [\d:]+ \(America\/New_York\)/);
    const wrong = adminWith({ TIME_ZONE: 'Europe/Stokholm' }, server, 'export', w.id, '--format', 'md');
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toContain('TIME_ZONE');
  }, 120_000);

  it('exits 1 for a workshop or area that does not exist and 2 for wrong usage, saying why', () => {
    const none = admin(server, 'export', 'AAAAAAAAAAAAAAAA', '--format', 'json');
    expect(none.code).toBe(1);
    expect(none.stderr).toContain('no workshop AAAAAAAAAAAAAAAA');
    const area = admin(server, 'export', w.id, '--format', 'md', '--area', 'Z9');
    expect(area.code).toBe(1);
    expect(area.stderr).toContain('no area with the code "Z9"');
    const format = admin(server, 'export', w.id, '--format', 'docx');
    expect(format.code).toBe(2);
    expect(format.stderr).toContain('--format');
    expect(admin(server, 'export').code).toBe(2);
  }, 120_000);
});
