import { getLocale } from 'next-intl/server';
import { NotFoundContent } from '@/components/layout/not-found-content';
import { getPathname } from '@/i18n/navigation';

export default async function LocaleNotFound() {
  const locale = await getLocale();
  return <NotFoundContent homeHref={getPathname({ href: '/', locale })} />;
}
