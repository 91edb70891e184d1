/**
 * Where "Lämna sidan snabbt" goes: a harmless, ordinary-looking page (a weather search) that
 * reveals nothing about what the visitor was reading. Tests read this constant.
 */
export const QUICK_EXIT_URL = 'https://www.google.com/search?q=v%C3%A4der';

/** Two Escape presses within this many milliseconds leave the site. */
export const QUICK_EXIT_ESCAPE_WINDOW_MS = 1500;
