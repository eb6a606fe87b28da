import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

// On Node ≥ 24.19 a better-sqlite3 12 statement or database that becomes garbage can abort the process
// (see `keep` in sqliteStore.ts). Node 20, where most tests run, never shows it, so the rule is checked here.
describe('the SQLite store never lets a better-sqlite3 wrapper become garbage', () => {
  const source = readFileSync(new URL('./sqliteStore.ts', import.meta.url), 'utf8')
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/\/\/.*$/gm, '');

  it('opens its database and prepares every statement through keep()', () => {
    const opened = source.match(/new Database\(/g) ?? [];
    const prepared = source.match(/\.prepare\b/g) ?? [];
    expect(opened.length).toBeGreaterThan(0);
    expect(prepared.length).toBeGreaterThan(0);
    expect(source.match(/keep\(new Database\(/g)?.length).toBe(opened.length);
    expect(source.match(/keep\(\s*db\.prepare\b/g)?.length).toBe(prepared.length);
  });

  it('uses no API that prepares a statement and drops it, or creates an iterator', () => {
    expect(source).not.toMatch(/\.(pragma|iterate|backup)\(/);
  });
});
