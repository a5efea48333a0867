// Month abbreviations as strftime("%b") writes them: the C locale, and the glibc locales users
// of `journalctl` really run (journalctl calls setlocale, so its short output is localized).
// Checked against glibc 2.36 with `LC_ALL=<locale> date +%b` (see test/parse/excerpts/journal/SOURCES.md):
//   de_DE Mär Mai Okt Dez · fr_FR janv. févr. avril juil. déc. · es_ES ene abr ago dic
//   ru_RU апр мая · ja_JP " 4月" · zh_CN "4月" · ko_KR " 4월" · fi_FI huhti marras
// rsyslog and syslog-ng never localize; they use C_MONTH_ABBR only.

/** The C locale's `%b`, January first. */
export const C_MONTH_ABBR = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'] as const;

// Lower case, trailing dot dropped. One row per locale, January first. No name means two
// different months in two rows, so one flat map serves them all (the tests read every row back).
const LOCALE_ROWS: readonly (readonly string[])[] = [
  C_MONTH_ABBR.map((m) => m.toLowerCase()),
  ['jän', 'feb', 'mär', 'apr', 'mai', 'jun', 'jul', 'aug', 'sep', 'okt', 'nov', 'dez'], // de_DE (de_AT: jän)
  ['janv', 'févr', 'mars', 'avril', 'mai', 'juin', 'juil', 'août', 'sept', 'oct', 'nov', 'déc'], // fr_FR
  ['ene', 'feb', 'mar', 'abr', 'may', 'jun', 'jul', 'ago', 'sep', 'oct', 'nov', 'dic'], // es_ES
  ['янв', 'фев', 'мар', 'апр', 'мая', 'июн', 'июл', 'авг', 'сен', 'окт', 'ноя', 'дек'], // ru_RU, glibc ≥ 2.27
  ['янв', 'фев', 'мар', 'апр', 'май', 'июн', 'июл', 'авг', 'сен', 'окт', 'ноя', 'дек'], // ru_RU, older glibc
  ['gen', 'feb', 'mar', 'apr', 'mag', 'giu', 'lug', 'ago', 'set', 'ott', 'nov', 'dic'], // it_IT
  ['jan', 'fev', 'mar', 'abr', 'mai', 'jun', 'jul', 'ago', 'set', 'out', 'nov', 'dez'], // pt_BR, pt_PT
  ['jan', 'feb', 'mrt', 'apr', 'mei', 'jun', 'jul', 'aug', 'sep', 'okt', 'nov', 'dec'], // nl_NL
  ['sty', 'lut', 'mar', 'kwi', 'maj', 'cze', 'lip', 'sie', 'wrz', 'paź', 'lis', 'gru'], // pl_PL
  ['tammi', 'helmi', 'maalis', 'huhti', 'touko', 'kesä', 'heinä', 'elo', 'syys', 'loka', 'marras', 'joulu'], // fi_FI
];

const BY_NAME: ReadonlyMap<string, number> = new Map(
  LOCALE_ROWS.flatMap((row) => row.map((name, i) => [name, i + 1] as const)),
);

// zh_CN writes "4月", ja_JP, zh_TW and ko_KR pad to " 4月" / " 4월"; the caller trims the pad.
const NUMBERED = /^(\d{1,2})[月월]$/;

/** 1–12 for a `%b` month name in any locale above, else undefined. */
export function monthNumber(name: string): number | undefined {
  const numbered = NUMBERED.exec(name);
  if (numbered !== null) {
    const n = Number(numbered[1]);
    return n >= 1 && n <= 12 ? n : undefined;
  }
  const key = (name.endsWith('.') ? name.slice(0, -1) : name).toLowerCase();
  return BY_NAME.get(key);
}
