import type { VCardWarning } from './vcard.types.ts';

/**
 * BDAY comes as 19800322 (2.1, 4.0), 1980-03-22 (3.0), 1980-03-22T00:00:00Z, --0322 (4.0, no year)
 * or Apple's 1604-03-22 with X-APPLE-OMIT-YEAR=1604. Stored as YYYY-MM-DD, or --MM-DD without a year.
 */
function validMonthDay(month: number, day: number, year = 2000): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  return day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}

export function normaliseBirthday(text: string, omitYear?: string): string | null {
  const s = text.trim();
  const noYear = /^--(\d{2})-?(\d{2})$/.exec(s);
  if (noYear) {
    const [, mm, dd] = noYear;
    return validMonthDay(Number(mm), Number(dd)) ? `--${mm}-${dd}` : null;
  }
  const full = /^(\d{4})-?(\d{2})-?(\d{2})(?:$|T)/.exec(s);
  if (!full) return null;
  const [, yyyy, mm, dd] = full;
  if (!validMonthDay(Number(mm), Number(dd), Number(yyyy))) return null;
  return omitYear === yyyy ? `--${mm}-${dd}` : `${yyyy}-${mm}-${dd}`;
}

/** The first BDAY that reads as a date; 4.0 ALTID alternatives ("circa 1800" as text) are fine to skip. */
export function readBirthday(values: { text: string; line: number; omitYear?: string }[], warnings: VCardWarning[]): string | null {
  for (const v of values) {
    const date = normaliseBirthday(v.text, v.omitYear);
    if (date) return date;
  }
  const shown = values.find((v) => v.text);
  if (shown) warnings.push({ code: 'bad_birthday', line: shown.line, detail: shown.text });
  return null;
}
