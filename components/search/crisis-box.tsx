import { useTranslations } from 'next-intl';
import { HELP_LINES } from '@/components/help/help-numbers';
import type { CrisisLine } from '@/lib/search/crisis';

/**
 * Shown above any result when the search is about violence, suicide or abuse: what to do if
 * you are in danger now, and the matching national help line, before anything else.
 */
export function CrisisBox({ lines }: { lines: readonly CrisisLine[] }) {
  const t = useTranslations('SearchPage');
  const tHelp = useTranslations('HelpNumbers');
  const emergency = HELP_LINES.find((line) => line.id === 'emergency');
  const shown = lines.flatMap((id) => HELP_LINES.filter((line) => line.id === id));
  return (
    <section className="crisis-box" aria-labelledby="crisis-heading" data-testid="crisis-box">
      <h2 id="crisis-heading" className="crisis-box__heading">
        {emergency ? (
          <a href={`tel:${emergency.dial}`} className="crisis-box__emergency">
            {t('crisisHeading')}
          </a>
        ) : (
          t('crisisHeading')
        )}
      </h2>
      <p className="crisis-box__intro">{t('crisisIntro')}</p>
      <ul className="crisis-box__lines">
        {shown.map((line) => (
          <li key={line.id}>
            <a className="crisis-box__link" href={`tel:${line.dial}`}>
              <span className="crisis-box__number" dir="ltr">
                {line.display}
              </span>{' '}
              <span>{tHelp(line.id)}</span>
            </a>
          </li>
        ))}
      </ul>
    </section>
  );
}
