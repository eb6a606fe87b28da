import type { Locale } from '../model/workshop';
import { BUILTIN_TEMPLATES } from '../templates/builtin/index';
import { exportTimeZone, localDate, localDateTime } from './timeZone';
import type { ExportedArea, ExportedNote, WorkshopExport } from './workshopExport';

const TEXT = {
  sv: {
    minutes: 'Minnesanteckningar',
    date: 'Datum',
    template: 'Mall',
    templateFile: 'Egen mallfil',
    exported: 'Exporterad',
    agenda: 'Agenda',
    step: 'Steg',
    planned: 'Planerat',
    actual: 'Faktiskt',
    notRun: 'ej genomfört',
    minutesShort: 'min',
    total: 'Totalt',
    vote: (v: NonNullable<WorkshopExport['vote']>) =>
      `Prickröstning (omgång ${v.round}): ${v.voters} deltagare röstade med ${v.budget} prickar var` +
      (v.present === undefined ? '.' : `; ${v.present} var här när resultatet visades.`),
    noVote: 'Ingen omröstning har redovisats.',
    reference: 'Underlag',
    notes: 'Lappar',
    noNotes: 'Inga lappar.',
    // The word the screens use for what a voter gives: "prickar".
    votes: (n: number) => `${n} ${n === 1 ? 'prick' : 'prickar'}`,
    group: 'Grupp',
    unassigned: 'Utanför fokusområden',
    groups: 'Grupper',
    noGroups: 'Inga grupper.',
    inStep: (title: string) => `I steget ${title}:`,
    noStep: 'Medan inget steg pågick:',
    members: (n: number) => `${n} deltagare`,
    nextSteps: 'Nästa steg',
    prioritised: 'De högst prioriterade lapparna, att föra vidare:',
    owner: 'Ansvarig',
    due: 'Klart senast',
    fillIn: 'Fyll i vad som ska hända härnäst, vem som ansvarar och när.',
  },
  en: {
    minutes: 'Minutes',
    date: 'Date',
    template: 'Template',
    templateFile: 'Own template file',
    exported: 'Exported',
    agenda: 'Agenda',
    step: 'Step',
    planned: 'Planned',
    actual: 'Actual',
    notRun: 'not run',
    minutesShort: 'min',
    total: 'Total',
    vote: (v: NonNullable<WorkshopExport['vote']>) =>
      `Dot voting (round ${v.round}): ${v.voters} ${v.voters === 1 ? 'participant' : 'participants'} voted with ${v.budget} dots each` +
      (v.present === undefined
        ? '.'
        : `; ${v.present} ${v.present === 1 ? 'was' : 'were'} here when the result was shown.`),
    noVote: 'No vote was revealed.',
    reference: 'Background',
    notes: 'Notes',
    noNotes: 'No notes.',
    votes: (n: number) => `${n} ${n === 1 ? 'dot' : 'dots'}`,
    group: 'Group',
    unassigned: 'Not in a focus area',
    groups: 'Groups',
    noGroups: 'No groups.',
    inStep: (title: string) => `In the step ${title}:`,
    noStep: 'While no step ran:',
    members: (n: number) => `${n} ${n === 1 ? 'participant' : 'participants'}`,
    nextSteps: 'Next steps',
    prioritised: 'The highest-prioritised notes, to take forward:',
    owner: 'Owner',
    due: 'Due',
    fillIn: 'Write down what happens next, who is responsible and by when.',
  },
} as const;

/** Areas whose notes are the next steps themselves (a "Nästa steg" or "Åtgärder" area). */
const NEXT_STEPS_TITLE = /nästa steg|next steps?|åtgärd|actions?\b|att göra|to do/i;

/** How many of the top-voted notes the next steps list when no area holds them. */
const PRIORITISED = 10;

/**
 * User text as Markdown that shows it literally: inline markup characters are escaped everywhere,
 * block markers (headings, lists, quotes, thematic breaks) at a line's start, and line breaks inside a
 * text become hard breaks indented by `indent` so a list item stays one item.
 */
export function escapeMarkdown(text: string, indent = ''): string {
  return text
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line) =>
      line
        .replace(/\t/g, ' ')
        .trim()
        .replace(/[\\`*_[\]<>|~&]/g, '\\$&')
        .replace(/^([#>+=-])/, '\\$1')
        .replace(/^(\d+)([.)])/, '$1\\$2'),
    )
    .filter((line, i, lines) => line !== '' || (i > 0 && i < lines.length - 1))
    .join(`\\\n${indent}`);
}

/** Notes with the most votes first; equal votes keep their reading order. */
export function rankedByVotes<T extends { votes: number }>(notes: readonly T[]): T[] {
  return notes
    .map((note, i) => ({ note, i }))
    .sort((a, b) => b.note.votes - a.note.votes || a.i - b.i)
    .map(({ note }) => note);
}

const minutesOf = (run: { startedAt: string; endedAt: string }) =>
  (Date.parse(run.endedAt) - Date.parse(run.startedAt)) / 60_000;

/** "B1 Nära vård": how an area is named in headings. */
export function areaHeading(area: { code: string; title: string }): string {
  return `${area.code} ${area.title}`;
}

/**
 * "Minnesanteckningar": the workshop as Markdown minutes in `locale` (Swedish or English): the agenda as
 * it was run with actual and planned minutes, each area with its notes ranked by votes, the notes in no
 * area, the groups of each step, and the next steps.
 */
export function minutes(data: WorkshopExport, locale: Locale = data.workshop.locale): string {
  const t = TEXT[locale];
  const out: string[] = [];
  const day = workshopDay(data);
  const zone = exportTimeZone(data);
  const template = templateTitle(data.workshop.template, locale);

  out.push(`# ${t.minutes}: ${escapeMarkdown(data.workshop.title)}`, '');
  out.push(
    [
      `**${t.date}:** ${day}`,
      ...(template ? [`**${t.template}:** ${escapeMarkdown(template)}`] : []),
      `**${t.exported}:** ${localDateTime(data.exportedAt, zone)} (${zone})`,
    ].join('  \n'),
    '',
  );

  // The agenda as it was run.
  out.push(`## ${t.agenda}`, '');
  if (data.agenda.length > 0) {
    out.push(`| # | ${t.step} | ${t.planned} | ${t.actual} |`, '| --: | --- | --: | --: |');
    let planned = 0;
    let actual = 0;
    data.agenda.forEach((step, i) => {
      const ran = step.runs.reduce((sum, run) => sum + minutesOf(run), 0);
      planned += step.durationMinutes ?? 0;
      actual += ran;
      const plannedCell = step.durationMinutes === null ? '–' : `${step.durationMinutes} ${t.minutesShort}`;
      const actualCell = step.runs.length === 0 ? t.notRun : `${Math.round(ran)} ${t.minutesShort}`;
      out.push(`| ${i + 1} | ${escapeMarkdown(step.title)} | ${plannedCell} | ${actualCell} |`);
    });
    out.push(
      `|  | **${t.total}** | ${planned} ${t.minutesShort} | ${Math.round(actual)} ${t.minutesShort} |`,
    );
    out.push('');
  }
  out.push(data.vote ? t.vote(data.vote) : t.noVote, '');

  const noteLine = (note: ExportedNote) => {
    const by = note.author ? ` — ${escapeMarkdown(note.author)}` : '';
    const votes = note.votes > 0 ? ` (**${t.votes(note.votes)}**)` : '';
    return `- ${escapeMarkdown(note.text, '  ')}${by}${votes}`;
  };
  const noteList = (notes: readonly ExportedNote[]) =>
    notes.length === 0 ? [`_${t.noNotes}_`] : rankedByVotes(notes).map(noteLine);

  for (const area of data.areas) {
    out.push(`## ${escapeMarkdown(areaHeading(area))}`, '');
    if (area.description.trim()) out.push(escapeMarkdown(area.description), '');
    if (area.group) out.push(`${t.group}: ${escapeMarkdown(area.group)}`, '');
    const reference = area.notes.filter((n) => n.reference);
    const notes = area.notes.filter((n) => !n.reference);
    if (reference.length > 0) {
      out.push(`### ${t.reference}`, '');
      for (const note of reference) out.push(`> ${escapeMarkdown(note.text, '> ')}`, '>');
      out.pop();
      out.push('', `### ${t.notes}`, '');
    }
    out.push(...noteList(notes), '');
  }

  if (data.unassigned.length > 0) {
    out.push(`## ${t.unassigned}`, '', ...noteList(data.unassigned), '');
  }

  // The groups under the step they worked in (files from before groups had steps: without one).
  out.push(`## ${t.groups}`, '');
  if (data.groups.length === 0) out.push(`_${t.noGroups}_`, '');
  data.groups.forEach((group, i) => {
    const previous = data.groups[i - 1];
    if (!previous || previous.stepId !== group.stepId) {
      if (previous) out.push('');
      const step = data.agenda.find((s) => s.id === group.stepId);
      if (step) out.push(t.inStep(`**${escapeMarkdown(step.title)}**`), '');
      else if (group.stepId === null) out.push(t.noStep, '');
    }
    const area = data.areas.find((a) => a.code === group.areaCode);
    const where = area ? ` (${escapeMarkdown(areaHeading(area))})` : '';
    const question = group.question.trim() ? `: ${escapeMarkdown(group.question, '  ')}` : '';
    out.push(`- **${escapeMarkdown(group.name)}**${where}${question} — ${t.members(group.members)}`);
  });
  if (data.groups.length > 0) out.push('');

  out.push(`## ${t.nextSteps}`, '');
  out.push(...nextSteps(data, locale), '');
  return out.join('\n');
}

/**
 * The next steps: the notes of areas about next steps when the board has such areas; else the
 * top-voted notes as a checklist with an owner and a date to fill in; else an empty list to fill in.
 */
function nextSteps(data: WorkshopExport, locale: Locale): string[] {
  const t = TEXT[locale];
  const item = (text: string) => `- [ ] ${text} — ${t.owner}: … ${t.due}: …`;
  const areas = data.areas.filter((a) => NEXT_STEPS_TITLE.test(a.title));
  const fromAreas = areas.flatMap((a) => rankedByVotes(a.notes.filter((n) => !n.reference)));
  if (fromAreas.length > 0) return fromAreas.map((n) => item(escapeMarkdown(n.text, '  ')));
  const voted = rankedByVotes(
    data.areas.flatMap((a: ExportedArea) =>
      a.notes.filter((n) => n.votes > 0).map((n) => ({ ...n, code: a.code })),
    ),
  ).slice(0, PRIORITISED);
  if (voted.length > 0) {
    return [
      t.prioritised,
      '',
      ...voted.map((n) =>
        item(`${escapeMarkdown(n.text, '  ')} (${escapeMarkdown(n.code)}, ${t.votes(n.votes)})`),
      ),
    ];
  }
  return [`_${t.fillIn}_`, '', item('')];
}

/**
 * The day the workshop was held (its first step), else the day it was created: YYYY-MM-DD in the
 * workshop's time zone.
 */
export function workshopDay(data: WorkshopExport): string {
  const first = data.agenda
    .flatMap((s) => s.runs.map((r) => r.startedAt))
    .sort((a, b) => Date.parse(a) - Date.parse(b))
    .at(0);
  return localDate(first ?? data.workshop.createdAt, exportTimeZone(data));
}

/**
 * What the minutes call the template a workshop was made from: a built-in template's title in `locale`,
 * "Egen mallfil" for an uploaded file, else the id as it came (an import from another server).
 */
export function templateTitle(template: string | null, locale: Locale): string | null {
  if (template === null) return null;
  if (template === 'file') return TEXT[locale].templateFile;
  return BUILTIN_TEMPLATES.find((t) => t.id === template)?.title[locale] ?? template;
}
