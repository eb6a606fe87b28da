import { describe, expect, it } from 'vitest';
import { textWidth, wrapText } from './poster';

describe('text on the poster', () => {
  it('wraps at spaces, and breaks a word wider than the note with a hyphen that rejoins to the word', () => {
    const width = textWidth('Vårdstruktur', 20);
    const lines = wrapText('Tillgängligheten ska öka', width, 20);
    for (const line of lines) expect(textWidth(line, 20)).toBeLessThanOrEqual(width);
    const broken = lines.filter((l) => l.endsWith('-'));
    expect(broken.length).toBeGreaterThan(0);
    expect(lines.join('\n').replace(/-\n/g, '').replace(/\n/g, ' ')).toBe('Tillgängligheten ska öka');
  });

  it('leaves words that fit whole', () => {
    expect(wrapText('ska öka genom samarbete', textWidth('ska öka genom', 20), 20)).toEqual([
      'ska öka genom',
      'samarbete',
    ]);
  });
});
