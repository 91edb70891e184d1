'use client';

import type { ReactNode } from 'react';
import { MyListCount } from '@/components/my-list/my-list-count';
import { Link, usePathname } from '@/i18n/navigation';

export interface NavItem {
  href: string;
  label: string;
  /** Shows how many services are saved in My list (read on the device, never sent). */
  showsMyListCount?: boolean;
  /** Rendered on the server after the label, e.g. the unread notification count. */
  badge?: ReactNode;
}

function isCurrentSection(pathname: string, href: string): boolean {
  return pathname === href || pathname.startsWith(`${href}/`);
}

export function MainNav({ label, items }: { label: string; items: NavItem[] }) {
  const pathname = usePathname();
  return (
    <nav className="main-nav" aria-label={label}>
      <ul className="container">
        {items.map((item) => {
          const isCurrent = isCurrentSection(pathname, item.href);
          return (
            <li key={item.href}>
              {/* No prefetch: pages stay quiet on the network until the visitor acts. */}
              <Link
                href={item.href}
                prefetch={false}
                aria-current={isCurrent ? (pathname === item.href ? 'page' : 'true') : undefined}
              >
                {item.label}
                {item.showsMyListCount ? <MyListCount /> : null}
                {item.badge}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
