/**
 * Where media files live. `local` keeps them in `${DATA_DIR}/uploads`, outside the web root,
 * so nothing is served except through the media route; `s3` puts them in a bucket of any
 * S3-compatible store (MEDIA_STORAGE in lib/env.ts). The S3 client is a few requests signed
 * with Signature Version 4 by hand: the SDK would be most of the server bundle for three calls.
 */
import { createHash, createHmac, randomBytes } from 'node:crypto';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { getEnv } from '@/lib/env';

export interface StoredObject {
  bytes: Buffer;
  contentType: string;
}

export interface MediaStorage {
  put(key: string, bytes: Buffer, contentType: string): Promise<void>;
  /** Null when there is no object under the key. */
  get(key: string): Promise<StoredObject | null>;
  /** Deleting a missing object is not an error. */
  delete(key: string): Promise<void>;
}

/**
 * Keys are relative paths of plain segments (`media/<id>/w960.webp`). A segment cannot start
 * with a dot, so `..` cannot climb out of the folder, and no key is absolute.
 */
const KEY_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]*(\/[A-Za-z0-9][A-Za-z0-9._-]*)*$/;

function checkKey(key: string): void {
  if (!KEY_PATTERN.test(key)) throw new Error(`Invalid storage key: ${JSON.stringify(key)}`);
}

// ── Local folder ───────────────────────────────────────────────────────────────────

/**
 * A folder has no place for a content type, so the key's extension is the type. Besides the
 * images of news posts, the documents a workshop issue may carry (lib/workshop/attachment-files.ts).
 */
const CONTENT_TYPES: Record<string, string> = {
  '.webp': 'image/webp',
  '.jpg': 'image/jpeg',
  '.png': 'image/png',
  '.pdf': 'application/pdf',
  '.txt': 'text/plain',
  '.docx': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  '.odt': 'application/vnd.oasis.opendocument.text',
};

export class LocalStorage implements MediaStorage {
  constructor(private readonly root: string) {}

  private fileOf(key: string): { file: string; contentType: string } {
    checkKey(key);
    const contentType = CONTENT_TYPES[path.extname(key)];
    if (!contentType) throw new Error(`No content type for storage key ${key}`);
    return { file: path.join(this.root, ...key.split('/')), contentType };
  }

  async put(key: string, bytes: Buffer, contentType: string): Promise<void> {
    const { file, contentType: keyType } = this.fileOf(key);
    if (contentType !== keyType) throw new Error(`Storage key ${key} cannot hold ${contentType}`);
    await mkdir(path.dirname(file), { recursive: true });
    // Written beside and renamed over: a reader sees the whole file or none, never half.
    const temp = `${file}.${randomBytes(6).toString('hex')}.tmp`;
    try {
      await writeFile(temp, bytes, { flag: 'wx' });
      await rename(temp, file);
    } catch (error) {
      await rm(temp, { force: true });
      throw error;
    }
  }

  async get(key: string): Promise<StoredObject | null> {
    const { file, contentType } = this.fileOf(key);
    try {
      return { bytes: await readFile(file), contentType };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
  }

  async delete(key: string): Promise<void> {
    await rm(this.fileOf(key).file, { force: true });
  }
}

// ── S3-compatible bucket ───────────────────────────────────────────────────────────

export interface SigningKey {
  accessKeyId: string;
  secretAccessKey: string;
  region: string;
  service: string;
}

export interface SignableRequest {
  method: string;
  url: URL;
  /** The headers to sign besides host and x-amz-date, which signing adds. */
  headers: Record<string, string>;
  /** Hex SHA-256 of the body. */
  payloadHash: string;
}

const sha256Hex = (data: string | Buffer) => createHash('sha256').update(data).digest('hex');
const hmac = (key: string | Buffer, data: string) => createHmac('sha256', key).update(data).digest();
/** RFC 3986 encoding, as the canonical query string requires. */
const encode = (value: string) => encodeURIComponent(value).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

/**
 * AWS Signature Version 4: the request's headers with host, x-amz-date and authorization
 * added. The path is used as given (S3 signs it encoded once, unlike other services).
 */
export function signV4(request: SignableRequest, key: SigningKey, now: Date): Record<string, string> {
  const amzDate = now.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
  const day = amzDate.slice(0, 8);
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries({ ...request.headers, host: request.url.host, 'x-amz-date': amzDate })) {
    headers[name.toLowerCase()] = value.trim().replace(/\s+/g, ' ');
  }
  const names = Object.keys(headers).sort();
  const signedHeaders = names.join(';');
  const query = [...request.url.searchParams]
    .map(([name, value]) => `${encode(name)}=${encode(value)}`)
    .sort()
    .join('&');
  const canonicalRequest = [
    request.method,
    request.url.pathname,
    query,
    ...names.map((name) => `${name}:${headers[name]}`),
    '',
    signedHeaders,
    request.payloadHash,
  ].join('\n');
  const scope = `${day}/${key.region}/${key.service}/aws4_request`;
  const stringToSign = ['AWS4-HMAC-SHA256', amzDate, scope, sha256Hex(canonicalRequest)].join('\n');
  const signingKey = [day, key.region, key.service, 'aws4_request'].reduce<Buffer | string>((k, part) => hmac(k, part), `AWS4${key.secretAccessKey}`);
  const signature = createHmac('sha256', signingKey).update(stringToSign).digest('hex');
  return {
    ...headers,
    authorization: `AWS4-HMAC-SHA256 Credential=${key.accessKeyId}/${scope}, SignedHeaders=${signedHeaders}, Signature=${signature}`,
  };
}

export interface S3Config {
  /** `https://s3.example.com`; objects are at `${endpoint}/${bucket}/${key}` (path style). */
  endpoint: string;
  region: string;
  bucket: string;
  accessKeyId: string;
  secretAccessKey: string;
}

/** A hung store must not hang the upload or the page that shows the image. */
const S3_TIMEOUT_MS = 30_000;

export class S3Storage implements MediaStorage {
  constructor(private readonly config: S3Config) {}

  private async send(method: 'GET' | 'PUT' | 'DELETE', key: string, body?: { bytes: Buffer; contentType: string }): Promise<Response> {
    checkKey(key);
    const url = new URL(`${this.config.endpoint.replace(/\/+$/, '')}/${encode(this.config.bucket)}/${key}`);
    const payloadHash = sha256Hex(body?.bytes ?? '');
    const headers = signV4(
      {
        method,
        url,
        headers: { 'x-amz-content-sha256': payloadHash, ...(body ? { 'content-type': body.contentType } : {}) },
        payloadHash,
      },
      { ...this.config, service: 's3' },
      new Date(),
    );
    // fetch sets Host itself, from the same URL.
    delete headers.host;
    return fetch(url, { method, headers, body: body ? new Uint8Array(body.bytes) : undefined, signal: AbortSignal.timeout(S3_TIMEOUT_MS) });
  }

  async put(key: string, bytes: Buffer, contentType: string): Promise<void> {
    const response = await this.send('PUT', key, { bytes, contentType });
    if (!response.ok) throw new Error(`S3 PUT ${key} failed with HTTP ${response.status}`);
  }

  async get(key: string): Promise<StoredObject | null> {
    const response = await this.send('GET', key);
    if (response.status === 404) return null;
    if (!response.ok) throw new Error(`S3 GET ${key} failed with HTTP ${response.status}`);
    return {
      bytes: Buffer.from(await response.arrayBuffer()),
      contentType: response.headers.get('content-type') ?? 'application/octet-stream',
    };
  }

  async delete(key: string): Promise<void> {
    const response = await this.send('DELETE', key);
    if (!response.ok && response.status !== 404) throw new Error(`S3 DELETE ${key} failed with HTTP ${response.status}`);
  }
}

/** The store MEDIA_STORAGE names, configured from the environment. */
export function getMediaStorage(): MediaStorage {
  const env = getEnv();
  if (env.MEDIA_STORAGE === 'local') return new LocalStorage(path.resolve(env.DATA_DIR, 'uploads'));
  // lib/env.ts refuses s3 mode without these, so they are set here.
  return new S3Storage({
    endpoint: env.S3_ENDPOINT!,
    region: env.S3_REGION,
    bucket: env.S3_BUCKET!,
    accessKeyId: env.S3_ACCESS_KEY_ID!,
    secretAccessKey: env.S3_SECRET_ACCESS_KEY!,
  });
}
