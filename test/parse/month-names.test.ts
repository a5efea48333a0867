import { describe, expect, test } from 'vitest';
import { C_MONTH_ABBR, monthNumber } from '../../src/parse/month-names.js';
import { excerptLines } from '../support/run-parser.js';

describe('monthNumber', () => {
  test('reads back %b of every month in 15 glibc 2.36 locales, as `date +"%b %d …"` printed them', () => {
    const rows = excerptLines('journal', 'strftime-b-d-glibc-2.36.tsv').map((l) => l.split('\t'));
    const locales = new Set(rows.map(([locale]) => locale));
    expect(locales.size).toBe(15);
    for (const [locale, month, printed = ''] of rows) {
      const name = printed.slice(0, printed.indexOf(' 01 ')).trim(); // ja_JP, zh_TW and ko_KR pad " 4月"
      expect({ locale, name, month: monthNumber(name) }).toEqual({ locale, name, month: Number(month) });
    }
  });

  test('the C locale names, in order', () => {
    expect(C_MONTH_ABBR.map((m) => monthNumber(m))).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
  });

  test.each([
    ['май', 5], // ru_RU before glibc 2.27
    ['MAR', 3],
    ['marras', 11],
    ['9月', 9],
  ])('%s is month %i', (name, month) => {
    expect(monthNumber(name)).toBe(month);
  });

  test.each(['', 'Foo', '0月', '13月', 'janv..', 'Mon', '.'])('%j is no month', (name) => {
    expect(monthNumber(name)).toBeUndefined();
  });
});
