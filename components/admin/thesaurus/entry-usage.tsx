import { useTranslations } from 'next-intl';
import type { ThesaurusEntryItem } from '@/lib/search/thesaurus/admin';
import type { ThesaurusUsage } from '@/lib/search/thesaurus/usage';

/** How many searches one entry fired on lately, with the most searched of them. */
export function EntryUsage({ entry, usage }: { entry: ThesaurusEntryItem; usage: ThesaurusUsage }) {
  const t = useTranslations('AdminThesaurus');
  const used = usage.byInput[entry.input];
  return (
    <section aria-labelledby="anvandning" className="form-section">
      <h2 id="anvandning">{t('usageHeading')}</h2>
      {entry.isActive ? (
        <>
          <p>{t('usage', { count: used?.searches ?? 0, weeks: usage.weeks })}</p>
          {used && used.examples.length > 0 ? (
            <ul className="entry-usage__examples">
              {used.examples.map((query) => (
                <li key={query}>{query}</li>
              ))}
            </ul>
          ) : null}
        </>
      ) : (
        <p>{t('usageInactive')}</p>
      )}
    </section>
  );
}
