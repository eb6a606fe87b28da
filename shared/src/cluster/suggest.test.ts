import { describe, expect, it } from 'vitest';
import { contentTerms, suggestClusters, suggestionId, type ClusterInput } from './suggest';

/** Notes from texts, ids n1, n2, … in order. */
function notes(...texts: string[]): ClusterInput[] {
  return texts.map((text, i) => ({ id: `n${i + 1}`, text }));
}

/** The suggested groups as lists of note ids. */
function groups(input: readonly ClusterInput[]): string[][] {
  return suggestClusters(input).map((s) => s.noteIds);
}

describe('contentTerms', () => {
  it('drops stop words and strips endings so inflected forms meet', () => {
    const a = contentTerms('Vårdcentralerna behöver fler sjuksköterskor');
    const b = contentTerms('sjuksköterska på vårdcentralen');
    expect(a).toEqual(['vårdcentral', 'sjukskötersk']);
    expect([...b].sort()).toEqual([...a].sort());
  });

  it('gives one stem for the forms of a noun, genitive included', () => {
    const forms = ['vårdcentral', 'vårdcentralen', 'vårdcentraler', 'vårdcentralerna', 'vårdcentralens'];
    for (const form of forms) expect(contentTerms(form)).toEqual(['vårdcentral']);
    expect(contentTerms('tillgänglighet tillgängligheten tillgängliga')).toEqual(['tillgänglig']);
    expect(contentTerms('läkemedel läkemedlen')).toEqual(['läkemedl']);
  });

  it('leaves nothing of a note made only of filler', () => {
    expect(contentTerms('Vi behöver mer och bättre, det är inte för att de ska!')).toEqual([]);
  });

  it('folds case and keeps å ä ö as letters', () => {
    expect(contentTerms('ÖKAD TILLGÄNGLIGHET PÅ VÅRDCENTRALEN')).toEqual(
      contentTerms('ökad tillgänglighet på vårdcentralen'),
    );
    expect(contentTerms('Äldre på särskilt boende')).toEqual(['äldr', 'särskil', 'boend']);
    // Decomposed å (a + combining ring), as some keyboards and pastes deliver it, is the same letter.
    expect(contentTerms('va\u030Ardcentralen')).toEqual(['vårdcentral']);
  });

  it('strips punctuation and keeps abbreviations and numbers', () => {
    expect(contentTerms('Fler SIP:ar – samordnad individuell plan!!')).toEqual([
      'sip',
      'samord',
      'individuell',
      'plan',
    ]);
    expect(contentTerms('Ring 1177 (Vårdguiden)')).toEqual(['ring', '1177', 'vårdguid']);
  });
});

describe('suggestClusters', () => {
  it('puts near-duplicates together and leaves unrelated notes out', () => {
    const input = notes(
      'Gemensam journal mellan region och kommun',
      'Bättre parkering vid lasarettet',
      'Gemensamt journalsystem för kommun och region',
      'Fika!',
      'Karriärvägar för undersköterskor',
    );
    expect(groups(input)).toEqual([['n1', 'n3']]);
  });

  it('keeps notes apart that share only filler or the parties', () => {
    const input = notes(
      'Mer samverkan mellan region och kommun kring ensamhet',
      'Bättre samverkan mellan kommun och region om läkemedel',
      'Vi behöver bli bättre på att samverka i regionen',
    );
    expect(groups(input)).toEqual([]);
  });

  it('finds several groups, largest first, notes in input order', () => {
    const input = notes(
      'Brist på sjuksköterskor i hemsjukvården',
      'Svårt att komma fram till vårdcentralen på telefon',
      'Svårt att rekrytera sjuksköterskor',
      'Vårdcentralens telefontider räcker inte',
      'Sjuksköterskebristen är akut',
      'Tandvård för äldre',
    );
    expect(groups(input)).toEqual([
      ['n1', 'n3', 'n5'],
      ['n2', 'n4'],
    ]);
  });

  it('meets compounds through their parts', () => {
    const input = notes(
      'Minska beroendet av hyrpersonal',
      'Sluta med hyrläkare',
      'Personal som stannar',
      'Dyra hyrläkare och hyrsjuksköterskor',
    );
    expect(groups(input)).toContainEqual(['n2', 'n4']);
  });

  it('reads SIP as samordnad individuell plan', () => {
    const input = notes('Fler SIP:ar', 'Samordnad individuell plan används för sällan', 'Parkering');
    expect(groups(input)).toEqual([['n1', 'n2']]);
  });

  it('tolerates a note typed without å ä ö', () => {
    const input = notes('Längre öppettider på vårdcentralen', 'Langre oppettider pa vardcentralen', 'Fika');
    expect(groups(input)).toEqual([['n1', 'n2']]);
  });

  it('labels a group with the words its notes share', () => {
    const [suggestion] = suggestClusters(
      notes(
        'Tillgängligheten på vårdcentralerna',
        'Vårdcentralens tillgänglighet',
        'Bättre tillgänglighet på vårdcentralen',
      ),
    );
    expect(suggestion?.terms).toEqual(['tillgänglighet', 'vårdcentralen']);
  });

  it('gives no suggestions for no notes, one note, or notes without content words', () => {
    expect(suggestClusters([])).toEqual([]);
    expect(suggestClusters(notes('Gemensam journal'))).toEqual([]);
    expect(suggestClusters(notes('Gemensam journal', 'Gemensam journal'), { threshold: 0.5 })).toHaveLength(
      1,
    );
    expect(suggestClusters(notes('Vi ska!', 'Och det är bra', ''))).toEqual([]);
  });

  it('treats a repeated id as one note', () => {
    const input: ClusterInput[] = [
      { id: 'a', text: 'Gemensam journal' },
      { id: 'a', text: 'Gemensam journal' },
    ];
    expect(suggestClusters(input)).toEqual([]);
  });

  it('gives the same suggestions and ids whatever the order of the notes', () => {
    const input = notes(
      'Gemensam journal mellan region och kommun',
      'Brist på sjuksköterskor i hemsjukvården',
      'Gemensamt journalsystem för kommun och region',
      'Svårt att rekrytera sjuksköterskor',
      'Journalen ska kunna läsas av kommunen',
      'Fika!',
    );
    const forward = suggestClusters(input);
    const backward = suggestClusters([...input].reverse());
    expect(forward.length).toBeGreaterThan(0);
    const bySet = (s: { id: string; noteIds: string[] }) => `${s.id} ${[...s.noteIds].sort().join(',')}`;
    expect(backward.map(bySet).sort()).toEqual(forward.map(bySet).sort());
    expect(suggestClusters(input)).toEqual(forward);
  });
});

describe('suggestionId', () => {
  it('depends on the set of notes, not their order', () => {
    expect(suggestionId(['b', 'a', 'c'])).toBe(suggestionId(['a', 'b', 'c']));
    expect(suggestionId(['a', 'b'])).not.toBe(suggestionId(['a', 'c']));
    expect(suggestionId(['a', 'b'])).not.toBe(suggestionId(['ab']));
    expect(suggestionId(['a', 'b'])).toMatch(/^kl-[0-9a-f]{16}$/);
  });
});
