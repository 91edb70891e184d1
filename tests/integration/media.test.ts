/**
 * Images for news posts: uploadImage and readMediaVariant through the data layer, the two
 * route handlers called directly, and both media stores. Files go to a temporary DATA_DIR.
 */
import { mkdtempSync } from 'node:fs';
import { readdir, readFile, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { POST } from '@/app/api/media/route';
import { GET } from '@/app/media/[id]/[file]/route';
import { ANONYMOUS, type Actor } from '@/lib/authz/actor';
import { readEnv } from '@/lib/env';
import { isAppError } from '@/lib/errors/app-error';
import { mediaErrors, readMediaVariant, uploadImage } from '@/lib/media/assets';
import { LocalStorage, S3Storage, signV4 } from '@/lib/media/storage';
import { MEDIA_SRC_PATTERN } from '@/lib/news/document';
import { createOrganization, createUser, Lookup } from '@/prisma/seed/factories';
import { useTestDatabase } from '../helpers/db';

// Before the database helper reads the environment: getEnv caches it for the file.
const dataDir = mkdtempSync(path.join(tmpdir(), 'lisa-media-test-'));
vi.stubEnv('DATA_DIR', dataDir);
vi.stubEnv('MEDIA_STORAGE', 'local');
const uploadsDir = path.join(dataDir, 'uploads');

const session = vi.hoisted(() => ({ actor: { kind: 'anonymous' } as Actor }));
vi.mock('@/lib/auth/session', () => ({ getActor: async () => session.actor }));

const db = useTestDatabase();

afterAll(async () => {
  vi.unstubAllEnvs();
  await rm(dataDir, { recursive: true, force: true });
});

let ownOrganizationId: string;
let member: Actor;
let otherMember: Actor;

async function actorFor(email: string): Promise<Actor> {
  const user = await db.prisma.user.findUniqueOrThrow({ where: { email }, select: { id: true, memberships: { select: { organizationId: true, role: true } } } });
  return { kind: 'user', userId: user.id, memberships: user.memberships };
}

beforeAll(async () => {
  const lookup = new Lookup(db.prisma);
  const now = new Date();
  ownOrganizationId = await createOrganization(db.prisma, { slug: 'bildforeningen', kind: 'ASSOCIATION', name: 'Bildföreningen', description: 'Tar bilder.' }, lookup, now);
  await createOrganization(db.prisma, { slug: 'grannforeningen', kind: 'ASSOCIATION', name: 'Grannföreningen', description: 'Bor bredvid.' }, lookup, now);
  await createUser(db.prisma, { email: 'fotograf@exempel.example', name: 'Foto Graf', memberships: [{ organization: 'bildforeningen', role: 'MEMBER' }] }, lookup, null);
  await createUser(db.prisma, { email: 'granne@exempel.example', name: 'Gran Ne', memberships: [{ organization: 'grannforeningen', role: 'MEMBER' }] }, lookup, null);
  member = await actorFor('fotograf@exempel.example');
  otherMember = await actorFor('granne@exempel.example');
});

/** Every file under the uploads folder, as paths relative to it. */
async function storedFiles(): Promise<string[]> {
  const entries = await readdir(uploadsDir, { recursive: true, withFileTypes: true }).catch(() => []);
  return entries.filter((e) => e.isFile()).map((e) => path.relative(uploadsDir, path.join(e.parentPath, e.name)));
}

const solid = (width: number, height: number) => sharp({ create: { width, height, channels: 3, background: '#3a6ea5' } });
const png = (width: number, height: number) => solid(width, height).png().toBuffer();

/** A phone photo: stored sideways with orientation 6, the owner's name and a GPS position. */
const phonePhoto = () =>
  solid(2000, 1500)
    .withMetadata({ orientation: 6 })
    .withExifMerge({
      IFD0: { Copyright: 'secret-owner', Artist: 'x' },
      IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '59/1 19/1 0/1', GPSLongitudeRef: 'E', GPSLongitude: '14/1 31/1 0/1' },
    })
    .jpeg()
    .toBuffer();

const upload = (actor: Actor, bytes: Buffer, altText: unknown = 'Styrelsen vid årsmötet') => uploadImage(actor, { organizationId: ownOrganizationId, altText, bytes });

async function failureOf(call: Promise<unknown>): Promise<{ code: string; fields?: Record<string, string> }> {
  try {
    await call;
  } catch (error) {
    if (!isAppError(error)) throw error;
    return { code: error.code, ...(error.fieldErrors ? { fields: mediaErrors.describe(error).fieldErrors } : {}) };
  }
  throw new Error('expected the call to fail');
}

async function variantsOf(id: string) {
  return (await db.prisma.mediaAsset.findUniqueOrThrow({ where: { id }, select: { variants: true } })).variants as { width: number; height: number; storageKey: string; byteSize: number }[];
}

describe('uploadImage', () => {
  it('stores WebP variants without the metadata, turned the way the photo was taken', async () => {
    const photo = await phonePhoto();
    expect((await sharp(photo).metadata()).exif).toBeDefined();

    const asset = await upload(member, photo);

    expect(asset).toEqual({ id: expect.stringMatching(/^[a-z0-9]{32}$/), src: `/media/${asset.id}/w960.webp`, width: 960, height: 1280, altText: 'Styrelsen vid årsmötet' });
    expect(asset.src).toMatch(MEDIA_SRC_PATTERN);
    // 1500 pixels wide once turned upright: no 1600 variant.
    expect((await variantsOf(asset.id)).map((v) => [v.width, v.height])).toEqual([[480, 640], [960, 1280]]);
    for (const file of ['w480.webp', 'w960.webp']) {
      const bytes = await readFile(path.join(uploadsDir, 'media', asset.id, file));
      const metadata = await sharp(bytes).metadata();
      expect(metadata.format).toBe('webp');
      expect(metadata.exif).toBeUndefined();
      expect(metadata.orientation).toBeUndefined();
      expect(bytes.includes('secret-owner')).toBe(false);
    }
    const row = await db.prisma.mediaAsset.findUniqueOrThrow({ where: { id: asset.id } });
    expect(row).toMatchObject({ organizationId: ownOrganizationId, uploadedById: (member as { userId: string }).userId, storageKey: `media/${asset.id}/w960.webp`, mimeType: 'image/webp', width: 960, height: 1280 });
    expect(row.sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('makes 480, 960 and 1600 of a wide image and never enlarges a narrow one', async () => {
    const wide = await upload(member, await png(2400, 1200));
    expect((await variantsOf(wide.id)).map((v) => v.width)).toEqual([480, 960, 1600]);
    expect(wide.src).toBe(`/media/${wide.id}/w960.webp`);

    const medium = await upload(member, await png(700, 350));
    expect((await variantsOf(medium.id)).map((v) => v.width)).toEqual([480]);
    expect(medium).toMatchObject({ src: `/media/${medium.id}/w480.webp`, width: 480, height: 240 });

    const small = await upload(member, await png(300, 200));
    expect((await variantsOf(small.id)).map((v) => v.width)).toEqual([300]);
    expect(small).toMatchObject({ src: `/media/${small.id}/w300.webp`, width: 300, height: 200 });
    expect(small.src).toMatch(MEDIA_SRC_PATTERN);
  });

  it('trims the alt text', async () => {
    expect((await upload(member, await png(100, 100), '  Ett träd \n')).altText).toBe('Ett träd');
  });

  describe('refuses, and stores nothing', () => {
    const refusals: [string, () => Promise<{ actor: Actor; bytes: Buffer; altText?: unknown }>, { code: string; fields?: Record<string, string> }][] = [
      ['a file over 8 MB', async () => ({ actor: member, bytes: Buffer.concat([Buffer.from([0xff, 0xd8, 0xff]), Buffer.alloc(9 * 1024 * 1024)]) }), { code: 'INVALID_INPUT', fields: { file: 'imageTooLarge' } }],
      ['an image over 40 megapixels', async () => ({ actor: member, bytes: await png(8000, 6000) }), { code: 'INVALID_INPUT', fields: { file: 'imageTooLarge' } }],
      ['an image under 10 pixels wide', async () => ({ actor: member, bytes: await png(8, 100) }), { code: 'INVALID_INPUT', fields: { file: 'imageTooSmall' } }],
      ['a text file', async () => ({ actor: member, bytes: Buffer.from('Inte en bild, bara text.\n') }), { code: 'INVALID_INPUT', fields: { file: 'imageType' } }],
      ['an SVG', async () => ({ actor: member, bytes: Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>') }), { code: 'INVALID_INPUT', fields: { file: 'imageType' } }],
      ['a JPEG that is only a header', async () => ({ actor: member, bytes: Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46]) }), { code: 'INVALID_INPUT', fields: { file: 'imageUnreadable' } }],
      ['a missing alt text', async () => ({ actor: member, bytes: await png(100, 100), altText: null }), { code: 'INVALID_INPUT', fields: { alt: 'imageAlt' } }],
      ['an alt text of spaces', async () => ({ actor: member, bytes: await png(100, 100), altText: '   ' }), { code: 'INVALID_INPUT', fields: { alt: 'imageAlt' } }],
      ['an alt text over 300 characters', async () => ({ actor: member, bytes: await png(100, 100), altText: 'a'.repeat(301) }), { code: 'INVALID_INPUT', fields: { alt: 'imageAlt' } }],
      ['a member of another association', async () => ({ actor: otherMember, bytes: await png(100, 100) }), { code: 'FORBIDDEN' }],
      ['a resident who has not signed in', async () => ({ actor: ANONYMOUS, bytes: await png(100, 100) }), { code: 'UNAUTHENTICATED' }],
    ];

    it.each(refusals)('%s', async (_name, arrange, expected) => {
      const { actor, bytes, altText } = await arrange();
      const before = { files: await storedFiles(), rows: await db.prisma.mediaAsset.count() };
      expect(await failureOf(upload(actor, bytes, altText))).toEqual(expected);
      expect({ files: await storedFiles(), rows: await db.prisma.mediaAsset.count() }).toEqual(before);
    });
  });

  it('refuses a member who has uploaded 60 images within the hour', async () => {
    const key = `media-upload:${(member as { userId: string }).userId}`;
    await db.prisma.rateLimit.upsert({ where: { key }, create: { key, count: 60, resetAt: new Date(Date.now() + 60_000) }, update: { count: 60 } });
    const before = { files: await storedFiles(), rows: await db.prisma.mediaAsset.count() };
    expect(await failureOf(upload(member, await png(100, 100)))).toEqual({ code: 'RATE_LIMITED' });
    expect({ files: await storedFiles(), rows: await db.prisma.mediaAsset.count() }).toEqual(before);
    await db.prisma.rateLimit.delete({ where: { key } });
  });

  it('removes the stored variants when the row cannot be written', async () => {
    // A user id with no user behind it: the row's foreign key fails after the files are stored.
    const ghost: Actor = { kind: 'user', userId: 'ghost-user', memberships: [{ organizationId: ownOrganizationId, role: 'MEMBER' }] };
    const before = { files: await storedFiles(), rows: await db.prisma.mediaAsset.count() };
    await expect(upload(ghost, await png(1200, 800))).rejects.toThrow(/foreign key/i);
    expect({ files: await storedFiles(), rows: await db.prisma.mediaAsset.count() }).toEqual(before);
  });
});

describe('GET /media/[id]/[file]', () => {
  const get = (id: string, file: string) => GET(new Request(`http://localhost/media/${id}/${file}`), { params: Promise.resolve({ id, file }) });

  it('serves a variant as WebP that browsers never sniff, cached for good', async () => {
    const asset = await upload(member, await png(1000, 500));
    const response = await get(asset.id, 'w960.webp');
    expect(response.status).toBe(200);
    expect(Object.fromEntries(response.headers)).toMatchObject({
      'content-type': 'image/webp',
      'x-content-type-options': 'nosniff',
      'cache-control': 'public, max-age=31536000, immutable',
      'content-security-policy': "default-src 'none'; sandbox",
    });
    const bytes = Buffer.from(await response.arrayBuffer());
    expect((await sharp(bytes).metadata()).width).toBe(960);
    expect(bytes).toEqual((await readMediaVariant(ANONYMOUS, asset.id, 'w960.webp')).bytes);
  });

  it('answers 404 for anything but an existing variant', async () => {
    const asset = await upload(member, await png(1000, 500));
    const unknown = 'a'.repeat(32);
    for (const [id, file] of [
      [asset.id, 'w1600.webp'],
      [asset.id, 'w0960.webp'],
      [asset.id, 'w960.jpg'],
      [asset.id, '..%2Fw960.webp'],
      [unknown, 'w960.webp'],
      ['..', 'w960.webp'],
    ]) {
      const response = await get(id!, file!);
      expect(response.status, `${id}/${file}`).toBe(404);
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    }
  });
});

describe('POST /api/media', () => {
  async function post(form: FormData, headers: Record<string, string> = {}): Promise<Response> {
    const encoded = new Response(form);
    const body = await encoded.arrayBuffer();
    return POST(
      new Request('http://localhost/api/media', {
        method: 'POST',
        body,
        // As a browser sends them: the Host it addressed, the length of the body.
        headers: { host: 'localhost', 'content-type': encoded.headers.get('content-type')!, 'content-length': String(body.byteLength), ...headers },
      }),
    );
  }

  async function photoForm(): Promise<FormData> {
    const form = new FormData();
    // The name and type the browser sends say JPEG; the bytes are a PNG, which is what counts.
    form.set('file', new File([new Uint8Array(await png(1200, 600))], 'bild.jpg', { type: 'image/jpeg' }));
    form.set('alt', 'Vår nya lokal');
    form.set('organizationId', ownOrganizationId);
    return form;
  }

  it('answers 201 with the asset for a member of the association', async () => {
    session.actor = member;
    const response = await post(await photoForm(), { origin: 'http://localhost' });
    expect(response.status).toBe(201);
    const body = await response.json();
    expect(body).toEqual({ id: expect.any(String), src: `/media/${body.id}/w960.webp`, width: 960, height: 480, altText: 'Vår nya lokal' });
  });

  it('answers with the code and the field keys of a refusal', async () => {
    session.actor = member;
    const form = await photoForm();
    form.delete('alt');
    const response = await post(form);
    expect(response.status).toBe(422);
    expect(await response.json()).toEqual({ error: { code: 'INVALID_INPUT', fields: { alt: ['imageAlt'] } } });

    session.actor = ANONYMOUS;
    const anonymous = await post(await photoForm());
    expect(anonymous.status).toBe(401);
    expect(await anonymous.json()).toEqual({ error: { code: 'UNAUTHENTICATED' } });
  });

  it('refuses a post from another origin, a body without a length and one over the limit, before reading it', async () => {
    session.actor = member;
    const before = await db.prisma.mediaAsset.count();
    expect((await post(await photoForm(), { origin: 'https://elak.example' })).status).toBe(403);

    const chunked = new Request('http://localhost/api/media', { method: 'POST', body: 'x', headers: { 'content-type': 'multipart/form-data; boundary=x' } });
    expect((await POST(chunked)).status).toBe(411);

    const huge = new Request('http://localhost/api/media', {
      method: 'POST',
      body: 'x',
      headers: { 'content-type': 'multipart/form-data; boundary=x', 'content-length': String(9 * 1024 * 1024) },
    });
    const response = await POST(huge);
    expect(response.status).toBe(413);
    expect(await response.json()).toEqual({ error: { code: 'INVALID_INPUT', fields: { file: ['imageTooLarge'] } } });
    expect(await db.prisma.mediaAsset.count()).toBe(before);
  });
});

describe('LocalStorage', () => {
  const storage = new LocalStorage(path.join(dataDir, 'local-storage-test'));

  it('keeps, returns and deletes a file, with the type its extension names', async () => {
    await storage.put('media/abc/w480.webp', Buffer.from('RIFF0000WEBP'), 'image/webp');
    expect(await storage.get('media/abc/w480.webp')).toEqual({ bytes: Buffer.from('RIFF0000WEBP'), contentType: 'image/webp' });
    await storage.delete('media/abc/w480.webp');
    expect(await storage.get('media/abc/w480.webp')).toBeNull();
    await storage.delete('media/abc/w480.webp');
  });

  it('refuses keys that climb out of its folder or are absolute', async () => {
    for (const key of ['../x', 'media/../../x.webp', '/etc/passwd', 'media//x.webp', '.hidden.webp', '']) {
      await expect(storage.put(key, Buffer.from('x'), 'image/webp'), key).rejects.toThrow(/Invalid storage key/);
      await expect(storage.get(key), key).rejects.toThrow(/Invalid storage key/);
    }
  });
});

describe('signV4', () => {
  // AWS's Signature Version 4 test suite: "get-vanilla" and "get-vanilla-query-order-key-case".
  const key = { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY', region: 'us-east-1', service: 'service' };
  const when = new Date('2015-08-30T12:36:00Z');
  const emptyHash = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';
  const credential = 'AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/service/aws4_request, SignedHeaders=host;x-amz-date';

  it('signs the get-vanilla request as AWS does', () => {
    const headers = signV4({ method: 'GET', url: new URL('https://example.amazonaws.com/'), headers: {}, payloadHash: emptyHash }, key, when);
    expect(headers).toEqual({
      host: 'example.amazonaws.com',
      'x-amz-date': '20150830T123600Z',
      authorization: `${credential}, Signature=5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31`,
    });
  });

  it('sorts the query parameters', () => {
    const url = new URL('https://example.amazonaws.com/?Param2=value2&Param1=value1');
    expect(signV4({ method: 'GET', url, headers: {}, payloadHash: emptyHash }, key, when).authorization).toBe(
      `${credential}, Signature=b97d918cfa904a5beff61c982a1b6f458b799221646efd99d3219ec94cdf2500`,
    );
  });
});

describe('S3Storage', () => {
  const objects = new Map<string, { bytes: Buffer; contentType: string }>();
  const config = { region: 'eu-north-1', bucket: 'lisa-media', accessKeyId: 'test-key', secretAccessKey: 'test-secret' };
  let server: Server;
  let endpoint: string;

  /** Recomputes the signature from what arrived: the signed host, path and headers are the ones sent. */
  function isSignedCorrectly(method: string, url: URL, headers: Record<string, string | string[] | undefined>): boolean {
    const authorization = String(headers.authorization ?? '');
    const signed = /SignedHeaders=([^,]+)/.exec(authorization)?.[1]?.split(';') ?? [];
    const amzDate = String(headers['x-amz-date'] ?? '');
    const when = new Date(amzDate.replace(/^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/, '$1-$2-$3T$4:$5:$6Z'));
    const others = Object.fromEntries(signed.filter((n) => n !== 'host' && n !== 'x-amz-date').map((n) => [n, String(headers[n])]));
    const expected = signV4({ method, url, headers: others, payloadHash: String(headers['x-amz-content-sha256']) }, { ...config, service: 's3' }, when);
    return authorization.startsWith('AWS4-HMAC-SHA256 Credential=test-key/') && expected.authorization === authorization;
  }

  beforeAll(async () => {
    server = createServer(async (request, response) => {
      const chunks: Buffer[] = [];
      for await (const chunk of request) chunks.push(chunk as Buffer);
      const url = new URL(request.url!, `http://${request.headers.host}`);
      if (!isSignedCorrectly(request.method!, url, request.headers)) return void response.writeHead(403).end();
      const stored = objects.get(url.pathname);
      if (request.method === 'PUT') {
        objects.set(url.pathname, { bytes: Buffer.concat(chunks), contentType: String(request.headers['content-type']) });
        return void response.writeHead(200).end();
      }
      if (request.method === 'DELETE') {
        objects.delete(url.pathname);
        return void response.writeHead(204).end();
      }
      if (!stored) return void response.writeHead(404).end();
      response.writeHead(200, { 'content-type': stored.contentType }).end(stored.bytes);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('puts, gets and deletes objects at path-style URLs with signed requests', async () => {
    const storage = new S3Storage({ ...config, endpoint });
    const bytes = Buffer.from('RIFF0000WEBPVP8 ');
    await storage.put('media/abc/w960.webp', bytes, 'image/webp');
    expect([...objects.keys()]).toEqual(['/lisa-media/media/abc/w960.webp']);
    expect(await storage.get('media/abc/w960.webp')).toEqual({ bytes, contentType: 'image/webp' });
    await storage.delete('media/abc/w960.webp');
    expect(await storage.get('media/abc/w960.webp')).toBeNull();
  });

  it('fails loudly when the store refuses the signature', async () => {
    const storage = new S3Storage({ ...config, endpoint, secretAccessKey: 'wrong-secret' });
    await expect(storage.put('media/abc/w960.webp', Buffer.from('x'), 'image/webp')).rejects.toThrow(/HTTP 403/);
  });

  it('refuses keys that climb out of the bucket', async () => {
    await expect(new S3Storage({ ...config, endpoint }).get('../x')).rejects.toThrow(/Invalid storage key/);
  });
});

describe('MEDIA_STORAGE=s3', () => {
  it('needs the endpoint, the bucket and both keys', () => {
    expect(() => readEnv({ MEDIA_STORAGE: 's3', S3_BUCKET: 'lisa-media' })).toThrow(/S3_ENDPOINT.*S3_ACCESS_KEY_ID.*S3_SECRET_ACCESS_KEY/);
    expect(
      readEnv({ MEDIA_STORAGE: 's3', S3_ENDPOINT: 'https://s3.example.com', S3_BUCKET: 'lisa-media', S3_ACCESS_KEY_ID: 'k', S3_SECRET_ACCESS_KEY: 's' }),
    ).toMatchObject({ MEDIA_STORAGE: 's3', S3_REGION: 'us-east-1' });
    expect(readEnv({}).MEDIA_STORAGE).toBe('local');
  });
});
