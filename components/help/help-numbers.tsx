import { useTranslations } from 'next-intl';

/**
 * National help lines, the same everywhere in Sweden, so they are code rather than data.
 * `dial` is what a phone dials; `display` is how Swedes are used to seeing the number.
 */
export const HELP_LINES = [
  { id: 'emergency', display: '112', dial: '112' },
  { id: 'healthcare', display: '1177', dial: '1177' },
  { id: 'violence', display: '020-50 50 50', dial: '020505050' },
  { id: 'suicide', display: '90101', dial: '90101' },
  { id: 'children', display: '116 111', dial: '116111' },
] as const;

export type HelpLineId = (typeof HELP_LINES)[number]['id'];

interface HelpNumbersProps {
  /** Distinct per page when the list appears twice (e.g. in a page and in the footer). */
  headingId: string;
  headingLevel?: 2 | 3;
  /** Put these lines first, e.g. the violence line when someone searched for "våld". */
  first?: readonly HelpLineId[];
}

/** Usable from server and client components (error pages are client components). */
export function HelpNumbers({ headingId, headingLevel = 2, first = [] }: HelpNumbersProps) {
  const t = useTranslations('HelpNumbers');
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  const lines = [...HELP_LINES].sort((a, b) => Number(first.includes(b.id)) - Number(first.includes(a.id)));
  return (
    // Not a labelled region: it can appear twice on a page (content and footer), and two
    // landmarks with the same name only confuse landmark navigation. The heading is enough.
    <div className="help-numbers">
      <Heading id={headingId} className="help-numbers__heading">
        {t('heading')}
      </Heading>
      <ul className="help-numbers__list">
        {lines.map((line) => (
          <li key={line.id}>
            <a className="help-numbers__link" href={`tel:${line.dial}`}>
              {/* Phone numbers read left to right even in Arabic. */}
              <span className="help-numbers__number" dir="ltr">
                {line.display}
              </span>{' '}
              <span className="help-numbers__label">{t(line.id)}</span>
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}
