import { Ajv2020 } from 'ajv/dist/2020.js';
import { parse as parseCsv } from 'csv-parse/sync';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  exportFileName,
  minutes,
  onlyArea,
  workshopCsv,
  workshopExport,
  type WorkshopExport,
} from '@samskapa/shared';
import { loadConfig } from '../../server/src/config';
import { renderExport } from '../../server/src/export/render';
import { workshopXlsx } from '../../server/src/export/xlsx';
import { HSVO_START, hsvoWorkshop, TRICKY_NOTES } from '../fixtures/hsvoWorkshop';
import { readXlsx, serialToWallClock, values, type XlsxSheet } from '../fixtures/readXlsx';

const SCHEMA_FILE = resolve(import.meta.dirname, '../../shared/schema/workshop-export.v1.json');

function exported(locale: 'sv' | 'en' = 'sv', timeZone?: string): WorkshopExport {
  const w = hsvoWorkshop(locale);
  return workshopExport(w.board, w.control, { ...w.facts, ...(timeZone && { timeZone }) }, w.now);
}

/**
 * An instant on Stockholm's clock in March 2025, before summer time (UTC+1), worked out without the
 * app's time zone code: "2025-03-12 09:12:00".
 */
const stockholmWinter = (iso: string) =>
  new Date(Date.parse(iso) + 3600_000).toISOString().slice(0, 19).replace('T', ' ');

const rowsOf = (csv: string, delimiter = ','): string[][] => parseCsv(csv, { bom: true, delimiter });

describe('the XLSX workbook, read back with fflate and fast-xml-parser (not exceljs, which writes it)', () => {
  const data = exported('sv', 'Europe/Stockholm');
  const book = (async () => readXlsx(await workshopXlsx(data, 'sv')))();
  const sheet = async (name: string): Promise<XlsxSheet> => {
    const found = (await book).sheets.find((s) => s.name === name);
    if (!found) throw new Error(`no sheet ${name}`);
    return found;
  };

  it('has a sheet of notes, one sheet per area and the agenda as it was run', async () => {
    const names = (await book).sheets.map((s) => s.name);
    expect(names[0]).toBe('Lappar');
    expect(names.at(-1)).toBe('Agenda');
    expect(names).toHaveLength(data.areas.length + 2);
    expect(names).toContain('B1 Nära vård');
    // Excel's limit on a sheet's name: 31 characters.
    expect(names).toContain('A1 Förebyggande och hälsofrämja');
    expect(names.every((n) => n.length <= 31)).toBe(true);
  });

  it("has the CSV's columns and rows in the notes sheet, the text as written (no apostrophes)", async () => {
    const csv = rowsOf(workshopCsv(data));
    const notes = values(await sheet('Lappar'));
    expect(notes[0]).toEqual(csv[0]);
    expect(notes).toHaveLength(csv.length);
    notes.slice(1).forEach((row, i) => {
      const csvRow = csv[i + 1]!;
      expect(row[0] ?? '').toBe(csvRow[0]);
      expect(row[1] ?? '').toBe(csvRow[1]);
      expect(row[3]).toBe(csvRow[3]!.replace(/^'(?=[=+\-@\t\r])/, ''));
      expect(row[4] ?? '').toBe(csvRow[4]);
      expect(row[6]).toBe(Number(csvRow[6]));
      expect(row[7]).toBe(csvRow[7]);
    });
    const texts = notes.map((r) => r[3]);
    for (const text of Object.values(TRICKY_NOTES)) expect(texts).toContain(text);
  });

  it('holds no formula anywhere: what looks like one is a text cell', async () => {
    for (const s of (await book).sheets) {
      expect(s.xml, s.name).not.toMatch(/<f[ >]/);
      expect(
        s.rows.flat().some((cell) => cell?.formula || cell?.type === 'str'),
        s.name,
      ).toBe(false);
    }
    const formula = (await sheet('Lappar')).rows.flat().find((c) => c?.value === TRICKY_NOTES.formula)!;
    expect(formula.type).toBe('s');
  });

  it("gives votes as numbers and when a note was written as a date on Stockholm's clock", async () => {
    const rows = (await sheet('Lappar')).rows.slice(1);
    const written = data.areas.flatMap((a) => a.notes).find((n) => n.text === TRICKY_NOTES.quotes)!;
    const row = rows.find((r) => r[3]?.value === TRICKY_NOTES.quotes)!;
    expect(row[6]).toMatchObject({ type: 'n', value: written.votes });
    expect(written.votes).toBeGreaterThan(0);
    expect(row[5]!.type).toBe('n');
    expect(row[5]!.format).toMatch(/yyyy-mm-dd hh:mm/);
    expect(serialToWallClock(row[5]!.value as number)).toBe(stockholmWinter(written.createdAt!));
    // Reference content has no author and no time.
    const reference = rows.find((r) => r[7]?.value === 'ja')!;
    expect(reference[5]?.value ?? null).toBeNull();
  });

  it("ranks each area's notes by votes, equal votes sharing a place, reference content after them", async () => {
    const b1 = values(await sheet('B1 Nära vård'));
    expect(b1[0]![0]).toBe('B1 Nära vård');
    expect(b1.slice(1, 4).map((r) => r[0])).toContain('Grupp: Grupp 1');
    const header = b1.findIndex((r) => r[0] === 'Plats');
    expect(b1[header]).toEqual(['Plats', 'Lapp', 'Författare', 'Röster', 'Skapad', 'Referens']);
    const table = b1.slice(header + 1);
    expect(table[0]!.slice(0, 4)).toEqual([1, 'Gemensam journal mellan region och kommun', 'Märta', 15]);
    const area = data.areas.find((a) => a.code === 'B1')!;
    expect(table).toHaveLength(area.notes.length);
    const participants = table.filter((r) => r[5] === 'nej');
    const votes = participants.map((r) => r[3] as number);
    expect([...votes].sort((a, b) => b - a)).toEqual(votes);
    participants.forEach((r, i) => {
      if (r[3] === 0) expect(r[0]).toBeNull();
      else expect(r[0]).toBe(votes.indexOf(r[3] as number) + 1);
      expect(table.indexOf(r)).toBe(i);
    });
  });

  it('lists the agenda as run: planned and actual minutes as numbers, start and end on the wall clock', async () => {
    const agenda = values(await sheet('Agenda'));
    expect(agenda[0]).toEqual([
      'Nr',
      'Steg',
      'Planerade minuter',
      'Faktiska minuter',
      'Startade',
      'Slutade',
      'Gånger',
    ]);
    expect(agenda[1]!.slice(0, 4)).toEqual([1, 'Fokusområden och delmål', 10, 10]);
    expect(serialToWallClock(agenda[1]![4] as number)).toBe('2025-03-12 09:00:00');
    expect(serialToWallClock(agenda[1]![5] as number)).toBe('2025-03-12 09:10:00');
    expect(agenda[8]!.slice(0, 4)).toEqual([8, 'Nästa steg', 10, 23]);
    const total = agenda.at(-1)!;
    expect(total[1]).toBe('Totalt');
    expect(total[2]).toBe(data.agenda.reduce((sum, s) => sum + (s.durationMinutes ?? 0), 0));
    expect(total[3]).toBe(80);
  });

  it('is in English for an English workshop', async () => {
    const en = readXlsx(await workshopXlsx(exported('en'), 'en'));
    expect(en.sheets.map((s) => s.name)).toEqual(
      expect.arrayContaining(['Notes', 'B1 Local care', 'Agenda']),
    );
    expect(values(en.sheets[0]!)[0]).toEqual([
      'Area code',
      'Area',
      'Group',
      'Note',
      'Author',
      'Created',
      'Votes',
      'Reference',
    ]);
  });

  it('of one area holds that area, its notes and the agenda', async () => {
    const one = readXlsx(await workshopXlsx(onlyArea(data, 'C1')!, 'sv'));
    expect(one.sheets.map((s) => s.name)).toEqual(['Lappar', 'C1 Kompetensförsörjning', 'Agenda']);
    expect(
      values(one.sheets[0]!)
        .slice(1)
        .every((r) => r[0] === 'C1'),
    ).toBe(true);
  });

  it('stays a valid file with control characters in a note and titles Excel refuses as sheet names', async () => {
    const odd = structuredClone(data);
    odd.areas[0]!.notes[0]!.text = 'Ljud\u0007 och\u0000 bild';
    odd.areas[0]!.title = 'Mål: [2025/26] *?\\ och en titel som är mycket längre än trettioen tecken';
    odd.areas[1]!.title = odd.areas[0]!.title;
    odd.areas[1]!.code = odd.areas[0]!.code;
    const read = readXlsx(await workshopXlsx(odd, 'sv'));
    const names = read.sheets.map((s) => s.name);
    expect(new Set(names.map((n) => n.toLowerCase())).size).toBe(names.length);
    expect(names.every((n) => n.length <= 31 && !/[[\]:*?/\\]/.test(n))).toBe(true);
    expect(names[2]).toMatch(/ \(2\)$/);
    expect(values(read.sheets[0]!).map((r) => r[3])).toContain('Ljud och bild');
  });
});

describe('CSV för Excel', () => {
  const data = exported();
  const comma = workshopCsv(data);
  const semicolon = workshopCsv(data, ';');

  it('is the same table with semicolons, UTF-8 with a BOM and CRLF, as a Swedish Excel opens it', () => {
    expect(
      semicolon.startsWith('\uFEFFOmrådeskod;Område;Grupp;Lapp;Författare;Skapad;Röster;Referens\r\n'),
    ).toBe(true);
    expect(rowsOf(semicolon, ';')).toEqual(rowsOf(comma));
  });

  it('quotes a cell holding either separator, and neutralises formulas, in both variants', () => {
    expect(semicolon).toContain('"Lina, kommunen"');
    expect(semicolon).toContain(`;"'=HYPERLINK(""http://example.invalid"",""klicka"")";`);
    const withSemicolon = structuredClone(data);
    withSemicolon.unassigned[0]!.text = 'Först; sedan';
    expect(workshopCsv(withSemicolon)).toContain(',"Först; sedan",');
    expect(workshopCsv(withSemicolon, ';')).toContain(';"Först; sedan";');
  });
});

describe("times in the workshop's time zone, not UTC", () => {
  it("give when each note was written on Stockholm's clock in the CSV", () => {
    const data = exported();
    const rows = rowsOf(workshopCsv(data)).slice(1);
    const notes = [...data.areas.flatMap((a) => a.notes), ...data.unassigned];
    expect(rows).toHaveLength(notes.length);
    rows.forEach((row, i) => {
      const at = notes[i]!.createdAt;
      expect(row[5]).toBe(at === null ? '' : stockholmWinter(at));
    });
    expect(rows.find((r) => r[5] !== '')![5]).toMatch(/^2025-03-12 09:\d\d:\d\d$/);
  });

  it("say in the minutes when they were exported on Stockholm's clock, or on the workshop's own", () => {
    expect(minutes(exported())).toContain('**Exporterad:** 2025-03-12 10:20 (Europe/Stockholm)');
    const newYork = minutes(exported('en', 'America/New_York'), 'en');
    expect(newYork).toContain('**Exported:** 2025-03-12 05:20 (America/New_York)');
    // A zone this runtime does not know (an import from elsewhere) falls back to Stockholm.
    expect(minutes(exported('sv', 'Mars/Olympus_Mons'))).toContain('10:20 (Europe/Stockholm)');
  });

  it("follow summer time, and date a workshop held just after midnight by Stockholm's day", async () => {
    const data = exported('sv', 'Europe/Stockholm');
    const summer: WorkshopExport = {
      ...data,
      exportedAt: '2025-06-10T22:30:00.000Z',
      agenda: data.agenda.map((step, i) =>
        i === 0
          ? {
              ...step,
              runs: [{ startedAt: '2025-06-10T22:05:00.000Z', endedAt: '2025-06-10T22:15:00.000Z' }],
            }
          : { ...step, runs: [] },
      ),
    };
    const md = minutes(summer);
    expect(md).toContain('**Datum:** 2025-06-11');
    expect(md).toContain('**Exporterad:** 2025-06-11 00:30 (Europe/Stockholm)');
    const file = await renderExport(summer, 'xlsx');
    expect(file.fileName.unicode).toBe('Samverkansplan HSVO – Östhammar-2025-06-11.xlsx');
    const agenda = values(readXlsx(file.body).sheets.at(-1)!);
    expect(serialToWallClock(agenda[1]![4] as number)).toBe('2025-06-11 00:05:00');
  });

  it("are set by the server's TIME_ZONE, Europe/Stockholm unless told otherwise; a wrong name stops it", () => {
    expect(loadConfig({}).TIME_ZONE).toBe('Europe/Stockholm');
    expect(loadConfig({ TIME_ZONE: 'Europe/Helsinki' }).TIME_ZONE).toBe('Europe/Helsinki');
    expect(() => loadConfig({ TIME_ZONE: 'Europe/Stokholm' })).toThrow(
      /TIME_ZONE: must be an IANA time zone/,
    );
  });

  it('are named in the JSON, valid against the published schema; files without one still are', () => {
    const ajv = new Ajv2020({ allErrors: true, strict: true, validateFormats: false });
    const validate = ajv.compile(JSON.parse(readFileSync(SCHEMA_FILE, 'utf8')));
    const data = JSON.parse(JSON.stringify(exported('sv', 'Europe/Stockholm')));
    expect(data.workshop.timeZone).toBe('Europe/Stockholm');
    expect(validate(data), JSON.stringify(validate.errors)).toBe(true);
    delete data.workshop.timeZone;
    expect(validate(data)).toBe(true);
    data.workshop.timeZone = '<script>';
    expect(validate(data)).toBe(false);
  });

  it('date the download by the day in Stockholm', () => {
    expect(HSVO_START).toBe(Date.parse('2025-03-12T08:00:00Z'));
    expect(exportFileName('Plan', '2025-03-12', 'xlsx').ascii).toBe('plan-2025-03-12.xlsx');
    expect(exportFileName('Plan', '2025-03-12', 'csv-excel').ascii).toBe('plan-2025-03-12.csv');
  });
});
