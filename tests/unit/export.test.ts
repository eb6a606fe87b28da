import { Ajv2020 } from 'ajv/dist/2020.js';
import { parse as parseCsv } from 'csv-parse/sync';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import {
  exportFileName,
  minutes,
  onlyArea,
  posterSvg,
  workshopCsv,
  workshopExport,
  workshopExportJsonSchema,
  type WorkshopExport,
} from '@samskapa/shared';
import { posterPng } from '../../server/src/export/posterPng';
import { hsvoWorkshop, TRICKY_NOTES } from '../fixtures/hsvoWorkshop';

const SCHEMA_FILE = resolve(import.meta.dirname, '../../shared/schema/workshop-export.v1.json');

function exported(locale: 'sv' | 'en' = 'sv'): WorkshopExport {
  const w = hsvoWorkshop(locale);
  return workshopExport(w.board, w.control, w.facts, w.now);
}

const participantNotes = (data: WorkshopExport) =>
  data.areas.flatMap((a) => a.notes.filter((n) => !n.reference)).concat(data.unassigned);

describe('the JSON export', () => {
  it('is the schema that is committed (run `pnpm schema:export` after changing the zod schema)', () => {
    const committed = JSON.parse(readFileSync(SCHEMA_FILE, 'utf8'));
    expect(
      committed,
      'shared/schema/workshop-export.v1.json is stale: run `pnpm schema:export` and commit it',
    ).toEqual(workshopExportJsonSchema());
  });

  it('validates against the published schema with an independent validator, and a broken one does not', () => {
    const ajv = new Ajv2020({ allErrors: true, strict: true, validateFormats: false });
    const validate = ajv.compile(JSON.parse(readFileSync(SCHEMA_FILE, 'utf8')));
    const data = JSON.parse(JSON.stringify(exported()));
    expect(validate(data), JSON.stringify(validate.errors)).toBe(true);
    expect(participantNotes(data)).toHaveLength(60);
    const b1 = data.areas.find((a: WorkshopExport['areas'][number]) => a.code === 'B1');
    expect(b1).toMatchObject({ title: 'Nära vård', group: 'Grupp 1' });

    const broken = structuredClone(data);
    broken.areas[1].notes[0].votes = -1;
    delete broken.workshop.title;
    expect(validate(broken)).toBe(false);
    expect(validate.errors!.map((e) => e.instancePath)).toEqual(
      expect.arrayContaining(['/areas/1/notes/0/votes', '/workshop']),
    );
  });
});

describe('the CSV export', () => {
  const csv = workshopCsv(exported());
  const rows: string[][] = parseCsv(csv, { bom: true, relax_column_count: false });

  it('starts with a BOM and ends each record with CRLF, as Excel reads UTF-8', () => {
    expect(csv.startsWith('\uFEFF')).toBe(true);
    expect(csv.endsWith('\r\n')).toBe(true);
    expect(
      csv
        .replace(/"[^"]*"/g, '')
        .split('\n')
        .every((l, i, all) => i === all.length - 1 || l.endsWith('\r')),
    ).toBe(true);
  });

  it('has Swedish headers and one row per note with its area, group and votes', () => {
    expect(rows[0]).toEqual([
      'Områdeskod',
      'Område',
      'Grupp',
      'Lapp',
      'Författare',
      'Skapad',
      'Röster',
      'Referens',
    ]);
    const notes = rows.slice(1).filter((r) => r[7] === 'nej');
    expect(notes).toHaveLength(60);
    const journal = rows.find((r) => r[3] === 'Gemensam journal mellan region och kommun')!;
    expect(journal.slice(0, 3)).toEqual(['B1', 'Nära vård', 'Grupp 1']);
    expect(journal[6]).toBe('15');
    expect(rows.find((r) => r[3] === 'Bättre parkering vid lasarettet')!.slice(0, 3)).toEqual(['', '', '']);
    expect(rows.some((r) => r[3] === 'Sjuksköterskebristen är akut!!')).toBe(true);
  });

  it('keeps quotes, commas and line breaks inside a cell and neutralises formulas', () => {
    const texts = rows.map((r) => r[3]);
    expect(texts).toContain(TRICKY_NOTES.quotes);
    expect(texts).toContain(TRICKY_NOTES.newline);
    for (const text of [
      TRICKY_NOTES.formula,
      TRICKY_NOTES.plus,
      TRICKY_NOTES.minus,
      TRICKY_NOTES.at,
      TRICKY_NOTES.tab,
    ]) {
      expect(texts).toContain(`'${text}`);
    }
    expect(rows.find((r) => r[4] === 'Lina, kommunen')).toBeDefined();
    expect(rows.find((r) => r[4] === 'Ali "Doc"')).toBeDefined();
    expect(rows.every((r) => !/^[=+\-@\t\r]/.test(r.join('')) || r[0] === '')).toBe(true);
  });

  it('has English headers for an English workshop', () => {
    const en: string[][] = parseCsv(workshopCsv(exported('en')), { bom: true });
    expect(en[0]).toEqual(['Area code', 'Area', 'Group', 'Note', 'Author', 'Created', 'Votes', 'Reference']);
    expect(en.find((r) => r[0] === 'B1')![1]).toBe('Local care');
  });
});

describe('the Markdown minutes', () => {
  const data = exported();
  const md = minutes(data, 'sv');

  it('are Swedish minutes with the agenda as run, planned minutes beside actual', () => {
    expect(md.startsWith('# Minnesanteckningar: Samverkansplan HSVO – Östhammar\n')).toBe(true);
    expect(md).toContain('**Datum:** 2025-03-12');
    // The template's title, not its id; dots are "prickar", as on the screens.
    expect(md).toContain('**Mall:** Samverkansplan HSVO 2024–2026');
    expect(md).not.toMatch(/röst(er)?\b/);
    expect(md).toContain('| 1 | Fokusområden och delmål | 10 min | 10 min |');
    expect(md).toContain('| 2 | Aktiviteter A – Förebyggande och hälsofrämjande | 8 min | 9 min |');
    expect(md).toContain('| 8 | Nästa steg | 10 min | 23 min |');
    expect(md).toContain('## Nästa steg');
  });

  it('have a heading per area and its notes ranked by votes', () => {
    for (const area of data.areas) expect(md).toContain(`\n## ${area.code} ${area.title}\n`);
    const b1 = md.slice(
      md.indexOf('## B1 Nära vård'),
      md.indexOf('\n## ', md.indexOf('## B1 Nära vård') + 1),
    );
    const order = [
      'Gemensam journal mellan region och kommun — Märta (**15 prickar**)',
      'Gemensamt journalsystem för kommun och region',
      'Fler SIP:ar – samordnad individuell plan',
      'Hon sa "samverkan, inte samordning", och alla höll med',
      'Vi kan inte se varandras journaler',
    ].map((text) => b1.indexOf(text));
    expect(order.every((i) => i >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    expect(md).toContain('## Utanför fokusområden');
    expect(md).toContain('- **Grupp 1** (B1 Nära vård): Hur når vi en gemensam journal? — 5 deltagare');
  });

  it('escape Markdown in what participants wrote', () => {
    expect(md).toContain('Andra raden: hemtjänst \\& \\*nattpatrull\\*');
    expect(md).toContain('- \\=HYPERLINK');
    expect(md).toContain('- \\-1 sjuksköterska');
    expect(md).not.toMatch(
      /^#+ (?!Minnesanteckningar|Agenda|[A-Z]{1,2}\d? |Utanför|Grupper|Nästa steg|Underlag|Lappar)/m,
    );
  });

  it('are English for an English workshop', () => {
    const en = minutes(exported('en'), 'en');
    expect(en).toContain('# Minutes: HSVO collaboration plan – Östhammar');
    expect(en).toContain('## B1 Local care');
    expect(en).toContain('## Next steps');
    expect(en).toContain('**Template:** Collaboration plan – HSVO 2024–2026');
    expect(en).toContain('(**15 dots**)');
  });
});

describe('the poster', () => {
  const data = exported();
  const svg = posterSvg(data, { locale: 'sv' });

  it('is well-formed SVG that holds every area title and every note', () => {
    expect(XMLValidator.validate(svg)).toBe(true);
    const doc = new XMLParser({ ignoreAttributes: false }).parse(svg);
    expect(doc.svg['@_width']).toBe('2480');
    // The text as a reader sees it: the lines of each text element joined by spaces.
    const text = [...svg.matchAll(/<text[^>]*>(.*?)<\/text>/g)]
      .map((m) => m[1]!.replace(/<[^>]+>/g, ' '))
      .join(' ')
      .replace(/\s+/g, ' ')
      .replace(/&quot;/g, '"')
      .replace(/&apos;/g, "'")
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&amp;/g, '&');
    for (const area of data.areas) expect(text).toContain(`${area.code} ${area.title}`);
    for (const note of participantNotes(data).filter((n) => n.text.length < 40 && !n.text.includes('\n'))) {
      // Words wider than a note are broken across lines, with a hyphen at the break.
      expect(text.replace(/[ -]/g, '')).toContain(note.text.replace(/[\s-]/g, ''));
    }
    expect(text).toContain('Utanför fokusområden');
    expect(text).toContain('Samverkansplan HSVO – Östhammar');
  });

  it('draws one area alone', () => {
    const one = posterSvg(onlyArea(data, 'B1')!, { locale: 'sv', area: 'B1' });
    expect(XMLValidator.validate(one)).toBe(true);
    expect(one).toContain('>B1 Nära vård<');
    expect(one).not.toContain('Krishantering');
    expect(one).not.toContain('Utanför fokusområden');
  });

  it('renders to a PNG that decodes at its stated size', async () => {
    const { png, width, height } = await posterPng(svg);
    const decoded = PNG.sync.read(png);
    expect([decoded.width, decoded.height]).toEqual([width, height]);
    expect(width).toBe(2480);
    expect(height).toBe(Number(/height="(\d+)"/.exec(svg)![1]));
  }, 120_000);
});

describe('the download file name', () => {
  it('is an ASCII slug of the title with the day, and the real title for filename*', () => {
    expect(exportFileName('Samverkansplan HSVO – Östhammar', '2025-03-12T10:00:00Z', 'csv')).toEqual({
      ascii: 'samverkansplan-hsvo-osthammar-2025-03-12.csv',
      unicode: 'Samverkansplan HSVO – Östhammar-2025-03-12.csv',
    });
    expect(exportFileName('Åtgärder/"plan"', '2025-03-12', 'png', 'B1').ascii).toBe(
      'atgarder-plan-b1-2025-03-12.png',
    );
  });
});
