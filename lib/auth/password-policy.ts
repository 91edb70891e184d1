import { COMMON_PASSWORD_WORDS, SEQUENCES } from './common-passwords';

export const MIN_PASSWORD_LENGTH = 12;
export const MAX_PASSWORD_LENGTH = 256;

export type PasswordProblem = 'tooShort' | 'tooLong' | 'common' | 'containsPersonalInfo';

const commonWords = new Set(COMMON_PASSWORD_WORDS);

/** The password with digits, punctuation, spaces and repeats removed: its "word". */
function core(password: string): string {
  const letters = password.toLowerCase().normalize('NFC').replace(/[^\p{L}]/gu, '');
  // "sommarsommar" -> "sommar"
  const repeat = /^(.+?)\1+$/u.exec(letters);
  return repeat?.[1] ?? letters;
}

function isSequenceRun(password: string): boolean {
  const lower = password.toLowerCase();
  return SEQUENCES.some((seq) => seq.includes(lower) || `${seq}${seq}`.includes(lower));
}

/**
 * Problems with a new password (empty when acceptable). Length rules follow NIST 800-63B:
 * a long minimum, no composition rules, and a check against what attackers try first.
 */
export function checkNewPassword(password: string, personal: { email?: string; name?: string } = {}): PasswordProblem[] {
  const length = [...password].length;
  if (length < MIN_PASSWORD_LENGTH) return ['tooShort'];
  if (length > MAX_PASSWORD_LENGTH) return ['tooLong'];
  const word = core(password);
  if (word.length < 4 || commonWords.has(word) || isSequenceRun(password) || new Set(password).size < 4) return ['common'];
  const lower = password.toLowerCase();
  const personalParts = [personal.email?.split('@')[0], ...(personal.name?.split(/\s+/) ?? [])]
    .map((p) => p?.toLowerCase())
    .filter((p): p is string => !!p && p.length >= 4);
  if (personalParts.some((p) => lower.includes(p))) return ['containsPersonalInfo'];
  return [];
}
