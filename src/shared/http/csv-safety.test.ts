import { describe, expect, it } from 'vitest';
import { csvCell, neutraliseFormula } from './csv-safety';

describe('CSV formula injection', () => {
  it('prefixes cells a spreadsheet would evaluate', () => {
    for (const bad of ['=HYPERLINK("http://x","y")', '+cmd|calc', '-2+3', '@SUM(A1)', '\t=1', '\r=1']) {
      expect(neutraliseFormula(bad)).toBe(`'${bad}`);
    }
  });
  it('leaves plain numbers and text alone', () => {
    for (const ok of ['-5', '+3.2', '1,000', '兰州新区', 'a=b', '']) expect(neutraliseFormula(ok)).toBe(ok);
  });
  it('quotes after neutralising', () => {
    expect(csvCell('=1,2')).toBe(`"'=1,2"`);
    expect(csvCell(null)).toBe('');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
  });
});
