import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { boardRecords, readBoardSchema } from '../../shared/src/doc/boardDoc';
import { LOCALES } from '../../shared/src/model/workshop';
import { boardSchema, buildTemplateDoc } from '../../shared/src/templates/buildBoard';
import { templateFromBoard } from '../../shared/src/templates/fromBoard';
import { validateBoardRecord } from '../../shared/src/records/validate';
import { notesIn, readBoardDoc } from '../../shared/src/workshop/board';
import { BUILTIN_TEMPLATES } from '../../shared/src/templates/builtin/index';
import {
  BuiltinTemplate,
  TEMPLATE_IDS,
  TemplateFile,
  localizeTemplate,
  type TemplateId,
} from '../../shared/src/templates/template';

// Copies of /work/shared/seeds: CI has only the repository.
const SEEDS = join(import.meta.dirname, '../fixtures/seeds');

/** PDF extraction breaks lines anywhere; a text counts as the seed's if it matches modulo whitespace. */
const squash = (text: string): string => text.replace(/\s+/g, ' ').trim();

/** Where the PDF extraction misread a letter, the template has the word right; the seed is read with it mended. */
const EXTRACTION_FIXES: [RegExp, string][] = [[/\blakttagelse/g, 'Iakttagelse']];

const readSeed = (file: string): string =>
  EXTRACTION_FIXES.reduce(
    (text, [wrong, right]) => text.replace(wrong, right),
    squash(readFileSync(join(SEEDS, file), 'utf8')),
  );

type Choice<T> = 'all' | readonly T[];

/**
 * Which Swedish fields each template took word for word from its seed (area codes, step indexes);
 * reference notes always are. The rest (titles, summaries, most instructions) the template wrote.
 */
const VERBATIM: Record<
  Exclude<TemplateId, 'tom'>,
  {
    areaTitles: Choice<string>;
    descriptions: Choice<string>;
    stepTitles: Choice<number>;
    instructions: Choice<number>;
  }
> = {
  referensgrupp: { areaTitles: 'all', descriptions: 'all', stepTitles: 'all', instructions: [1] },
  'visuell-malbild': { areaTitles: [], descriptions: [], stepTitles: [], instructions: [0] },
  'samverkansplan-hsvo': {
    areaTitles: ['A1', 'A2', 'B1', 'B2', 'C1', 'D1'],
    descriptions: 'all',
    stepTitles: [],
    instructions: [0],
  },
  framtidslage: { areaTitles: 'all', descriptions: 'all', stepTitles: [], instructions: [0] },
  systeminnovationslab: { areaTitles: [], descriptions: ['OM', 'UTM'], stepTitles: [], instructions: [] },
};

const picked = <T>(pick: Choice<T>, value: T): boolean => pick === 'all' || pick.includes(value);

/** The Swedish texts of a template that must occur in its seed, each with where it sits. */
function verbatimTexts(template: BuiltinTemplate): { where: string; text: string }[] {
  if (template.id === 'tom') return [];
  const pick = VERBATIM[template.id];
  const texts: { where: string; text: string }[] = [];
  for (const area of template.areas) {
    area.reference.forEach((note, i) => texts.push({ where: `${area.code} reference ${i}`, text: note.sv }));
    if (picked(pick.areaTitles, area.code)) texts.push({ where: `${area.code} title`, text: area.title.sv });
    if (picked(pick.descriptions, area.code)) {
      texts.push({ where: `${area.code} description`, text: area.description.sv });
    }
  }
  template.agenda.forEach((step, i) => {
    if (picked(pick.stepTitles, i)) texts.push({ where: `step ${i} title`, text: step.title.sv });
    if (picked(pick.instructions, i))
      texts.push({ where: `step ${i} instruction`, text: step.instruction.sv });
  });
  return texts;
}

/** A localised template with every non-empty text replaced by one mark: what must match across languages. */
function shape(value: unknown): unknown {
  if (typeof value === 'string') return value === '' ? '' : '·';
  if (Array.isArray(value)) return value.map(shape);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, shape(inner)]));
  }
  return value;
}

const byId = (id: TemplateId): BuiltinTemplate => {
  const template = BUILTIN_TEMPLATES.find((t) => t.id === id);
  if (!template) throw new Error(`no built-in template ${id}`);
  return template;
};

const seeded = BUILTIN_TEMPLATES.filter((t) => t.id !== 'tom');

describe('built-in templates', () => {
  it('are the six ids, in TEMPLATE_IDS order', () => {
    expect(BUILTIN_TEMPLATES.map((t) => t.id)).toEqual([...TEMPLATE_IDS]);
  });

  it.each(BUILTIN_TEMPLATES.map((t) => [t.id, t] as const))(
    '%s parses as a BuiltinTemplate',
    (_, template) => {
      expect(BuiltinTemplate.parse(template)).toEqual(template);
    },
  );

  it.each(BUILTIN_TEMPLATES.map((t) => [t.id, t] as const))(
    '%s localises to valid template files with unique codes and agenda codes that exist',
    (_, template) => {
      for (const locale of ['sv', 'en'] as const) TemplateFile.parse(localizeTemplate(template, locale));
      const codes = template.areas.map((area) => area.code);
      expect(new Set(codes).size).toBe(codes.length);
      for (const step of template.agenda) expect(codes).toEqual(expect.arrayContaining(step.areas));
    },
  );

  it.each(BUILTIN_TEMPLATES.map((t) => [t.id, t] as const))(
    '%s has the same structure in English as in Swedish',
    (_, template) => {
      expect(shape(localizeTemplate(template, 'en'))).toEqual(shape(localizeTemplate(template, 'sv')));
      expect(template.summary.sv).not.toBe('');
      expect(template.summary.en).not.toBe('');
    },
  );

  it('tom is an empty board', () => {
    const tom = byId('tom');
    expect(tom.title).toEqual({ sv: 'Tom tavla', en: 'Empty board' });
    expect(tom.areas).toEqual([]);
  });

  it.each(seeded.map((t) => [t.id, t] as const))(
    '%s takes its Swedish reference texts, descriptions and instructions from its seed',
    (_, template) => {
      const seed = readSeed(template.source);
      const texts = verbatimTexts(template);
      expect(texts.length).toBeGreaterThan(0);
      const missing = texts.filter(({ text }) => !seed.includes(squash(text)));
      expect(missing).toEqual([]);
    },
  );

  it.each(seeded.map((t) => [t.id, t] as const))(
    '%s has reference notes short enough to read',
    (_, template) => {
      const long = template.areas.flatMap((area) =>
        area.reference.filter((note) => note.sv.length > 350).map((note) => `${area.code}: ${note.sv}`),
      );
      expect(long).toEqual([]);
    },
  );
});

describe('referensgrupp', () => {
  const template = byId('referensgrupp');
  const question = 'Hur bidrar jag och min verksamhet/enhet/avdelning till samskapandet?';

  it('follows "Dagens möte": summary, group discussion, next steps', () => {
    expect(template.agenda.map((step) => [step.title.sv, step.kind])).toEqual([
      ['Sammanfattning av arbetet så här långt och framåt', 'present'],
      ['Gruppdiskussion', 'discuss'],
      ['Nästa steg', 'brainstorm'],
    ]);
  });

  it('gives the two groups ten minutes on the question', () => {
    const step = template.agenda.find((s) => s.kind === 'discuss');
    expect(step?.durationMinutes).toBe(10);
    expect(step?.instruction.sv).toContain('Diskutera under 10 min.');
    expect(step?.instruction.sv).toContain(question);
    expect(step?.areas).toEqual(['G1', 'G2']);
    for (const code of ['G1', 'G2']) {
      const area = template.areas.find((a) => a.code === code);
      expect(area?.kind).toBe('group');
      expect(area?.description.sv).toBe(question);
    }
  });

  it('asks the three next-step questions, one area each', () => {
    const questions = template.areas.filter((area) => area.kind === 'question');
    expect(questions.map((area) => area.title.sv)).toEqual([
      'Vad har fungerat bra med referensgruppen under året?',
      'Vad har fungerat mindre bra?',
      'Har du några önskemål för kommande år?',
    ]);
    expect(template.agenda[2]?.areas).toEqual(questions.map((area) => area.code));
  });

  it('shows the two lists one bullet per note', () => {
    const list = (title: string) => template.areas.find((area) => area.title.sv === title)?.reference.length;
    expect(list('Viktigt för samverkan')).toBe(8);
    expect(list('Viktigt för samskapande')).toBe(8);
  });
});

describe('samverkansplan-hsvo', () => {
  const template = byId('samverkansplan-hsvo');
  // The delmål as SCENARIOS.md quotes them.
  const delmal: Record<string, string> = {
    A1: 'Hälsosystemet stödjer och möjliggör hälsosamma val och en jämlik hälsa.',
    A2: 'Socialt hållbara insatser stärker arbetet med att förebygga psykisk ohälsa och suicid.',
    B1: 'Vården är personcentrerad, samordnad och tillgänglig.',
    B2: 'Effektiva processer och flöden skapar värde för individen.',
    C1: 'Kompetensförsörjningen präglas av väl fungerande samverkan mellan huvudmännen samt med lärosäten och andra utbildningsaktörer.',
    D1: 'Samverkan har tydliggjorts och utvecklats för att hantera kris- och beredskapsfrågor i planering och styrning',
  };

  it('has exactly the delmål A1 A2 B1 B2 C1 D1 as themes, with their texts', () => {
    const themes = template.areas.filter((area) => area.kind === 'theme');
    expect(themes.map((area) => area.code)).toEqual(['A1', 'A2', 'B1', 'B2', 'C1', 'D1']);
    for (const area of themes) expect(area.description.sv).toBe(delmal[area.code]);
    expect(template.areas.every((area) => area.kind === 'theme' || area.kind === 'reference')).toBe(true);
  });

  it('gives both delmål of one focus area the same title and colour', () => {
    const area = (code: string) => template.areas.find((a) => a.code === code);
    expect(area('A1')?.color).toBe(area('A2')?.color);
    expect(area('B1')?.color).toBe(area('B2')?.color);
    expect(area('A1')?.title.sv).toBe('Förebyggande och hälsofrämjande');
    expect(area('B2')?.title.sv).toBe('Nära vård');
    expect(new Set(['A1', 'B1', 'C1', 'D1'].map((code) => area(code)?.color)).size).toBe(4);
  });

  it('brainstorms, clusters duplicates and dot-votes', () => {
    const kinds = template.agenda.map((step) => step.kind);
    expect(kinds).toEqual(expect.arrayContaining(['brainstorm', 'cluster', 'vote']));
    expect(kinds.indexOf('cluster')).toBeLessThan(kinds.indexOf('vote'));
  });
});

describe('framtidslage', () => {
  it('has one theme area per theme of the report, nine in all', () => {
    const template = byId('framtidslage');
    expect(template.areas.map((area) => [area.kind, area.title.sv])).toEqual(
      [
        'Ett länsgemensamt system för den lokala kunskapsstyrningen',
        'Länsgemensamt syfte, målbild och effekter',
        'Strukturer för att styra, stödja och utveckla systemet',
        'Styrgruppens roll – Beslutsgrupp',
        'Kansliets roll – Lednings- och kvalitetsstöd',
        'Kunskapsnoder i verksamheten',
        'Kommunikation, information och administration',
        'Ansvarsfördelning',
        'Resultat och effekt av det lokala systemet för kunskapsstyrning',
      ].map((title) => ['theme', title]),
    );
    expect(template.areas.every((area) => area.reference.length > 0)).toBe(true);
  });
});

describe('visuell-malbild', () => {
  it('crosses four areas with Nuläge, Övergång and Målbild in three columns', () => {
    const template = byId('visuell-malbild');
    expect(template.columns).toBe(3);
    expect(template.areas).toHaveLength(12);
    expect(template.areas.every((area) => area.kind === 'stage')).toBe(true);
    expect(template.areas.slice(0, 3).map((area) => area.title.sv)).toEqual([
      'Område 1 – Nuläge',
      'Område 1 – Övergång',
      'Område 1 – Målbild',
    ]);
  });
});

describe('systeminnovationslab', () => {
  it('moves ideas through utvecklas → testas → skalas upp → implementeras', () => {
    const template = byId('systeminnovationslab');
    expect(template.areas.filter((area) => area.kind === 'stage').map((area) => area.title.sv)).toEqual([
      'Utvecklas',
      'Testas',
      'Skalas upp',
      'Implementeras',
    ]);
  });
});

describe('the board a template builds', () => {
  for (const template of BUILTIN_TEMPLATES) {
    for (const locale of LOCALES) {
      it(`${template.id} (${locale}): its areas, descriptions and reference notes are on the board, and tldraw accepts every record`, () => {
        const file = localizeTemplate(template, locale);
        const doc = buildTemplateDoc(file, 'Tavla');
        for (const record of boardRecords(doc).all()) {
          expect(() => validateBoardRecord(record)).not.toThrow();
        }
        const board = readBoardDoc(doc);
        // Areas read back in the order the template lists them (row by row).
        expect(board.areas.map((a) => [a.code, a.title, a.description, a.kind, a.color])).toEqual(
          file.areas.map((a) => [a.code, a.title, a.description, a.kind, a.color]),
        );
        for (const area of board.areas) {
          const expected = file.areas.find((a) => a.code === area.code)!.reference;
          const onBoard = notesIn(board, area.id);
          expect(onBoard.map((n) => n.text)).toEqual(expected);
          expect(onBoard.every((n) => n.reference)).toBe(true);
        }
        expect(readBoardSchema(doc)).toEqual(boardSchema());
        expect(templateFromBoard(board, file.title, file.agenda)).toEqual(file);
      });
    }
  }
});
