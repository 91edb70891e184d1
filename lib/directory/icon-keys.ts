/**
 * The names of the bundled category and attribute icons (components/icons/category-icon.tsx
 * draws them). Data stores one of these keys, never a URL or markup, so the coordinator picks
 * from what ships and nothing else can reach a page.
 */
export const ICON_KEYS = [
  'shield',
  'heart',
  'people',
  'coins',
  'basket',
  'leaf',
  'globe',
  'family',
  'candle',
  'scale',
  'house',
  'briefcase',
  'hand',
  'sun',
  'book',
  'screen',
  'mask',
  'id',
  'door',
  'phone',
  'wheelchair',
] as const;

export type IconKey = (typeof ICON_KEYS)[number];

export const isIconKey = (value: unknown): value is IconKey => typeof value === 'string' && (ICON_KEYS as readonly string[]).includes(value);
