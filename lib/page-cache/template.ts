/**
 * A rendered page kept with its CSP nonce cut out, so every response gets a fresh nonce:
 * the cache must not weaken the Content-Security-Policy (proxy.ts), whose nonce is only
 * worth something when no two responses share it.
 */
const NONCE_IN_POLICY = /'nonce-([A-Za-z0-9+/=]{16,})'/;

/** Not replayed: they describe one connection or one transfer, or are set per response. */
const DROPPED_HEADERS: ReadonlySet<string> = new Set([
  'connection',
  'keep-alive',
  'transfer-encoding',
  'content-length',
  'content-encoding',
  'date',
  'vary',
  'x-lisa-cache',
]);

export interface PageTemplate {
  status: number;
  /** Header name and its value in pieces that were separated by the nonce. */
  headers: [string, string[]][];
  bodyParts: string[];
  /** Approximate memory held, for the cache's budget. */
  bytes: number;
}

export interface RenderedPage {
  status: number;
  headers: [string, string][];
  body: Buffer;
}

type HeaderValue = number | string | string[] | undefined;

/**
 * The template of a response, or null when it must not be kept: not a 200 HTML page, sets a
 * cookie, or carries no nonce we can find in both the policy and the page.
 */
export function makeTemplate(status: number, headers: Record<string, HeaderValue>, body: Buffer): PageTemplate | null {
  if (status !== 200) return null;
  if (headers['set-cookie'] !== undefined) return null;
  const contentType = String(headers['content-type'] ?? '');
  if (!contentType.startsWith('text/html')) return null;
  const nonce = NONCE_IN_POLICY.exec(String(headers['content-security-policy'] ?? ''))?.[1];
  if (!nonce) return null;
  const html = body.toString('utf8');
  const bodyParts = html.split(nonce);
  if (bodyParts.length < 2) return null;
  const kept: [string, string[]][] = [];
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined || DROPPED_HEADERS.has(name)) continue;
    const text = Array.isArray(value) ? value.join(', ') : String(value);
    kept.push([name, text.split(nonce)]);
  }
  const bytes = html.length * 2 + kept.reduce((sum, [name, parts]) => sum + name.length + parts.join('').length, 0);
  return { status, headers: kept, bodyParts, bytes };
}

/** The page as it goes out, with `nonce` wherever the rendered one was. */
export function renderTemplate(template: PageTemplate, nonce: string): RenderedPage {
  return {
    status: template.status,
    headers: template.headers.map(([name, parts]) => [name, parts.join(nonce)]),
    body: Buffer.from(template.bodyParts.join(nonce), 'utf8'),
  };
}

export function newNonce(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return Buffer.from(bytes).toString('base64');
}
