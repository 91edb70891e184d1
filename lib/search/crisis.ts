import { foldText } from './document';

/**
 * Crisis-aware search: someone who searches for violence, suicide or abuse sees the matching
 * national help line first, above any result. The ids are those of the help lines in
 * components/help/help-numbers.tsx.
 */
export type CrisisLine = 'violence' | 'suicide' | 'children';

/**
 * Words and phrases on folded text (lower case, no diacritics). A trailing `*` matches any
 * word that starts so ("misshand*": misshandel, misshandlad); without it the whole word or
 * phrase must match, so "vald" (våld) does not fire on "valde" (chose). Swedish first, with
 * the English and Arabic words newcomers use.
 */
const TRIGGERS: Record<CrisisLine, string[]> = {
  violence: [
    'vald', 'valdet', 'valds*', 'vald i nara relation', 'misshand*', 'slar mig', 'slog mig', 'slagen', 'hotad', 'hotar mig',
    'heders*', 'tvangsgift*', 'valdtag*', 'valdtakt*', 'sexuella overgrepp', 'kvinnojour*', 'kvinnofrid*', 'stalk*', 'forfoljd',
    'kontrollerar mig', 'domestic violence', 'abuse*', 'beaten', 'rape*', 'violence', 'عنف', 'اعتداء', 'ضرب*',
  ],
  suicide: [
    'sjalvmord*', 'suicid*', 'ta livet av mig', 'ta mitt liv', 'vill inte leva', 'vill do', 'orkar inte leva', 'skada mig sjalv',
    'sjalvskad*', 'suicide', 'kill myself', 'want to die', 'انتحار',
  ],
  children: ['barnmisshandel', 'overgrepp mot barn', 'mamma slar mig', 'pappa slar mig', 'foraldrar slar', 'bris', 'child abuse'],
};

const PATTERNS = Object.fromEntries(
  Object.entries(TRIGGERS).map(([line, words]) => [
    line,
    words.map((word) => {
      const prefix = word.endsWith('*');
      const escaped = foldText(prefix ? word.slice(0, -1) : word).replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      return new RegExp(`(?<![\\p{L}\\p{N}])${escaped}${prefix ? '' : '(?![\\p{L}\\p{N}])'}`, 'u');
    }),
  ]),
) as Record<CrisisLine, RegExp[]>;

/** The help lines to put first for this query, most specific first; empty for most queries. */
export function crisisLinesFor(query: string): CrisisLine[] {
  const text = foldText(query).replace(/\s+/g, ' ');
  if (!text.trim()) return [];
  const order: CrisisLine[] = ['suicide', 'children', 'violence'];
  return order.filter((line) => PATTERNS[line].some((pattern) => pattern.test(text)));
}
