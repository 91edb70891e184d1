import { isIconKey, type IconKey } from '@/lib/directory/icon-keys';

/**
 * Bundled line icons for categories and attributes, drawn on a 24x24 grid. Icons are named in
 * the data (Category.icon), so a coordinator can pick one without shipping new code; an
 * unknown name falls back to a neutral dot rather than breaking the page.
 */
const PATHS: Record<IconKey, string> = {
  shield: 'M12 3l7 3v5c0 4.5-3 8.3-7 10-4-1.7-7-5.5-7-10V6l7-3z',
  heart: 'M12 20s-7-4.4-7-10a4 4 0 0 1 7-2.6A4 4 0 0 1 19 10c0 5.6-7 10-7 10z',
  people: 'M9 11a3 3 0 1 0 0-6 3 3 0 0 0 0 6zm7 0a2.5 2.5 0 1 0 0-5M3 20c0-3.3 2.7-6 6-6s6 2.7 6 6m1-6c2.8 0 5 2.2 5 5',
  coins: 'M12 4c4 0 7 1.3 7 3s-3 3-7 3-7-1.3-7-3 3-3 7-3zM5 7v5c0 1.7 3 3 7 3s7-1.3 7-3V7M5 12v5c0 1.7 3 3 7 3s7-1.3 7-3v-5',
  basket: 'M4 10h16l-2 10H6L4 10zm4 0l4-6 4 6M9 14v3m3-3v3m3-3v3',
  leaf: 'M5 19c0-8 5-14 14-14 0 9-6 14-14 14zm0 0l7-7',
  globe: 'M12 3a9 9 0 1 0 0 18 9 9 0 0 0 0-18zM3 12h18M12 3c2.5 2.5 3.8 5.5 3.8 9S14.5 18.5 12 21c-2.5-2.5-3.8-5.5-3.8-9S9.5 5.5 12 3z',
  family: 'M7 8a2.5 2.5 0 1 0 0-5 2.5 2.5 0 0 0 0 5zm10 0a2.5 2.5 0 1 0 0-5 2.5 2.5 0 0 0 0 5zM12 14a2 2 0 1 0 0-4 2 2 0 0 0 0 4zM3 20v-6a4 4 0 0 1 8 0m2 0a4 4 0 0 1 8 0v6M9 21v-2a3 3 0 0 1 6 0v2',
  candle: 'M10 10h4v11h-4zM12 3c1.5 2 2 3 2 4a2 2 0 0 1-4 0c0-1 .5-2 2-4zM7 21h10',
  scale: 'M12 3v18M7 21h10M5 7h14M5 7l-3 6a3 3 0 0 0 6 0L5 7zm14 0l-3 6a3 3 0 0 0 6 0l-3-6z',
  house: 'M3 11l9-7 9 7M5 10v10h14V10M10 20v-6h4v6',
  briefcase: 'M4 8h16v11H4zM9 8V5h6v3M4 13h16',
  hand: 'M8 12V6a1.5 1.5 0 0 1 3 0v5m0-6a1.5 1.5 0 0 1 3 0v6m0-5a1.5 1.5 0 0 1 3 0v7c0 4-2.5 7-6 7-2.5 0-4-1.2-5.5-3.5L4 14a1.5 1.5 0 0 1 2.5-1.5L8 14',
  sun: 'M12 8a4 4 0 1 0 0 8 4 4 0 0 0 0-8zM12 2v2m0 16v2M2 12h2m16 0h2M4.9 4.9l1.4 1.4m11.4 11.4 1.4 1.4M4.9 19.1l1.4-1.4m11.4-11.4 1.4-1.4',
  book: 'M4 5c3-1 6-1 8 1 2-2 5-2 8-1v14c-3-1-6-1-8 1-2-2-5-2-8-1V5zm8 1v14',
  screen: 'M3 5h18v11H3zM8 21h8M12 16v5',
  mask: 'M3 8c3-1 6-1 9 1 3-2 6-2 9-1 0 5-2 8-5 8-2 0-3-2-4-2s-2 2-4 2c-3 0-5-3-5-8zm5 3h1m6 0h1',
  id: 'M3 6h18v12H3zM9 11a2 2 0 1 0 0-4 2 2 0 0 0 0 4zM5.5 16c.5-2 2-3 3.5-3s3 1 3.5 3M15 10h3m-3 3h3',
  door: 'M6 21V4h10v17M4 21h16M13 12h.01M16 4l3 2v15',
  phone: 'M6 3h4l2 5-3 2a11 11 0 0 0 5 5l2-3 5 2v4a2 2 0 0 1-2 2A17 17 0 0 1 4 5a2 2 0 0 1 2-2z',
  wheelchair: 'M11 4a1.5 1.5 0 1 0 0-3 1.5 1.5 0 0 0 0 3zM11 6v7h6l2 6M11 9h5M8 10a6 6 0 1 0 8 7',
};

export function CategoryIcon({ name, className }: { name: string; className?: string }) {
  const d = isIconKey(name) ? PATHS[name] : undefined;
  return (
    <svg
      className={className}
      viewBox="0 0 24 24"
      width="32"
      height="32"
      fill="none"
      stroke="currentColor"
      strokeWidth="1.8"
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      focusable="false"
    >
      {d ? <path d={d} /> : <circle cx="12" cy="12" r="4" />}
    </svg>
  );
}
