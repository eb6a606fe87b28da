/**
 * Local, Swedish-aware grouping of sticky notes that say the same thing ("Föreslå kluster").
 *
 * Each note becomes content words: case-folded, stop words out, lightly stemmed ("vårdcentralerna" →
 * "vårdcentral"), compounds split where the notes themselves confirm the parts ("journalsystem" → also
 * "journal", "system"). Similarity is a weighted sum of two TF-IDF cosines, over those words and over
 * character 4-grams (typos, words typed without å ä ö, shared starts). Average-linkage agglomeration then
 * merges groups while the mean similarity between them reaches the threshold: unlike connected components,
 * one shared word does not chain unrelated notes into one big group. No dictionary, no network.
 */

export interface ClusterInput {
  id: string;
  text: string;
}

export interface ClusterSuggestion {
  /** Stable id: the same notes give the same id, so a dismissed suggestion stays dismissed. */
  id: string;
  /** At least two, in input order. */
  noteIds: string[];
  /** The words the notes share, most telling first (for a label such as "vårdcentral, tillgänglighet"). */
  terms: string[];
}

/** Mean similarity two groups need to be merged; tuned on tests/fixtures/hsvoNotes.ts (see quality.test.ts). */
export const DEFAULT_THRESHOLD = 0.19;

/** Share of the similarity that comes from whole words; the rest comes from character 4-grams. */
const WORD_WEIGHT = 0.7;
const GRAM = 4;
/** Most words a suggestion's label gets. */
const MAX_TERMS = 3;

// ---- Swedish words -------------------------------------------------------------------------------------

// Function words, plus the filler every workshop note has ("behöver fler", "bättre", "öka"): they say
// nothing about what a note is about. Forms typed without å ä ö are added below.
const STOP_WORDS = `
alla allt andra annat att av bara bl bli blir blev bra både bör borde ca då de dem den denna deras dess
dessa det detta dig din ditt dina du där eller efter en er era ert ett etc ex finns fler flera få får för
före från gör göra god goda gott ha hade han har hela helt hon hos hur här i ibland idag in ingen inget
inga inom inte jag ju kan kunna kring man med mellan mer mera mest mig min mina minska mitt mm mot mycket
måste många nu när någon något några och också om osv oss på samt sedan sig sin sina sitt ska skall
skulle som så sådan sådana sätt t till tex under upp ut utan vad var vara vart vem vi vid vilka vilken
vilket vill väl vår vårt våra än även är öka ökad ökade ökat över behöver behövs bättre mindre större
genom dock nog just helst alltid aldrig redan kunde ny nya nytt stor stora viktig viktigt viktiga
tillsammans jobba jobbar arbeta arbetar ta tar tas görs sker varandra varandras istället all se ser ge ger
gå går komma kommer kom händer varje olika
`
  .split(/\s+/)
  .filter(Boolean);

/** Text with diacritics removed, so "vardcentral" typed without å meets "vårdcentral". */
function fold(s: string): string {
  return s.normalize('NFD').replace(/\p{M}/gu, '');
}

const STOP = new Set([...STOP_WORDS, ...STOP_WORDS.map(fold)]);

// Endings, tried longest first; each is [ending, replacement]. "-ering" keeps "er": "planering" ~ "planera".
const ENDINGS: readonly (readonly [string, string])[] = (
  [
    ['heterna', ''],
    ['hetens', ''],
    ['heten', ''],
    ['heter', ''],
    ['het', ''],
    ['eringarna', 'er'],
    ['eringar', 'er'],
    ['eringen', 'er'],
    ['ering', 'er'],
    ['ningarna', ''],
    ['ningar', ''],
    ['ningen', ''],
    ['ningens', ''],
    ['ning', ''],
    ['arnas', ''],
    ['ernas', ''],
    ['ornas', ''],
    ['arna', ''],
    ['erna', ''],
    ['orna', ''],
    ['andet', ''],
    ['andes', ''],
    ['anden', ''],
    ['ande', ''],
    ['endet', ''],
    ['ende', ''],
    ['arens', ''],
    ['aren', ''],
    ['are', ''],
    ['ades', ''],
    ['ade', ''],
    ['ad', ''],
    ['ens', ''],
    ['ets', ''],
    ['en', ''],
    ['et', ''],
    ['er', ''],
    ['ar', ''],
    ['or', ''],
    ['as', ''],
    ['es', ''],
    ['at', ''],
    ['na', ''],
    ['an', ''],
    ['a', ''],
    ['e', ''],
  ] as const
)
  .slice()
  .sort((x, y) => y[0].length - x[0].length);

const MIN_STEM = 3;
// A genitive or compound "s" only follows these letters (Snowball's s-ending rule); "process" keeps its s.
const S_ENDING = /[bcdfghjklmnoprtvy]s$/;

/** The stem of one lower-case Swedish word: light suffix stripping, after the Snowball Swedish stemmer. */
function stem(word: string): string {
  if (!/^\p{L}+$/u.test(word)) return word;
  let w = word;
  let stripped = false;
  for (const [ending, replacement] of ENDINGS) {
    if (!w.endsWith(ending) || w.length - ending.length < MIN_STEM) continue;
    // "kvalitet" is a stem, not "kvalit" + "et"; "plan" (and "handlingsplan") is not "pl" + "an".
    if (ending === 'et' && w.endsWith('itet')) continue;
    if (ending === 'an' && w.endsWith('plan')) continue;
    w = w.slice(0, w.length - ending.length) + replacement;
    stripped = true;
    break;
  }
  if (!stripped) {
    if (S_ENDING.test(w) && w.length - 1 >= MIN_STEM) w = w.slice(0, -1);
    // "läkemedel" ~ "läkemedl(en)", "regel" ~ "regl(er)": the e drops when an ending follows.
    else if (/[^aeiouyåäö]el$/.test(w) && w.length > MIN_STEM + 1) w = w.slice(0, -2) + 'l';
  }
  // Doubled or neuter-t endings: "kvinn(or)" ~ "kvinn(a)", "gemensamm(a)" ~ "gemensam", "psykiskt" ~ "psykisk".
  if (/(dd|gd|nn|mm|dt|gt|kt|tt)$/.test(w) && w.length > MIN_STEM) w = w.slice(0, -1);
  else if (/[lmr]t$/.test(w) && w.length > MIN_STEM + 1) w = w.slice(0, -1);
  // "samordn(ad)" ~ "samord(ning)".
  if (w.endsWith('dn') && w.length > MIN_STEM + 1) w = w.slice(0, -1);
  return w;
}

interface Word {
  surface: string;
  stem: string;
}

/** The content words of a text with their stems, in text order, stop words left out. */
function contentWords(text: string): Word[] {
  const tokens =
    text
      .normalize('NFC')
      .toLowerCase()
      .match(/[\p{L}\p{N}]+/gu) ?? [];
  const words: Word[] = [];
  for (const surface of tokens) {
    if (surface.length < 2 || STOP.has(surface)) continue;
    words.push({ surface, stem: stem(surface) });
  }
  return words;
}

/** Normalised content words of a text: lower-case stems, no stop words, each once, in text order. */
export function contentTerms(text: string): string[] {
  return [...new Set(contentWords(text).map((w) => w.stem))];
}

// ---- Compounds and abbreviations -------------------------------------------------------------------

// Words that name the parties or the frame of a public-sector workshop rather than its subject:
// "Gemensam journal mellan region och kommun" is about the journal. They count, but weakly.
const WEAK = new Set(
  'region regional kommun kommunal landsting huvudman samverkan gemensam verksamhet behov fokus'
    .split(' ')
    .map(stem),
);
const WEAK_FACTOR = 0.35;
/** Weight of a compound that splits into parts: it counts mostly through them ("hyr|läk" ~ "hyr|personal"). */
const COMPOUND_FACTOR = 0.7;

/** Shortest compound head that counts, and shortest modifier ("hyr|personal"). */
const MIN_HEAD = 4;
const MIN_MODIFIER = 3;

// Abbreviations workshop notes use for what other notes spell out (as stems of the spelled-out words).
const ABBREVIATIONS: ReadonlyMap<string, readonly string[]> = new Map([
  ['sip', ['samord', 'individuell', 'plan']],
  ['vc', ['vårdcentral']],
  ['bvc', ['barnavårdscentral']],
  ['mvc', ['mödravårdscentral']],
  ['bup', ['barn', 'ungdomspsykiatri']],
  ['ssk', ['sjukskötersk']],
  ['usk', ['underskötersk']],
]);

/** A compound's modifier as a stem of its own: "utskrivnings-" → "utskriv", "sjuksköterske-" → "sjukskötersk". */
function modifierStem(part: string, vocabulary: ReadonlySet<string>): string {
  if (vocabulary.has(part)) return part;
  return stem(part.length > MIN_MODIFIER && part.endsWith('s') ? part.slice(0, -1) : part);
}

/**
 * Compound modifiers the notes themselves confirm: the rest of a compound whose head is a word elsewhere
 * ("hyr|personal"), and the longest start two compounds share when both go on for a whole syllable or more
 * ("fall|skad", "fall|olyck"; "kont|akt" and "kont|inuitet" do not qualify, "akt" is too short).
 */
function confirmedModifiers(vocabulary: ReadonlySet<string>): Set<string> {
  const modifiers = new Set<string>();
  const stems = [...vocabulary].filter((s) => !WEAK.has(s)).sort();
  for (const s of stems) {
    for (let k = MIN_MODIFIER; k <= s.length - MIN_HEAD; k++) {
      if (vocabulary.has(s.slice(k))) modifiers.add(s.slice(0, k));
    }
  }
  // Sorted, stems with a common start are neighbours.
  for (let i = 1; i < stems.length; i++) {
    const [a, b] = [stems[i - 1]!, stems[i]!];
    let k = 0;
    while (k < a.length && a[k] === b[k]) k++;
    if (k >= MIN_HEAD && a.length - k >= MIN_HEAD && b.length - k >= MIN_HEAD) modifiers.add(a.slice(0, k));
  }
  return modifiers;
}

interface CompoundParts {
  /** Stem → the parts it splits into. */
  parts: Map<string, string[]>;
  /** How a modifier no note writes on its own is shown in a label: "hyr-", "läkemedels-". */
  shown: Map<string, string>;
}

/**
 * Compound parts the notes themselves confirm: a head that is a word elsewhere ("journal|system"), a
 * modifier that is a word elsewhere or a confirmed modifier ("hyr|läk"). Without a dictionary, this keeps
 * false splits ("gemen|sam" is not "gem|ensam") rare.
 */
function compoundParts(vocabulary: ReadonlySet<string>): CompoundParts {
  const modifiers = confirmedModifiers(vocabulary);
  const parts = new Map<string, string[]>();
  const shown = new Map<string, string>();
  // Sorted, so a label does not depend on the order the notes came in.
  for (const s of [...vocabulary].sort()) {
    if (WEAK.has(s)) continue;
    const found = new Set<string>();
    for (let k = MIN_MODIFIER; k <= s.length - MIN_MODIFIER; k++) {
      const modifier = s.slice(0, k);
      const head = s.slice(k);
      if (head.length >= MIN_HEAD && vocabulary.has(head)) found.add(head);
      if (modifier.length >= MIN_HEAD && vocabulary.has(modifier)) found.add(modifier);
      else if (modifiers.has(modifier)) {
        const part = modifierStem(modifier, vocabulary);
        found.add(part);
        if (!vocabulary.has(part) && !shown.has(part)) shown.set(part, `${modifier}-`);
      }
    }
    found.delete(s);
    if (found.size > 0) parts.set(s, [...found]);
  }
  return { parts, shown };
}

// ---- Similarity ------------------------------------------------------------------------------------

/** Feature → weight before IDF. */
type Features = Map<string, number>;

/** Word features of a note: its stems, the parts of its compounds, and what its abbreviations stand for. */
function wordFeatures(stems: readonly string[], parts: ReadonlyMap<string, string[]>): Features {
  const out: Features = new Map();
  const add = (f: string, factor: number) => out.set(f, Math.max(out.get(f) ?? 0, factor));
  for (const s of stems) {
    const split = parts.get(s) ?? ABBREVIATIONS.get(s) ?? [];
    add(s, (WEAK.has(s) ? WEAK_FACTOR : 1) * (split.length > 0 ? COMPOUND_FACTOR : 1));
    for (const p of split) add(p, WEAK.has(p) ? WEAK_FACTOR : 1);
  }
  return out;
}

/** Character 4-grams of "^" + each stem (the "^" marks a word start): they catch typos and shared prefixes ("hyr-"). */
function gramFeatures(stems: readonly string[]): Features {
  const grams = new Set<string>();
  for (const w of stems) {
    if (WEAK.has(w)) continue;
    const padded = `^${fold(w)}`;
    if (padded.length <= GRAM) grams.add(padded);
    for (let i = 0; i + GRAM <= padded.length; i++) grams.add(padded.slice(i, i + GRAM));
  }
  return new Map([...grams].map((g) => [g, 1]));
}

/**
 * Inverse document frequency of a feature in `df` of `n` notes. Smoothed (1 + n/df rather than n/df) so
 * that on a small board a word only one note uses does not drown the words notes share.
 */
function idf(n: number, df: number): number {
  return Math.log(1 + n / df);
}

/** In how many documents each feature occurs. */
function documentFrequencies(docs: readonly Features[]): Map<string, number> {
  const df = new Map<string, number>();
  for (const doc of docs) for (const f of doc.keys()) df.set(f, (df.get(f) ?? 0) + 1);
  return df;
}

/** A sparse vector over integer feature ids. */
interface Sparse {
  ids: number[];
  weights: number[];
}

/**
 * One vector per note: per feature space, unit-length TF-IDF (binary TF: notes are short) scaled by the
 * square root of the space's weight, so a dot product is the weighted sum of the spaces' cosines.
 */
function vectorize(spaces: readonly { docs: readonly Features[]; weight: number }[], n: number): Sparse[] {
  const vectors: Sparse[] = Array.from({ length: n }, () => ({ ids: [], weights: [] }));
  let nextId = 0;
  for (const { docs, weight } of spaces) {
    const df = documentFrequencies(docs);
    const ids = new Map<string, number>();
    docs.forEach((doc, i) => {
      const v = vectors[i]!;
      const start = v.weights.length;
      let norm = 0;
      for (const [f, factor] of doc) {
        const w = idf(n, df.get(f)!) * factor;
        let id = ids.get(f);
        if (id === undefined) ids.set(f, (id = nextId++));
        v.ids.push(id);
        v.weights.push(w);
        norm += w * w;
      }
      const scale = norm > 0 ? Math.sqrt(weight / norm) : 0;
      for (let k = start; k < v.weights.length; k++) v.weights[k]! *= scale;
    });
  }
  return vectors;
}

/**
 * Similarity of every pair of notes that share a feature and reach `floor`, as adjacency maps
 * (i → j → similarity). An inverted index keeps this to the pairs that share something: O(n²) at worst.
 */
function similarities(vectors: readonly Sparse[], floor: number): Map<number, number>[] {
  // Postings in compressed rows, in note order: feature f's notes are docs[start[f] .. start[f + 1]).
  let features = 0;
  for (const v of vectors) for (const id of v.ids) features = Math.max(features, id + 1);
  const start = new Int32Array(features + 1);
  for (const v of vectors) for (const id of v.ids) start[id + 1]!++;
  for (let f = 0; f < features; f++) start[f + 1]! += start[f]!;
  const docs = new Int32Array(start[features]!);
  const weights = new Float64Array(start[features]!);
  const cursor = start.slice(0, features);
  vectors.forEach((v, i) => {
    v.ids.forEach((id, k) => {
      docs[cursor[id]!] = i;
      weights[cursor[id]!++] = v.weights[k]!;
    });
  });
  // Note i meets only notes after it: each feature's cursor moves past i before its postings are read.
  cursor.set(start.subarray(0, features));
  const adjacency = vectors.map(() => new Map<number, number>());
  const acc = new Float64Array(vectors.length);
  const touched: number[] = [];
  vectors.forEach((v, i) => {
    v.ids.forEach((id, k) => {
      const w = v.weights[k]!;
      const end = start[id + 1]!;
      for (let p = ++cursor[id]!; p < end; p++) {
        const j = docs[p]!;
        if (acc[j] === 0) touched.push(j);
        acc[j]! += w * weights[p]!;
      }
    });
    for (const j of touched) {
      // Pairs below the floor count as unrelated; a mean over a group loses at most `floor` by it.
      if (acc[j]! >= floor) {
        adjacency[i]!.set(j, acc[j]!);
        adjacency[j]!.set(i, acc[j]!);
      }
      acc[j] = 0;
    }
    touched.length = 0;
  });
  return adjacency;
}

// ---- Grouping --------------------------------------------------------------------------------------

/**
 * Max-heap of candidate merges (mean similarity, group a < group b) in typed arrays: the agglomeration
 * pushes tens of thousands of them for a thousand notes, and as objects they would keep the collector busy.
 * Ties go to the lowest group ids, so the outcome is deterministic.
 */
class MergeHeap {
  private sims = new Float64Array(1024);
  private as = new Int32Array(1024);
  private bs = new Int32Array(1024);
  size = 0;
  /** The candidate the last pop() removed. */
  sim = 0;
  a = 0;
  b = 0;

  private above(i: number, sim: number, a: number, b: number): boolean {
    const s = this.sims[i]!;
    if (s !== sim) return s > sim;
    const x = this.as[i]!;
    return x !== a ? x < a : this.bs[i]! < b;
  }

  private put(i: number, sim: number, a: number, b: number): void {
    this.sims[i] = sim;
    this.as[i] = a;
    this.bs[i] = b;
  }

  push(sim: number, a: number, b: number): void {
    if (this.size === this.sims.length) {
      const grow = <T extends Float64Array | Int32Array>(arr: T, make: (n: number) => T): T => {
        const next = make(arr.length * 2);
        next.set(arr);
        return next;
      };
      this.sims = grow(this.sims, (n) => new Float64Array(n));
      this.as = grow(this.as, (n) => new Int32Array(n));
      this.bs = grow(this.bs, (n) => new Int32Array(n));
    }
    let i = this.size++;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (this.above(p, sim, a, b)) break;
      this.put(i, this.sims[p]!, this.as[p]!, this.bs[p]!);
      i = p;
    }
    this.put(i, sim, a, b);
  }

  /** Removes the best candidate into sim, a and b; false when there is none. */
  pop(): boolean {
    if (this.size === 0) return false;
    [this.sim, this.a, this.b] = [this.sims[0]!, this.as[0]!, this.bs[0]!];
    const last = --this.size;
    const [sim, a, b] = [this.sims[last]!, this.as[last]!, this.bs[last]!];
    let i = 0;
    for (;;) {
      const l = 2 * i + 1;
      if (l >= last) break;
      const r = l + 1;
      const m = r < last && this.above(r, this.sims[l]!, this.as[l]!, this.bs[l]!) ? r : l;
      if (!this.above(m, sim, a, b)) break;
      this.put(i, this.sims[m]!, this.as[m]!, this.bs[m]!);
      i = m;
    }
    this.put(i, sim, a, b);
    return true;
  }
}

/**
 * Average-linkage agglomeration: repeatedly merges the two groups with the highest mean pairwise
 * similarity while that mean is at least `threshold`. Returns groups of two or more note indexes.
 */
function agglomerate(adjacency: Map<number, number>[], threshold: number): number[][] {
  // Group g starts as note g; sums[g] maps each neighbouring group to the summed similarity between them.
  const sums = adjacency;
  const members = adjacency.map((_, i) => [i]);
  const alive = new Uint8Array(adjacency.length).fill(1);
  const heap = new MergeHeap();
  const mean = (x: number, y: number, sum: number) => sum / (members[x]!.length * members[y]!.length);
  const offer = (x: number, y: number, sum: number) => {
    const sim = mean(x, y, sum);
    if (sim >= threshold) heap.push(sim, Math.min(x, y), Math.max(x, y));
  };
  sums.forEach((m, a) => {
    for (const [b, sum] of m) if (a < b) offer(a, b, sum);
  });
  while (heap.pop()) {
    const { sim, a, b } = heap;
    // Stale when either group has merged since: every merge offers the new group's pairs afresh.
    if (!alive[a] || !alive[b] || mean(a, b, sums[a]!.get(b) ?? 0) !== sim) continue;
    // Merge b into a; the group keeps the lower id so the outcome does not depend on map sizes.
    alive[b] = 0;
    for (const m of members[b]!) members[a]!.push(m);
    const sa = sums[a]!;
    sa.delete(b);
    for (const [k, s] of sums[b]!) {
      if (k === a) continue;
      sa.set(k, (sa.get(k) ?? 0) + s);
      const sk = sums[k]!;
      sk.delete(b);
      sk.set(a, (sk.get(a) ?? 0) + s);
    }
    sums[b]!.clear();
    for (const [k, sum] of sa) offer(a, k, sum);
  }
  return members.filter((m, g) => alive[g] && m.length >= 2).map((m) => m.sort((x, y) => x - y));
}

// ---- Labels and ids --------------------------------------------------------------------------------

/**
 * How a stem is best shown: the stem when a note wrote it ("vårdcentral"), else its shortest form, which
 * in Swedish is usually the base form ("sjuksköterska" rather than "sjuksköterskorna").
 */
function surfaces(notes: readonly Word[][]): Map<string, string> {
  const forms = new Map<string, Map<string, number>>();
  for (const words of notes) {
    for (const { surface, stem } of words) {
      let m = forms.get(stem);
      if (!m) forms.set(stem, (m = new Map()));
      m.set(surface, (m.get(surface) ?? 0) + 1);
    }
  }
  const shown = new Map<string, string>();
  for (const [key, m] of forms) {
    const best = [...m.entries()].sort(
      (x, y) =>
        Number(y[0] === key) - Number(x[0] === key) ||
        x[0].length - y[0].length ||
        y[1] - x[1] ||
        x[0].localeCompare(y[0], 'sv'),
    )[0]!;
    shown.set(key, best[0]);
  }
  return shown;
}

/**
 * The words a group shares (compound parts included), most telling first: in most notes, then by summed
 * IDF × weight. Of two words where one contains the other, only one is shown: the longer when both are in
 * as many notes ("sjuksköterska" over "sjuk-"), else the one in more notes ("journal" over "journalsystem").
 */
function sharedTerms(
  group: readonly number[],
  features: readonly Features[],
  idf: ReadonlyMap<string, number>,
  shown: ReadonlyMap<string, string>,
): string[] {
  const score = new Map<string, number>();
  const notes = new Map<string, number>();
  for (const i of group) {
    for (const [f, factor] of features[i]!) {
      notes.set(f, (notes.get(f) ?? 0) + 1);
      score.set(f, (score.get(f) ?? 0) + factor * (idf.get(f) ?? 0));
    }
  }
  const ranked = [...score.keys()].sort(
    (x, y) => notes.get(y)! - notes.get(x)! || score.get(y)! - score.get(x)! || x.localeCompare(y, 'sv'),
  );
  const shared = ranked.filter((f) => notes.get(f)! >= 2 && !WEAK.has(f));
  // Notes that met only through 4-grams or weak words share no telling word; their best words label them.
  const fallback = ranked.filter((f) => !WEAK.has(f)).slice(0, 2);
  const candidates = shared.length > 0 ? shared : fallback.length > 0 ? fallback : ranked;
  const label = (f: string) => shown.get(f) ?? f;
  // Compared as stems and as shown: "läkemedl" is not inside "läkemedelslist", "läkemedels-" is.
  const contains = (x: string, y: string) =>
    x !== y && (x.includes(y) || label(x).includes(label(y).replace(/-$/, '')));
  const chosen: string[] = [];
  for (const f of candidates) {
    if (chosen.length === MAX_TERMS) break;
    if (chosen.some((c) => contains(c, f) || contains(f, c))) continue;
    if (candidates.some((g) => contains(g, f) && g.length > f.length && notes.get(g) === notes.get(f)))
      continue;
    chosen.push(f);
  }
  return chosen.map(label);
}

/** Stable id of a suggestion: a hash of the sorted note ids, so input order does not matter. */
export function suggestionId(noteIds: readonly string[]): string {
  const key = [...noteIds].sort().join('\u0000');
  // Two 32-bit FNV-1a hashes with different seeds: 64 bits, so unrelated sets do not collide in practice.
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ 0x5bd1e995;
  for (let i = 0; i < key.length; i++) {
    const c = key.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x01000193) ^ (b >>> 15);
  }
  const hex = (n: number) => (n >>> 0).toString(16).padStart(8, '0');
  return `kl-${hex(a)}${hex(b)}`;
}

/** Groups of notes that say the same thing; notes that resemble nothing are left out. */
export function suggestClusters(
  notes: readonly ClusterInput[],
  options: { threshold?: number } = {},
): ClusterSuggestion[] {
  const threshold = options.threshold ?? DEFAULT_THRESHOLD;
  // A repeated id is one note; notes with no content words cannot resemble anything.
  const seenIds = new Set<string>();
  const kept: { id: string; words: Word[] }[] = [];
  for (const note of notes) {
    if (seenIds.has(note.id)) continue;
    seenIds.add(note.id);
    const words = contentWords(note.text);
    if (words.length > 0) kept.push({ id: note.id, words });
  }
  if (kept.length < 2) return [];

  const stems = kept.map((k) => [...new Set(k.words.map((w) => w.stem))]);
  const compounds = compoundParts(new Set(stems.flat()));
  const words = stems.map((s) => wordFeatures(s, compounds.parts));
  const vectors = vectorize(
    [
      { docs: words, weight: WORD_WEIGHT },
      { docs: stems.map(gramFeatures), weight: 1 - WORD_WEIGHT },
    ],
    kept.length,
  );
  const graph = similarities(vectors, threshold / 2);
  const groups = agglomerate(graph, threshold);

  const df = documentFrequencies(words);
  const weights = new Map([...df].map(([w, d]) => [w, idf(kept.length, d)]));

  const shown = new Map([...compounds.shown, ...surfaces(kept.map((k) => k.words))]);
  groups.sort((x, y) => y.length - x.length || x[0]! - y[0]!);
  return groups.map((group) => {
    const noteIds = group.map((i) => kept[i]!.id);
    return { id: suggestionId(noteIds), noteIds, terms: sharedTerms(group, words, weights, shown) };
  });
}
