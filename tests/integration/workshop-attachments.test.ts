/**
 * Attachments of workshop issues on the demo network: addAttachments and readAttachment
 * through the data layer, the download route and the upload action called directly. Files go
 * to a temporary DATA_DIR; the fixtures (a PDF, images made with sharp, DOCX/XLSX/ODT zipped by
 * hand) are built here, small enough to read.
 */
import { createHash } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { crc32, deflateRawSync } from 'node:zlib';
import { createFormatter, createTranslator } from 'next-intl';
import { renderToStaticMarkup } from 'react-dom/server';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { GET } from '@/app/media/bilagor/[id]/route';
import { IssueAttachments } from '@/components/workshop/attachments/issue-attachments';
import type { Actor } from '@/lib/authz/actor';
import { isAppError } from '@/lib/errors/app-error';
import { uploadAttachmentsAction, type AttachmentFormState } from '@/lib/workshop/attachment-actions';
import { AttachmentRefusal, attachmentDisposition, cleanAttachmentName } from '@/lib/workshop/attachment-files';
import { ATTACHMENT_TYPE_NAMES, attachmentErrors, batchProblem } from '@/lib/workshop/attachment-rules';
import { addAttachments, attachmentHref, checkAttachmentFiles, readAttachment } from '@/lib/workshop/attachments';
import { deleteDraft, fileIssue, triageIssue } from '@/lib/workshop/issues';
import { getIssue } from '@/lib/workshop/queries';
import ar from '@/messages/ar.json';
import en from '@/messages/en.json';
import sv from '@/messages/sv.json';
import { seedDatabase } from '@/prisma/seed/index';
import { useTestDatabase } from '../helpers/db';

// Before the database helper reads the environment: getEnv caches it for the file.
const dataDir = mkdtempSync(path.join(tmpdir(), 'lisa-attachments-test-'));
vi.stubEnv('DATA_DIR', dataDir);
vi.stubEnv('MEDIA_STORAGE', 'local');
const uploadsDir = path.join(dataDir, 'uploads');

const session = vi.hoisted(() => ({ actor: { kind: 'anonymous' } as Actor }));
vi.mock('@/lib/auth/session', () => ({ getActor: async () => session.actor }));
// The action asks Next to render the issue page again; there is no Next here.
const revalidated = vi.hoisted(() => [] as string[]);
vi.mock('next/cache', () => ({ revalidatePath: (path: string) => void revalidated.push(path) }));
// The components read their texts through next-intl's server functions, which need Next's
// request; the same translator and formatter over the message files stand in for them.
vi.mock('next-intl/server', async () => {
  const files = { sv: (await import('@/messages/sv.json')).default, en: (await import('@/messages/en.json')).default, ar: (await import('@/messages/ar.json')).default };
  type Locale = keyof typeof files;
  return {
    getTranslations: async ({ locale, namespace }: { locale: Locale; namespace: string }) => createTranslator({ locale, messages: files[locale], namespace: namespace as never }),
    getFormatter: async ({ locale }: { locale: Locale }) => createFormatter({ locale, timeZone: 'Europe/Stockholm' }),
  };
});

const db = useTestDatabase();

afterAll(async () => {
  vi.unstubAllEnvs();
  await rm(dataDir, { recursive: true, force: true });
});

const EMAILS = {
  admin: 'foreningsadmin@lisa.example',
  member: 'medlem@lisa.example',
  otherMember: 'medlem2@lisa.example',
  official: 'tjansteperson.region@lisa.example',
  otherOfficial: 'tjansteperson.karlskoga@lisa.example',
  coordinator: 'samordnare@lisa.example',
} as const;
type Who = keyof typeof EMAILS | 'anonymous' | 'noMembership';

const actors = {} as Record<Who, Actor>;
const ids = {} as Record<'shelter' | 'region' | 'regionOfficial' | 'karlskogaMunicipality', string>;

async function actorFor(email: string): Promise<Actor> {
  const user = await db.prisma.user.findUniqueOrThrow({ where: { email }, select: { id: true, memberships: { select: { organizationId: true, role: true } } } });
  return { kind: 'user', userId: user.id, memberships: user.memberships };
}

beforeAll(async () => {
  await seedDatabase(db.prisma);
  for (const [who, email] of Object.entries(EMAILS)) actors[who as Who] = await actorFor(email);
  actors.anonymous = { kind: 'anonymous' };
  // Signed in without belonging anywhere: reads what the network shares, takes part in nothing.
  const loner = await db.prisma.user.create({ data: { email: 'utan.forening@exempel.example', name: 'Utan Förening' } });
  actors.noMembership = { kind: 'user', userId: loner.id, memberships: [] };
  const org = (slug: string) => db.prisma.organization.findUniqueOrThrow({ where: { slug }, select: { id: true } }).then((o) => o.id);
  ids.shelter = await org('kvinnojouren-linnean');
  ids.region = await org('region-orebro-lan');
  ids.regionOfficial = (actors.official as { userId: string }).userId;
  ids.karlskogaMunicipality = (await db.prisma.municipality.findUniqueOrThrow({ where: { code: '1883' } })).id;
}, 180_000);

// ── Issues ───────────────────────────────────────────────────────────────────────

let counter = 0;
const FIELDS = {
  description: 'Kallelser till möten med socialtjänsten kommer för sent för att föreningen ska hinna ordna stöd.',
  concerns: 'MUNICIPALITY',
  confirmedNoPersonalData: true,
};

/** An issue of the shelter association: a draft, sent, or triaged to the region with its official named. */
async function issue(stage: 'draft' | 'submitted' | 'assigned', visibility: 'RESTRICTED' | 'NETWORK' | 'PUBLIC' = 'RESTRICTED'): Promise<number> {
  const { number } = await fileIssue(actors.admin, {
    organizationId: ids.shelter,
    fields: { ...FIELDS, title: `Sena kallelser ${++counter}`, municipalityId: ids.karlskogaMunicipality },
    submit: stage !== 'draft',
  });
  if (stage === 'assigned') {
    const { version } = await db.prisma.workshopIssue.findUniqueOrThrow({ where: { number }, select: { version: true } });
    await triageIssue(actors.coordinator, number, { categoryId: '', visibility, responderOrganizationIds: [ids.region], assigneeUserIds: [ids.regionOfficial], dueDate: '', version });
  }
  return number;
}

// ── Fixtures ─────────────────────────────────────────────────────────────────────

const file = (bytes: Buffer | string, name: string, type = 'application/octet-stream') => new File([new Uint8Array(Buffer.from(bytes))], name, { type });

const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');
const TEXT = Buffer.from('Anteckningar från mötet med kommunen\n\nÅtgärd: kallelser skickas två veckor i förväg.\r\n');

const solid = (width: number, height: number) => sharp({ create: { width, height, channels: 3, background: '#3a6ea5' } });

/** A phone photo: stored sideways with orientation 6, the owner's name and a GPS position. */
const phonePhoto = () =>
  solid(60, 40)
    .withMetadata({ orientation: 6 })
    .withExifMerge({
      IFD0: { Copyright: 'secret-owner', Artist: 'x' },
      IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '59/1 19/1 0/1', GPSLongitudeRef: 'E', GPSLongitude: '14/1 31/1 0/1' },
    })
    .jpeg()
    .toBuffer();

/** A ZIP file as office programs write them: local headers, a central directory, the end record. */
function zip(entries: { name: string; content: string | Buffer; deflate?: boolean }[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const raw = Buffer.from(entry.content);
    const data = entry.deflate ? deflateRawSync(raw) : raw;
    const name = Buffer.from(entry.name, 'utf8');
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(entry.deflate ? 8 : 0, 8);
    local.writeUInt32LE(crc32(raw), 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(raw.length, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(entry.deflate ? 8 : 0, 10);
    central.writeUInt32LE(crc32(raw), 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(raw.length, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, data);
    centrals.push(central, name);
    offset += local.length + name.length + data.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

const contentTypes = (main: string) =>
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/><Override PartName="/main.xml" ContentType="${main}"/></Types>`;

const DOCX = () =>
  zip([
    { name: '[Content_Types].xml', content: contentTypes('application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml') },
    { name: 'word/document.xml', content: '<w:document/>' },
  ]);
// Deflated, as Excel writes it: the manifest must be inflated to be read.
const XLSX = () =>
  zip([
    { name: '[Content_Types].xml', content: contentTypes('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml'), deflate: true },
    { name: 'xl/workbook.xml', content: '<workbook/>', deflate: true },
  ]);
const ODT = () =>
  zip([
    { name: 'mimetype', content: 'application/vnd.oasis.opendocument.text' },
    { name: 'content.xml', content: '<office:document-content/>', deflate: true },
  ]);

// ── Helpers ──────────────────────────────────────────────────────────────────────

async function storedFiles(): Promise<string[]> {
  const entries = await readdir(uploadsDir, { recursive: true, withFileTypes: true }).catch(() => []);
  return entries.filter((e) => e.isFile()).map((e) => path.relative(uploadsDir, path.join(e.parentPath, e.name))).sort();
}

/** Everything an upload writes: blobs, rows, audit entries and events. */
const footprint = async () => ({
  files: await storedFiles(),
  rows: await db.prisma.workshopAttachment.count(),
  audit: await db.prisma.auditLog.count({ where: { action: 'issue.attach' } }),
  events: await db.prisma.workshopEvent.count(),
});

async function failureOf(call: Promise<unknown>): Promise<{ code: string; key?: string; fileName?: string | null }> {
  try {
    await call;
  } catch (error) {
    if (!isAppError(error)) throw error;
    const described = attachmentErrors.describe(error);
    return {
      code: error.code,
      ...(described.fieldErrors?.attachments ? { key: described.fieldErrors.attachments } : {}),
      ...(error instanceof AttachmentRefusal && error.fileName ? { fileName: error.fileName } : {}),
    };
  }
  throw new Error('expected the call to fail');
}

const storedBytes = async (id: string) => {
  const { storageKey } = await db.prisma.workshopAttachment.findUniqueOrThrow({ where: { id }, select: { storageKey: true } });
  return readFile(path.join(uploadsDir, ...storageKey.split('/')));
};

const download = (id: string) => GET(new Request(`http://localhost${attachmentHref(id)}`), { params: Promise.resolve({ id }) });

// ── What may be attached ─────────────────────────────────────────────────────────

describe('addAttachments: what may be attached', () => {
  const accepted: [string, () => Promise<Buffer> | Buffer, string, string][] = [
    ['a PDF', () => PDF, 'Kallelse.pdf', 'application/pdf'],
    ['a PNG', () => solid(40, 30).png().toBuffer(), 'Skärmbild.png', 'image/png'],
    ['a JPEG', () => solid(40, 30).jpeg().toBuffer(), 'Foto.JPEG', 'image/jpeg'],
    ['a WebP', () => solid(40, 30).webp().toBuffer(), 'Affisch.webp', 'image/webp'],
    ['UTF-8 text', () => TEXT, 'Anteckningar.txt', 'text/plain'],
    ['a Word document (DOCX)', DOCX, 'Skrivelse.docx', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
    ['an Excel spreadsheet (XLSX), its manifest deflated', XLSX, 'Ärenden.xlsx', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
    ['an OpenDocument text (ODT)', ODT, 'Yttrande.odt', 'application/vnd.oasis.opendocument.text'],
  ];

  it.each(accepted)('accepts %s by its content, whatever the browser calls it', async (_name, make, fileName, mimeType) => {
    const number = await issue('submitted');
    const bytes = await make();
    // The browser's type is always wrong here: only the bytes count.
    const [attachment] = await addAttachments(actors.admin, number, [file(bytes, fileName, 'application/x-msdownload')]);

    expect(attachment).toEqual({ id: expect.any(String), fileName, mimeType, byteSize: expect.any(Number), createdAt: expect.any(Date) });
    const row = await db.prisma.workshopAttachment.findUniqueOrThrow({ where: { id: attachment!.id } });
    const stored = await storedBytes(attachment!.id);
    expect(row).toMatchObject({ uploadedById: (actors.admin as { userId: string }).userId, byteSize: stored.length, sha256: createHash('sha256').update(stored).digest('hex') });
    // A random key of its own type, never the uploader's name.
    expect(row.storageKey).toMatch(/^workshop\/[0-9a-f]{32}\.(pdf|png|jpg|webp|txt|docx|xlsx|odt)$/);
    // Documents are kept byte for byte; images are re-encoded in their own format.
    if (mimeType.startsWith('image/')) {
      expect((await sharp(stored).metadata()).format).toBe({ 'image/png': 'png', 'image/jpeg': 'jpeg', 'image/webp': 'webp' }[mimeType]);
    } else {
      expect(stored).toEqual(bytes);
    }
  });

  it('strips EXIF with the GPS position from a photo and turns it upright', async () => {
    const photo = await phonePhoto();
    expect((await sharp(photo).metadata()).exif).toBeDefined();
    expect(photo.includes('secret-owner')).toBe(true);

    const [attachment] = await addAttachments(actors.admin, await issue('submitted'), [file(photo, 'IMG_0412.jpg', 'image/jpeg')]);

    const stored = await storedBytes(attachment!.id);
    const metadata = await sharp(stored).metadata();
    expect(metadata).toMatchObject({ format: 'jpeg', width: 40, height: 60 });
    expect(metadata.exif).toBeUndefined();
    expect(metadata.orientation).toBeUndefined();
    expect(stored.includes('secret-owner')).toBe(false);
    expect(attachment!.byteSize).toBe(stored.length);
  });

  it('keeps the name as given, less folders, control characters and direction overrides, with an extension that fits', async () => {
    const number = await issue('submitted');
    const names = (await addAttachments(actors.admin, number, [
      file(PDF, 'C:\\Users\\elin\\Dokument\\Årsrapport 2026.PDF'),
      file(TEXT, 'rapport.html'),
      file(PDF, 'kvitto\u202Efdp.exe'),
      file(TEXT, '../../.hemlig\n'),
    ])).map((a) => a.fileName);
    expect(names).toEqual(['Årsrapport 2026.PDF', 'rapport.html.txt', 'kvittofdp.exe.pdf', 'hemlig.txt']);
  });

  describe('refuses, and stores nothing', () => {
    const latin1 = Buffer.from('Möte på kommunhuset, åtgärder för föräldrar\n', 'latin1');
    const refusals: [string, () => Promise<File[]> | File[], { key: string; fileName?: string }][] = [
      ['an executable named as a PDF', () => [file(Buffer.concat([Buffer.from('MZ\x90\x00\x03\x00\x00\x00', 'latin1'), Buffer.alloc(200)]), 'rapport.pdf', 'application/pdf')], { key: 'attachmentType', fileName: 'rapport.pdf' }],
      ['an ELF program named as text', () => [file(Buffer.concat([Buffer.from('\x7fELF\x02\x01\x01', 'latin1'), Buffer.alloc(64)]), 'lista.txt')], { key: 'attachmentType', fileName: 'lista.txt' }],
      ['an HTML page named as text', () => [file('<!DOCTYPE html><script>alert(document.cookie)</script>', 'anteckningar.txt', 'text/plain')], { key: 'attachmentType', fileName: 'anteckningar.txt' }],
      ['an HTML page after blank lines', () => [file('\n\n  <html><body onload="alert(1)">', 'sida.txt')], { key: 'attachmentType', fileName: 'sida.txt' }],
      ['an SVG', () => [file('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>', 'logga.svg', 'image/svg+xml')], { key: 'attachmentType', fileName: 'logga.svg' }],
      ['an XML file', () => [file('<?xml version="1.0"?><data/>', 'data.xml')], { key: 'attachmentType', fileName: 'data.xml' }],
      [
        'a Word document with macros',
        () => [file(zip([{ name: '[Content_Types].xml', content: contentTypes('application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml') }, { name: 'word/vbaProject.bin', content: 'macro' }]), 'brev.docx')],
        { key: 'attachmentType', fileName: 'brev.docx' },
      ],
      ['a macro-enabled Word document (DOCM)', () => [file(zip([{ name: '[Content_Types].xml', content: contentTypes('application/vnd.ms-word.document.macroEnabled.main+xml') }]), 'brev.docx')], { key: 'attachmentType', fileName: 'brev.docx' }],
      ['a ZIP archive of other files', () => [file(zip([{ name: 'bilder/ett.jpg', content: 'x' }]), 'bilder.zip')], { key: 'attachmentType', fileName: 'bilder.zip' }],
      ['an OpenDocument spreadsheet', () => [file(zip([{ name: 'mimetype', content: 'application/vnd.oasis.opendocument.spreadsheet' }, { name: 'content.xml', content: '<x/>' }]), 'tabell.ods')], { key: 'attachmentType', fileName: 'tabell.ods' }],
      ['a PNG that is only a header', () => [file(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0]), 'trasig.png')], { key: 'attachmentUnreadable', fileName: 'trasig.png' }],
      ['text that is not UTF-8', () => [file(latin1, 'gammal.txt')], { key: 'attachmentEncoding', fileName: 'gammal.txt' }],
      ['an empty file', () => [file('', 'tom.pdf')], { key: 'attachmentEmpty', fileName: 'tom.pdf' }],
      ['a file over 10 MB', () => [file(Buffer.concat([PDF, Buffer.alloc(10 * 1024 * 1024)]), 'stor.pdf')], { key: 'attachmentTooLarge', fileName: 'stor.pdf' }],
      ['files over 30 MB together', () => [1, 2, 3, 4].map((n) => file(Buffer.concat([PDF, Buffer.alloc(8 * 1024 * 1024)]), `del${n}.pdf`)), { key: 'attachmentsTooLarge' }],
      ['a form sent without a file', () => [new File([], '')], { key: 'attachmentRequired' }],
    ];

    it.each(refusals)('%s', async (_name, arrange, expected) => {
      const number = await issue('submitted');
      const files = await arrange();
      const before = await footprint();
      expect(await failureOf(addAttachments(actors.admin, number, files))).toEqual({ code: 'INVALID_INPUT', ...expected });
      expect(await footprint()).toEqual(before);
    });
  });

  it('refuses the eleventh attachment of an issue', async () => {
    const number = await issue('submitted');
    await addAttachments(actors.admin, number, Array.from({ length: 9 }, (_, n) => file(PDF, `bilaga-${n + 1}.pdf`)));
    const before = await footprint();
    expect(await failureOf(addAttachments(actors.member, number, [file(PDF, 'elva.pdf'), file(PDF, 'tolv.pdf')]))).toEqual({ code: 'INVALID_INPUT', key: 'attachmentTooMany' });
    expect(await footprint()).toEqual(before);

    await addAttachments(actors.member, number, [file(PDF, 'tio.pdf')]);
    expect(await failureOf(addAttachments(actors.coordinator, number, [file(PDF, 'elva.pdf')]))).toEqual({ code: 'INVALID_INPUT', key: 'attachmentTooMany' });
    expect(await db.prisma.workshopAttachment.count({ where: { issue: { number } } })).toBe(10);
  });

  it('stores none of a batch when one of its files is refused', async () => {
    const number = await issue('submitted');
    const before = await footprint();
    const batch = [file(PDF, 'kallelse.pdf'), file(await solid(20, 20).png().toBuffer(), 'bild.png'), file('<html></html>', 'sida.html')];
    expect(await failureOf(addAttachments(actors.admin, number, batch))).toEqual({ code: 'INVALID_INPUT', key: 'attachmentType', fileName: 'sida.html' });
    expect(await footprint()).toEqual(before);
  });

  it('removes the stored files when the rows cannot be written', async () => {
    // A user id with no user behind it: the rows' foreign key fails after the files are stored.
    const ghost: Actor = { kind: 'user', userId: 'ghost-user', memberships: [{ organizationId: ids.shelter, role: 'MEMBER' }] };
    const number = await issue('submitted');
    const before = await footprint();
    await expect(addAttachments(ghost, number, [file(PDF, 'a.pdf'), file(TEXT, 'b.txt')])).rejects.toThrow(/foreign key/i);
    expect(await footprint()).toEqual(before);
  });

  it('writes an audit entry and no issue event, so nobody is notified', async () => {
    const number = await issue('submitted');
    const { id: issueId } = await db.prisma.workshopIssue.findUniqueOrThrow({ where: { number }, select: { id: true } });
    const events = await db.prisma.workshopEvent.count({ where: { issueId } });
    const notifications = await db.prisma.notification.count();
    const [a, b] = await addAttachments(actors.member, number, [file(PDF, 'a.pdf'), file(TEXT, 'b.txt')]);

    expect(await db.prisma.workshopEvent.count({ where: { issueId } })).toBe(events);
    expect(await db.prisma.notification.count()).toBe(notifications);
    const audit = await db.prisma.auditLog.findMany({ where: { action: 'issue.attach', entityId: issueId } });
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({
      actorId: (actors.member as { userId: string }).userId,
      entityType: 'WorkshopIssue',
      organizationId: ids.shelter,
      data: {
        attachments: [
          { id: a!.id, fileName: 'a.pdf', mimeType: 'application/pdf', byteSize: PDF.length, sha256: createHash('sha256').update(PDF).digest('hex') },
          { id: b!.id, fileName: 'b.txt', mimeType: 'text/plain', byteSize: TEXT.length, sha256: createHash('sha256').update(TEXT).digest('hex') },
        ],
      },
    });
  });

  it('lets the filing form check a batch before it files the issue', async () => {
    await expect(checkAttachmentFiles([file(PDF, 'a.pdf'), file(TEXT, 'b.txt')])).resolves.toBeUndefined();
    expect(await failureOf(checkAttachmentFiles([file(PDF, 'a.pdf'), file('<svg/>', 'b.svg')]))).toEqual({ code: 'INVALID_INPUT', key: 'attachmentType', fileName: 'b.svg' });
    expect(await failureOf(checkAttachmentFiles(Array.from({ length: 11 }, (_, n) => file(PDF, `${n}.pdf`))))).toEqual({ code: 'INVALID_INPUT', key: 'attachmentTooMany' });
  });
});

// ── Who may attach ───────────────────────────────────────────────────────────────

describe('addAttachments: who may attach', () => {
  // Attaching follows the comment rule ('issue.comment'), and the filing association's rule on
  // its draft; the issue page's `can.attach` says the same for each of them.
  const cases: [string, Who, 'draft' | 'submitted' | 'assigned', 'RESTRICTED' | 'NETWORK', 'allowed' | 'FORBIDDEN' | 'NOT_FOUND' | 'UNAUTHENTICATED'][] = [
    ['the filing association’s member on its draft', 'member', 'draft', 'RESTRICTED', 'allowed'],
    ['the filing association’s admin on its sent issue', 'admin', 'submitted', 'RESTRICTED', 'allowed'],
    ['the assigned official', 'official', 'assigned', 'RESTRICTED', 'allowed'],
    ['the coordinator', 'coordinator', 'submitted', 'RESTRICTED', 'allowed'],
    ['the coordinator on another association’s draft, which only its association sees', 'coordinator', 'draft', 'RESTRICTED', 'NOT_FOUND'],
    ['a member of an unrelated association on a restricted issue', 'otherMember', 'assigned', 'RESTRICTED', 'NOT_FOUND'],
    ['an official of an organisation not responding, on a restricted issue', 'otherOfficial', 'assigned', 'RESTRICTED', 'NOT_FOUND'],
    ['a member of an unrelated association on a network issue, who may comment there', 'otherMember', 'assigned', 'NETWORK', 'allowed'],
    ['a signed-in reader of a network issue without any membership, who may not comment', 'noMembership', 'assigned', 'NETWORK', 'FORBIDDEN'],
    ['a resident who has not signed in', 'anonymous', 'assigned', 'NETWORK', 'UNAUTHENTICATED'],
  ];

  it.each(cases)('%s', async (_name, who, stage, visibility, expected) => {
    const number = await issue(stage, visibility);
    const before = await footprint();
    const call = addAttachments(actors[who], number, [file(PDF, 'underlag.pdf')]);
    if (expected === 'allowed') {
      expect(await call).toHaveLength(1);
    } else {
      expect(await failureOf(call)).toEqual({ code: expected });
      expect(await footprint()).toEqual(before);
    }
    const canAttach = await getIssue(actors[who], number).then(
      (detail) => detail.can.attach,
      () => false,
    );
    expect(canAttach).toBe(expected === 'allowed');
  });

  it('lets the filing association attach to an issue it has just sent, as the filing form does', async () => {
    const { number } = await fileIssue(actors.member, {
      organizationId: ids.shelter,
      fields: { ...FIELDS, title: 'Sena kallelser med underlag', municipalityId: ids.karlskogaMunicipality },
      submit: true,
    });
    const attached = await addAttachments(actors.member, number, [file(PDF, 'kallelse.pdf'), file(await phonePhoto(), 'anslag.jpg')]);
    expect(attached.map((a) => a.fileName)).toEqual(['kallelse.pdf', 'anslag.jpg']);
    expect((await getIssue(actors.coordinator, number)).attachments.map((a) => a.id)).toEqual(attached.map((a) => a.id));
  });
});

// ── Downloading ──────────────────────────────────────────────────────────────────

describe('GET /media/bilagor/[id]', () => {
  let restricted: { number: number; pdf: string; text: string };

  beforeAll(async () => {
    const number = await issue('assigned');
    const [pdf, text] = await addAttachments(actors.admin, number, [file(PDF, 'Kallelse från förvaltningen "mars".pdf'), file(TEXT, 'anteckningar.txt')]);
    restricted = { number, pdf: pdf!.id, text: text!.id };
  });

  it('gives a reader of the issue the file as a download that is never rendered or kept', async () => {
    for (const who of ['admin', 'member', 'official', 'coordinator'] as const) {
      session.actor = actors[who];
      const response = await download(restricted.pdf);
      expect(response.status, who).toBe(200);
      expect(Buffer.from(await response.arrayBuffer())).toEqual(PDF);
      expect(Object.fromEntries(response.headers)).toMatchObject({
        'content-type': 'application/pdf',
        'content-length': String(PDF.length),
        'content-disposition': `attachment; filename="Kallelse fran forvaltningen _mars_.pdf"; filename*=UTF-8''Kallelse%20fr%C3%A5n%20f%C3%B6rvaltningen%20%22mars%22.pdf`,
        'x-content-type-options': 'nosniff',
        'content-security-policy': "default-src 'none'; sandbox",
        'cache-control': 'private, no-store',
      });
    }
  });

  it('serves text as UTF-8 text', async () => {
    session.actor = actors.official;
    const response = await download(restricted.text);
    expect(response.headers.get('content-type')).toBe('text/plain; charset=utf-8');
    expect(await response.text()).toBe(TEXT.toString('utf8'));
  });

  it('answers 404 to a signed-in person who may not read the issue, as for an unknown file', async () => {
    for (const who of ['otherMember', 'otherOfficial', 'noMembership'] as const) {
      session.actor = actors[who];
      const response = await download(restricted.pdf);
      expect(response.status, who).toBe(404);
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      expect(await response.text()).not.toContain('PDF');
    }
    session.actor = actors.admin;
    for (const id of ['c'.repeat(25), '..', 'workshop%2Fabc.pdf', restricted.pdf.toUpperCase()]) {
      expect((await download(id)).status, id).toBe(404);
    }
  });

  it('answers 401 to a resident, even for a public issue and for an id that does not exist', async () => {
    const number = await issue('assigned', 'PUBLIC');
    const [attachment] = await addAttachments(actors.admin, number, [file(PDF, 'offentlig.pdf')]);
    // Residents may read the public issue itself, but not its files.
    expect((await getIssue(actors.anonymous, number)).attachments).toEqual([]);
    session.actor = actors.anonymous;
    for (const id of [attachment!.id, restricted.pdf, 'c'.repeat(25)]) {
      const response = await download(id);
      expect(response.status, id).toBe(401);
      expect(response.headers.get('cache-control')).toBe('no-store');
    }
  });

  it('lets any signed-in reader of a network issue download, membership or not', async () => {
    const number = await issue('assigned', 'NETWORK');
    const [attachment] = await addAttachments(actors.official, number, [file(TEXT, 'svar.txt')]);
    for (const who of ['noMembership', 'otherMember'] as const) {
      session.actor = actors[who];
      expect((await download(attachment!.id)).status, who).toBe(200);
    }
  });

  it('gives a draft’s files only to its association', async () => {
    const number = await issue('draft');
    const [attachment] = await addAttachments(actors.member, number, [file(PDF, 'utkast.pdf')]);
    await expect(readAttachment(actors.admin, attachment!.id)).resolves.toMatchObject({ fileName: 'utkast.pdf', mimeType: 'application/pdf' });
    expect(await failureOf(readAttachment(actors.coordinator, attachment!.id))).toEqual({ code: 'NOT_FOUND' });
  });
});

describe('deleteDraft', () => {
  it('removes the files of a deleted draft’s attachments with it', async () => {
    const before = await footprint();
    const number = await issue('draft');
    await addAttachments(actors.member, number, [file(PDF, 'utkast.pdf'), file(TEXT, 'utkast.txt')]);
    expect((await storedFiles()).length).toBe(before.files.length + 2);
    await deleteDraft(actors.admin, number);
    expect(await storedFiles()).toEqual(before.files);
    expect(await db.prisma.workshopAttachment.count()).toBe(before.rows);
  });
});

// ── The upload form's action ─────────────────────────────────────────────────────

describe('uploadAttachmentsAction', () => {
  const form = (number: number, ...files: File[]) => {
    const data = new FormData();
    data.set('locale', 'sv');
    data.set('number', String(number));
    for (const f of files) data.append('attachments', f);
    return data;
  };
  const IDLE: AttachmentFormState = { status: 'idle' };

  it('attaches the chosen files and has the issue page rendered again', async () => {
    const number = await issue('assigned');
    session.actor = actors.official;
    revalidated.length = 0;
    expect(await uploadAttachmentsAction(IDLE, form(number, file(PDF, 'svar.pdf'), file(TEXT, 'bilaga.txt')))).toEqual({ status: 'success', success: 'attached' });
    expect(revalidated).toEqual(['/[locale]/verkstad/[nummer]']);
    expect((await getIssue(actors.official, number)).attachments.map((a) => a.fileName)).toEqual(['svar.pdf', 'bilaga.txt']);
  });

  it('answers a refusal with its message key and the file it concerns', async () => {
    const number = await issue('assigned');
    session.actor = actors.official;
    expect(await uploadAttachmentsAction(IDLE, form(number, file(PDF, 'svar.pdf'), file('MZ\x90\x00\x00', 'program.pdf')))).toEqual({
      status: 'error',
      fieldErrors: { attachments: 'attachmentType' },
      refusedFile: 'program.pdf',
    });
    session.actor = actors.otherMember;
    expect(await uploadAttachmentsAction(IDLE, form(number, file(PDF, 'svar.pdf')))).toEqual({ status: 'error', formError: 'notFound' });
    session.actor = actors.anonymous;
    expect(await uploadAttachmentsAction(IDLE, form(number, file(PDF, 'svar.pdf')))).toEqual({ status: 'error', formError: 'unauthenticated' });
    expect(await db.prisma.workshopAttachment.count({ where: { issue: { number } } })).toBe(0);
  });
});

// ── The issue page's section ─────────────────────────────────────────────────────

describe('IssueAttachments', () => {
  const attachments = [
    { id: 'c'.repeat(25), fileName: 'Kallelse <mars>.pdf', mimeType: 'application/pdf', byteSize: 12_345, createdAt: new Date('2026-03-04T09:30:00Z') },
    { id: 'd'.repeat(25), fileName: 'Ärenden.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', byteSize: 2_500_000, createdAt: new Date('2026-03-05T13:00:00Z') },
  ];
  const render = async (locale: 'sv' | 'en' | 'ar', issue: Parameters<typeof IssueAttachments>[0]['issue']) => renderToStaticMarkup(await IssueAttachments({ locale, issue }));

  it('lists the files in a table with a caption, scoped headers and a download link each', async () => {
    const html = await render('sv', { number: 7, attachments, can: { attach: false } });
    expect(html).toContain('<h2 id="bilagor-rubrik">Bilagor</h2>');
    expect(html).toMatch(/<caption id="bilagor-tabell">Bilagor till ärende 7<\/caption>/);
    expect(html.match(/<th scope="col">/g)).toHaveLength(4);
    expect(html).toContain(`<th scope="row" class="attachment-table__name"><a href="/media/bilagor/${'c'.repeat(25)}" download="">Kallelse &lt;mars&gt;.pdf</a></th>`);
    expect(html).toContain('PDF-dokument');
    expect(html).toContain('Excel-kalkylblad');
    expect(html).toMatch(/12\s?kB/);
    expect(html).toMatch(/2,4\s?MB/);
    expect(html).toContain('<time dateTime="2026-03-04T09:30:00.000Z">');
    // Without the right to attach, no form.
    expect(html).not.toContain('<form');
  });

  it('offers the upload form to those who may attach, with a labelled file field and what fits', async () => {
    const html = await render('sv', { number: 7, attachments, can: { attach: true } });
    expect(html).toContain('<h3 id="bilagor-ny">Bifoga filer</h3>');
    expect(html).toMatch(/<label for="bilaga-form-attachments">Filer<\/label>/);
    const input = /<input id="bilaga-form-attachments"[^>]*>/.exec(html)?.[0] ?? '';
    for (const attribute of ['aria-describedby="bilaga-form-attachments-hint"', 'name="attachments"', 'type="file"', 'multiple=""', 'accept=".pdf,.png,.jpg,.jpeg,.webp,.txt,']) {
      expect(input).toContain(attribute);
    }
    expect(html).toContain('8 filer till får plats (högst 10 per ärende).');
    expect(html).toContain('Högst 10 MB per fil och 30 MB åt gången.');
    expect(html).toContain('<input type="hidden" name="number" value="7"/>');
  });

  it('says so when the issue has no files, or no room for more', async () => {
    expect(await render('en', { number: 7, attachments: [], can: { attach: false } })).toContain('<p>The issue has no attachments.</p>');
    const full = await render('ar', { number: 7, attachments: Array.from({ length: 10 }, (_, n) => ({ ...attachments[0]!, id: `${n}`.repeat(25) })), can: { attach: true } });
    expect(full).toContain('<p>لدى القضية 10 مرفقات بالفعل، فلا يتسع لمزيد منها.</p>');
    expect(full).not.toContain('<form');
  });
});

// ── Pure parts ───────────────────────────────────────────────────────────────────

describe('cleanAttachmentName', () => {
  it.each([
    ['Protokoll 2026-03-04.pdf', 'application/pdf', 'Protokoll 2026-03-04.pdf'],
    ['/home/anna/brev.pdf', 'application/pdf', 'brev.pdf'],
    ['brev\u0000\u0007.pdf', 'application/pdf', 'brev.pdf'],
    ['  rad\tett\r\nrad två .docx  ', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', 'rad ett rad två .docx'],
    ['bild', 'image/png', 'bild.png'],
    ['bild.jpeg', 'image/jpeg', 'bild.jpeg'],
    ['bild.png', 'image/jpeg', 'bild.png.jpg'],
    ['.pdf', 'application/pdf', 'pdf.pdf'],
    ['...', 'text/plain', 'bilaga.txt'],
    ['data.csv', 'text/plain', 'data.csv'],
    ['rapport.pdf.', 'application/pdf', 'rapport.pdf'],
    ['تقرير.pdf', 'application/pdf', 'تقرير.pdf'],
  ])('%j as %s is %j', (raw, type, expected) => {
    expect(cleanAttachmentName(raw, type as Parameters<typeof cleanAttachmentName>[1])).toBe(expected);
  });

  it('cuts a long name to 160 characters and keeps its extension', () => {
    const name = cleanAttachmentName(`${'å'.repeat(300)}.xlsx`, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect([...name]).toHaveLength(160);
    expect(name.endsWith('å.xlsx')).toBe(true);
  });
});

describe('attachmentDisposition', () => {
  it('names the file for old and new browsers, with nothing that ends the header value', () => {
    expect(attachmentDisposition('Svar (slutligt).pdf')).toBe(`attachment; filename="Svar (slutligt).pdf"; filename*=UTF-8''Svar%20%28slutligt%29.pdf`);
    expect(attachmentDisposition('a"b\\c;d.txt')).toBe(`attachment; filename="a_b_c;d.txt"; filename*=UTF-8''a%22b%5Cc%3Bd.txt`);
    expect(attachmentDisposition('تقرير.pdf')).toBe(`attachment; filename="_____.pdf"; filename*=UTF-8''${encodeURIComponent('تقرير')}.pdf`);
  });
});

describe('batchProblem', () => {
  it('checks count and sizes the same way in the browser and on the server', () => {
    const mb = 1024 * 1024;
    expect(batchProblem([{ name: 'a.pdf', size: 10 * mb }], 9)).toBeNull();
    expect(batchProblem([{ name: 'a.pdf', size: 10 * mb + 1 }], 0)).toEqual({ key: 'attachmentTooLarge', fileName: 'a.pdf' });
    expect(batchProblem([{ name: 'a.pdf', size: 1 }, { name: 'b.pdf', size: 1 }], 9)).toEqual({ key: 'attachmentTooMany', fileName: null });
    expect(batchProblem([], 0)).toEqual({ key: 'attachmentRequired', fileName: null });
  });
});

describe('the WorkshopAttachments messages', () => {
  /** Every key of an object tree, at any depth, with its value. */
  const leaves = (tree: object, prefix = ''): [string, unknown][] =>
    Object.entries(tree).flatMap(([key, value]) => (value && typeof value === 'object' ? leaves(value, `${prefix}${key}.`) : [[`${prefix}${key}`, value]]));

  it('have the same keys in Swedish, English and Arabic, none empty', () => {
    const keys = leaves(sv.WorkshopAttachments).map(([key]) => key);
    for (const messages of [sv, en, ar]) {
      const found = leaves(messages.WorkshopAttachments);
      expect(found.map(([key]) => key)).toEqual(keys);
      for (const [key, value] of found) expect(typeof value === 'string' && value.trim() !== '', key).toBe(true);
    }
  });

  it('word every reason a batch is refused and every accepted type', () => {
    expect(Object.keys(sv.WorkshopAttachments.errors).sort()).toEqual([...attachmentErrors.keys].sort());
    expect(Object.keys(sv.WorkshopAttachments.types).sort()).toEqual([...new Set([...Object.values(ATTACHMENT_TYPE_NAMES), 'other'])].sort());
  });
});
