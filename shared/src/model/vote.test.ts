import { describe, expect, it } from 'vitest';
import { Ballot, ballotProblem, compactBallot, tally } from './vote';

const settings = { budget: 5, perNoteCap: 2 };
const known = (id: string) => ['shape:a', 'shape:b', 'shape:c', 'shape:d', 'shape:e', 'shape:f'].includes(id);

describe('a ballot', () => {
  it('may spend the whole budget with at most the cap on one note', () => {
    expect(ballotProblem({ 'shape:a': 2, 'shape:b': 2, 'shape:c': 1 }, settings, known)).toBeUndefined();
    expect(ballotProblem({}, settings, known)).toBeUndefined();
  });

  it('is refused over budget, over the cap, on an unknown note', () => {
    expect(ballotProblem({ 'shape:a': 2, 'shape:b': 2, 'shape:c': 2 }, settings, known)).toBe('overBudget');
    expect(ballotProblem({ 'shape:a': 3 }, settings, known)).toBe('overCap');
    expect(ballotProblem({ 'shape:zzz': 1 }, settings, known)).toBe('unknownNote');
    const six = Object.fromEntries(['a', 'b', 'c', 'd', 'e', 'f'].map((x) => [`shape:${x}`, 1]));
    expect(ballotProblem(six, settings, known)).toBe('tooManyNotes');
  });

  it('allows more on one note when the facilitator raises the cap', () => {
    expect(ballotProblem({ 'shape:a': 5 }, { budget: 5, perNoteCap: 5 }, known)).toBeUndefined();
  });

  it('parses only note ids and whole, non-negative dots', () => {
    expect(Ballot.safeParse({ 'shape:a': 1 }).success).toBe(true);
    expect(Ballot.safeParse({ 'shape:a': -1 }).success).toBe(false);
    expect(Ballot.safeParse({ 'shape:a': 1.5 }).success).toBe(false);
    expect(Ballot.safeParse({ 'page:a': 1 }).success).toBe(false);
  });

  it('is counted per note, without empty entries', () => {
    expect(compactBallot({ 'shape:a': 0, 'shape:b': 1 })).toEqual({ 'shape:b': 1 });
    expect(tally([{ 'shape:a': 2 }, { 'shape:a': 1, 'shape:b': 1 }, {}])).toEqual({
      'shape:a': 3,
      'shape:b': 1,
    });
  });
});
