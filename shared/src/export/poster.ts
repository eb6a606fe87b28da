import type { Locale } from '../model/workshop';
import type { AreaColor } from '../model/focusArea';
import { areaHeading, rankedByVotes, workshopDay } from './markdown';
import type { ExportedNote, WorkshopExport } from './workshopExport';

/**
 * The poster: the workshop's areas and notes drawn as SVG without a browser, for the image export
 * wherever the canvas may not be mounted. A grid of boxes like the board (a box per area, its code and
 * title, its description, its notes as sticky notes ranked by votes), the notes in no area at the end,
 * the title and the day at the top. 2480 px wide: an A4 page at 300 dpi, larger paper scales cleanly.
 */

export interface PosterOptions {
  /** Only this area (a code); the caller checks it exists. */
  area?: string;
  locale: Locale;
}

/** The poster's width in px up to three columns of areas (more areas widen it, as the board is wide). */
export const POSTER_WIDTH = 2480;
/** Fonts the poster names; the server renders it with DejaVu Sans, which it ships. */
export const POSTER_FONT_FAMILY = "'DejaVu Sans', 'Noto Sans', 'Helvetica Neue', Arial, sans-serif";

const MARGIN = 80;
const AREA_GAP = 48;
const AREA_PAD = 28;
/** Lines of a note's text the poster shows; the whole text is in the other exports. */
const MAX_NOTE_LINES = 14;

const TEXT = {
  sv: {
    notes: (n: number) => `${n} ${n === 1 ? 'lapp' : 'lappar'}`,
    areas: (n: number) => `${n} ${n === 1 ? 'fokusområde' : 'fokusområden'}`,
    voters: (n: number) => `${n} röstande`,
    present: (n: number) => `${n} här`,
    unassigned: 'Utanför fokusområden',
    group: 'Grupp',
    none: 'Inga lappar',
  },
  en: {
    notes: (n: number) => `${n} ${n === 1 ? 'note' : 'notes'}`,
    areas: (n: number) => `${n} ${n === 1 ? 'focus area' : 'focus areas'}`,
    voters: (n: number) => `${n} ${n === 1 ? 'voter' : 'voters'}`,
    present: (n: number) => `${n} here`,
    unassigned: 'Not in a focus area',
    group: 'Group',
    none: 'No notes',
  },
} as const;

/** tldraw's palette, as the canvas draws the area colours. */
const COLORS: Record<AreaColor, string> = {
  black: '#1d1d1d',
  grey: '#9fa8b2',
  'light-violet': '#e085f4',
  violet: '#ae3ec9',
  blue: '#4465e9',
  'light-blue': '#4ba1f1',
  yellow: '#f1ac4b',
  orange: '#e16919',
  green: '#099268',
  'light-green': '#4cb05e',
  'light-red': '#f87777',
  red: '#e03131',
};

/** Approximate advance width of a character in DejaVu Sans, in em (no DOM to measure with). */
function charWidth(c: string): number {
  if (' '.includes(c)) return 0.33;
  if ("ijl.,:;'!|I".includes(c)) return 0.3;
  if ('frt()[]{}-/'.includes(c)) return 0.42;
  if ('scz"J'.includes(c)) return 0.55;
  if ('mwMW%@'.includes(c)) return 0.95;
  const base = c.normalize('NFD')[0] ?? c;
  if (/[0-9]/.test(base)) return 0.64;
  if (/[a-z]/.test(base)) return 0.63;
  if (/[A-Z]/.test(base)) return 0.74;
  return 0.75;
}

/** Approximate width of `text` at `size` px (bold is wider). */
export function textWidth(text: string, size: number, bold = false): number {
  let em = 0;
  for (const c of text) em += charWidth(c);
  return em * size * (bold ? 1.1 : 1) * 1.02;
}

/** `text` wrapped into lines at most `width` px wide; over-long words are broken; at most `max` lines. */
export function wrapText(text: string, width: number, size: number, max = Infinity, bold = false): string[] {
  const lines: string[] = [];
  for (const paragraph of text.replace(/\r\n?/g, '\n').replace(/\t/g, ' ').split('\n')) {
    let line = '';
    for (const word of paragraph.split(/ +/).filter((w) => w !== '')) {
      const candidate = line ? `${line} ${word}` : word;
      if (textWidth(candidate, size, bold) <= width) {
        line = candidate;
        continue;
      }
      if (line) lines.push(line);
      line = '';
      // A word wider than the line (a Swedish compound on a narrow note) is broken where it must be,
      // with a hyphen, so a reader sees it continue on the next line.
      let rest = word;
      while (textWidth(rest, size, bold) > width) {
        let cut = 1;
        while (cut < rest.length - 1 && textWidth(`${rest.slice(0, cut + 1)}-`, size, bold) <= width) cut++;
        lines.push(`${rest.slice(0, cut)}-`);
        rest = rest.slice(cut);
      }
      line = rest;
    }
    lines.push(line);
  }
  while (lines.length > 1 && lines.at(-1) === '') lines.pop();
  if (lines.length <= max) return lines;
  const kept = lines.slice(0, max);
  let last = kept[max - 1]!;
  while (last && textWidth(`${last}…`, size, bold) > width) last = last.slice(0, -1);
  kept[max - 1] = `${last.trimEnd()}…`;
  return kept;
}

// eslint-disable-next-line no-control-regex -- XML 1.0 forbids these characters
const NOT_XML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g;

/** Text as XML character data or attribute value: escaped, and without characters XML 1.0 forbids. */
export function xmlEscape(text: string): string {
  return text
    .replace(NOT_XML, '')
    .replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

const f = (n: number) => String(Math.round(n * 10) / 10);

/** Lines of text as one `<text>` element, the first baseline at `y`. */
function textBlock(
  lines: readonly string[],
  x: number,
  y: number,
  size: number,
  lineHeight: number,
  attrs = '',
): string {
  if (lines.length === 0) return '';
  const spans = lines
    .map((line, i) => `<tspan x="${f(x)}" y="${f(y + i * lineHeight)}">${xmlEscape(line)}</tspan>`)
    .join('');
  return `<text font-size="${f(size)}"${attrs}>${spans}</text>`;
}

interface Block {
  height: number;
  /** The SVG of the block with its top-left corner at (x, y). */
  draw(x: number, y: number): string;
}

/** A sticky note `width` px wide at scale `s`: wrapped text, author, votes as a numbered dot. */
function noteBlock(note: ExportedNote, width: number, s: number): Block {
  const pad = 14 * s;
  const size = 22 * s;
  const lh = 28 * s;
  const small = 16 * s;
  const lines = wrapText(note.text, width - 2 * pad, size, MAX_NOTE_LINES);
  const footer = note.author || note.votes > 0 ? 30 * s : 0;
  const height = Math.max(110 * s, pad + lines.length * lh + footer + pad * 0.6);
  return {
    height,
    draw(x, y) {
      const fill = note.reference ? '#f4f5f7' : '#fff4a8';
      const stroke = note.reference ? '#c3c8cf' : '#e5cf5c';
      const parts = [
        `<rect x="${f(x)}" y="${f(y)}" width="${f(width)}" height="${f(height)}" rx="${f(6 * s)}" fill="${fill}" stroke="${stroke}" stroke-width="${f(1.5 * s)}"/>`,
        textBlock(lines, x + pad, y + pad + size * 0.85, size, lh, ' fill="#1d1d1d"'),
      ];
      const baseline = y + height - pad * 0.6 - 8 * s;
      let authorWidth = width - 2 * pad;
      if (note.votes > 0) {
        const label = String(note.votes);
        const r = 13 * s;
        const pillW = Math.max(2 * r, textWidth(label, small, true) + 16 * s);
        const px = x + width - pad - pillW;
        authorWidth -= pillW + 8 * s;
        parts.push(
          `<rect x="${f(px)}" y="${f(baseline - r - 5 * s)}" width="${f(pillW)}" height="${f(2 * r)}" rx="${f(r)}" fill="#1f3fae"/>`,
          `<text x="${f(px + pillW / 2)}" y="${f(baseline)}" font-size="${f(small)}" font-weight="bold" fill="#ffffff" text-anchor="middle">${label}</text>`,
        );
      }
      if (note.author) {
        const [author] = wrapText(note.author, authorWidth, small, 1);
        parts.push(textBlock([author ?? ''], x + pad, baseline, small, small, ' fill="#5f5a3a"'));
      }
      return parts.join('');
    },
  };
}

/** Notes in rows of as many as fit `width`, each row as tall as its tallest note. */
function notesGrid(notes: readonly ExportedNote[], width: number, s: number): Block {
  const gap = 18 * s;
  const fit = Math.max(1, Math.floor((width + gap) / (200 * s + gap)));
  // An area with few notes gives them more room, up to about twice the usual width, not empty space.
  const widest = Math.ceil((width + gap) / (400 * s + gap));
  const perRow = Math.min(fit, Math.max(notes.length, widest));
  const noteWidth = (width - (perRow - 1) * gap) / perRow;
  const blocks = notes.map((n) => noteBlock(n, noteWidth, s));
  const rows: Block[][] = [];
  for (let i = 0; i < blocks.length; i += perRow) rows.push(blocks.slice(i, i + perRow));
  const heights = rows.map((row) => Math.max(...row.map((b) => b.height)));
  const height = heights.reduce((sum, h) => sum + h, 0) + Math.max(0, rows.length - 1) * gap;
  return {
    height,
    draw(x, y) {
      let top = y;
      return rows
        .map((row, r) => {
          const svg = row.map((b, i) => b.draw(x + i * (noteWidth + gap), top)).join('');
          top += heights[r]! + gap;
          return svg;
        })
        .join('');
    },
  };
}

/** A box for an area (or for the notes in no area): heading, description, group, notes. */
function areaBox(
  heading: string,
  description: string,
  group: string | null,
  color: string,
  notes: readonly ExportedNote[],
  width: number,
  s: number,
  locale: Locale,
): Block {
  const inner = width - 2 * AREA_PAD;
  const hSize = 40 * s;
  const dSize = 22 * s;
  const headingLines = wrapText(heading, inner, hSize, 4, true);
  const descriptionLines = description.trim() ? wrapText(description, inner, dSize, 10) : [];
  const groupLine = group ? `${TEXT[locale].group}: ${group}` : null;
  const strip = 14;
  let y = strip + AREA_PAD + hSize * 0.85;
  const headingY = y;
  y += (headingLines.length - 1) * hSize * 1.2 + 18 * s;
  const descriptionY = y + dSize * 0.85;
  y += descriptionLines.length * dSize * 1.35 + (descriptionLines.length ? 14 * s : 0);
  const groupY = y + dSize * 0.85;
  y += groupLine ? dSize * 1.35 + 14 * s : 0;
  const notesTop = y + 6 * s;
  const grid = notesGrid(notes, inner, s);
  const empty = notes.length === 0;
  const height = notesTop + (empty ? dSize * 1.5 : grid.height) + AREA_PAD;
  return {
    height,
    draw(x, top) {
      return [
        `<g>`,
        `<rect x="${f(x)}" y="${f(top)}" width="${f(width)}" height="${f(height)}" rx="16" fill="#ffffff" stroke="${color}" stroke-width="4"/>`,
        `<path d="M${f(x)},${f(top + strip)} V${f(top + 16)} Q${f(x)},${f(top)} ${f(x + 16)},${f(top)} H${f(x + width - 16)} Q${f(x + width)},${f(top)} ${f(x + width)},${f(top + 16)} V${f(top + strip)} Z" fill="${color}"/>`,
        textBlock(
          headingLines,
          x + AREA_PAD,
          top + headingY,
          hSize,
          hSize * 1.2,
          ' font-weight="bold" fill="#1d1d1d"',
        ),
        textBlock(descriptionLines, x + AREA_PAD, top + descriptionY, dSize, dSize * 1.35, ' fill="#4a4f57"'),
        groupLine
          ? textBlock(
              [groupLine],
              x + AREA_PAD,
              top + groupY,
              dSize,
              dSize,
              ' font-style="italic" fill="#1f3fae"',
            )
          : '',
        empty
          ? textBlock(
              [TEXT[locale].none],
              x + AREA_PAD,
              top + notesTop + dSize,
              dSize,
              dSize,
              ' fill="#8a8f96"',
            )
          : grid.draw(x + AREA_PAD, top + notesTop),
        `</g>`,
      ].join('');
    },
  };
}

/** The poster of the workshop (or of one area) as a standalone SVG document. */
export function posterSvg(data: WorkshopExport, options: PosterOptions): string {
  const { locale } = options;
  const t = TEXT[locale];
  const areas = options.area ? data.areas.filter((a) => a.code === options.area) : data.areas;
  const unassigned = options.area ? [] : data.unassigned;
  const n = areas.length;
  const columns = n <= 1 ? 1 : n <= 4 ? 2 : n <= 9 ? 3 : n <= 16 ? 4 : 5;
  // One area gets bigger notes: the poster of an area is read from further away.
  const s = columns === 1 ? 1.5 : 1;
  const threeColumns = (POSTER_WIDTH - 2 * MARGIN - 2 * AREA_GAP) / 3;
  const width =
    columns <= 3 ? POSTER_WIDTH : Math.round(2 * MARGIN + columns * threeColumns + (columns - 1) * AREA_GAP);
  const inner = width - 2 * MARGIN;
  const columnWidth = (inner - (columns - 1) * AREA_GAP) / columns;

  const titleSize = 64;
  const titleLines = wrapText(data.workshop.title, inner, titleSize, 3, true);
  const noteCount =
    areas.reduce((sum, a) => sum + a.notes.filter((n) => !n.reference).length, 0) + unassigned.length;
  const subtitle = [
    workshopDay(data),
    ...(options.area ? [] : [t.areas(areas.length)]),
    t.notes(noteCount),
    ...(data.vote ? [t.voters(data.vote.voters)] : []),
    ...(data.vote?.present !== undefined ? [t.present(data.vote.present)] : []),
  ].join(' · ');
  const parts: string[] = [
    textBlock(
      titleLines,
      MARGIN,
      MARGIN + titleSize * 0.85,
      titleSize,
      titleSize * 1.2,
      ' font-weight="bold" fill="#1d1d1d"',
    ),
  ];
  let y = MARGIN + titleSize * 0.85 + (titleLines.length - 1) * titleSize * 1.2 + 56;
  parts.push(textBlock([subtitle], MARGIN, y, 30, 30, ' fill="#4a4f57"'));
  y += 50;

  const boxes = areas.map((area) =>
    areaBox(
      areaHeading(area),
      area.description,
      area.group,
      COLORS[area.color],
      rankedByVotes(area.notes.filter((n) => n.reference)).concat(
        rankedByVotes(area.notes.filter((n) => !n.reference)),
      ),
      columnWidth,
      s,
      locale,
    ),
  );
  for (let i = 0; i < boxes.length; i += columns) {
    const row = boxes.slice(i, i + columns);
    const height = Math.max(...row.map((b) => b.height));
    row.forEach((box, c) => parts.push(box.draw(MARGIN + c * (columnWidth + AREA_GAP), y)));
    y += height + AREA_GAP;
  }
  if (unassigned.length > 0) {
    const box = areaBox(t.unassigned, '', null, '#6b7280', rankedByVotes(unassigned), inner, 1, locale);
    parts.push(box.draw(MARGIN, y));
    y += box.height + AREA_GAP;
  }
  const height = Math.ceil(y - AREA_GAP + MARGIN);
  const label = xmlEscape(
    options.area && areas[0] ? `${data.workshop.title}: ${areaHeading(areas[0])}` : data.workshop.title,
  );
  return [
    '<?xml version="1.0" encoding="UTF-8"?>\n',
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="${xmlEscape(POSTER_FONT_FAMILY)}" role="img" aria-label="${label}">`,
    `<title>${label}</title>`,
    `<rect width="${width}" height="${height}" fill="#f8f9fa"/>`,
    ...parts,
    '</svg>\n',
  ].join('');
}
