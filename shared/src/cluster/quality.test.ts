import { describe, expect, it } from 'vitest';
import { HSVO_NOTES } from '../../../tests/fixtures/hsvoNotes';
import { suggestClusters, type ClusterInput, type ClusterSuggestion } from './suggest';

// shared/ compiles without DOM or Node types; the test runner has a console all the same.
declare const console: { log(line: string): void };

/** Prints a line to the test output; the figures are the point of this file. */
function report(line: string): void {
  console.log(line);
}

/**
 * Pairwise precision and recall against the gold topics: a pair of notes is positive when both have the
 * same non-null topic, predicted positive when both are in the same suggestion.
 */
function pairScores(notes: typeof HSVO_NOTES, suggestions: readonly ClusterSuggestion[]) {
  const predicted = new Map<string, number>();
  suggestions.forEach((s, k) => s.noteIds.forEach((id) => predicted.set(id, k)));
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (let i = 0; i < notes.length; i++) {
    for (let j = i + 1; j < notes.length; j++) {
      const [a, b] = [notes[i]!, notes[j]!];
      const gold = a.topic !== null && a.topic === b.topic;
      const together = predicted.has(a.id) && predicted.get(a.id) === predicted.get(b.id);
      if (gold && together) tp++;
      else if (together) fp++;
      else if (gold) fn++;
    }
  }
  return { precision: tp / (tp + fp), recall: tp / (tp + fn), tp, fp, fn };
}

/** The fixture repeated with the variations real boards have (filler, shouting, no å ä ö) up to `count` notes. */
function manyNotes(count: number): ClusterInput[] {
  const extras = [
    '',
    ' – snarast',
    'Viktigt: ',
    ' i hela länet',
    '!!',
    ' (grupp 3)',
    'Vi vill: ',
    ' för alla',
  ];
  const ascii = (s: string) =>
    s.replace(/[åä]/g, 'a').replace(/ö/g, 'o').replace(/[ÅÄ]/g, 'A').replace(/Ö/g, 'O');
  const notes: ClusterInput[] = [];
  for (let round = 0; notes.length < count; round++) {
    for (const note of HSVO_NOTES) {
      if (notes.length === count) break;
      const extra = extras[round % extras.length]!;
      let text = extra.endsWith(' ') ? extra + note.text : note.text + extra;
      if (round % 3 === 1) text = text.toUpperCase();
      if (round % 5 === 2) text = ascii(text);
      notes.push({ id: `${note.id}-${round}`, text });
    }
  }
  return notes;
}

describe('cluster quality on the HSVO fixture', () => {
  it('the fixture has unique ids, topics of 2–6 notes and notes that stand alone', () => {
    expect(new Set(HSVO_NOTES.map((n) => n.id)).size).toBe(HSVO_NOTES.length);
    expect(HSVO_NOTES.length).toBeGreaterThanOrEqual(60);
    const sizes = new Map<string, number>();
    for (const n of HSVO_NOTES) if (n.topic !== null) sizes.set(n.topic, (sizes.get(n.topic) ?? 0) + 1);
    for (const size of sizes.values()) expect(size).toBeGreaterThanOrEqual(2);
    for (const size of sizes.values()) expect(size).toBeLessThanOrEqual(6);
    expect(HSVO_NOTES.filter((n) => n.topic === null).length).toBeGreaterThanOrEqual(8);
  });

  it('groups notes that say the same thing and keeps the rest apart', () => {
    const suggestions = suggestClusters(HSVO_NOTES);
    const { precision, recall, tp, fp, fn } = pairScores(HSVO_NOTES, suggestions);
    const topics = new Set(HSVO_NOTES.map((n) => n.topic).filter((t) => t !== null)).size;
    report(
      `HSVO fixture, ${HSVO_NOTES.length} notes, ${topics} topics: ${suggestions.length} suggestions, ` +
        `pairwise precision ${precision.toFixed(3)} (${tp}/${tp + fp}), recall ${recall.toFixed(3)} (${tp}/${tp + fn})`,
    );
    for (const s of suggestions) report(`  [${s.terms.join(', ')}] ${s.noteIds.join(' ')}`);
    expect(precision).toBeGreaterThanOrEqual(0.8);
    expect(recall).toBeGreaterThanOrEqual(0.6);
  });

  it('handles 1,000 notes (time printed, not asserted)', () => {
    const notes = manyNotes(1000);
    const started = Date.now();
    const suggestions = suggestClusters(notes);
    const elapsed = Date.now() - started;
    report(`1,000 notes: ${suggestions.length} suggestions in ${elapsed} ms`);
    // Each note is in at most one suggestion.
    const ids = suggestions.flatMap((s) => s.noteIds);
    expect(new Set(ids).size).toBe(ids.length);
  });
});
