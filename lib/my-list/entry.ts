import { z } from 'zod';

/**
 * What My list keeps about a saved service, on the device only (localStorage; nothing is
 * sent to the server). A snapshot of what the handout prints, taken when the service was
 * saved, in the language of the page it was saved from.
 */
export const myListEntrySchema = z.object({
  id: z.string().min(1).max(64),
  slug: z.string().min(1).max(120),
  /** UI language of the page the entry was saved from. */
  locale: z.string().min(2).max(5),
  name: z.string().min(1).max(300),
  organizationName: z.string().max(300),
  summary: z.string().max(1000),
  /** How to get help (drop in, call, book), shortened. */
  howToGetHelp: z.string().max(1000).default(''),
  phones: z.array(z.object({ display: z.string().max(40), dial: z.string().max(40), label: z.string().max(120).optional() })).max(5),
  email: z.string().max(200).nullable(),
  website: z.string().max(500).nullable(),
  /** One line, or null when the address is protected or there is none. */
  address: z.string().max(300).nullable(),
  /** Opening hours as readable lines, e.g. "Mån–fre 09:00–12:00". */
  openingHours: z.array(z.string().max(200)).max(14),
  savedAt: z.string().max(40),
});

export type MyListEntry = z.infer<typeof myListEntrySchema>;
