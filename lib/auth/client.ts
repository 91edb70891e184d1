import { headers } from 'next/headers';

/**
 * The client's address, only as a rate-limit key (it is hashed before it is stored, and the
 * row expires with its window). Behind the reverse proxy it is the first forwarded address.
 */
export async function clientAddress(): Promise<string> {
  const h = await headers();
  return h.get('x-forwarded-for')?.split(',')[0]?.trim() || h.get('x-real-ip') || 'unknown';
}
