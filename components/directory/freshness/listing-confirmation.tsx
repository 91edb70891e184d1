import { useLocale, useTranslations } from 'next-intl';
import { Link } from '@/i18n/navigation';
import type { ConfirmationLookup } from '@/lib/directory/freshness';
import { confirmListingAction } from '@/lib/directory/freshness-actions';
import { PORTAL_TIME_ZONE } from '@/lib/time/zoned';

interface Props {
  token: string;
  lookup: ConfirmationLookup;
  /** The page was reached right after this visitor's own confirmation. */
  justConfirmed: boolean;
}

/**
 * The page behind the mailed "still correct" link. Opening it changes nothing (mail scanners
 * open links); only the button's POST confirms. Every other state is a page of its own.
 */
export function ListingConfirmation({ token, lookup, justConfirmed }: Props) {
  const t = useTranslations('Freshness');
  const locale = useLocale();
  const date = (value: Date) => new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: PORTAL_TIME_ZONE }).format(value);

  if (lookup.status === 'unknown') {
    return (
      <div className="container container--text info-page" data-testid="confirmation-unknown">
        <h1>{t('unknown.heading')}</h1>
        <p className="lead">{t('unknown.body')}</p>
        <p>
          <Link href="/">{t('home')}</Link>
        </p>
      </div>
    );
  }

  const { confirmation } = lookup;
  const service = confirmation.serviceName;
  const proposeLink = (
    <p>
      <Link href={`/konto/tjanster/${encodeURIComponent(confirmation.serviceSlug)}`}>{t('proposeChanges')}</Link>
    </p>
  );

  if (lookup.status === 'used') {
    const usedAt = confirmation.usedAt ?? new Date();
    return (
      <div className="container container--text info-page" data-testid={justConfirmed ? 'confirmation-done' : 'confirmation-used'}>
        <h1>{t(justConfirmed ? 'confirmed.heading' : 'used.heading')}</h1>
        <p className="lead" role={justConfirmed ? 'status' : undefined}>
          {t(justConfirmed ? 'confirmed.body' : 'used.body', { service, date: date(usedAt) })}
        </p>
        <p>
          <Link href={`/tjanster/${encodeURIComponent(confirmation.serviceSlug)}`}>{t('valid.viewService')}</Link>
        </p>
        {proposeLink}
      </div>
    );
  }

  if (lookup.status === 'expired') {
    return (
      <div className="container container--text info-page" data-testid="confirmation-expired">
        <h1>{t('expired.heading')}</h1>
        <p className="lead">{t('expired.body', { service, date: date(confirmation.expiresAt) })}</p>
        {proposeLink}
      </div>
    );
  }

  return (
    <div className="container container--text info-page" data-testid="confirmation-valid">
      <h1>{t('valid.heading', { service })}</h1>
      <p className="lead">{t('valid.intro')}</p>
      <form action={confirmListingAction} className="inline-form">
        <input type="hidden" name="locale" value={locale} />
        <input type="hidden" name="token" value={token} />
        <button type="submit" className="button">
          {t('valid.confirm')}
        </button>
      </form>
      <p>{t('valid.expires', { date: date(confirmation.expiresAt) })}</p>
      {proposeLink}
      <p>
        <Link href={`/tjanster/${encodeURIComponent(confirmation.serviceSlug)}`}>{t('valid.viewService')}</Link>
      </p>
    </div>
  );
}
