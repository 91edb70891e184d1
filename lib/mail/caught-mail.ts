import http from 'node:http';
import { z } from 'zod';

/**
 * What the local mail catcher (lib/mail/catcher.ts) keeps of each message, and a small client
 * for its HTTP read API. Kept apart from the catcher so that tests in another process and a
 * demo page in the Next server can read caught mail without loading smtp-server.
 */
export const caughtMailSchema = z.object({
  id: z.string(),
  /** The Message-ID header, to match a message to the result of sendMail(). */
  messageId: z.string().optional(),
  /** The From header as text, e.g. `"LISA" <no-reply@lisa.example>`. */
  from: z.string(),
  /** The envelope recipients (so Bcc recipients show up too). */
  to: z.array(z.string()),
  subject: z.string(),
  text: z.string(),
  html: z.string().optional(),
  /** ISO 8601, so a message reads the same in process and through the HTTP API. */
  receivedAt: z.string(),
});

export type CaughtMail = z.infer<typeof caughtMailSchema>;

export type CaughtMailPredicate = (mail: CaughtMail) => boolean;

const REQUEST_TIMEOUT_MS = 5000;
const POLL_INTERVAL_MS = 50;

/**
 * One request with a hard deadline. Plain node:http without keep-alive: fetch's pooled
 * connections add tens of milliseconds per request here, which a polling waitFor multiplies.
 */
function request(method: 'GET' | 'DELETE', url: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method, agent: false, timeout: REQUEST_TIMEOUT_MS }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.once('end', () => resolve({ status: response.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
      response.once('error', reject);
    });
    req.once('timeout', () => req.destroy(new Error(`${method} ${url} did not answer within ${REQUEST_TIMEOUT_MS} ms`)));
    req.once('error', (error) => reject(new Error(`Mail catcher API at ${url} is unreachable: ${error.message}`)));
    req.end();
  });
}

const messagesUrl = (apiUrl: string, id?: string) =>
  `${apiUrl.replace(/\/$/, '')}/messages${id === undefined ? '' : `/${encodeURIComponent(id)}`}`;

/** Every caught message, newest first. */
export async function readCaughtMail(apiUrl: string): Promise<CaughtMail[]> {
  const { status, body } = await request('GET', messagesUrl(apiUrl));
  if (status !== 200) throw new Error(`Mail catcher API answered ${status} to GET /messages`);
  return z.array(caughtMailSchema).parse(JSON.parse(body));
}

/** One caught message, or null when the catcher has none with this id (any more). */
export async function findCaughtMail(apiUrl: string, id: string): Promise<CaughtMail | null> {
  const { status, body } = await request('GET', messagesUrl(apiUrl, id));
  if (status === 404) return null;
  if (status !== 200) throw new Error(`Mail catcher API answered ${status} to GET /messages/${id}`);
  return caughtMailSchema.parse(JSON.parse(body));
}

export async function clearCaughtMail(apiUrl: string): Promise<void> {
  const { status } = await request('DELETE', messagesUrl(apiUrl));
  if (status !== 204) throw new Error(`Mail catcher API answered ${status} to DELETE /messages`);
}

/** Polls the API until a message matches; the newest match wins. */
export async function waitForCaughtMail(
  apiUrl: string,
  predicate: CaughtMailPredicate,
  timeoutMs = 5000,
): Promise<CaughtMail> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const messages = await readCaughtMail(apiUrl);
    const match = messages.find(predicate);
    if (match) return match;
    if (Date.now() >= deadline) throw new CaughtMailTimeoutError(timeoutMs, messages);
    await new Promise((resolve) => setTimeout(resolve, POLL_INTERVAL_MS));
  }
}

/** Names what did arrive (subjects only, never bodies), since that is what one debugs with. */
export class CaughtMailTimeoutError extends Error {
  constructor(timeoutMs: number, caught: readonly CaughtMail[]) {
    const subjects = caught.slice(0, 5).map((mail) => JSON.stringify(mail.subject));
    const seen = caught.length === 0 ? 'none caught' : `${caught.length} caught, newest: ${subjects.join(', ')}`;
    super(`No caught mail matched within ${timeoutMs} ms (${seen})`);
    this.name = 'CaughtMailTimeoutError';
  }
}
