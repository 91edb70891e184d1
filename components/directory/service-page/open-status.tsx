import { useLocale, useTranslations } from 'next-intl';
import { openStatusMessage, type OpenStatus } from '@/lib/directory/opening-hours-display';

/**
 * "Öppet nu – stänger 16:00" / "Stängt – öppnar tisdag 09:00", computed on the server for the
 * moment of the request in Europe/Stockholm. Not printed: on paper it is soon wrong.
 */
export function OpenStatusBadge({ status }: { status: OpenStatus }) {
  const t = useTranslations('ServicePage.status');
  const locale = useLocale();
  const message = openStatusMessage(status, locale);
  const tone = status.kind === 'open' ? 'open' : status.kind === 'closed' ? 'closed' : 'unknown';
  return (
    <p className={`open-status open-status--${tone}`} data-testid="open-status" data-state={status.kind}>
      <span className="open-status__dot" aria-hidden="true" />
      {t(message.key, message.values)}
    </p>
  );
}
