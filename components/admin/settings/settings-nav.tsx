'use client';

import { Link, usePathname } from '@/i18n/navigation';

export const SETTINGS_SECTIONS = [
  { key: 'categories', href: '/admin/installningar/kategorier' },
  { key: 'attributes', href: '/admin/installningar/egenskaper' },
  { key: 'municipalities', href: '/admin/installningar/kommuner' },
  { key: 'targetGroups', href: '/admin/installningar/malgrupper' },
] as const;

/**
 * The settings' sub-navigation. The thesaurus keeps /admin/installningar and its entries'
 * pages below it; every other section has its own folder, so the current one is found from
 * the path.
 */
export function SettingsNav({ labels }: { labels: { label: string; thesaurus: string } & Record<(typeof SETTINGS_SECTIONS)[number]['key'], string> }) {
  const pathname = usePathname();
  const section = SETTINGS_SECTIONS.find((s) => pathname === s.href || pathname.startsWith(`${s.href}/`));
  const links = [{ key: 'thesaurus' as const, href: '/admin/installningar' }, ...SETTINGS_SECTIONS];
  return (
    <nav aria-label={labels.label} className="container settings-nav">
      <ul>
        {links.map((link) => {
          const isCurrentSection = link.key === 'thesaurus' ? !section : section?.key === link.key;
          // The list page itself is the "page"; below it (an entry), the link marks the section.
          const current = isCurrentSection ? (pathname === link.href ? 'page' : 'true') : undefined;
          return (
            <li key={link.key}>
              <Link href={link.href} aria-current={current}>
                {labels[link.key]}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
