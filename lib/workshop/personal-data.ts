/**
 * Spots text that looks like personal data about an individual: Swedish personal identity
 * numbers (and coordination numbers), phone numbers and e-mail addresses. The filing form
 * warns while the person types; the server refuses a valid personal identity number outright,
 * since an issue is about how cooperation works, never about a named person. Runs in the
 * browser and on the server, so it has no imports.
 */

export type PersonalDataKind = 'personalNumber' | 'phone' | 'email';

export interface PersonalDataFinding {
  kind: PersonalDataKind;
  /** The text as found, for pointing at it; never logged or stored. */
  text: string;
}

// 6 or 8 digits of birth date, an optional separator (- or +), 4 digits.
const PERSONAL_NUMBER = /(?<![\d])(\d{2})?(\d{2})(\d{2})(\d{2})[-+ ]?(\d{4})(?![\d])/g;
// Swedish numbers: 0 or +46 / 0046 followed by 7–10 more digits, spaces and dashes allowed between.
const PHONE = /(?<![\d+])(?:\+46|0046|0)[\s-]?(?:\d[\s-]?){6,9}\d(?![\d])/g;
const EMAIL = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}.-]+\.[\p{L}]{2,}/gu;

/** The Luhn check digit rule Swedish personal identity numbers follow (on the last 10 digits). */
function luhnValid(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i += 1) {
    let value = Number(digits[i]) * (i % 2 === 0 ? 2 : 1);
    if (value > 9) value -= 9;
    sum += value;
  }
  return sum % 10 === 0;
}

function isPersonalNumber(month: string, day: string, lastTen: string): boolean {
  const m = Number(month);
  // Coordination numbers add 60 to the day.
  const d = Number(day) > 60 ? Number(day) - 60 : Number(day);
  return m >= 1 && m <= 12 && d >= 1 && d <= 31 && luhnValid(lastTen);
}

export function findPersonalData(text: string): PersonalDataFinding[] {
  const findings: PersonalDataFinding[] = [];
  const taken: [number, number][] = [];
  const overlaps = (start: number, end: number) => taken.some(([s, e]) => start < e && end > s);

  for (const match of text.matchAll(PERSONAL_NUMBER)) {
    const [whole, , yy, mm, dd, tail] = match;
    if (isPersonalNumber(mm!, dd!, `${yy}${mm}${dd}${tail}`)) {
      findings.push({ kind: 'personalNumber', text: whole });
      taken.push([match.index, match.index + whole.length]);
    }
  }
  for (const match of text.matchAll(PHONE)) {
    if (overlaps(match.index, match.index + match[0].length)) continue;
    findings.push({ kind: 'phone', text: match[0].trim() });
    taken.push([match.index, match.index + match[0].length]);
  }
  for (const match of text.matchAll(EMAIL)) findings.push({ kind: 'email', text: match[0] });
  return findings;
}

/** The kinds found, once each, in a stable order: what the warning names. */
export function personalDataKinds(...texts: string[]): PersonalDataKind[] {
  const found = new Set(texts.flatMap((t) => findPersonalData(t).map((f) => f.kind)));
  return (['personalNumber', 'phone', 'email'] as const).filter((kind) => found.has(kind));
}
